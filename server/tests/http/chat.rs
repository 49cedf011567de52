//! Chat over HTTP: team conversations from contracts, sending with safe
//! retries, unread counts and "Seen", edits and deletes within 15 minutes,
//! search, reports, and the limits on what a message may be.

use super::support::{TestApp, contract_setup};
use app::entity::message;
use http::StatusCode;
use sea_orm::{EntityTrait, sea_query::Expr};

#[tokio::test]
async fn a_contract_gets_a_team_conversation_with_its_events() {
    let app = TestApp::new().await;
    let (mut owner, mut dev, contract) = contract_setup(&app).await;
    let view = dev.ok("/api/contracts/get", &[("id", &contract)]).await;
    let conversation = view["conversation_id"].to_string();
    assert_ne!(conversation, "null", "the team conversation exists");
    let milestone = view["milestones"][0]["id"].to_string();
    dev.ok(
        "/api/contracts/milestones/submit",
        &[("milestone_id", &milestone)],
    )
    .await;
    let page = owner.ok("/api/chat/get", &[("id", &conversation)]).await;
    assert_eq!(page["team"], true);
    assert_eq!(page["members"].as_array().unwrap().len(), 2);
    let last = page["messages"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "system");
    assert_eq!(last["body"], "Milestone delivered: Design");
    let list = owner.ok("/api/chat/list", &[]).await;
    assert_eq!(list[0]["title"], "Team: Online shop for our family bakery");
    assert_eq!(list[0]["unread"], 1);
}

