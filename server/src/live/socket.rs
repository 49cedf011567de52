//! One live socket, from `hello` to close: resumes from the client's last
//! sequence number, then forwards hub frames strictly in sequence order
//! (filling any gap from the event log, dropping repeats), answers client
//! frames under the per-user rate, pings every 20 s and closes dead peers,
//! and closes when its session ends or it falls too far behind.

use super::frames::{error_frame, event_seq};
use app::accounts::model::CurrentUser;
use app::chat::server::{access, service};
use app::error::AppError;
use app::live::protocol::{ClientFrame, ErrorCode, PROTOCOL_VERSION, ServerFrame, Signal, Topic};
use app::live::server::hub::Connection;
use app::live::server::log::{self, Replay};
use app::state::AppState;
use axum::extract::ws::{CloseFrame, Message, Utf8Bytes, WebSocket};
use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

/// How often the server pings.
pub const PING_EVERY: Duration = Duration::from_secs(20);
/// How long a new socket has to say `hello`.
pub const HELLO_WITHIN: Duration = Duration::from_secs(10);
/// Typing signals per conversation and socket at most this often. Shorter
/// than the composer's own 3 s, which restarts after each sent message, so
/// a well-behaved client's signal is never dropped here.
const TYPING_EVERY: Duration = Duration::from_secs(1);

/// Close code: a frame larger than the limit.
const CLOSE_TOO_BIG: u16 = 1009;
/// Close code: the protocol was not followed.
const CLOSE_PROTOCOL: u16 = 1002;
/// Close code: the peer stopped answering pings.
const CLOSE_GOING_AWAY: u16 = 1001;

struct Live {
    socket: WebSocket,
    state: AppState,
    user: CurrentUser,
    connection: Connection,
    last_sent: i64,
    members_of: HashSet<i32>,
    typing: HashMap<i32, Instant>,
    /// Boards this socket is subscribed to (its user is shown there).
    viewing: HashSet<i32>,
}

/// Why the loop ended.
enum End {
    Close(u16, &'static str),
    Gone,
}

async fn send(socket: &mut WebSocket, frame: &ServerFrame) -> Result<(), End> {
    socket
        .send(Message::Text(frame.to_json().into()))
        .await
        .map_err(|_| End::Gone)
}

async fn close(socket: &mut WebSocket, code: u16, reason: &'static str) {
    let _ = socket
        .send(Message::Close(Some(CloseFrame {
            code,
            reason: Utf8Bytes::from_static(reason),
        })))
        .await;
}

/// Whether a read error was a frame over the size limit.
fn too_big(error: &axum::Error) -> bool {
    let text = error.to_string().to_lowercase();
    text.contains("too long") || text.contains("too big") || text.contains("space limit")
}

/// Runs a registered socket until it closes.
pub async fn run(
    mut socket: WebSocket,
    state: AppState,
    user: CurrentUser,
    connection: Connection,
) {
    let id = connection.id;
    let hub = state.live.clone();
    let last_seq = match tokio::time::timeout(HELLO_WITHIN, socket.recv()).await {
        Ok(Some(Ok(Message::Text(text)))) => match serde_json::from_str::<ClientFrame>(&text) {
            Ok(ClientFrame::Hello { version, last_seq }) if version == PROTOCOL_VERSION => last_seq,
            Ok(ClientFrame::Hello { .. }) => {
                let _ = send(
                    &mut socket,
                    &ServerFrame::Error {
                        code: ErrorCode::Version,
                        message: format!("This server speaks protocol version {PROTOCOL_VERSION}."),
                        client_id: None,
                    },
                )
                .await;
                close(&mut socket, CLOSE_PROTOCOL, "protocol version").await;
                hub.unregister(id);
                return;
            }
            _ => {
                let _ = send(
                    &mut socket,
                    &ServerFrame::Error {
                        code: ErrorCode::BadFrame,
                        message: "Say hello first.".into(),
                        client_id: None,
                    },
                )
                .await;
                close(&mut socket, CLOSE_PROTOCOL, "hello expected").await;
                hub.unregister(id);
                return;
            }
        },
        Ok(Some(Err(e))) if too_big(&e) => {
            close(&mut socket, CLOSE_TOO_BIG, "frame too large").await;
            hub.unregister(id);
            return;
        }
        _ => {
            close(&mut socket, CLOSE_PROTOCOL, "hello expected").await;
            hub.unregister(id);
            return;
        }
    };
    let mut live = Live {
        socket,
        state,
        user,
        connection,
        last_sent: 0,
        members_of: HashSet::new(),
        typing: HashMap::new(),
        viewing: HashSet::new(),
    };
    let end = match live.welcome(last_seq).await {
        Ok(()) => live.serve().await,
        Err(end) => end,
    };
    if let End::Close(code, reason) = end {
        close(&mut live.socket, code, reason).await;
    }
    for board in std::mem::take(&mut live.viewing) {
        live.announce(board, false, false);
    }
    hub.unregister(id);
}

impl Live {
    /// Tells a board's viewers that this user opened it or left it.
    fn announce(&self, board: i32, here: bool, answer: bool) {
        self.state.live.publish_signal(
            Topic::Board { id: board },
            Signal::Viewing {
                user_id: self.user.id,
                name: self.user.display_name.clone(),
                here,
                answer,
            },
        );
    }

