//! Proposals: who may send, edit, withdraw, decide and accept them.

use super::support::{Client, TestApp, lesson_gig, project_gig};
use http::StatusCode;

fn proposal_fields(gig: &str) -> Vec<(&str, &str)> {
    vec![
        ("gig_id", gig),
        (
            "proposal[cover_letter]",
            "I have done this many times and can start on Monday.",
        ),
        ("proposal[price_type]", "fixed"),
        ("proposal[amount]", "700"),
        ("proposal[duration_days]", "10"),
    ]
}

async fn propose(client: &mut Client<'_>, gig: &str) -> i32 {
    client
        .ok("/api/proposals/submit", &proposal_fields(gig))
        .await
        .as_i64()
        .expect("id") as i32
}

#[tokio::test]
async fn one_active_proposal_per_gig_and_person() {
    let app = TestApp::new().await;
    let (_, gig) = app.open_gig("owner", &project_gig(&[])).await;
    let gig = gig.to_string();
    let mut dev = app
        .approved_freelancer("dev", "web-developer", "Shopify", "40")
        .await;
    let first = propose(&mut dev, &gig).await;
    let second = dev
        .post("/api/proposals/submit", &proposal_fields(&gig))
        .await;
    assert_eq!(second.status, StatusCode::CONFLICT, "{}", second.text());

    dev.ok("/api/proposals/withdraw", &[("id", &first.to_string())])
        .await;
    let again = dev
        .post("/api/proposals/submit", &proposal_fields(&gig))
        .await;
    assert_eq!(
        again.status,
        StatusCode::OK,
        "after withdrawing, a new proposal is allowed"
    );
}

