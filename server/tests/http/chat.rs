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
