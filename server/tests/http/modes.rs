//! Market modes: switching, adding a side, and the switch log.

use super::support::TestApp;
use app::entity::mode_switch;
use http::StatusCode;
use sea_orm::{EntityTrait, PaginatorTrait};

#[tokio::test]
async fn switching_to_a_mode_the_account_lacks_is_refused() {
    let app = TestApp::new().await;
    let mut client = app.client();
    client.sign_up("maya", &["wants_client"]).await;
    let response = client
        .post("/api/auth/switch-mode", &[("mode", "freelancer")])
        .await;
    assert_eq!(
        response.status,
        StatusCode::FORBIDDEN,
        "{}",
        response.text()
    );
    assert_eq!(client.me().await["active_mode"], "client");
    assert_eq!(
        mode_switch::Entity::find()
            .count(&app.state.db)
            .await
            .unwrap(),
        0
    );
}

#[tokio::test]
async fn a_two_sided_account_switches_and_every_switch_is_logged() {
    let app = TestApp::new().await;
    let mut client = app.client();
    client
        .sign_up("sam", &["wants_client", "wants_freelancer"])
        .await;
    let before = client.cookie.clone();

    let response = client
        .post("/api/auth/switch-mode", &[("mode", "freelancer")])
        .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
    assert_eq!(response.json()["active_mode"], "freelancer");
    assert_ne!(
        client.cookie, before,
        "the session id rotates on a mode change"
    );
    assert_eq!(client.me().await["active_mode"], "freelancer");

    client
        .post("/api/auth/switch-mode", &[("mode", "client")])
        .await;
    let log = mode_switch::Entity::find()
        .all(&app.state.db)
        .await
        .unwrap();
    let pairs: Vec<_> = log
        .iter()
        .map(|s| (s.from_mode.as_str(), s.to_mode.as_str()))
        .collect();
    assert_eq!(pairs, [("client", "freelancer"), ("freelancer", "client")]);
}

#[tokio::test]
async fn adding_a_side_grants_it_and_switches() {
    let app = TestApp::new().await;
    let mut client = app.client();
    client.sign_up("maya", &["wants_client"]).await;
    let response = client
        .post("/api/auth/add-mode", &[("mode", "freelancer")])
        .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
    let me = client.me().await;
    assert_eq!(me["has_freelancer"], true);
    assert_eq!(me["active_mode"], "freelancer");
}

#[tokio::test]
async fn switching_needs_a_signed_in_user_and_a_known_mode() {
    let app = TestApp::new().await;
    let anonymous = app
        .client()
        .post("/api/auth/switch-mode", &[("mode", "client")])
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);

    let mut client = app.client();
    client.sign_up("maya", &["wants_client"]).await;
    let unknown = client
        .post("/api/auth/switch-mode", &[("mode", "admin")])
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
}