    /// Answers `hello`: a fresh start, or the missed events, or a resync.
    async fn welcome(&mut self, last_seq: Option<i64>) -> Result<(), End> {
        let db = &self.state.db;
        let user_id = self.user.id;
        let welcome = |seq, resumed| ServerFrame::Welcome {
            version: PROTOCOL_VERSION,
            user_id,
            seq,
            resumed,
        };
        let Some(after) = last_seq else {
            let seq = log::current_seq(db, user_id)
                .await
                .map_err(|_| End::Close(1011, "try again"))?;
            self.last_sent = seq;
            return send(&mut self.socket, &welcome(seq, false)).await;
        };
        match log::replay(db, user_id, after).await {
            Ok(Replay::Events(events)) => {
                let seq = events.last().map_or(after, |(seq, _)| *seq);
                send(&mut self.socket, &welcome(seq.max(after), true)).await?;
                self.last_sent = after;
                for (seq, payload) in events {
                    self.forward_event(seq, &payload).await?;
                }
                Ok(())
            }
            Ok(Replay::Resync(seq)) => {
                self.last_sent = seq;
                send(&mut self.socket, &welcome(seq, false)).await?;
                send(&mut self.socket, &ServerFrame::Resync { seq }).await
            }
            Err(_) => Err(End::Close(1011, "try again")),
        }
    }

