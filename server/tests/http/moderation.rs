//! Moderation over HTTP: reports (deduplicated, own content refused), the
//! admin queue, hiding and restoring, suspensions (log-in refused, session
//! and socket ended, profile and gigs gone from every listing, contracts
//! flagged), who may act on whom, and the audit log.

use super::live_support::Socket;
use super::support::{Client, PASSWORD, TestApp, complete_contract, contract_setup, project_gig};
use axum::body::Body;
use http::{Request, StatusCode};

async fn public_get(app: &TestApp, uri: &str) -> (StatusCode, serde_json::Value) {
    let response = app
        .send(Request::get(uri).body(Body::empty()).expect("request"))
        .await;
    let json = serde_json::from_slice(&response.body).unwrap_or(serde_json::Value::Null);
    (response.status, json)
}

async fn moderate(admin: &mut Client<'_>, kind: &str, id: &str, action: &str, length: &str) {
    admin
        .ok(
            "/api/admin/moderate",
            &[
                ("kind", kind),
                ("object_id", id),
                ("action", action),
                ("reason", "Breaks the community rules"),
                ("length", length),
            ],
        )
        .await;
}

#[tokio::test]
async fn reports_are_deduplicated_and_own_content_cannot_be_reported() {
    let app = TestApp::new().await;
    let (mut owner, gig) = app.open_gig("owner", &project_gig(&[])).await;
    let gig = gig.to_string();
    let mut rita = app.client();
    rita.sign_up("rita", &["wants_client"]).await;
    let report = [
        ("kind", "gig"),
        ("object_id", gig.as_str()),
        ("reason", "scam"),
        ("detail", "Asks to pay by bank transfer"),
    ];
    rita.ok("/api/moderation/report", &report).await;
    let again = rita.post("/api/moderation/report", &report).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.text());
    assert_eq!(
        owner.post("/api/moderation/report", &report).await.status,
        StatusCode::FORBIDDEN
    );
    let other = rita
        .post(
            "/api/moderation/report",
            &[("kind", "gig"), ("object_id", &gig), ("reason", "other")],
        )
        .await;
    assert_eq!(other.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(other.field_error("detail").is_some(), "{}", other.text());
    let bad = rita
        .post(
            "/api/moderation/report",
            &[("kind", "user"), ("object_id", &gig), ("reason", "meh")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.field_error("kind").is_some() && bad.field_error("reason").is_some());

    let mut sam = app.client();
    sam.sign_up("sam", &["wants_client"]).await;
    sam.ok(
        "/api/moderation/report",
        &[("kind", "gig"), ("object_id", &gig), ("reason", "spam")],
    )
    .await;

    let mut admin = app.admin().await;
    let counts = admin.ok("/api/admin/queue/counts", &[]).await;
    assert_eq!(counts["open_reports"], 1, "one object, two reports");
    let queue = admin.ok("/api/admin/queue", &[]).await;
    let items = queue.as_array().expect("items");
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["kind"], "gig");
    assert_eq!(items[0]["author"], "owner");
    let reporters: Vec<&str> = items[0]["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .map(|r| r["reporter"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(reporters, ["rita", "sam"]);
    let reviews_only = admin.ok("/api/admin/queue", &[("kind", "review")]).await;
    assert_eq!(reviews_only.as_array().map(Vec::len), Some(0));
    let bad_filter = admin
        .post("/api/admin/queue", &[("view", "everything"), ("age", "2")])
        .await;
    assert_eq!(bad_filter.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad_filter.field_error("view").is_some() && bad_filter.field_error("age").is_some());

    // Dismissing closes both reports; after that the reporter may report again.
    moderate(&mut admin, "gig", &gig, "dismiss", "").await;
    assert_eq!(
        admin.ok("/api/admin/queue/counts", &[]).await["open_reports"],
        0
    );
    let resolved = admin.ok("/api/admin/queue", &[("view", "resolved")]).await;
    assert_eq!(resolved[0]["reports"][0]["status"], "dismissed");
    let twice = admin
        .post(
            "/api/admin/moderate",
            &[
                ("kind", "gig"),
                ("object_id", &gig),
                ("action", "dismiss"),
                ("reason", "again"),
            ],
        )
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    rita.ok("/api/moderation/report", &report).await;
}

#[tokio::test]
async fn a_hidden_gig_is_seen_only_by_its_owner_and_admins_until_restored() {
    let app = TestApp::new().await;
    let (mut owner, gig) = app.open_gig("owner", &project_gig(&[])).await;
    let gig = gig.to_string();
    let mut rita = app.client();
    rita.sign_up("rita", &["wants_client"]).await;
    rita.ok(
        "/api/moderation/report",
        &[("kind", "gig"), ("object_id", &gig), ("reason", "spam")],
    )
    .await;
    let mut admin = app.admin().await;
    let no_reason = admin
        .post(
            "/api/admin/moderate",
            &[("kind", "gig"), ("object_id", &gig), ("action", "hide")],
        )
        .await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_reason.field_error("reason").is_some());
    moderate(&mut admin, "gig", &gig, "hide", "").await;

    let page = app.client().get(&format!("/gigs/{gig}")).await;
    assert!(!page.text().contains("Online shop for our family bakery"));
    let (status, _) = public_get(&app, &format!("/api/v1/gigs/{gig}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, list) = public_get(&app, "/api/v1/gigs?q=bakery").await;
    assert_eq!(list["total"], 0, "{list}");
    let board = rita.ok("/api/gigs/search", &[]).await;
    assert_eq!(board["total"], 0, "{board}");
    assert_eq!(
        rita.post("/api/gigs/get", &[("id", &gig)]).await.status,
        StatusCode::NOT_FOUND
    );
    let own = owner.ok("/api/gigs/get", &[("id", &gig)]).await;
    assert_eq!(own["summary"]["title"], "Online shop for our family bakery");
    admin.ok("/api/gigs/get", &[("id", &gig)]).await;
    let notices = owner.ok("/api/notifications/list", &[]).await;
    assert!(
        notices.to_string().contains("A moderator hid your gig"),
        "{notices}"
    );
    let queue = admin.ok("/api/admin/queue", &[("view", "hidden")]).await;
    assert_eq!(queue[0]["object_id"].to_string(), gig);
    assert_eq!(queue[0]["hidden"], true);
    assert_eq!(
        admin.ok("/api/admin/queue/counts", &[]).await["open_reports"],
        0,
        "hiding settles the reports"
    );

    moderate(&mut admin, "gig", &gig, "restore", "").await;
    let (status, _) = public_get(&app, &format!("/api/v1/gigs/{gig}")).await;
    assert_eq!(status, StatusCode::OK);
    let (_, list) = public_get(&app, "/api/v1/gigs?q=bakery").await;
    assert_eq!(list["total"], 1);

    let log = admin
        .ok("/api/admin/audit", &[("action", "content.hide")])
        .await;
    let rows = log["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["actor"], "guildroot");
    assert_eq!(rows[0]["target"], "owner");
    assert_eq!(rows[0]["object"], format!("Gig {gig}"));
    assert_eq!(rows[0]["reason"], "Breaks the community rules");
    let by_owner = admin.ok("/api/admin/audit", &[("target", "owner")]).await;
    let actions: Vec<&str> = by_owner["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["action"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(actions, ["content.restore", "content.hide", "gig.approve"]);
    let page = admin.get("/admin/audit?action=content.hide").await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(
        html.contains(r#"<option value="content.restore">"#),
        "the action filter offers every logged action"
    );
    assert!(
        html.contains(r#"<option value="content.hide" selected>"#),
        "the chosen action stays selected"
    );
    let unknown = admin
        .post("/api/admin/audit", &[("actor", "nobody_here")])
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_suspended_freelancer_is_signed_out_everywhere_and_hidden() {
    let app = TestApp::new().await;
    let addr = app.serve().await;
    let (mut owner, dev, contract) = contract_setup(&app).await;
    let dev_id = {
        let mut dev = dev;
        let id = dev.me().await["id"].to_string();
        let (mut socket, _) = Socket::connect(addr, &dev, None).await;
        let mut admin = app.admin().await;
        moderate(&mut admin, "user", &id, "suspend", "30").await;
        assert_eq!(socket.closed().await, Some(4001));
        let me = dev.post("/api/auth/me", &[]).await;
        assert_eq!(me.json(), serde_json::Value::Null, "signed out");
        id
    };
    let mut again = app.client();
    let refused = again.log_in("dev", PASSWORD).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let text = refused.text();
    assert!(text.contains("suspended until"), "{text}");
    assert!(text.contains("Breaks the community rules"), "{text}");

    let (status, _) = public_get(&app, "/api/v1/freelancers/dev").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, list) = public_get(&app, "/api/v1/freelancers?role=web-developer").await;
    assert_eq!(list["total"], 0, "{list}");
    assert_eq!(
        owner
            .post("/api/profiles/freelancer", &[("username", "dev")])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let notices = owner.ok("/api/notifications/list", &[]).await;
    let flagged = notices
        .as_array()
        .expect("notifications")
        .iter()
        .find(|n| n["kind"] == "account_notice")
        .cloned()
        .expect("the contract is flagged to the client");
    assert_eq!(flagged["link"], format!("/contracts/{contract}"));

    let mut admin = app.admin().await;
    let queue = admin
        .ok("/api/admin/audit", &[("action", "user.suspend")])
        .await;
    assert!(
        queue["rows"][0]["detail"]
            .as_str()
            .unwrap_or_default()
            .starts_with("until ")
    );
    moderate(&mut admin, "user", &dev_id, "lift", "").await;
    assert_eq!(again.log_in("dev", PASSWORD).await.status, StatusCode::OK);
    let (status, _) = public_get(&app, "/api/v1/freelancers/dev").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_suspended_clients_open_gigs_leave_the_board() {
    let app = TestApp::new().await;
    let (mut owner, gig) = app.open_gig("owner", &project_gig(&[])).await;
    let owner_id = owner.me().await["id"].to_string();
    let mut admin = app.admin().await;
    moderate(&mut admin, "gig", &gig.to_string(), "suspend", "permanent").await;
    let (_, list) = public_get(&app, "/api/v1/gigs?q=bakery").await;
    assert_eq!(list["total"], 0);
    let (status, _) = public_get(&app, &format!("/api/v1/gigs/{gig}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let refused = app.client().log_in("owner", PASSWORD).await;
    assert!(refused.text().contains("suspended permanently"));
    let again = admin
        .post(
            "/api/admin/moderate",
            &[
                ("kind", "user"),
                ("object_id", &owner_id),
                ("action", "lift"),
                ("reason", "appeal accepted"),
            ],
        )
        .await;
    assert_eq!(again.status, StatusCode::OK);
    let twice = admin
        .post(
            "/api/admin/moderate",
            &[
                ("kind", "user"),
                ("object_id", &owner_id),
                ("action", "lift"),
                ("reason", "appeal accepted"),
            ],
        )
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn admins_cannot_act_on_admins_or_themselves_and_members_not_at_all() {
    let app = TestApp::new().await;
    let mut root = app.admin().await;
    let root_id = root.me().await["id"].to_string();
    let mut ada = app.client();
    ada.sign_up("ada", &["wants_client"]).await;
    let ada_id = ada.me().await["id"].to_string();
    let mut bo = app.client();
    bo.sign_up("bob", &["wants_client"]).await;
    let bo_id = bo.me().await["id"].to_string();
    for id in [&ada_id, &bo_id] {
        root.ok(
            "/api/admin/set-admin",
            &[("user_id", id), ("grant", "true")],
        )
        .await;
    }
    assert_eq!(ada.log_in("ada", PASSWORD).await.status, StatusCode::OK);
    let suspend = |id: &str| {
        vec![
            ("kind", "user".to_string()),
            ("object_id", id.to_string()),
            ("action", "suspend".to_string()),
            ("reason", "testing limits".to_string()),
            ("length", "7".to_string()),
        ]
    };
    for target in [&root_id, &bo_id, &ada_id] {
        let fields = suspend(target);
        let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let response = ada.post("/api/admin/moderate", &refs).await;
        assert_eq!(response.status, StatusCode::FORBIDDEN, "ada on {target}");
    }
    // A super admin may act on an admin, never on a super admin.
    let fields = suspend(&bo_id);
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    root.ok("/api/admin/moderate", &refs).await;
    assert_eq!(
        bo.log_in("bob", PASSWORD).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        root.log_in("guildroot", PASSWORD).await.status,
        StatusCode::OK
    );
    let log = root.ok("/api/admin/audit", &[("actor", "ada")]).await;
    assert_eq!(log["rows"].as_array().map(Vec::len), Some(0));
}

#[tokio::test]
async fn a_hidden_profile_and_a_hidden_review_leave_pages_api_and_search() {
    let app = TestApp::new().await;
    let (mut owner, mut dev, contract) = contract_setup(&app).await;
    let dev_id = dev.me().await["id"].to_string();
    complete_contract(&mut owner, &mut dev, &contract).await;
    for (who, body) in [
        (&mut owner, "Dev was rude and late. Avoid!!!"),
        (&mut dev, "A clear client who paid on time."),
    ] {
        who.ok(
            "/api/reviews/submit",
            &[("contract_id", &contract), ("rating", "1"), ("body", body)],
        )
        .await;
    }
    let profile = dev
        .post("/api/profiles/freelancer", &[("username", "dev")])
        .await
        .json();
    let review = profile["reviews"][0]["id"].to_string();
    assert_eq!(profile["profile"]["review_count"], 1);

    let mut rita = app.client();
    rita.sign_up("rita", &["wants_client"]).await;
    rita.ok(
        "/api/moderation/report",
        &[
            ("kind", "review"),
            ("object_id", &review),
            ("reason", "abuse"),
        ],
    )
    .await;
    let own_review = owner
        .post(
            "/api/moderation/report",
            &[
                ("kind", "review"),
                ("object_id", &review),
                ("reason", "abuse"),
            ],
        )
        .await;
    assert_eq!(own_review.status, StatusCode::FORBIDDEN, "its author");

    let mut admin = app.admin().await;
    moderate(&mut admin, "review", &review, "hide", "").await;
    let shown = rita
        .ok("/api/profiles/freelancer", &[("username", "dev")])
        .await;
    assert_eq!(shown["reviews"].as_array().map(Vec::len), Some(0));
    assert_eq!(shown["profile"]["review_count"], 0, "the rating forgets it");
    let for_author = owner.ok("/api/contracts/get", &[("id", &contract)]).await;
    assert!(
        for_author.to_string().contains("Dev was rude"),
        "its author still sees it"
    );
    let for_dev = dev.ok("/api/contracts/get", &[("id", &contract)]).await;
    assert!(!for_dev.to_string().contains("Dev was rude"));

    moderate(&mut admin, "profile", &dev_id, "hide", "").await;
    assert_eq!(
        rita.post("/api/profiles/freelancer", &[("username", "dev")])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let (status, _) = public_get(&app, "/api/v1/freelancers/dev").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, list) = public_get(&app, "/api/v1/freelancers?q=shopify").await;
    assert_eq!(list["total"], 0, "{list}");
    let talent = rita.ok("/api/talent/search", &[]).await;
    assert_eq!(talent["total"], 0, "{talent}");
    dev.ok("/api/profiles/freelancer", &[("username", "dev")])
        .await;
    admin
        .ok("/api/profiles/freelancer", &[("username", "dev")])
        .await;
    let page = app.client().get("/talent/dev").await;
    let own = dev.get("/talent/dev").await;
    let tagline = profile["profile"]["tagline"]
        .as_str()
        .unwrap_or("?")
        .to_string();
    assert!(own.text().contains(&tagline), "its owner still sees it");
    assert!(!page.text().contains(&tagline), "a visitor does not");
    let counts = admin.ok("/api/admin/queue/counts", &[]).await;
    assert_eq!(counts["hidden"], 2);
}
