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
