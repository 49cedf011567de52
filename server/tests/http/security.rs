//! The security baseline: CSRF, body limit, log-in throttling, headers.

use super::support::{ORIGIN, PASSWORD, TestApp};
use axum::body::Body;
use http::{Request, StatusCode, header};

fn signup_body() -> &'static str {
    "email=eve%40example.com&username=eve&display_name=Eve&password=copper+kettle+sings&wants_client=on"
}

fn signup_request(extra: &[(&str, &str)]) -> Request<Body> {
    let mut builder = Request::post("/api/auth/signup")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    for (name, value) in extra {
        builder = builder.header(*name, *value);
    }
    builder.body(Body::from(signup_body())).expect("request")
}

async fn eve_exists(app: &TestApp) -> bool {
    app.client().log_in("eve", PASSWORD).await.status == StatusCode::OK
}

#[tokio::test]
async fn a_foreign_origin_is_refused_and_changes_nothing() {
    let app = TestApp::new().await;
    let response = app
        .send(signup_request(&[("origin", "https://evil.example")]))
        .await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    assert!(!eve_exists(&app).await);
}

#[tokio::test]
async fn cross_site_fetch_metadata_is_refused_and_changes_nothing() {
    let app = TestApp::new().await;
    let response = app
        .send(signup_request(&[
            ("sec-fetch-site", "cross-site"),
            ("origin", ORIGIN),
        ]))
        .await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    assert!(!eve_exists(&app).await);
}

#[tokio::test]
async fn a_post_with_neither_header_is_refused() {
    let app = TestApp::new().await;
    assert_eq!(
        app.send(signup_request(&[])).await.status,
        StatusCode::FORBIDDEN
    );
    assert!(!eve_exists(&app).await);
}

#[tokio::test]
async fn the_configured_origin_passes_without_fetch_metadata() {
    let app = TestApp::new().await;
    let response = app.send(signup_request(&[("origin", ORIGIN)])).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
    assert!(eve_exists(&app).await);
}

#[tokio::test]
async fn an_oversized_body_gets_413() {
    let app = TestApp::new().await;
    let huge = format!(
        "email=a%40b.co&username=big&display_name={}",
        "x".repeat(2 * 1024 * 1024)
    );
    let request = Request::post("/api/auth/signup")
        .header("sec-fetch-site", "same-origin")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::CONTENT_LENGTH, huge.len())
        .body(Body::from(huge))
        .expect("request");
    assert_eq!(
        app.send(request).await.status,
        StatusCode::PAYLOAD_TOO_LARGE
    );
}

#[tokio::test]
async fn the_eleventh_rapid_failed_log_in_gets_429() {
    let app = TestApp::new().await;
    app.client().sign_up("ada", &["wants_client"]).await;
    for attempt in 1..=10 {
        let response = app.client().log_in("ada", "wrong password").await;
        assert_eq!(
            response.status,
            StatusCode::UNAUTHORIZED,
            "attempt {attempt}"
        );
    }
    let eleventh = app.client().log_in("ada", "wrong password").await;
    assert_eq!(eleventh.status, StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = eleventh
        .header("retry-after")
        .expect("Retry-After")
        .parse()
        .expect("seconds");
    assert!((1..=60).contains(&retry), "{retry}");
    let right_password_too = app.client().log_in("ada", PASSWORD).await;
    assert_eq!(
        right_password_too.status,
        StatusCode::TOO_MANY_REQUESTS,
        "throttled means throttled"
    );
}

#[tokio::test]
async fn pages_carry_security_headers_and_a_nonce_policy() {
    let app = TestApp::new().await;
    let page = app.client().get("/").await;
    assert_eq!(page.status, StatusCode::OK);
    let csp = page.header("content-security-policy").expect("CSP");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the policy");
    assert!(
        page.text().contains(&format!("nonce=\"{nonce}\"")),
        "the hydration script carries the nonce"
    );
    assert_eq!(
        page.header("x-content-type-options").as_deref(),
        Some("nosniff")
    );
    assert_eq!(
        page.header("referrer-policy").as_deref(),
        Some("strict-origin-when-cross-origin")
    );

    let api = app.client().post("/api/auth/me", &[]).await;
    assert_eq!(
        api.header("content-security-policy").as_deref(),
        Some("default-src 'none'; frame-ancestors 'none'")
    );
}

#[tokio::test]
async fn internal_details_never_reach_the_client() {
    let app = TestApp::new().await;
    let response = app
        .client()
        .post("/api/auth/login", &[("identifier", "ada")])
        .await;
    assert_eq!(
        response.status,
        StatusCode::BAD_REQUEST,
        "{}",
        response.text()
    );
    assert!(!response.text().to_lowercase().contains("sqlite"));
}
