//! Two instances on one database, joined by Redis pub/sub: a message and a
//! presence change cross from one to the other. Needs a Redis server:
//! `.ci/run` starts one and sets `GUILD_TEST_REDIS_URL`.

use super::live_support::{Socket, pair};
use super::support::{TestApp, serve};
use serde_json::json;

#[tokio::test]
async fn a_message_and_presence_cross_instances_through_redis() {
    let Ok(url) = std::env::var("GUILD_TEST_REDIS_URL") else {
        eprintln!("skipped: set GUILD_TEST_REDIS_URL to run the two-instance test");
        return;
    };
    let app = TestApp::new().await;
    let (twin, twin_router) = app.twin();
    server::live::redis_bus::connect(&url, app.state.live.clone(), app.state.vitals.clone())
        .await
        .expect("redis");
    server::live::redis_bus::connect(&url, twin.live.clone(), twin.vitals.clone())
        .await
        .expect("redis");
    assert_eq!(
        app.state.vitals.bus(),
        app::health::server::BusState::Connected,
        "the health page shows the bus connected"
    );
    let first = app.serve().await;
    let second = serve(twin_router).await;
    let (mut client, freelancer, conversation) = pair(&app).await;
    let id: i32 = conversation.parse().unwrap();
    let client_id = client.me().await["id"].as_i64().unwrap();

    let (mut watcher, _) = Socket::connect(first, &freelancer, None).await;
    watcher
        .send(json!({"type": "subscribe", "topic": {"kind": "presence", "user_id": client_id}}))
        .await;
    let initial = watcher.next_of("signal").await;
    assert_eq!(initial["signal"]["online"], false);

    let (mut writer, _) = Socket::connect(second, &client, None).await;
    let online = watcher.next_of("signal").await;
    assert_eq!(online["signal"]["user_id"], client_id);
    assert_eq!(
        online["signal"]["online"], true,
        "presence crossed instances"
    );

    writer
        .send(json!({"type": "send", "conversation_id": id, "client_id": "x1", "body": "From the other instance"}))
        .await;
    assert_eq!(
        writer.next_of("ack").await["message"]["body"],
        "From the other instance"
    );
    loop {
        let event = watcher.next_of("event").await;
        if event["event"]["kind"] == "message" {
            assert_eq!(event["event"]["message"]["body"], "From the other instance");
            break;
        }
    }
    drop(writer);
    let offline = watcher.next_of("signal").await;
    assert_eq!(offline["signal"]["online"], false);
}