    async fn forward_event(&mut self, seq: i64, payload: &str) -> Result<(), End> {
        let text = format!(r#"{{"type":"event","seq":{seq},"event":{payload}}}"#);
        self.socket
            .send(Message::Text(text.into()))
            .await
            .map_err(|_| End::Gone)?;
        self.last_sent = seq;
        Ok(())
    }

    /// Forwards a hub frame; logged events go out strictly in order.
    async fn forward(&mut self, frame: &str) -> Result<(), End> {
        let Some(seq) = event_seq(frame) else {
            return self
                .socket
                .send(Message::Text(frame.into()))
                .await
                .map_err(|_| End::Gone);
        };
        if seq <= self.last_sent {
            return Ok(());
        }
        if seq > self.last_sent + 1 {
            // Published out of order (another writer or instance): the
            // missing events are committed, so take them from the log.
            let missing =
                log::events_between(&self.state.db, self.user.id, self.last_sent, seq - 1)
                    .await
                    .map_err(|_| End::Close(1011, "try again"))?;
            for (s, payload) in missing {
                if s > self.last_sent {
                    self.forward_event(s, &payload).await?;
                }
            }
        }
        self.socket
            .send(Message::Text(frame.into()))
            .await
            .map_err(|_| End::Gone)?;
        self.last_sent = seq;
        Ok(())
    }

    async fn serve(&mut self) -> End {
        let mut ping =
            tokio::time::interval_at(tokio::time::Instant::now() + PING_EVERY, PING_EVERY);
        let mut awaiting_pong = false;
        let kill = self.connection.kill.clone();
        loop {
            let step = tokio::select! {
                frame = self.connection.frames.recv() => match frame {
                    Some(frame) => self.forward(&frame).await,
                    None => Err(End::Gone),
                },
                incoming = self.socket.recv() => match incoming {
                    Some(Ok(Message::Text(text))) => self.answer(&text).await,
                    Some(Ok(Message::Binary(_))) => send(&mut self.socket, &ServerFrame::Error {
                        code: ErrorCode::BadFrame,
                        message: "Send JSON text frames.".into(),
                        client_id: None,
                    }).await,
                    Some(Ok(Message::Pong(_))) => {
                        awaiting_pong = false;
                        Ok(())
                    }
                    Some(Ok(Message::Ping(_))) => Ok(()),
                    Some(Ok(Message::Close(_))) | None => Err(End::Gone),
                    Some(Err(e)) if too_big(&e) => Err(End::Close(CLOSE_TOO_BIG, "frame too large")),
                    Some(Err(_)) => Err(End::Gone),
                },
                _ = ping.tick() => {
                    if awaiting_pong {
                        Err(End::Close(CLOSE_GOING_AWAY, "no answer to ping"))
                    } else {
                        awaiting_pong = true;
                        self.socket.send(Message::Ping(Default::default())).await.map_err(|_| End::Gone)
                    }
                }
                code = kill.fired() => Err(End::Close(code, match code {
                    app::live::server::hub::CLOSE_SESSION_ENDED => "session ended",
                    _ => "too slow; resume",
                })),
            };
            if let Err(end) = step {
                return end;
            }
        }
    }

    /// Whether the user is in `conversation` (remembered per socket).
    async fn member_of(&mut self, conversation: i32) -> Result<(), AppError> {
        if self.members_of.contains(&conversation) {
            return Ok(());
        }
        access::membership(&self.state.db, conversation, self.user.id).await?;
        self.members_of.insert(conversation);
        Ok(())
    }

    /// Answers one client frame.
    async fn answer(&mut self, text: &str) -> Result<(), End> {
        let frame = match serde_json::from_str::<ClientFrame>(text) {
            Ok(frame) => frame,
            Err(e) => {
                return send(
                    &mut self.socket,
                    &ServerFrame::Error {
                        code: ErrorCode::BadFrame,
                        message: format!("Unreadable frame: {e}"),
                        client_id: None,
                    },
                )
                .await;
            }
        };
        let client_id = match &frame {
            ClientFrame::Send { client_id, .. } => Some(client_id.clone()),
            _ => None,
        };
        if let Err(e) = service::take_send_token(&self.state, self.user.id) {
            return send(&mut self.socket, &error_frame(&e, client_id)).await;
        }
        let outcome = self.handle(frame).await;
        match outcome {
            Ok(Some(reply)) => send(&mut self.socket, &reply).await,
            Ok(None) => Ok(()),
            Err(e) => send(&mut self.socket, &error_frame(&e, client_id)).await,
        }
    }

    async fn handle(&mut self, frame: ClientFrame) -> Result<Option<ServerFrame>, AppError> {
        let hub = self.state.live.clone();
        match frame {
            ClientFrame::Hello { .. } => Err(AppError::BadRequest(
                leptos::server_fn::error::ServerFnErrorErr::Args("hello was already said".into()),
            )),
            ClientFrame::Subscribe { topic } => {
                match topic {
                    Topic::Conversation { id } => self.member_of(id).await?,
                    Topic::Board { id } => {
                        app::boards::server::access::member_board(&self.state.db, id, self.user.id)
                            .await?;
                    }
                    Topic::Presence { user_id } => {
                        if !access::share_a_conversation(&self.state.db, self.user.id, user_id)
                            .await?
                        {
                            return Err(AppError::NotFound);
                        }
                    }
                }
                hub.subscribe(self.connection.id, topic);
                if let Topic::Board { id } = topic
                    && self.viewing.insert(id)
                {
                    self.announce(id, true, false);
                }
                Ok(match topic {
                    Topic::Presence { user_id } => {
                        let online = hub.is_online(user_id);
                        Some(ServerFrame::Signal {
                            topic,
                            signal: Signal::Presence {
                                user_id,
                                online,
                                last_seen: if online { None } else { hub.last_seen(user_id) },
                            },
                        })
                    }
                    Topic::Conversation { .. } | Topic::Board { .. } => None,
                })
            }
            ClientFrame::Unsubscribe { topic } => {
                hub.unsubscribe(self.connection.id, topic);
                if let Topic::Board { id } = topic
                    && self.viewing.remove(&id)
                {
                    self.announce(id, false, false);
                }
                Ok(None)
            }
            ClientFrame::Here { board_id } => {
                if !self.viewing.contains(&board_id) {
                    return Err(AppError::NotFound);
                }
                self.announce(board_id, true, true);
                Ok(None)
            }
            ClientFrame::Send {
                conversation_id,
                client_id,
                body,
            } => {
                self.member_of(conversation_id).await?;
                let message =
                    service::send(&self.state, &self.user, conversation_id, &client_id, &body)
                        .await?;
                Ok(Some(ServerFrame::Ack { client_id, message }))
            }
            ClientFrame::Typing { conversation_id } => {
                self.member_of(conversation_id).await?;
                let now = Instant::now();
                let recent = self
                    .typing
                    .get(&conversation_id)
                    .is_some_and(|at| now.duration_since(*at) < TYPING_EVERY);
                if !recent {
                    self.typing.insert(conversation_id, now);
                    hub.publish_signal(
                        Topic::Conversation {
                            id: conversation_id,
                        },
                        Signal::Typing {
                            user_id: self.user.id,
                            name: self.user.display_name.clone(),
                        },
                    );
                }
                Ok(None)
            }
            ClientFrame::Read {
                conversation_id,
                message_id,
            } => {
                service::mark_read(&self.state, &self.user, conversation_id, message_id).await?;
                Ok(None)
            }
        }
    }
}
