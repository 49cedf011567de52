//! Gigs: lifecycle, ownership, approval, the board and bookmarks.

use super::support::{TestApp, lesson_gig, project_gig};
use http::StatusCode;

#[tokio::test]
async fn a_gig_goes_from_draft_through_approval_to_the_board() {
    let app = TestApp::new().await;
    let mut owner = app.client();
    owner.sign_up("baker", &["wants_client"]).await;
    let id = owner.post_gig(&project_gig(&[]), false).await;
    let gig = owner.ok("/api/gigs/get", &[("id", &id.to_string())]).await;
    assert_eq!(gig["summary"]["status"], "draft");
    assert_eq!(
        app.client()
            .post("/api/gigs/get", &[("id", &id.to_string())])
            .await
            .status,
        StatusCode::NOT_FOUND,
        "drafts are private"
    );

    let mut fields = project_gig(&[]);
    let id_text = id.to_string();
    fields.push(("id", &id_text));
    fields.push(("submit", "on"));
    owner.ok("/api/gigs/save", &fields).await;
    assert_eq!(
        owner.ok("/api/gigs/get", &[("id", &id_text)]).await["summary"]["status"],
        "pending"
    );
    assert_eq!(
        app.client().post("/api/gigs/search", &[]).await.json()["total"],
        0
    );

    let mut admin = app.admin().await;
    admin.approve_gig(&id_text).await;
    let board = app.client().post("/api/gigs/search", &[]).await.json();
    assert_eq!(board["total"], 1);
    assert_eq!(board["items"][0]["budget_min_cents"], 80_000);
    assert_eq!(
        app.client()
            .post("/api/gigs/get", &[("id", &id_text)])
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn only_the_owner_edits_and_only_before_work_starts() {
    let app = TestApp::new().await;
    let (mut owner, id) = app.open_gig("owner", &project_gig(&[])).await;
    let id_text = id.to_string();
    let mut other = app.client();
    other.sign_up("intruder", &["wants_client"]).await;
    let mut fields = project_gig(&[("gig[title]", "Hijacked title for this gig")]);
    fields.push(("id", &id_text));
    let response = other.post("/api/gigs/save", &fields).await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    assert_eq!(
        owner.ok("/api/gigs/get", &[("id", &id_text)]).await["summary"]["title"],
        "Online shop for our family bakery"
    );
    assert_eq!(
        other
            .post("/api/gigs/cancel", &[("id", &id_text)])
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    let edited = owner.post("/api/gigs/save", &fields).await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.text());
    app.admin().await.approve_gig(&id_text).await;

    let mut freelancer = app
        .approved_freelancer("dev", "web-developer", "Shopify", "40")
        .await;
    let proposal = freelancer
        .ok(
            "/api/proposals/submit",
            &[
                ("gig_id", &id_text),
                (
                    "proposal[cover_letter]",
                    "I have built many bakery shops before.",
                ),
                ("proposal[price_type]", "fixed"),
                ("proposal[amount]", "750"),
                ("proposal[duration_days]", "14"),
            ],
        )
        .await;
    owner
        .ok(
            "/api/proposals/accept",
            &[
                ("id", &proposal.to_string()),
                ("milestones[0][title]", "Shop live"),
                ("milestones[0][amount]", "750"),
            ],
        )
        .await;
    let late = owner.post("/api/gigs/save", &fields).await;
    assert_eq!(
        late.status,
        StatusCode::FORBIDDEN,
        "no edits once in progress"
    );
}

#[tokio::test]
async fn invalid_gigs_get_field_errors() {
    let app = TestApp::new().await;
    let mut owner = app.client();
    owner.sign_up("sloppy", &["wants_client"]).await;
    let response = owner
        .post(
            "/api/gigs/save",
            &project_gig(&[
                ("gig[title]", "Hi"),
                ("gig[budget_min]", "lots"),
                ("gig[roles][]", "astronaut"),
                ("gig[deadline]", "2001-01-01"),
            ]),
        )
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["title", "budget_min", "roles", "deadline"] {
        assert!(
            response.field_error(field).is_some(),
            "{field}: {}",
            response.text()
        );
    }
    let lesson = owner
        .post(
            "/api/gigs/save",
            &lesson_gig(&[("gig[sessions_wanted]", "0")]),
        )
        .await;
    assert!(lesson.field_error("sessions_wanted").is_some());
}

#[tokio::test]
async fn freelancers_cannot_post_gigs_without_the_client_side() {
    let app = TestApp::new().await;
    let mut freelancer = app.client();
    freelancer.sign_up("solo", &["wants_freelancer"]).await;
    assert_eq!(
        freelancer
            .post("/api/gigs/save", &project_gig(&[]))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn the_board_filters_and_sorts() {
    let app = TestApp::new().await;
    app.open_gig("shop_owner", &project_gig(&[("gig[budget_min]", "2000")]))
        .await;
    app.open_gig(
        "parent",
        &lesson_gig(&[
            ("gig[budget_min]", "25"),
            ("gig[remote]", ""),
            ("gig[country]", "FR"),
            ("gig[city]", "Lyon"),
        ]),
    )
    .await;
    let search = |fields: Vec<(&'static str, &'static str)>| {
        let app = &app;
        async move { app.client().post("/api/gigs/search", &fields).await.json() }
    };
    assert_eq!(search(vec![]).await["total"], 2);
    assert_eq!(
        search(vec![("filters[kind]", "lesson")]).await["items"][0]["title"],
        "Algebra help before my exams"
    );
    assert_eq!(search(vec![("filters[q]", "bakery")]).await["total"], 1);
    assert_eq!(
        search(vec![("filters[role]", "math-tutor")]).await["total"],
        1
    );
    assert_eq!(
        search(vec![("filters[skills]", "shopify")]).await["total"],
        1
    );
    assert_eq!(
        search(vec![("filters[min_budget]", "1000")]).await["total"],
        1
    );
    assert_eq!(search(vec![("filters[remote]", "on")]).await["total"], 1);
    assert_eq!(
        search(vec![("filters[country]", "FR")]).await["total"],
        2,
        "remote gigs and on-site gigs in France"
    );
    assert_eq!(
        search(vec![("filters[posted_within]", "1")]).await["total"],
        2
    );
    let by_budget = search(vec![("filters[sort]", "budget_asc")]).await;
    assert_eq!(by_budget["items"][0]["kind"], "lesson");
    let bad = app
        .client()
        .post("/api/gigs/search", &[("filters[posted_within]", "forever")])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn bookmarks_are_personal_and_listed() {
    let app = TestApp::new().await;
    let (_, id) = app.open_gig("poster", &project_gig(&[])).await;
    let id_text = id.to_string();
    let mut saver = app.client();
    saver.sign_up("saver", &["wants_freelancer"]).await;
    saver
        .ok("/api/gigs/bookmark", &[("id", &id_text), ("saved", "true")])
        .await;
    saver
        .ok("/api/gigs/bookmark", &[("id", &id_text), ("saved", "true")])
        .await;
    let saved = saver.ok("/api/gigs/saved", &[]).await;
    assert_eq!(saved.as_array().map(Vec::len), Some(1));
    assert_eq!(saved[0]["saved"], true);
    let mut other = app.client();
    other.sign_up("other", &["wants_freelancer"]).await;
    assert_eq!(
        other.ok("/api/gigs/saved", &[]).await,
        serde_json::json!([])
    );
    saver
        .ok(
            "/api/gigs/bookmark",
            &[("id", &id_text), ("saved", "false")],
        )
        .await;
    assert_eq!(
        saver.ok("/api/gigs/saved", &[]).await,
        serde_json::json!([])
    );
    assert_eq!(
        app.client()
            .post("/api/gigs/bookmark", &[("id", &id_text), ("saved", "true")])
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn invite_only_gigs_stay_off_the_board() {
    let app = TestApp::new().await;
    let (_, id) = app
        .open_gig(
            "private",
            &project_gig(&[("gig[visibility]", "invite_only")]),
        )
        .await;
    assert_eq!(
        app.client().post("/api/gigs/search", &[]).await.json()["total"],
        0
    );
    assert_eq!(
        app.client()
            .post("/api/gigs/get", &[("id", &id.to_string())])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}
