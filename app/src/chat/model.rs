//! What the chat pages show: conversation summaries, members and pages of
//! messages (messages themselves are the live protocol's [`ChatMessage`]).

pub use crate::live::protocol::{ChatMessage, MessageKind};
use serde::{Deserialize, Serialize};

/// Messages per page of history.
pub const PAGE_SIZE: u64 = 50;

/// A line in the Messages list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationSummary {
    /// The conversation.
    pub id: i32,
    /// The other person's name, or the team's gig title.
    pub title: String,
    /// Whether it is a team conversation.
    pub team: bool,
    /// The newest message, shortened ("" before the first).
    pub preview: String,
    /// Unix milliseconds of the newest activity.
    pub last_activity_at: i64,
    /// Messages from others I have not seen.
    pub unread: i64,
}

/// A member as the conversation page shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberView {
    /// Their account id.
    pub user_id: i32,
    /// Their username.
    pub username: String,
    /// Their display name.
    pub display_name: String,
    /// The newest message they have seen.
    pub last_read_id: i64,
    /// Whether they have Guild open anywhere.
    pub online: bool,
    /// When they were last seen online (Unix milliseconds), if known.
    pub last_seen: Option<i64>,
}

/// One page of a conversation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationPage {
    /// The conversation.
    pub id: i32,
    /// The other person's name, or the team's gig title.
    pub title: String,
    /// Whether it is a team conversation.
    pub team: bool,
    /// The team's gig, for team conversations.
    pub gig_id: Option<i32>,
    /// The signed-in member.
    pub me: i32,
    /// Everyone in it.
    pub members: Vec<MemberView>,
    /// Messages, oldest first.
    pub messages: Vec<ChatMessage>,
    /// Whether older messages exist (the id to page before is the first's).
    pub has_earlier: bool,
    /// The server's clock when the page was read (Unix milliseconds), so
    /// the server and the browser agree on which messages can still change.
    pub now: i64,
}

/// A search result: a message and where it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    /// The conversation's title.
    pub conversation_title: String,
    /// The message.
    pub message: ChatMessage,
}

/// A reported message, as the admin console lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedMessage {
    /// The report.
    pub report_id: i32,
    /// The message.
    pub message: ChatMessage,
    /// Who reported it.
    pub reporter: String,
    /// Why.
    pub reason: String,
    /// When (Unix milliseconds).
    pub reported_at: i64,
}
