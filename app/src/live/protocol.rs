//! The live protocol, shared by the browser, the server and the load tool:
//! JSON text frames over one WebSocket per tab (`/ws`). Documented with
//! examples in `docs/realtime.md`.
//!
//! Two kinds of server events exist. *Logged* events ([`Event`]) are stored
//! per user with a sequence number before they are pushed, so a client that
//! reconnects with the last number it saw receives everything it missed, in
//! order and once. *Signals* ([`Signal`]: typing, presence) are ephemeral
//! and go only to sockets subscribed to their [`Topic`].

use serde::{Deserialize, Serialize};

/// The protocol version; a client speaking another one is refused.
pub const PROTOCOL_VERSION: u32 = 1;
/// The largest frame a client may send; larger ones close the socket (1009).
pub const MAX_FRAME_BYTES: usize = 64 * 1024;
/// The longest chat message, in characters.
pub const MAX_MESSAGE_CHARS: usize = 10_000;
/// How long after sending a message may still be edited, in milliseconds.
pub const EDIT_WINDOW_MS: i64 = 15 * 60 * 1000;

/// A stream of signals a socket can subscribe to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Topic {
    /// Typing in one conversation (members only).
    Conversation {
        /// The conversation.
        id: i32,
    },
    /// Whether a user is online (people who share a conversation with them).
    Presence {
        /// The user.
        user_id: i32,
    },
    /// Changes to one board (its members only).
    Board {
        /// The board.
        id: i32,
    },
}

/// What a client sends.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClientFrame {
    /// The first frame: the protocol version and, when resuming, the last
    /// event sequence number the client saw.
    Hello {
        /// Must equal [`PROTOCOL_VERSION`].
        version: u32,
        /// The last logged event seen, or none on a fresh start.
        last_seq: Option<i64>,
    },
    /// Start receiving a topic's signals.
    Subscribe {
        /// The topic.
        topic: Topic,
    },
    /// Stop receiving a topic's signals.
    Unsubscribe {
        /// The topic.
        topic: Topic,
    },
    /// Send a chat message. `client_id` is the sender's own id for it: a
    /// retry with the same id returns the first message, never a copy.
    Send {
        /// The conversation.
        conversation_id: i32,
        /// 1–64 characters of `[A-Za-z0-9_-]`.
        client_id: String,
        /// The text, at most [`MAX_MESSAGE_CHARS`].
        body: String,
    },
    /// The user is typing (send at most every few seconds).
    Typing {
        /// The conversation.
        conversation_id: i32,
    },
    /// The user has seen the conversation up to `message_id`.
    Read {
        /// The conversation.
        conversation_id: i32,
        /// The newest message seen.
        message_id: i64,
    },
    /// "I am looking at this board too": the answer to someone else's
    /// arrival on a board this socket is subscribed to.
    Here {
        /// The board.
        board_id: i32,
    },
}

/// What the server sends.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerFrame {
    /// The answer to `hello`: who is connected and the newest sequence
    /// number. `resumed` is false on a fresh start (refetch what you show).
    Welcome {
        /// The protocol version.
        version: u32,
        /// The signed-in user.
        user_id: i32,
        /// The newest logged event's sequence number.
        seq: i64,
        /// Whether missed events follow (true) or the client should refetch.
        resumed: bool,
    },
    /// A logged event, in sequence order.
    Event {
        /// This event's sequence number (per user, increasing by one).
        seq: i64,
        /// The event.
        event: Event,
    },
    /// The missed events are no longer kept: refetch everything shown.
    Resync {
        /// The newest sequence number; resume from here.
        seq: i64,
    },
    /// An ephemeral signal on a subscribed topic.
    Signal {
        /// The topic it belongs to.
        topic: Topic,
        /// The signal.
        signal: Signal,
    },
    /// A `send` was stored (its message also arrives as an event).
    Ack {
        /// The client's id for the message.
        client_id: String,
        /// The stored message.
        message: ChatMessage,
    },
    /// A frame was refused; the socket stays open.
    Error {
        /// What kind of refusal.
        code: ErrorCode,
        /// A sentence for people.
        message: String,
        /// The `send` it answers, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        client_id: Option<String>,
    },
}

