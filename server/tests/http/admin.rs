//! Admin capabilities: only granted by a super admin, enforced on the server.

use super::support::{PASSWORD, TestApp};
use app::accounts::server::service::{SignupInput, create_account};
use http::StatusCode;

async fn super_admin(app: &TestApp) {
    let input = SignupInput {
        email: "root@example.com".into(),
        username: "boss".into(),
        display_name: "The Boss".into(),
        password: PASSWORD.into(),
        wants_client: true,
        wants_freelancer: false,
    };
    create_account(&app.state, &input, true, None)
        .await
        .expect("super admin");
}

#[tokio::test]
async fn non_admins_get_403_and_visitors_401_from_admin_functions() {
    let app = TestApp::new().await;
    let anonymous = app.client().post("/api/admin/users", &[]).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);

    let mut member = app.client();
    member.sign_up("maya", &["wants_client"]).await;
    assert_eq!(
        member.post("/api/admin/users", &[]).await.status,
        StatusCode::FORBIDDEN
    );
    let grant = member
        .post(
            "/api/admin/set-admin",
            &[("user_id", "1"), ("grant", "true")],
        )
        .await;
    assert_eq!(grant.status, StatusCode::FORBIDDEN);
    assert_eq!(member.me().await["is_admin"], false);
}

#[tokio::test]
async fn a_super_admin_grants_admin_and_the_target_signs_in_again() {
    let app = TestApp::new().await;
    super_admin(&app).await;
    let mut maya = app.client();
    let maya_user = maya.sign_up("maya", &["wants_client"]).await;
    let maya_id = maya_user["id"].to_string();

    let mut boss = app.client();
    assert_eq!(boss.log_in("boss", PASSWORD).await.status, StatusCode::OK);
    let users = boss.post("/api/admin/users", &[("query", "MAY")]).await;
    assert_eq!(users.status, StatusCode::OK);
    assert_eq!(users.json().as_array().map(Vec::len), Some(1));

    let grant = boss
        .post(
            "/api/admin/set-admin",
            &[("user_id", &maya_id), ("grant", "true")],
        )
        .await;
    assert_eq!(grant.status, StatusCode::OK, "{}", grant.text());
    assert_eq!(
        maya.me().await,
        serde_json::Value::Null,
        "the role change ended maya's sessions"
    );

    assert_eq!(maya.log_in("maya", PASSWORD).await.status, StatusCode::OK);
    assert_eq!(maya.me().await["is_admin"], true);
    assert_eq!(
        maya.post("/api/admin/users", &[]).await.status,
        StatusCode::OK
    );
    let escalate = maya
        .post(
            "/api/admin/set-admin",
            &[("user_id", &maya_id), ("grant", "true")],
        )
        .await;
    assert_eq!(
        escalate.status,
        StatusCode::FORBIDDEN,
        "admins cannot grant admin"
    );
}
