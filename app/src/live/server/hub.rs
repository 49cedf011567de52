//! The hub: every open socket of this server process, by user, session, IP
//! and topic, and the one way events reach them. Each socket has a bounded
//! queue; a socket that cannot keep up is closed (its client resumes later)
//! rather than letting memory grow. With a [`Bus`] (Redis pub/sub), what is
//! published here also reaches the sockets of the other instances.

use super::rate::Bucket;
use crate::live::protocol::{ServerFrame, Signal, Topic};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::net::IpAddr;
use std::sync::atomic::{AtomicU16, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Instant;
use tokio::sync::{Notify, mpsc};

/// Close code for a socket whose session ended (logged out, expired, rotated).
pub const CLOSE_SESSION_ENDED: u16 = 4001;
/// Close code for a socket that fell too far behind (it should resume).
pub const CLOSE_TOO_SLOW: u16 = 4008;

/// Limits of the hub.
#[derive(Clone, Copy, Debug)]
pub struct HubLimits {
    /// Sockets one user may hold open on this instance.
    pub per_user: usize,
    /// Sockets one IP address may hold open on this instance.
    pub per_ip: usize,
    /// Frames queued for one socket before it counts as too slow.
    pub queue: usize,
    /// Frames a user may send at once.
    pub send_burst: u32,
    /// Frames a user may send per second after the burst.
    pub send_per_sec: f64,
}

impl Default for HubLimits {
    fn default() -> Self {
        Self {
            per_user: 16,
            per_ip: 256,
            queue: 512,
            send_burst: 20,
            send_per_sec: 5.0,
        }
    }
}

/// Tells a socket's task to close with a code.
#[derive(Debug, Default)]
pub struct Kill {
    notify: Notify,
    code: AtomicU16,
}

impl Kill {
    /// Asks the socket to close with `code` (the first code wins).
    pub fn fire(&self, code: u16) {
        let _ = self
            .code
            .compare_exchange(0, code, Ordering::AcqRel, Ordering::Acquire);
        self.notify.notify_one();
    }

    /// Waits until the socket is asked to close; returns the code.
    pub async fn fired(&self) -> u16 {
        loop {
            let code = self.code.load(Ordering::Acquire);
            if code != 0 {
                return code;
            }
            self.notify.notified().await;
        }
    }
}

/// What a socket's task gets when it is registered.
#[derive(Debug)]
pub struct Connection {
    /// The socket's id in the hub.
    pub id: u64,
    /// Frames to send, in order.
    pub frames: mpsc::Receiver<Arc<str>>,
    /// Fired when the hub wants the socket closed.
    pub kill: Arc<Kill>,
}

/// Why a socket was not registered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The user already holds the maximum number of sockets.
    TooManyForUser,
    /// The address already holds the maximum number of sockets.
    TooManyForAddress,
}

/// What crosses instances (and is applied locally first).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Envelope {
    /// A logged event for one user (`payload`: the event's JSON).
    Logged {
        /// The user.
        user: i32,
        /// The event's sequence number.
        seq: i64,
        /// The event as JSON.
        payload: String,
    },
    /// A frame for every socket subscribed to a topic.
    Topic {
        /// The topic.
        topic: Topic,
        /// The frame's JSON.
        frame: String,
    },
    /// Close every socket of a session.
    EndSession {
        /// The session id.
        session: String,
    },
    /// A user's online state on one instance changed.
    Presence {
        /// The instance.
        instance: u64,
        /// The user.
        user: i32,
        /// Whether the user has sockets on that instance.
        online: bool,
        /// When (Unix milliseconds).
        at: i64,
    },
}

/// Carries envelopes to the other instances (Redis pub/sub).
pub trait Bus: Send + Sync + 'static {
    /// Sends `envelope` to every other instance (best effort: the event log
    /// heals what is lost).
    fn publish(&self, envelope: &Envelope);
}

struct SocketEntry {
    user: i32,
    session: String,
    ip: IpAddr,
    tx: mpsc::Sender<Arc<str>>,
    kill: Arc<Kill>,
    topics: HashSet<Topic>,
}

/// How long another instance's word that a user is online holds.
const REMOTE_PRESENCE_TTL: std::time::Duration = std::time::Duration::from_secs(60);

#[derive(Default)]
struct State {
    sockets: HashMap<u64, SocketEntry>,
    by_user: HashMap<i32, Vec<u64>>,
    by_ip: HashMap<IpAddr, usize>,
    by_topic: HashMap<Topic, HashSet<u64>>,
    buckets: HashMap<i32, Bucket>,
    /// Users online on other instances: user → instance → when it last
    /// said so (instances repeat it every 20 s; silence for a minute means
    /// the instance is gone).
    remote: HashMap<i32, HashMap<u64, Instant>>,
    /// When users went offline (Unix milliseconds), while this process runs.
    last_seen: HashMap<i32, i64>,
}

