//! Liveness and readiness for load balancers.

use super::support::TestApp;
use http::StatusCode;

#[tokio::test]
async fn ready_when_the_database_answers_and_not_when_it_is_gone() {
    let app = TestApp::new().await;
    let mut client = app.client();
    let live = client.get("/healthz").await;
    assert_eq!(live.status, StatusCode::OK);
    let ready = client.get("/readyz").await;
    assert_eq!(ready.status, StatusCode::OK, "{}", ready.text());
    assert_eq!(ready.text(), "database: ok\n");

    app.state.db.clone().close().await.expect("close the pool");
    let gone = client.get("/readyz").await;
    assert_eq!(gone.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(gone.text(), "database: unreachable\n");
    assert_eq!(
        client.get("/healthz").await.status,
        StatusCode::OK,
        "liveness does not depend on the database"
    );
}

#[tokio::test]
async fn a_configured_redis_must_answer_too() {
    // Nothing listens on port 1.
    let app = TestApp::with_vars(&[("GUILD_REDIS_URL", "redis://127.0.0.1:1")]).await;
    let down = app.client().get("/readyz").await;
    assert_eq!(down.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(down.text(), "database: ok\nredis: unreachable\n");

    let Ok(url) = std::env::var("GUILD_TEST_REDIS_URL") else {
        eprintln!("GUILD_TEST_REDIS_URL is not set: the reachable-Redis half is skipped");
        return;
    };
    let app = TestApp::with_vars(&[("GUILD_REDIS_URL", &url)]).await;
    let up = app.client().get("/readyz").await;
    assert_eq!(up.status, StatusCode::OK, "{}", up.text());
    assert_eq!(up.text(), "database: ok\nredis: ok\n");
}

/// The scraper token the metrics tests configure.
const TOKEN: &str = "scrape-me-0123456789";

async fn scrape(app: &TestApp, authorization: Option<&str>) -> super::support::TestResponse {
    let mut request = http::Request::get("/metrics");
    if let Some(value) = authorization {
        request = request.header(http::header::AUTHORIZATION, value);
    }
    app.send(request.body(axum::body::Body::empty()).expect("request"))
        .await
}

#[tokio::test]
async fn metrics_need_a_configured_token_and_count_requests_by_route_pattern() {
    let closed = TestApp::new().await;
    assert_eq!(
        scrape(&closed, Some(&format!("Bearer {TOKEN}")))
            .await
            .status,
        StatusCode::NOT_FOUND,
        "no token configured: no endpoint"
    );

    let app = TestApp::with_vars(&[("GUILD_METRICS_TOKEN", TOKEN)]).await;
    let missing = scrape(&app, None).await;
    assert_eq!(missing.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        missing.header("www-authenticate").as_deref(),
        Some("Bearer")
    );
    let wrong = scrape(&app, Some("Bearer scrape-me-0123456788")).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(!wrong.text().contains("guild_"), "nothing leaks");

    let mut client = app.client();
    assert_eq!(client.get("/gigs").await.status, StatusCode::OK);
    assert_eq!(client.get("/gigs").await.status, StatusCode::OK);
    client.get("/gigs/424242").await;
    client.get("/no/such/page").await;
    let page = scrape(&app, Some(&format!("Bearer {TOKEN}"))).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    let text = page.text();
    for expected in [
        "guild_http_requests_total{method=\"GET\",route=\"/gigs\",status=\"2xx\"} 2",
        "route=\"/gigs/{id}\"",
        "guild_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"4xx\"} 1",
        "guild_http_request_duration_seconds_bucket{",
        "guild_live_sockets 0",
        "guild_db_pool_connections ",
        "guild_email_outbox_backlog 0",
        "guild_uptime_seconds ",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    assert!(
        !text.contains("424242") && !text.contains("/no/such/page"),
        "raw paths never become labels"
    );
}

#[test]
fn a_short_metrics_token_is_refused_at_start_up() {
    let refused = server::config::Config::from_lookup(|name| {
        (name == "GUILD_METRICS_TOKEN").then(|| "short".to_string())
    })
    .expect_err("too short");
    assert_eq!(refused.name, "GUILD_METRICS_TOKEN");
}

#[tokio::test]
async fn the_health_page_is_for_super_admins_and_counts_server_errors() {
    let app = TestApp::new().await;
    let mut visitor = app.client();
    let page = visitor.get("/admin/health").await;
    assert!(
        page.status.is_redirection() || page.text().contains("/login?next=/admin/health"),
        "a visitor is sent to log in"
    );
    let mut member = app.client();
    member.sign_up("mia", &["wants_client"]).await;
    assert_eq!(
        member.get("/admin/health").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        member.post("/api/admin/health", &[]).await.status,
        StatusCode::FORBIDDEN
    );

    // A server error is counted (the record layer sees every 5xx).
    app.state.vitals.record_error();
    let mut admin = app.admin().await;
    let health = admin.ok("/api/admin/health", &[]).await;
    assert_eq!(
        health["backend"],
        if app.config.is_sqlite() {
            "SQLite"
        } else {
            "PostgreSQL"
        }
    );
    assert!(
        health["database_bytes"].as_u64().unwrap() > 10_000,
        "{health}"
    );
    assert!(health["pool_open"].as_u64().unwrap() >= 1);
    assert_eq!(health["pool_max"], app.config.db_max_connections);
    assert_eq!(health["sockets"], 0);
    assert_eq!(health["redis"], "NotConfigured");
    assert_eq!(health["outbox_waiting"], 0);
    assert_eq!(health["errors_last_hour"], 1);
    let page = admin.get("/admin/health").await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    for text in [
        "System health",
        "Server errors in the last hour",
        "not configured (one instance)",
    ] {
        assert!(html.contains(text), "missing {text:?}");
    }
}
