//! Private client profiles and the messaging rule.

use super::support::{TestApp, project_gig};
use http::StatusCode;

#[tokio::test]
async fn a_student_profile_opens_to_a_coach_only_after_contact() {
    let app = TestApp::new().await;
    let mut student = app.client();
    student.sign_up("student", &["wants_client"]).await;
    student
        .ok(
            "/api/profiles/client/save",
            &[
                ("city", "Lyon"),
                ("country", "FR"),
                ("learning_goals", "Pass my algebra exam"),
                ("languages[0][language]", "French"),
                ("languages[0][proficiency]", "native"),
            ],
        )
        .await;
    let mut coach = app
        .approved_freelancer("coach", "math-tutor", "Algebra", "30")
        .await;

    let hidden = coach
        .post("/api/profiles/client", &[("username", "student")])
        .await;
    assert_eq!(
        hidden.status,
        StatusCode::NOT_FOUND,
        "a coach can't see a student who hasn't contacted them"
    );
    assert_eq!(
        coach
            .ok("/api/messages/can-message", &[("username", "student")])
            .await,
        false
    );
    let start = coach
        .post("/api/messages/start", &[("username", "student")])
        .await;
    assert_eq!(
        start.status,
        StatusCode::FORBIDDEN,
        "coaches can't start conversations with students"
    );

    assert_eq!(
        student
            .ok("/api/messages/can-message", &[("username", "coach")])
            .await,
        true
    );
    student
        .ok("/api/messages/start", &[("username", "coach")])
        .await;

    let visible = coach
        .ok("/api/profiles/client", &[("username", "student")])
        .await;
    assert_eq!(visible["learning_goals"], "Pass my algebra exam");
    assert_eq!(visible["languages"][0]["language"], "French");
    assert_eq!(
        coach
            .ok("/api/messages/can-message", &[("username", "student")])
            .await,
        true
    );

    let mut other_coach = app
        .approved_freelancer("other_coach", "math-tutor", "Geometry", "25")
        .await;
    assert_eq!(
        other_coach
            .post("/api/profiles/client", &[("username", "student")])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let page = other_coach.get("/clients/student").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND, "the page is a 404 too");
}

#[tokio::test]
async fn an_accepted_proposal_opens_the_clients_profile() {
    let app = TestApp::new().await;
    let (mut owner, gig) = app.open_gig("owner", &project_gig(&[])).await;
    let mut dev = app
        .approved_freelancer("dev", "web-developer", "Shopify", "40")
        .await;
    assert_eq!(
        dev.post("/api/profiles/client", &[("username", "owner")])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let proposal = dev
        .ok(
            "/api/proposals/submit",
            &[
                ("gig_id", &gig.to_string()),
                (
                    "proposal[cover_letter]",
                    "I would love to build this for you.",
                ),
                ("proposal[price_type]", "fixed"),
                ("proposal[amount]", "700"),
                ("proposal[duration_days]", "10"),
            ],
        )
        .await;
    assert_eq!(
        dev.post("/api/profiles/client", &[("username", "owner")])
            .await
            .status,
        StatusCode::NOT_FOUND,
        "proposing is not enough"
    );
    owner
        .ok(
            "/api/proposals/accept",
            &[
                ("id", &proposal.to_string()),
                ("milestones[0][title]", "All"),
                ("milestones[0][amount]", "700"),
            ],
        )
        .await;
    assert_eq!(
        dev.post("/api/profiles/client", &[("username", "owner")])
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        dev.ok("/api/messages/can-message", &[("username", "owner")])
            .await,
        true
    );
}

#[tokio::test]
async fn clients_see_their_own_profile_and_admins_see_all() {
    let app = TestApp::new().await;
    let mut me = app.client();
    me.sign_up("myself", &["wants_client"]).await;
    assert_eq!(
        me.ok("/api/profiles/client", &[("username", "myself")])
            .await["is_own"],
        true
    );
    let mut admin = app.admin().await;
    assert_eq!(
        admin
            .post("/api/profiles/client", &[("username", "myself")])
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        app.client()
            .post("/api/profiles/client", &[("username", "myself")])
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}
