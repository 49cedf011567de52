//! The live socket over a real TCP server: who may connect, delivery to
//! members only, exactly-once resume, limits and closing.

use super::live_support::{Socket, open, pair};
use super::support::{ORIGIN, PASSWORD, TestApp};
use serde_json::json;
use std::time::Duration;

#[tokio::test]
async fn the_upgrade_needs_a_session_and_our_origin() {
    let app = TestApp::new().await;
    let addr = app.serve().await;
    let mut client = app.client();
    client.sign_up("owner", &["wants_client"]).await;
    assert_eq!(open(addr, None, ORIGIN).await.err(), Some(401));
    assert_eq!(
        open(addr, client.cookie.as_deref(), "https://evil.example")
            .await
            .err(),
        Some(403)
    );
    let (_socket, welcome) = Socket::connect(addr, &client, None).await;
    assert_eq!(welcome["resumed"], false);
}

#[tokio::test]
async fn a_message_reaches_the_other_member_once() {
    let app = TestApp::new().await;
    let addr = app.serve().await;
    let (mut client, freelancer, conversation) = pair(&app).await;
    let conversation_id: i32 = conversation.parse().unwrap();
    let (mut theirs, welcome) = Socket::connect(addr, &freelancer, None).await;
    let start = welcome["seq"].as_i64().unwrap();
    // Looking at the conversation, so no "new message" notifications.
    theirs
        .send(
            json!({"type": "subscribe", "topic": {"kind": "conversation", "id": conversation_id}}),
        )
        .await;
    assert!(theirs.try_next(Duration::from_millis(200)).await.is_none());

    // Over HTTP.
    client
        .ok(
            "/api/chat/send",
            &[
                ("conversation_id", &conversation),
                ("client_id", "m1"),
                ("body", "Hello over HTTP"),
            ],
        )
        .await;
    let event = theirs.next_of("event").await;
    assert_eq!(event["seq"], start + 1);
    assert_eq!(event["event"]["kind"], "message");
    assert_eq!(event["event"]["message"]["body"], "Hello over HTTP");

    // Over the socket, then a retry of the same message.
    let (mut mine, _) = Socket::connect(addr, &client, None).await;
    for _ in 0..2 {
        mine.send(json!({"type": "send", "conversation_id": conversation_id, "client_id": "m2", "body": "Hello over the socket"}))
            .await;
    }
    let first = mine.next_of("ack").await;
    let retry = mine.next_of("ack").await;
    assert_eq!(
        first["message"]["id"], retry["message"]["id"],
        "a retry is the same message"
    );
    let event = theirs.next_of("event").await;
    assert_eq!(event["seq"], start + 2);
    assert_eq!(event["event"]["message"]["body"], "Hello over the socket");
    client
        .ok(
            "/api/chat/send",
            &[
                ("conversation_id", &conversation),
                ("client_id", "m3"),
                ("body", "Third"),
            ],
        )
        .await;
    let event = theirs.next_of("event").await;
    assert_eq!(event["seq"], start + 3, "no duplicate came in between");
    assert_eq!(event["event"]["message"]["body"], "Third");
}

#[tokio::test]
async fn a_reconnecting_socket_gets_what_it_missed_in_order_once() {
    let app = TestApp::new().await;
    let addr = app.serve().await;
    let (mut client, freelancer, conversation) = pair(&app).await;
    let (socket, welcome) = Socket::connect(addr, &freelancer, None).await;
    let seen = welcome["seq"].as_i64().unwrap();
    drop(socket);
    for i in 0..5 {
        client
            .ok(
                "/api/chat/send",
                &[
                    ("conversation_id", &conversation),
                    ("client_id", &format!("missed-{i}")),
                    ("body", &format!("Missed {i}")),
                ],
            )
            .await;
    }
    let (mut socket, welcome) = Socket::connect(addr, &freelancer, Some(seen)).await;
    assert_eq!(welcome["resumed"], true);
    // Every missed event in sequence (messages, and the coalesced
    // notification about them), the messages in the order sent.
    let mut expected = seen + 1;
    let mut bodies = Vec::new();
    while bodies.len() < 5 {
        let event = socket.next_of("event").await;
        assert_eq!(event["seq"], expected);
        expected += 1;
        if event["event"]["kind"] == "message" {
            bodies.push(
                event["event"]["message"]["body"]
                    .as_str()
                    .unwrap()
                    .to_string(),
            );
        }
    }
    assert_eq!(
        bodies,
        (0..5).map(|i| format!("Missed {i}")).collect::<Vec<_>>()
    );
    while let Some(rest) = socket.try_next(Duration::from_millis(200)).await {
        assert_eq!(
            rest["seq"], expected,
            "only the last notification update is left"
        );
        assert_eq!(rest["event"]["kind"], "notification");
        expected += 1;
    }

    // A sequence number from the future (or a pruned past) answers resync.
    let (mut socket, welcome) = Socket::connect(addr, &freelancer, Some(seen + 1000)).await;
    assert_eq!(welcome["resumed"], false);
    assert_eq!(socket.next().await["type"], "resync");
}

