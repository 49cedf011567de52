//! Onboarding, approval and what discovery shows.

use super::support::TestApp;
use http::StatusCode;

#[tokio::test]
async fn a_coach_walks_nine_steps_and_is_listed_only_after_approval() {
    let app = TestApp::new().await;
    let mut coach = app.client();
    coach.sign_up("coach_kim", &["wants_client"]).await;
    coach
        .complete_onboarding("coaching", &["math-tutor"], "Algebra, Calculus", "35")
        .await;

    let profile = coach.ok("/api/profiles/me", &[]).await;
    assert_eq!(profile["status"], "pending");
    assert_eq!(
        profile["onboarding_step"], 9,
        "all nine coach steps completed"
    );
    assert_eq!(profile["kind"], "coaching");
    assert_eq!(
        coach.me().await["has_freelancer"],
        true,
        "onboarding added the coach side"
    );

    let visitor = app
        .client()
        .post("/api/talent/search", &[("filters[role]", "math-tutor")])
        .await;
    assert_eq!(
        visitor.json()["total"],
        0,
        "pending profiles are not discoverable"
    );
    let page = app
        .client()
        .post("/api/profiles/freelancer", &[("username", "coach_kim")])
        .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);

    let id = coach.me().await["id"].to_string();
    let mut member = app.client();
    member.sign_up("nosy", &["wants_client"]).await;
    let forbidden = member
        .post(
            "/api/admin/profiles/decide",
            &[("user_id", &id), ("revision", "1"), ("approve", "true")],
        )
        .await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);

    let mut admin = app.admin().await;
    admin.approve_profile(&id).await;
    let found = app
        .client()
        .post("/api/talent/search", &[("filters[role]", "math-tutor")])
        .await
        .json();
    assert_eq!(found["total"], 1);
    assert_eq!(found["items"][0]["username"], "coach_kim");
    assert_eq!(
        app.client()
            .post("/api/profiles/freelancer", &[("username", "coach_kim")])
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn freelancers_skip_the_teaching_step_and_progress_is_saved_as_a_draft() {
    let app = TestApp::new().await;
    let mut me = app.client();
    me.sign_up("freddie", &["wants_freelancer"]).await;
    me.ok("/api/onboarding/start", &[("kind", "freelance")])
        .await;
    me.ok("/api/onboarding/roles", &[("roles[]", "graphic-designer")])
        .await;
    let draft = me.ok("/api/profiles/me", &[]).await;
    assert_eq!(draft["status"], "draft");
    assert_eq!(draft["onboarding_step"], 1);
    assert_eq!(draft["roles"][0], "graphic-designer");

    let teaching = me
        .post(
            "/api/onboarding/teaching",
            &[
                ("kind", "freelance"),
                ("teaching_format", "online"),
                ("levels[]", "beginner"),
            ],
        )
        .await;
    assert_eq!(
        teaching.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a freelancer can't pick a non-teaching kind here"
    );

    let early = me.post("/api/onboarding/submit", &[]).await;
    assert_eq!(
        early.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "an incomplete profile can't be submitted"
    );
    assert!(early.field_error("skills").is_some());
    assert!(early.field_error("rate").is_some());
}

#[tokio::test]
async fn portfolio_links_must_be_http_or_https() {
    let app = TestApp::new().await;
    let mut me = app.client();
    me.sign_up("sneaky", &["wants_freelancer"]).await;
    me.ok("/api/onboarding/start", &[("kind", "freelance")])
        .await;
    let response = me
        .post(
            "/api/onboarding/portfolio",
            &[
                ("portfolio[0][title]", "My site"),
                ("portfolio[0][url]", "javascript:alert(document.cookie)"),
                ("portfolio[1][title]", "Thumb"),
                ("portfolio[1][url]", "https://github.com/sneaky/work"),
                ("portfolio[1][thumbnail_url]", "data:image/svg+xml,<svg/>"),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response
            .field_error("portfolio[0][url]")
            .unwrap()
            .contains("http")
    );
    assert!(
        response
            .field_error("portfolio[1][thumbnail_url]")
            .is_some()
    );
    assert_eq!(
        me.ok("/api/profiles/me", &[]).await["portfolio"],
        serde_json::json!([]),
        "nothing was saved"
    );

    me.ok(
        "/api/onboarding/portfolio",
        &[
            ("portfolio[0][title]", "Shop"),
            ("portfolio[0][url]", "https://github.com/sneaky/shop"),
        ],
    )
    .await;
    assert_eq!(
        me.ok("/api/profiles/me", &[]).await["portfolio"][0]["url"],
        "https://github.com/sneaky/shop"
    );
}

#[tokio::test]
async fn a_rejected_profile_gets_the_reason_and_can_be_resubmitted() {
    let app = TestApp::new().await;
    let mut me = app.client();
    me.sign_up("redo", &["wants_freelancer"]).await;
    me.complete_onboarding("freelance", &["content-writer"], "Copywriting", "40")
        .await;
    let id = me.me().await["id"].to_string();
    let mut admin = app.admin().await;
    let revision = admin.pending_profile_revision(&id).await;
    let no_reason = admin
        .post(
            "/api/admin/profiles/decide",
            &[
                ("user_id", &id),
                ("revision", &revision),
                ("approve", "false"),
            ],
        )
        .await;
    assert_eq!(
        no_reason.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a rejection needs a reason"
    );
    admin
        .ok(
            "/api/admin/profiles/decide",
            &[
                ("user_id", &id),
                ("revision", &revision),
                ("approve", "false"),
                ("reason", "Add portfolio samples"),
            ],
        )
        .await;
    let profile = me.ok("/api/profiles/me", &[]).await;
    assert_eq!(profile["status"], "rejected");
    assert_eq!(profile["rejection_reason"], "Add portfolio samples");
    me.ok("/api/onboarding/submit", &[]).await;
    assert_eq!(me.ok("/api/profiles/me", &[]).await["status"], "pending");
}

#[tokio::test]
async fn onboarding_needs_a_signed_in_user() {
    let app = TestApp::new().await;
    let response = app
        .client()
        .post("/api/onboarding/roles", &[("roles[]", "plumber")])
        .await;
    assert_eq!(response.status, StatusCode::UNAUTHORIZED);
}
