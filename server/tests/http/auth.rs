//! Sign-up, log-in, log-out, `me` and the session cookie.

use super::support::{PASSWORD, TestApp};
use http::StatusCode;

#[tokio::test]
async fn sign_up_signs_in_and_me_answers_the_user() {
    let app = TestApp::new().await;
    let mut client = app.client();
    assert_eq!(client.me().await, serde_json::Value::Null);

    let user = client.sign_up("ada", &["wants_client"]).await;
    assert_eq!(user["username"], "ada");
    assert_eq!(user["active_mode"], "client");
    assert!(client.cookie.is_some(), "sign-up sets the session cookie");

    let me = client.me().await;
    assert_eq!(me["username"], "ada");
    assert_eq!(me["email"], "ada@example.com");
    assert_eq!(me["has_freelancer"], false);
}

#[tokio::test]
async fn invalid_sign_up_gets_field_errors_and_creates_nothing() {
    let app = TestApp::new().await;
    let mut client = app.client();
    let response = client
        .post(
            "/api/auth/signup",
            &[
                ("email", "not-an-email"),
                ("username", "x"),
                ("display_name", ""),
                ("password", "password"),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["email", "username", "display_name", "password", "sides"] {
        assert!(
            response.field_error(field).is_some(),
            "no error for {field}: {}",
            response.text()
        );
    }
    assert!(response.field_error("password").unwrap().contains("common"));
    assert!(client.cookie.is_none());
    let mut other = app.client();
    assert_eq!(
        other.log_in("x", "password").await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn duplicate_email_or_username_is_a_clear_field_error() {
    let app = TestApp::new().await;
    app.client().sign_up("ada", &["wants_client"]).await;

    let mut second = app.client();
    let same_email = second
        .post(
            "/api/auth/signup",
            &[
                ("email", "ADA@example.com"),
                ("username", "someone_else"),
                ("display_name", "Someone"),
                ("password", PASSWORD),
                ("wants_client", "on"),
            ],
        )
        .await;
    assert_eq!(same_email.status, StatusCode::CONFLICT);
    assert!(
        same_email
            .field_error("email")
            .unwrap()
            .contains("already exists")
    );
    assert!(same_email.field_error("username").is_none());

    let same_username = second
        .post(
            "/api/auth/signup",
            &[
                ("email", "other@example.com"),
                ("username", "Ada"),
                ("display_name", "Other Ada"),
                ("password", PASSWORD),
                ("wants_client", "on"),
            ],
        )
        .await;
    assert_eq!(same_username.status, StatusCode::CONFLICT);
    assert!(
        same_username
            .field_error("username")
            .unwrap()
            .contains("taken")
    );
    assert!(
        second.cookie.is_none(),
        "a refused sign-up does not sign in"
    );
}

#[tokio::test]
async fn log_in_works_with_email_or_username() {
    let app = TestApp::new().await;
    app.client().sign_up("grace", &["wants_freelancer"]).await;

    let mut by_email = app.client();
    let response = by_email.log_in("Grace@Example.com", PASSWORD).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
    assert_eq!(by_email.me().await["username"], "grace");

    let mut by_username = app.client();
    assert_eq!(
        by_username.log_in("grace", PASSWORD).await.status,
        StatusCode::OK
    );
    assert_eq!(by_username.me().await["active_mode"], "freelancer");
}

#[tokio::test]
async fn unknown_user_and_wrong_password_look_identical() {
    let app = TestApp::new().await;
    app.client().sign_up("grace", &["wants_client"]).await;

    let wrong_password = app.client().log_in("grace", "not the password").await;
    let unknown_user = app.client().log_in("nobody", "not the password").await;
    assert_eq!(wrong_password.status, StatusCode::UNAUTHORIZED);
    assert_eq!(unknown_user.status, wrong_password.status);
    let strip_echo = |mut v: serde_json::Value| {
        v["InvalidCredentials"]["values"] = serde_json::Value::Null;
        v
    };
    assert_eq!(
        strip_echo(unknown_user.json()),
        strip_echo(wrong_password.json())
    );
    assert!(unknown_user.session_set_cookie().is_none());
}

#[tokio::test]
async fn session_cookie_has_safe_flags() {
    let app = TestApp::new().await;
    let mut client = app.client();
    let response = client
        .post(
            "/api/auth/signup",
            &[
                ("email", "ada@example.com"),
                ("username", "ada"),
                ("display_name", "Ada"),
                ("password", PASSWORD),
                ("wants_client", "on"),
            ],
        )
        .await;
    let cookie = response.session_set_cookie().expect("session cookie");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(cookie.contains("Path=/"), "{cookie}");
    assert!(
        cookie.contains("Max-Age=1800"),
        "30-minute inactivity expiry: {cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain http origin: {cookie}");

    let https = TestApp::with_vars(&[("GUILD_PUBLIC_ORIGIN", "https://guild.example")]).await;
    let mut secure_client = https.client();
    let response = secure_client
        .post(
            "/api/auth/signup",
            &[
                ("email", "ada@example.com"),
                ("username", "ada"),
                ("display_name", "Ada"),
                ("password", PASSWORD),
                ("wants_client", "on"),
            ],
        )
        .await;
    let cookie = response.session_set_cookie().expect("session cookie");
    assert!(cookie.contains("Secure"), "https origin: {cookie}");
}

#[tokio::test]
async fn the_session_id_changes_at_log_in() {
    let app = TestApp::new().await;
    let mut client = app.client();
    client.sign_up("ada", &["wants_client"]).await;
    let before = client.cookie.clone().expect("cookie after sign-up");

    assert_eq!(client.log_in("ada", PASSWORD).await.status, StatusCode::OK);
    let after = client.cookie.clone().expect("cookie after log-in");
    assert_ne!(before, after, "log-in must issue a new session id");

    let mut old = app.client();
    old.cookie = Some(before);
    assert_eq!(
        old.me().await,
        serde_json::Value::Null,
        "the pre-log-in id is dead"
    );
    assert_eq!(client.me().await["username"], "ada");
}

#[tokio::test]
async fn the_old_cookie_is_useless_after_log_out() {
    let app = TestApp::new().await;
    let mut client = app.client();
    client.sign_up("ada", &["wants_client"]).await;
    let cookie = client.cookie.clone().expect("cookie");

    let response = client.post("/api/auth/logout", &[]).await;
    assert_eq!(response.status, StatusCode::OK);
    assert!(client.cookie.is_none(), "log-out clears the cookie");

    let mut replay = app.client();
    replay.cookie = Some(cookie);
    assert_eq!(replay.me().await, serde_json::Value::Null);
}

#[tokio::test]
async fn sessions_survive_a_restart_of_the_router() {
    let app = TestApp::new().await;
    let mut client = app.client();
    client.sign_up("ada", &["wants_client"]).await;
    let cookie = client.cookie.clone();

    let config = server::config::Config::from_lookup(|_| None).expect("config");
    let restarted = server::app(app.state.clone(), &config);
    let request = http::Request::post("/api/auth/me")
        .header("sec-fetch-site", "same-origin")
        .header(http::header::COOKIE, cookie.expect("cookie"))
        .body(axum::body::Body::empty())
        .expect("request");
    let response = tower::ServiceExt::oneshot(restarted, request)
        .await
        .expect("response");
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("body");
    let me: serde_json::Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(
        me["username"], "ada",
        "sessions live in the database, not in memory"
    );
}

#[tokio::test]
async fn no_javascript_form_posts_redirect_with_errors_or_to_the_dashboard() {
    let app = TestApp::new().await;
    let form = |body: &str| {
        http::Request::post("/api/auth/signup")
            .header("sec-fetch-site", "same-origin")
            .header(
                http::header::CONTENT_TYPE,
                "application/x-www-form-urlencoded",
            )
            .header(http::header::ACCEPT, "text/html,application/xhtml+xml")
            .header(http::header::REFERER, "http://guild.test/signup")
            .body(axum::body::Body::from(body.to_string()))
            .expect("request")
    };
    let bad = app
        .send(form("email=bad&username=ada&display_name=Ada&password=x"))
        .await;
    assert_eq!(bad.status, StatusCode::FOUND);
    let location = bad.header("location").expect("location");
    assert!(
        location.starts_with("http://guild.test/signup?"),
        "{location}"
    );
    assert!(location.contains("__err="), "{location}");

    let good = app
        .send(form(
            "email=ada%40example.com&username=ada&display_name=Ada&password=copper+kettle+sings&wants_client=on",
        ))
        .await;
    assert_eq!(good.status, StatusCode::FOUND, "{}", good.text());
    assert_eq!(good.header("location").as_deref(), Some("/dashboard"));
    assert!(good.session_set_cookie().is_some());
}