#[tokio::test]
async fn strangers_cannot_subscribe_or_post_and_the_socket_stays_open() {
    let app = TestApp::new().await;
    let addr = app.serve().await;
    let (_client, _freelancer, conversation) = pair(&app).await;
    let id: i32 = conversation.parse().unwrap();
    let mut stranger = app.client();
    stranger.sign_up("stranger", &["wants_client"]).await;
    let (mut socket, _) = Socket::connect(addr, &stranger, None).await;
    socket
        .send(json!({"type": "subscribe", "topic": {"kind": "conversation", "id": id}}))
        .await;
    let refused = socket.next().await;
    assert_eq!(refused["type"], "error");
    assert_eq!(refused["code"], "forbidden");
    socket
        .send(
            json!({"type": "send", "conversation_id": id, "client_id": "s1", "body": "let me in"}),
        )
        .await;
    let refused = socket.next().await;
    assert_eq!(refused["code"], "forbidden");
    assert_eq!(refused["client_id"], "s1");
    socket
        .send(json!({"type": "typing", "conversation_id": id}))
        .await;
    assert_eq!(socket.next().await["code"], "forbidden");
    socket.send_text("{not json".into()).await;
    assert_eq!(socket.next().await["code"], "bad_frame");
    let stored = app.state.db.clone();
    use sea_orm::{EntityTrait, PaginatorTrait};
    assert_eq!(
        app::entity::message::Entity::find()
            .count(&stored)
            .await
            .unwrap(),
        0
    );
}

#[tokio::test]
async fn an_oversize_frame_closes_with_1009() {
    let app = TestApp::new().await;
    let addr = app.serve().await;
    let mut client = app.client();
    client.sign_up("owner", &["wants_client"]).await;
    let (mut socket, _) = Socket::connect(addr, &client, None).await;
    socket.send_text("x".repeat(70 * 1024)).await;
    assert_eq!(socket.closed().await, Some(1009));
}

#[tokio::test]
async fn a_flood_gets_error_frames_while_others_are_still_served() {
    let app = TestApp::new().await;
    let addr = app.serve().await;
    let (client, freelancer, conversation) = pair(&app).await;
    let id: i32 = conversation.parse().unwrap();
    let (mut flood, _) = Socket::connect(addr, &client, None).await;
    for _ in 0..40 {
        flood
            .send(json!({"type": "typing", "conversation_id": id}))
            .await;
    }
    let mut limited = 0;
    while let Some(frame) = flood.try_next(Duration::from_millis(500)).await {
        if frame["code"] == "rate_limited" {
            limited += 1;
        }
    }
    assert!(
        limited >= 15,
        "only {limited} rate-limit answers to 40 frames"
    );
    let (mut other, _) = Socket::connect(addr, &freelancer, None).await;
    other
        .send(
            json!({"type": "send", "conversation_id": id, "client_id": "f1", "body": "still here"}),
        )
        .await;
    assert_eq!(other.next_of("ack").await["message"]["body"], "still here");
}

#[tokio::test]
async fn logging_out_closes_that_sessions_sockets() {
    let app = TestApp::new().await;
    let addr = app.serve().await;
    let mut client = app.client();
    client.sign_up("owner", &["wants_client"]).await;
    let mut other_tab_session = app.client();
    assert_eq!(
        other_tab_session.log_in("owner", PASSWORD).await.status,
        http::StatusCode::OK
    );
    let (mut leaving, _) = Socket::connect(addr, &client, None).await;
    let (mut staying, _) = Socket::connect(addr, &other_tab_session, None).await;
    client.ok("/api/auth/logout", &[]).await;
    assert_eq!(leaving.closed().await, Some(4001));
    assert!(
        staying.try_next(Duration::from_millis(300)).await.is_none()
            && open(addr, other_tab_session.cookie.as_deref(), ORIGIN)
                .await
                .is_ok(),
        "the other session keeps its socket"
    );
}
