//! Notifications: raised where things happen, pushed live, private to
//! their owner, coalesced for chat, shaped by preferences, and emailed
//! through the outbox.

use super::live_support::Socket;
use super::smtp_sink;
use super::support::{TestApp, contract_setup, project_gig};
use http::StatusCode;
use serde_json::json;
use std::time::Duration;

#[tokio::test]
async fn a_proposal_notifies_the_owner_live_and_only_the_owner_can_read_it() {
    let app = TestApp::new().await;
    let addr = app.serve().await;
    let (mut owner, gig) = app.open_gig("owner", &project_gig(&[])).await;
    let approved = owner.ok("/api/notifications/list", &[]).await;
    assert_eq!(
        approved[0]["kind"], "gig_moderated",
        "the approval was announced"
    );
    owner.ok("/api/notifications/read-all", &[]).await;
    let (mut bell, _) = Socket::connect(addr, &owner, None).await;
    let mut dev = app
        .approved_freelancer("dev", "web-developer", "CSS", "40")
        .await;
    dev.ok(
        "/api/proposals/submit",
        &[
            ("gig_id", &gig.to_string()),
            ("proposal[cover_letter]", "I would love to build your shop."),
            ("proposal[price_type]", "fixed"),
            ("proposal[amount]", "700"),
            ("proposal[duration_days]", "10"),
        ],
    )
    .await;
    let event = bell.next_of("event").await;
    assert_eq!(event["event"]["kind"], "notification");
    assert_eq!(event["event"]["notification"]["kind"], "proposal_received");
    assert_eq!(owner.ok("/api/notifications/unread", &[]).await, 1);
    let list = owner.ok("/api/notifications/list", &[]).await;
    let id = list[0]["id"].to_string();
    assert_eq!(
        list[0]["title"],
        "New proposal on Online shop for our family bakery"
    );

    assert_eq!(
        dev.ok("/api/notifications/list", &[("all", "true")])
            .await
            .as_array()
            .unwrap()
            .len(),
        1,
        "dev only has the admin's approval"
    );
    assert_eq!(
        dev.post("/api/notifications/read", &[("id", &id)])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        owner.ok("/api/notifications/unread", &[]).await,
        1,
        "untouched"
    );
    owner.ok("/api/notifications/read-all", &[]).await;
    assert_eq!(owner.ok("/api/notifications/unread", &[]).await, 0);
    assert_eq!(
        bell.next_of("event").await["event"]["kind"],
        "notifications_read"
    );
}

#[tokio::test]
async fn messages_are_coalesced_and_skipped_while_the_conversation_is_open() {
    let app = TestApp::new().await;
    let addr = app.serve().await;
    let (mut owner, mut dev, contract) = contract_setup(&app).await;
    let conversation =
        owner.ok("/api/contracts/get", &[("id", &contract)]).await["conversation_id"].to_string();
    dev.ok("/api/notifications/read-all", &[]).await;
    for i in 0..3 {
        owner
            .ok(
                "/api/chat/send",
                &[
                    ("conversation_id", &conversation),
                    ("client_id", &format!("c{i}")),
                    ("body", &format!("Note {i}")),
                ],
            )
            .await;
    }
    let list = dev.ok("/api/notifications/list", &[]).await;
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    assert_eq!(list[0]["kind"], "new_message");
    assert_eq!(list[0]["count"], 3);
    assert_eq!(list[0]["body"], "Note 2");

    dev.ok("/api/notifications/read-all", &[]).await;
    let (mut open, _) = Socket::connect(addr, &dev, None).await;
    let id: i32 = conversation.parse().unwrap();
    open.send(json!({"type": "subscribe", "topic": {"kind": "conversation", "id": id}}))
        .await;
    assert!(open.try_next(Duration::from_millis(200)).await.is_none());
    owner
        .ok(
            "/api/chat/send",
            &[
                ("conversation_id", &conversation),
                ("client_id", "seen"),
                ("body", "You're looking at this"),
            ],
        )
        .await;
    assert_eq!(open.next_of("event").await["event"]["kind"], "message");
    assert_eq!(dev.ok("/api/notifications/unread", &[]).await, 0);
}

#[tokio::test]
async fn preferences_turn_kinds_off_and_emails_go_through_the_outbox() {
    let app = TestApp::new().await;
    let (mut owner, mut dev, contract) = contract_setup(&app).await;
    dev.ok(
        "/api/notifications/preferences/save",
        &[
            ("in_app[]", "proposal_accepted"),
            ("email[]", "milestone_approved=instant"),
            ("email[]", "new_message=daily"),
        ],
    )
    .await;
    let prefs = dev.ok("/api/notifications/preferences", &[]).await;
    let approved = prefs
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["kind"] == "milestone_approved")
        .unwrap()
        .clone();
    assert_eq!(
        approved,
        json!({"kind": "milestone_approved", "in_app": false, "email": "instant"})
    );
    let bad = dev
        .post(
            "/api/notifications/preferences/save",
            &[("email[]", "new_message=hourly")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);

    dev.ok("/api/notifications/read-all", &[]).await;
    let view = owner.ok("/api/contracts/get", &[("id", &contract)]).await;
    let milestone = view["milestones"][0]["id"].to_string();
    dev.ok(
        "/api/contracts/milestones/submit",
        &[("milestone_id", &milestone)],
    )
    .await;
    owner
        .ok(
            "/api/contracts/milestones/approve",
            &[("milestone_id", &milestone)],
        )
        .await;
    assert_eq!(
        dev.ok("/api/notifications/unread", &[]).await,
        0,
        "in-app is off"
    );

    let (addr, inbox) = smtp_sink::start().await;
    let mailer =
        server::email::Mailer::new(&format!("smtp://{addr}"), "Guild <no-reply@guild.test>")
            .unwrap();
    let sent = server::email::deliver_due(&app.state.db, &mailer)
        .await
        .unwrap();
    assert_eq!(sent, 1, "the instant email; the daily digest waits");
    let mail = inbox.messages().join("\n");
    assert!(
        mail.contains("Subject: Guild: Milestone approved: Design"),
        "{mail}"
    );
    assert!(mail.contains("dev@example.com"), "{mail}");
    assert_eq!(
        server::email::deliver_due(&app.state.db, &mailer)
            .await
            .unwrap(),
        0,
        "sent once"
    );
}