#[tokio::test]
async fn retries_unread_counts_and_seen() {
    let app = TestApp::new().await;
    let (mut owner, mut dev, contract) = contract_setup(&app).await;
    let conversation =
        owner.ok("/api/contracts/get", &[("id", &contract)]).await["conversation_id"].to_string();
    let send = [
        ("conversation_id", conversation.as_str()),
        ("client_id", "retry-1"),
        ("body", "Can you start on Monday?"),
    ];
    let first = owner.ok("/api/chat/send", &send).await;
    let again = owner.ok("/api/chat/send", &send).await;
    assert_eq!(
        first["id"], again["id"],
        "a retry returns the first message"
    );
    assert_eq!(dev.ok("/api/chat/unread", &[]).await, 1);
    assert_eq!(
        owner.ok("/api/chat/unread", &[]).await,
        0,
        "my own message is read"
    );
    dev.ok(
        "/api/chat/read",
        &[
            ("conversation_id", &conversation),
            ("message_id", &first["id"].to_string()),
        ],
    )
    .await;
    assert_eq!(dev.ok("/api/chat/unread", &[]).await, 0);
    let page = owner.ok("/api/chat/get", &[("id", &conversation)]).await;
    let dev_member = page["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["username"] == "dev")
        .unwrap()
        .clone();
    assert_eq!(dev_member["last_read_id"], first["id"], "Seen");
}

#[tokio::test]
async fn edits_and_deletes_are_the_authors_for_fifteen_minutes() {
    let app = TestApp::new().await;
    let (mut owner, mut dev, contract) = contract_setup(&app).await;
    let conversation =
        owner.ok("/api/contracts/get", &[("id", &contract)]).await["conversation_id"].to_string();
    let sent = owner
        .ok(
            "/api/chat/send",
            &[
                ("conversation_id", &conversation),
                ("client_id", "e1"),
                ("body", "Frist draft"),
            ],
        )
        .await;
    let id = sent["id"].to_string();
    let theirs = dev
        .post(
            "/api/chat/edit",
            &[("message_id", &id), ("body", "hijacked")],
        )
        .await;
    assert_eq!(theirs.status, StatusCode::FORBIDDEN);
    assert_eq!(
        dev.post("/api/chat/delete", &[("message_id", &id)])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let edited = owner
        .ok(
            "/api/chat/edit",
            &[("message_id", &id), ("body", "First draft")],
        )
        .await;
    assert_eq!(edited["edited"], true);
    assert_eq!(edited["body"], "First draft");

    message::Entity::update_many()
        .col_expr(message::Column::CreatedAt, Expr::value(0_i64))
        .exec(&app.state.db)
        .await
        .unwrap();
    let late = owner
        .post(
            "/api/chat/edit",
            &[("message_id", &id), ("body", "Too late")],
        )
        .await;
    assert_eq!(late.status, StatusCode::FORBIDDEN);
    assert_eq!(
        owner
            .post("/api/chat/delete", &[("message_id", &id)])
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    let fresh = owner
        .ok(
            "/api/chat/send",
            &[
                ("conversation_id", &conversation),
                ("client_id", "e2"),
                ("body", "Oops, wrong chat"),
            ],
        )
        .await["id"]
        .to_string();
    owner
        .ok("/api/chat/delete", &[("message_id", &fresh)])
        .await;
    let page = dev.ok("/api/chat/get", &[("id", &conversation)]).await;
    let tombstone = page["messages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == fresh.parse::<i64>().unwrap())
        .unwrap()
        .clone();
    assert_eq!(tombstone["deleted"], true);
    assert_eq!(tombstone["body"], "");
}

#[tokio::test]
async fn bad_messages_get_clear_errors() {
    let app = TestApp::new().await;
    let (mut owner, _dev, contract) = contract_setup(&app).await;
    let conversation =
        owner.ok("/api/contracts/get", &[("id", &contract)]).await["conversation_id"].to_string();
    let long = "a".repeat(10_001);
    for (body, client_id) in [(long.as_str(), "ok-1"), ("   ", "ok-2"), ("hi", "bad id!")] {
        let response = owner
            .post(
                "/api/chat/send",
                &[
                    ("conversation_id", &conversation),
                    ("client_id", client_id),
                    ("body", body),
                ],
            )
            .await;
        assert_eq!(
            response.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body:.10}"
        );
    }
    let response = owner
        .post(
            "/api/chat/send",
            &[
                ("conversation_id", &conversation),
                ("client_id", "ok-3"),
                ("body", &long),
            ],
        )
        .await;
    assert!(
        response.field_error("body").unwrap().contains("10000"),
        "{}",
        response.text()
    );
}

#[tokio::test]
async fn search_and_reports() {
    let app = TestApp::new().await;
    let (mut owner, mut dev, contract) = contract_setup(&app).await;
    let conversation =
        owner.ok("/api/contracts/get", &[("id", &contract)]).await["conversation_id"].to_string();
    let id = owner
        .ok(
            "/api/chat/send",
            &[
                ("conversation_id", &conversation),
                ("client_id", "s1"),
                ("body", "The 100% rye SOURDOUGH sells out first"),
            ],
        )
        .await["id"]
        .to_string();
    let hits = dev.ok("/api/chat/search", &[("query", "sourdough")]).await;
    assert_eq!(hits.as_array().unwrap().len(), 1);
    let hits = dev.ok("/api/chat/search", &[("query", "100%")]).await;
    assert_eq!(
        hits.as_array().unwrap().len(),
        1,
        "% is a character, not a wildcard"
    );
    let hits = dev.ok("/api/chat/search", &[("query", "0%r")]).await;
    assert_eq!(hits.as_array().unwrap().len(), 0);

    assert_eq!(
        owner
            .post(
                "/api/chat/report",
                &[("message_id", &id), ("reason", "my own")]
            )
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    dev.ok(
        "/api/chat/report",
        &[
            ("message_id", &id),
            ("reason", "Off-platform payment request"),
        ],
    )
    .await;
    assert_eq!(
        dev.post(
            "/api/chat/report",
            &[("message_id", &id), ("reason", "again")]
        )
        .await
        .status,
        StatusCode::CONFLICT
    );
    let reports = app.admin().await.ok("/api/admin/reports", &[]).await;
    assert_eq!(reports[0]["reason"], "Off-platform payment request");
    assert_eq!(reports[0]["reporter"], "dev");
    assert_eq!(reports[0]["message"]["id"].to_string(), id);
}

#[tokio::test]
async fn a_stranger_in_the_same_batch_is_refused_and_the_members_are_not() {
    let app = TestApp::new().await;
    let (mut owner, _dev, contract) = contract_setup(&app).await;
    let conversation =
        owner.ok("/api/contracts/get", &[("id", &contract)]).await["conversation_id"].to_string();
    let mut stranger = app.client();
    stranger.sign_up("nosy", &["wants_client"]).await;
    // Four sends from each at once: the writer takes them in one or a few
    // batches, and checks each message's sender on its own.
    let mut members: Vec<_> = (0..4)
        .map(|_| {
            let mut c = app.client();
            c.cookie = owner.cookie.clone();
            c
        })
        .collect();
    let mut strangers: Vec<_> = (0..4)
        .map(|_| {
            let mut c = app.client();
            c.cookie = stranger.cookie.clone();
            c
        })
        .collect();
    let fields: Vec<[(&str, String); 3]> = (0..8)
        .map(|n| {
            [
                ("conversation_id", conversation.clone()),
                ("client_id", format!("batch-{n}")),
                ("body", format!("message batch-{n}")),
            ]
        })
        .collect();
    let f: Vec<Vec<(&str, &str)>> = fields
        .iter()
        .map(|f| f.iter().map(|(k, v)| (*k, v.as_str())).collect())
        .collect();
    let [m0, m1, m2, m3] = &mut members[..] else {
        unreachable!()
    };
    let [s0, s1, s2, s3] = &mut strangers[..] else {
        unreachable!()
    };
    let answers = tokio::join!(
        m0.post("/api/chat/send", &f[0]),
        s0.post("/api/chat/send", &f[4]),
        m1.post("/api/chat/send", &f[1]),
        s1.post("/api/chat/send", &f[5]),
        m2.post("/api/chat/send", &f[2]),
        s2.post("/api/chat/send", &f[6]),
        m3.post("/api/chat/send", &f[3]),
        s3.post("/api/chat/send", &f[7]),
    );
    let members_got = [&answers.0, &answers.2, &answers.4, &answers.6];
    let strangers_got = [&answers.1, &answers.3, &answers.5, &answers.7];
    for answer in members_got {
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
    }
    for answer in strangers_got {
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{}", answer.text());
    }
    let page = owner.ok("/api/chat/get", &[("id", &conversation)]).await;
    let bodies: Vec<&str> = page["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["body"].as_str())
        .filter(|b| b.starts_with("message batch-"))
        .collect();
    assert_eq!(
        bodies.len(),
        4,
        "only the members' messages are stored: {bodies:?}"
    );
    assert!(bodies.iter().all(|b| !b.ends_with(['4', '5', '6', '7'])));
}