/// Why a frame was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Not valid JSON for this protocol, or `hello` missing or repeated.
    BadFrame,
    /// Another protocol version.
    Version,
    /// Sending too fast; slow down and retry.
    RateLimited,
    /// Not a member, or not allowed.
    Forbidden,
    /// Bad input (e.g. an empty or overlong message).
    Invalid,
    /// Something failed on the server.
    Internal,
}

/// A logged event for one user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    /// A new message (or system line) in one of my conversations.
    Message {
        /// The message.
        message: ChatMessage,
    },
    /// A message was edited or deleted (deleted: `deleted` true, body empty).
    MessageChanged {
        /// The message as it is now.
        message: ChatMessage,
    },
    /// A member has seen a conversation up to `message_id`.
    Read {
        /// The conversation.
        conversation_id: i32,
        /// The member.
        user_id: i32,
        /// The newest message they have seen.
        message_id: i64,
    },
    /// I joined a conversation (a new contact or team).
    Joined {
        /// The conversation.
        conversation_id: i32,
    },
    /// A notification for me, new or updated (coalesced messages).
    Notification {
        /// The notification as it is now.
        notification: crate::notifications::model::NotificationView,
    },
    /// Notifications were marked read (`all`: every one up to now).
    NotificationsRead {
        /// The ones marked read.
        ids: Vec<i64>,
        /// Whether all were.
        all: bool,
    },
}

/// An ephemeral signal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Signal {
    /// A member is typing.
    Typing {
        /// Who.
        user_id: i32,
        /// Their display name.
        name: String,
    },
    /// A user came online or went offline.
    Presence {
        /// Who.
        user_id: i32,
        /// Whether they have a socket open anywhere.
        online: bool,
        /// When they were last online (Unix milliseconds), when offline.
        last_seen: Option<i64>,
    },
    /// A board changed (viewers apply it, or refetch on `reload`).
    Board {
        /// What changed.
        change: crate::boards::model::BoardChange,
    },
    /// Someone opened (`here`) or left a board. An arrival (`answer`
    /// false) is answered by every other viewer with [`ClientFrame::Here`],
    /// so a newcomer learns who is already looking.
    Viewing {
        /// Who.
        user_id: i32,
        /// Their display name.
        name: String,
        /// Whether they are looking at the board now.
        here: bool,
        /// Whether this answers an arrival (not to be answered again).
        answer: bool,
    },
}

/// Whether a message was written by a person or by Guild.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    /// Written by a member.
    Text,
    /// A line from Guild, e.g. "Milestone delivered".
    System,
}

/// A message as clients see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatMessage {
    /// The server id; orders the conversation.
    pub id: i64,
    /// The conversation.
    pub conversation_id: i32,
    /// The author (none for system lines).
    pub sender_id: Option<i32>,
    /// The author's display name (empty for system lines).
    pub sender_name: String,
    /// The sender's own id for it.
    pub client_id: Option<String>,
    /// Person or Guild.
    pub kind: MessageKind,
    /// The text; empty once deleted.
    pub body: String,
    /// Unix milliseconds.
    pub created_at: i64,
    /// Whether it was edited.
    pub edited: bool,
    /// Whether it was deleted (a tombstone).
    pub deleted: bool,
}

impl ServerFrame {
    /// The frame as JSON text.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Whether `id` is an acceptable client message id.
pub fn valid_client_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_have_a_stable_shape() {
        let hello: ClientFrame =
            serde_json::from_str(r#"{"type":"hello","version":1,"last_seq":41}"#).unwrap();
        assert_eq!(
            hello,
            ClientFrame::Hello {
                version: 1,
                last_seq: Some(41)
            }
        );
        let sub: ClientFrame =
            serde_json::from_str(r#"{"type":"subscribe","topic":{"kind":"conversation","id":3}}"#)
                .unwrap();
        assert_eq!(
            sub,
            ClientFrame::Subscribe {
                topic: Topic::Conversation { id: 3 }
            }
        );
        let resync = ServerFrame::Resync { seq: 9 }.to_json();
        assert_eq!(resync, r#"{"type":"resync","seq":9}"#);
    }

    #[test]
    fn unknown_frames_are_errors() {
        assert!(serde_json::from_str::<ClientFrame>(r#"{"type":"launch"}"#).is_err());
    }

    #[test]
    fn client_ids_are_short_and_plain() {
        assert!(valid_client_id("a1-B_2"));
        assert!(!valid_client_id(""));
        assert!(!valid_client_id(&"x".repeat(65)));
        assert!(!valid_client_id("a b"));
    }
}