#[tokio::test]
async fn proposing_on_your_own_gig_is_refused() {
    let app = TestApp::new().await;
    let mut both = app
        .approved_freelancer("both_sides", "web-developer", "Shopify", "40")
        .await;
    both.ok("/api/auth/add-mode", &[("mode", "client")]).await;
    let gig = both.post_gig(&project_gig(&[]), true).await;
    let mut admin = app.admin().await;
    admin.approve_gig(&gig.to_string()).await;
    both.ok("/api/auth/switch-mode", &[("mode", "freelancer")])
        .await;
    let response = both
        .post("/api/proposals/submit", &proposal_fields(&gig.to_string()))
        .await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn only_approved_freelancers_propose_and_only_on_open_gigs() {
    let app = TestApp::new().await;
    let (mut owner, gig) = app.open_gig("owner", &project_gig(&[])).await;
    let gig_text = gig.to_string();
    let mut newbie = app.client();
    newbie.sign_up("newbie", &["wants_freelancer"]).await;
    assert_eq!(
        newbie
            .post("/api/proposals/submit", &proposal_fields(&gig_text))
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    owner.ok("/api/gigs/close", &[("id", &gig_text)]).await;
    let mut dev = app
        .approved_freelancer("dev", "web-developer", "Shopify", "40")
        .await;
    assert_eq!(
        dev.post("/api/proposals/submit", &proposal_fields(&gig_text))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn bad_proposals_get_field_errors() {
    let app = TestApp::new().await;
    let (_, gig) = app.open_gig("owner", &project_gig(&[])).await;
    let mut dev = app
        .approved_freelancer("dev", "web-developer", "Shopify", "40")
        .await;
    let gig = gig.to_string();
    let response = dev
        .post(
            "/api/proposals/submit",
            &[
                ("gig_id", gig.as_str()),
                ("proposal[cover_letter]", "hi"),
                ("proposal[price_type]", "weekly"),
                ("proposal[amount]", "-3"),
                ("proposal[duration_days]", "999"),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["cover_letter", "price_type", "amount", "duration_days"] {
        assert!(response.field_error(field).is_some(), "{field}");
    }
}

#[tokio::test]
async fn only_the_gig_owner_sees_and_decides_on_proposals() {
    let app = TestApp::new().await;
    let (mut owner, gig) = app.open_gig("owner", &project_gig(&[])).await;
    let gig_text = gig.to_string();
    let mut dev = app
        .approved_freelancer("dev", "web-developer", "Shopify", "40")
        .await;
    let proposal = propose(&mut dev, &gig_text).await.to_string();

    let mut stranger = app.client();
    stranger.sign_up("stranger", &["wants_client"]).await;
    assert_eq!(
        stranger
            .post("/api/proposals/for-gig", &[("gig_id", &gig_text)])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        stranger
            .post("/api/proposals/shortlist", &[("id", &proposal)])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let steal = stranger
        .post(
            "/api/proposals/accept",
            &[
                ("id", &proposal),
                ("milestones[0][title]", "All"),
                ("milestones[0][amount]", "700"),
            ],
        )
        .await;
    assert_eq!(
        steal.status,
        StatusCode::FORBIDDEN,
        "accepting a proposal on a gig you do not own"
    );
    assert_eq!(
        dev.post(
            "/api/proposals/accept",
            &[
                ("id", &proposal),
                ("milestones[0][title]", "All"),
                ("milestones[0][amount]", "700")
            ]
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );

    owner
        .ok("/api/proposals/shortlist", &[("id", &proposal)])
        .await;
    let list = owner
        .ok("/api/proposals/for-gig", &[("gig_id", &gig_text)])
        .await;
    assert_eq!(list[0]["status"], "shortlisted");
    owner
        .ok(
            "/api/proposals/reject",
            &[("id", &proposal), ("reason", "We chose a local studio.")],
        )
        .await;
    let mine = dev.ok("/api/proposals/mine", &[]).await;
    assert_eq!(mine[0]["status"], "rejected");
    assert_eq!(mine[0]["rejection_reason"], "We chose a local studio.");
    assert_eq!(
        dev.post("/api/proposals/withdraw", &[("id", &proposal)])
            .await
            .status,
        StatusCode::FORBIDDEN,
        "decided proposals are final"
    );
}

#[tokio::test]
async fn pending_proposals_can_be_edited_by_their_author_only() {
    let app = TestApp::new().await;
    let (_, gig) = app.open_gig("owner", &project_gig(&[])).await;
    let mut dev = app
        .approved_freelancer("dev", "web-developer", "Shopify", "40")
        .await;
    let id = propose(&mut dev, &gig.to_string()).await.to_string();
    let update = [
        ("id", id.as_str()),
        (
            "proposal[cover_letter]",
            "Updated: I can also add a delivery calendar.",
        ),
        ("proposal[price_type]", "fixed"),
        ("proposal[amount]", "650"),
        ("proposal[duration_days]", "12"),
    ];
    dev.ok("/api/proposals/update", &update).await;
    assert_eq!(
        dev.ok("/api/proposals/get", &[("id", &id)]).await["amount_cents"],
        65_000
    );
    let mut other = app
        .approved_freelancer("other", "web-developer", "CSS", "30")
        .await;
    assert_eq!(
        other.post("/api/proposals/update", &update).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        other
            .post("/api/proposals/get", &[("id", &id)])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn projects_can_hire_a_team_but_lessons_hire_one_coach() {
    let app = TestApp::new().await;
    let (mut owner, gig) = app.open_gig("owner", &project_gig(&[])).await;
    let gig_text = gig.to_string();
    let mut a = app
        .approved_freelancer("dev_a", "web-developer", "Shopify", "40")
        .await;
    let mut b = app
        .approved_freelancer("dev_b", "web-developer", "CSS", "45")
        .await;
    let pa = propose(&mut a, &gig_text).await.to_string();
    let pb = propose(&mut b, &gig_text).await.to_string();
    owner
        .ok(
            "/api/proposals/accept",
            &[
                ("id", &pa),
                ("milestones[0][title]", "Design"),
                ("milestones[0][amount]", "300"),
                ("milestones[1][title]", "Build"),
                ("milestones[1][amount]", "400"),
            ],
        )
        .await;
    owner
        .ok(
            "/api/proposals/accept",
            &[
                ("id", &pb),
                ("milestones[0][title]", "Content"),
                ("milestones[0][amount]", "200"),
                ("milestones[1][title]", "Launch"),
                ("milestones[1][amount]", "500"),
            ],
        )
        .await;
    assert_eq!(
        owner
            .ok("/api/contracts/mine", &[])
            .await
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    assert_eq!(
        owner.ok("/api/gigs/get", &[("id", &gig_text)]).await["summary"]["status"],
        "in_progress"
    );

    let (mut student, lesson) = app.open_gig("student", &lesson_gig(&[])).await;
    let lesson_text = lesson.to_string();
    let mut c1 = app
        .approved_freelancer("tutor_one", "math-tutor", "Algebra", "30")
        .await;
    let mut c2 = app
        .approved_freelancer("tutor_two", "math-tutor", "Algebra", "28")
        .await;
    let lesson_proposal = |gig: &str| {
        vec![
            ("gig_id", gig.to_string()),
            (
                "proposal[cover_letter]",
                "I have tutored algebra for ten years.".to_string(),
            ),
            ("proposal[amount]", "30".to_string()),
            ("proposal[sessions]", "4".to_string()),
            ("proposal[duration_days]", "30".to_string()),
        ]
    };
    let fields: Vec<(String, String)> = lesson_proposal(&lesson_text)
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let t1 = c1.ok("/api/proposals/submit", &refs).await.to_string();
    c2.ok("/api/proposals/submit", &refs).await;
    let accepted = student
        .ok(
            "/api/proposals/accept",
            &[
                ("id", &t1),
                ("milestones[0][title]", "4 sessions"),
                ("milestones[0][amount]", "120"),
            ],
        )
        .await;
    assert!(accepted.as_i64().is_some());
    let others = c2.ok("/api/proposals/mine", &[]).await;
    assert_eq!(others[0]["status"], "rejected", "the other coach is told");
    assert_eq!(others[0]["price_type"], "per_session");
    assert_eq!(others[0]["sessions"], 4);
}

#[tokio::test]
async fn accepting_needs_valid_milestones() {
    let app = TestApp::new().await;
    let (mut owner, gig) = app.open_gig("owner", &project_gig(&[])).await;
    let mut dev = app
        .approved_freelancer("dev", "web-developer", "Shopify", "40")
        .await;
    let id = propose(&mut dev, &gig.to_string()).await.to_string();
    let none = owner
        .post("/api/proposals/accept", &[("id", id.as_str())])
        .await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    let bad = owner
        .post(
            "/api/proposals/accept",
            &[
                ("id", id.as_str()),
                ("milestones[0][title]", "x"),
                ("milestones[0][amount]", "0"),
                ("milestones[0][due_date]", "soon"),
            ],
        )
        .await;
    assert!(bad.field_error("milestones[0][amount]").is_some());
    assert!(bad.field_error("milestones[0][due_date]").is_some());
    assert_eq!(
        owner.ok("/api/contracts/mine", &[]).await,
        serde_json::json!([])
    );
}
