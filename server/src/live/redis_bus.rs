//! Fan-out across instances through Redis pub/sub (`GUILD_REDIS_URL`).
//! Every envelope the hub publishes goes to one channel with this
//! instance's id; each instance applies the envelopes of the others. The
//! database stays the truth: a message lost here is healed when the
//! client resumes (or by the socket's gap filling from the event log).

use app::health::server::{BusState, Vitals};
use app::live::server::hub::{Bus, Envelope, Hub};
use futures_util::StreamExt;
use redis::AsyncCommands;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;

/// The channel every instance publishes to and listens on.
pub const CHANNEL: &str = "guild:live";
/// Envelopes waiting to be published before new ones are dropped (the log heals them).
const QUEUE: usize = 65_536;

#[derive(Serialize, Deserialize)]
struct Wire {
    from: u64,
    envelope: Envelope,
}

/// Publishes the hub's envelopes to Redis (from a background task).
struct RedisBus {
    instance: u64,
    queue: mpsc::Sender<String>,
}

impl Bus for RedisBus {
    fn publish(&self, envelope: &Envelope) {
        let Ok(text) = serde_json::to_string(&Wire {
            from: self.instance,
            envelope: envelope.clone(),
        }) else {
            return;
        };
        if self.queue.try_send(text).is_err() {
            tracing::warn!(
                "the Redis publish queue is full; other instances catch up from the log"
            );
        }
    }
}

/// Whether Redis at `url` answers a PING (the readiness check).
pub async fn ping(url: &str) -> Result<(), String> {
    let client = redis::Client::open(url).map_err(|e| e.to_string())?;
    let mut conn = client
        .get_multiplexed_async_connection()
        .await
        .map_err(|e| e.to_string())?;
    let _: String = redis::cmd("PING")
        .query_async(&mut conn)
        .await
        .map_err(|e| e.to_string())?;
    Ok(())
}

/// Connects `hub` to the other instances through Redis at `url`: checks
/// the connection once (so a wrong URL stops start-up), then publishes and
/// subscribes in background tasks that reconnect on their own.
pub async fn connect(url: &str, hub: Arc<Hub>, vitals: Arc<Vitals>) -> Result<(), String> {
    let client = redis::Client::open(url).map_err(|e| format!("GUILD_REDIS_URL: {e}"))?;
    let mut check = client
        .get_multiplexed_async_connection()
        .await
        .map_err(|e| format!("GUILD_REDIS_URL: cannot connect: {e}"))?;
    let _: String = redis::cmd("PING")
        .query_async(&mut check)
        .await
        .map_err(|e| format!("GUILD_REDIS_URL: {e}"))?;
    let (queue, outgoing) = mpsc::channel(QUEUE);
    tokio::spawn(publish_loop(client.clone(), outgoing));
    vitals.set_bus(BusState::Connected);
    tokio::spawn(subscribe_loop(client, hub.clone(), vitals));
    hub.set_bus(Arc::new(RedisBus {
        instance: hub.instance(),
        queue,
    }));
    Ok(())
}

async fn publish_loop(client: redis::Client, mut outgoing: mpsc::Receiver<String>) {
    let mut pending: Option<String> = None;
    loop {
        let mut conn = match client.get_multiplexed_async_connection().await {
            Ok(conn) => conn,
            Err(e) => {
                tracing::warn!(error = %e, "Redis unavailable for publishing; retrying");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
        };
        loop {
            let text = match pending.take() {
                Some(text) => text,
                None => match outgoing.recv().await {
                    Some(text) => text,
                    None => return,
                },
            };
            if let Err(e) = conn.publish::<_, _, ()>(CHANNEL, &text).await {
                tracing::warn!(error = %e, "Redis publish failed; reconnecting");
                pending = Some(text);
                break;
            }
        }
    }
}

async fn subscribe_loop(client: redis::Client, hub: Arc<Hub>, vitals: Arc<Vitals>) {
    loop {
        let mut pubsub = match client.get_async_pubsub().await {
            Ok(pubsub) => pubsub,
            Err(e) => {
                vitals.set_bus(BusState::Reconnecting);
                tracing::warn!(error = %e, "Redis unavailable for subscribing; retrying");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
        };
        if let Err(e) = pubsub.subscribe(CHANNEL).await {
            vitals.set_bus(BusState::Reconnecting);
            tracing::warn!(error = %e, "Redis subscribe failed; retrying");
            tokio::time::sleep(Duration::from_secs(1)).await;
            continue;
        }
        vitals.set_bus(BusState::Connected);
        // Tell the others who is online here (they may have missed it).
        hub.announce_presence();
        let mut messages = pubsub.on_message();
        while let Some(message) = messages.next().await {
            let Ok(text) = message.get_payload::<String>() else {
                continue;
            };
            match serde_json::from_str::<Wire>(&text) {
                Ok(wire) if wire.from != hub.instance() => hub.apply(wire.envelope),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "unreadable envelope on Redis"),
            }
        }
        vitals.set_bus(BusState::Reconnecting);
        tracing::warn!("Redis subscription ended; reconnecting");
    }
}