impl State {
    fn online(&self, user: i32) -> bool {
        self.by_user.contains_key(&user)
            || self.remote.get(&user).is_some_and(|instances| {
                instances
                    .values()
                    .any(|at| at.elapsed() < REMOTE_PRESENCE_TTL)
            })
    }
}

/// The hub of one server process.
pub struct Hub {
    state: Mutex<State>,
    limits: HubLimits,
    next_id: AtomicU64,
    instance: u64,
    bus: OnceLock<Arc<dyn Bus>>,
}

impl std::fmt::Debug for Hub {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hub")
            .field("instance", &self.instance)
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

/// Unix milliseconds now.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

impl Hub {
    /// An empty hub with `limits`.
    pub fn new(limits: HubLimits) -> Self {
        Self {
            state: Mutex::new(State::default()),
            limits,
            next_id: AtomicU64::new(1),
            instance: fastrand::u64(..),
            bus: OnceLock::new(),
        }
    }

    /// This process's random instance id (tells its own bus messages apart).
    pub fn instance(&self) -> u64 {
        self.instance
    }

    /// Connects the hub to other instances. Only the first call counts.
    pub fn set_bus(&self, bus: Arc<dyn Bus>) {
        let _ = self.bus.set(bus);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Registers a socket of `user` under `session` from `ip`.
    pub fn register(&self, user: i32, session: &str, ip: IpAddr) -> Result<Connection, Refusal> {
        let (tx, rx) = mpsc::channel(self.limits.queue);
        let kill = Arc::new(Kill::default());
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let came_online = {
            let mut state = self.lock();
            let held = state.by_user.get(&user).map_or(0, Vec::len);
            if held >= self.limits.per_user {
                return Err(Refusal::TooManyForUser);
            }
            if state.by_ip.get(&ip).copied().unwrap_or(0) >= self.limits.per_ip {
                return Err(Refusal::TooManyForAddress);
            }
            state.sockets.insert(
                id,
                SocketEntry {
                    user,
                    session: session.to_string(),
                    ip,
                    tx,
                    kill: kill.clone(),
                    topics: HashSet::new(),
                },
            );
            state.by_user.entry(user).or_default().push(id);
            *state.by_ip.entry(ip).or_default() += 1;
            held == 0
        };
        if came_online {
            self.publish(Envelope::Presence {
                instance: self.instance,
                user,
                online: true,
                at: now_ms(),
            });
        }
        Ok(Connection {
            id,
            frames: rx,
            kill,
        })
    }

    /// Forgets a closed socket.
    pub fn unregister(&self, id: u64) {
        let went_offline = {
            let mut state = self.lock();
            let Some(entry) = state.sockets.remove(&id) else {
                return;
            };
            for topic in &entry.topics {
                if let Some(set) = state.by_topic.get_mut(topic) {
                    set.remove(&id);
                    if set.is_empty() {
                        state.by_topic.remove(topic);
                    }
                }
            }
            if let Some(n) = state.by_ip.get_mut(&entry.ip) {
                *n -= 1;
                if *n == 0 {
                    state.by_ip.remove(&entry.ip);
                }
            }
            let list = state.by_user.entry(entry.user).or_default();
            list.retain(|s| *s != id);
            if list.is_empty() {
                state.by_user.remove(&entry.user);
                Some(entry.user)
            } else {
                None
            }
        };
        if let Some(user) = went_offline {
            self.publish(Envelope::Presence {
                instance: self.instance,
                user,
                online: false,
                at: now_ms(),
            });
        }
    }

    /// Adds `topic` to a socket's subscriptions (authorise first).
    pub fn subscribe(&self, id: u64, topic: Topic) {
        let mut state = self.lock();
        if let Some(entry) = state.sockets.get_mut(&id) {
            entry.topics.insert(topic);
            state.by_topic.entry(topic).or_default().insert(id);
        }
    }

    /// Removes `topic` from a socket's subscriptions.
    pub fn unsubscribe(&self, id: u64, topic: Topic) {
        let mut state = self.lock();
        if let Some(entry) = state.sockets.get_mut(&id) {
            entry.topics.remove(&topic);
        }
        if let Some(set) = state.by_topic.get_mut(&topic) {
            set.remove(&id);
            if set.is_empty() {
                state.by_topic.remove(&topic);
            }
        }
    }

    /// Takes one send token of `user`: `Err(seconds to wait)` when empty.
    pub fn take_send_token(&self, user: i32) -> Result<(), f64> {
        let now = Instant::now();
        let mut state = self.lock();
        if state.buckets.len() > 100_000 {
            let full = f64::from(self.limits.send_burst);
            let rate = self.limits.send_per_sec;
            state.buckets.retain(|_, b| b.level(now, full, rate) < full);
        }
        state
            .buckets
            .entry(user)
            .or_insert_with(|| Bucket::full(f64::from(self.limits.send_burst), now))
            .take(
                now,
                f64::from(self.limits.send_burst),
                self.limits.send_per_sec,
            )
    }

    /// Whether `user` has a socket open on any instance.
    pub fn is_online(&self, user: i32) -> bool {
        self.lock().online(user)
    }

    /// When `user` was last seen online by this process (Unix milliseconds).
    pub fn last_seen(&self, user: i32) -> Option<i64> {
        self.lock().last_seen.get(&user).copied()
    }

    /// Whether one of `user`'s sockets on this instance is subscribed to
    /// `topic` (e.g. they have that conversation open).
    pub fn is_watching(&self, user: i32, topic: Topic) -> bool {
        let state = self.lock();
        let Some(ids) = state.by_topic.get(&topic) else {
            return false;
        };
        state
            .by_user
            .get(&user)
            .is_some_and(|mine| mine.iter().any(|id| ids.contains(id)))
    }

    /// Sockets open on this instance.
    pub fn socket_count(&self) -> usize {
        self.lock().sockets.len()
    }

    /// The sessions of every open socket, for the expiry sweep.
    pub fn sessions(&self) -> Vec<String> {
        let state = self.lock();
        let mut sessions: Vec<String> = state.sockets.values().map(|s| s.session.clone()).collect();
        sessions.sort();
        sessions.dedup();
        sessions
    }

    /// Publishes a logged event for `user` (after it was stored).
    pub fn publish_logged(&self, user: i32, seq: i64, payload: String) {
        self.publish(Envelope::Logged { user, seq, payload });
    }

    /// Publishes a signal to every socket subscribed to `topic`.
    pub fn publish_signal(&self, topic: Topic, signal: Signal) {
        let frame = ServerFrame::Signal { topic, signal }.to_json();
        self.publish(Envelope::Topic { topic, frame });
    }

    /// Closes every socket of `session`, on every instance.
    pub fn end_session(&self, session: &str) {
        self.publish(Envelope::EndSession {
            session: session.to_string(),
        });
    }

    /// Applies `envelope` here and sends it to the other instances.
    pub fn publish(&self, envelope: Envelope) {
        if let Some(bus) = self.bus.get() {
            bus.publish(&envelope);
        }
        self.apply(envelope);
    }

    /// Applies an envelope to this instance's sockets (from here or the bus).
    pub fn apply(&self, envelope: Envelope) {
        match envelope {
            Envelope::Logged { user, seq, payload } => {
                let frame: Arc<str> =
                    format!(r#"{{"type":"event","seq":{seq},"event":{payload}}}"#).into();
                let state = self.lock();
                if let Some(ids) = state.by_user.get(&user) {
                    for id in ids {
                        self.push(&state, *id, &frame);
                    }
                }
            }
            Envelope::Topic { topic, frame } => {
                let frame: Arc<str> = frame.into();
                let state = self.lock();
                if let Some(ids) = state.by_topic.get(&topic) {
                    for id in ids {
                        self.push(&state, *id, &frame);
                    }
                }
            }
            Envelope::EndSession { session } => {
                let state = self.lock();
                for entry in state.sockets.values().filter(|s| s.session == session) {
                    entry.kill.fire(CLOSE_SESSION_ENDED);
                }
            }
            Envelope::Presence {
                instance,
                user,
                online,
                at,
            } => self.apply_presence(instance, user, online, at),
        }
    }

    fn apply_presence(&self, instance: u64, user: i32, online: bool, at: i64) {
        let changed = {
            let mut state = self.lock();
            let before = state.online(user);
            if instance != self.instance {
                let instances = state.remote.entry(user).or_default();
                if online {
                    instances.insert(instance, Instant::now());
                } else {
                    instances.remove(&instance);
                    if instances.is_empty() {
                        state.remote.remove(&user);
                    }
                }
            }
            let after = state.online(user);
            if !after {
                state.last_seen.insert(user, at);
            }
            (before != after || instance == self.instance).then_some(after)
        };
        if let Some(online) = changed {
            let topic = Topic::Presence { user_id: user };
            let frame = ServerFrame::Signal {
                topic,
                signal: Signal::Presence {
                    user_id: user,
                    online,
                    last_seen: (!online).then_some(at),
                },
            }
            .to_json();
            self.apply(Envelope::Topic { topic, frame });
        }
    }

    /// Announces every locally online user to the other instances (run
    /// periodically so a newly started instance learns who is online).
    pub fn announce_presence(&self) {
        let users: Vec<i32> = self.lock().by_user.keys().copied().collect();
        if let Some(bus) = self.bus.get() {
            for user in users {
                bus.publish(&Envelope::Presence {
                    instance: self.instance,
                    user,
                    online: true,
                    at: now_ms(),
                });
            }
        }
    }

    fn push(&self, state: &State, id: u64, frame: &Arc<str>) {
        if let Some(entry) = state.sockets.get(&id)
            && let Err(mpsc::error::TrySendError::Full(_)) = entry.tx.try_send(frame.clone())
        {
            entry.kill.fire(CLOSE_TOO_SLOW);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip() -> IpAddr {
        "127.0.0.1".parse().unwrap()
    }

    #[tokio::test]
    async fn logged_events_reach_every_socket_of_the_user_only() {
        let hub = Hub::new(HubLimits::default());
        let mut a = hub.register(1, "s1", ip()).unwrap();
        let mut b = hub.register(1, "s2", ip()).unwrap();
        let mut other = hub.register(2, "s3", ip()).unwrap();
        hub.publish_logged(1, 7, r#"{"kind":"joined","conversation_id":3}"#.into());
        let expected = r#"{"type":"event","seq":7,"event":{"kind":"joined","conversation_id":3}}"#;
        assert_eq!(&*a.frames.recv().await.unwrap(), expected);
        assert_eq!(&*b.frames.recv().await.unwrap(), expected);
        assert!(other.frames.try_recv().is_err());
    }

    #[tokio::test]
    async fn a_slow_socket_is_closed_not_buffered_forever() {
        let hub = Hub::new(HubLimits {
            queue: 2,
            ..HubLimits::default()
        });
        let conn = hub.register(1, "s", ip()).unwrap();
        for seq in 1..=3 {
            hub.publish_logged(1, seq, "{}".into());
        }
        assert_eq!(conn.kill.fired().await, CLOSE_TOO_SLOW);
    }

    #[tokio::test]
    async fn ending_a_session_closes_its_sockets() {
        let hub = Hub::new(HubLimits::default());
        let conn = hub.register(1, "gone", ip()).unwrap();
        let _kept = hub.register(1, "kept", ip()).unwrap();
        hub.end_session("gone");
        assert_eq!(conn.kill.fired().await, CLOSE_SESSION_ENDED);
    }

    #[test]
    fn sockets_per_user_and_address_are_capped() {
        let hub = Hub::new(HubLimits {
            per_user: 2,
            per_ip: 3,
            ..HubLimits::default()
        });
        let _a = hub.register(1, "s", ip()).unwrap();
        let _b = hub.register(1, "s", ip()).unwrap();
        assert_eq!(
            hub.register(1, "s", ip()).unwrap_err(),
            Refusal::TooManyForUser
        );
        let _c = hub.register(2, "t", ip()).unwrap();
        assert_eq!(
            hub.register(3, "u", ip()).unwrap_err(),
            Refusal::TooManyForAddress
        );
    }

    #[tokio::test]
    async fn presence_goes_to_subscribers_when_the_last_socket_closes() {
        let hub = Hub::new(HubLimits::default());
        let mut watcher = hub.register(2, "w", ip()).unwrap();
        hub.subscribe(watcher.id, Topic::Presence { user_id: 1 });
        let a = hub.register(1, "s", ip()).unwrap();
        let b = hub.register(1, "s", ip()).unwrap();
        assert!(
            watcher
                .frames
                .recv()
                .await
                .unwrap()
                .contains(r#""online":true"#)
        );
        hub.unregister(a.id);
        assert!(watcher.frames.try_recv().is_err(), "still online in a tab");
        hub.unregister(b.id);
        assert!(
            watcher
                .frames
                .recv()
                .await
                .unwrap()
                .contains(r#""online":false"#)
        );
        assert!(!hub.is_online(1));
        assert!(hub.last_seen(1).is_some());
    }

    #[test]
    fn the_send_rate_allows_a_burst_then_refuses() {
        let hub = Hub::new(HubLimits {
            send_burst: 3,
            send_per_sec: 0.001,
            ..HubLimits::default()
        });
        for _ in 0..3 {
            assert!(hub.take_send_token(1).is_ok());
        }
        assert!(hub.take_send_token(1).is_err());
        assert!(hub.take_send_token(2).is_ok());
    }
}
