//! Demo conversations: every team conversation gets a short exchange
//! between the client and the freelancer, and a few clients have written to
//! freelancers directly, some answers still unread, so a newcomer logging
//! in as a demo person sees chat with history and an unread badge.

use app::accounts::model::CurrentUser;
use app::chat::server::conversations::open_direct;
use app::chat::server::writer::NewMessage;
use app::entity::{conversation, conversation_member as member, message, notification};
use app::error::AppError;
use app::live::server::hub::now_ms;
use app::state::AppState;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// What was seeded.
#[derive(Debug, Clone, Copy, Default)]
pub struct ChatCounts {
    /// Conversations with messages.
    pub conversations: usize,
    /// Messages written.
    pub messages: usize,
}

/// Exchanges in team conversations: (client's line, freelancer's line), taken
/// in turn.
const TEAM_SCRIPTS: &[&[(bool, &str)]] = &[
    &[
        (
            true,
            "Welcome aboard! Everything we know is in the brief; ask if anything is unclear.",
        ),
        (
            false,
            "Thanks! I've read it twice. I'll share a first draft by Friday.",
        ),
        (
            true,
            "Perfect. Could you keep the checkout to a single page?",
        ),
        (
            false,
            "Yes: one page, card and Apple Pay. I'll post a preview link here.",
        ),
    ],
    &[
        (
            false,
            "Hi! Quick question before I start: do you have brand colours and a logo file?",
        ),
        (
            true,
            "Yes, attaching the brand sheet link: https://example.com/brand-sheet",
        ),
        (
            false,
            "Got it. I'll use `#1f6f5c` as the main colour unless you say otherwise.",
        ),
    ],
    &[
        (true, "Thanks for the first milestone, it looks great."),
        (false, "Glad you like it! Next up is the booking flow."),
        (true, "Could we move the weekly call to Thursdays?"),
        (false, "Thursdays work for me, same time."),
    ],
];

/// Openings of direct conversations: the client's question, the answer.
const DIRECT_SCRIPTS: &[(&str, &str)] = &[
    (
        "Hi! I loved your portfolio. Are you available for a small project next month?",
        "Thanks! Yes, I have time from the 10th. What do you have in mind?",
    ),
    (
        "Hello, do you take beginners? I'd like two sessions a week.",
        "I do, and two a week is a good pace. Shall we start with a short trial lesson?",
    ),
    (
        "Could you help migrate our shop to a new theme without losing SEO?",
        "Yes. I'd keep every URL and set redirects for the ones that change; happy to send a plan.",
    ),
];

/// Direct conversations: (client, freelancer). Maya's answer stays unread.
const DIRECT_PAIRS: &[(&str, &str)] = &[
    ("maya", "diego"),
    ("sam", "diego"),
    ("funmi_adeyemi", "diego"),
    ("tom_hargreaves", "sam"),
];

async fn say(
    state: &AppState,
    conversation: i32,
    who: &CurrentUser,
    body: &str,
    n: usize,
) -> Result<(), AppError> {
    state
        .chat
        .send(NewMessage {
            conversation,
            sender: Some((who.id, who.display_name.clone())),
            client_id: format!("demo-{conversation}-{n}"),
            body: body.to_string(),
        })
        .await
        .map(|_| ())
}

/// Spreads a conversation's messages over the past days (the writer stamps
/// them all "now") and marks them (and their "new message" notifications)
/// read by everyone but `unread_for`.
async fn settle(
    state: &AppState,
    conversation: i32,
    age_hours: i64,
    unread_for: Option<i32>,
) -> Result<(), AppError> {
    let rows = message::Entity::find()
        .filter(message::Column::ConversationId.eq(conversation))
        .order_by_asc(message::Column::Id)
        .all(&state.db)
        .await?;
    let start = now_ms() - age_hours * 3_600_000;
    let mut last = (0, start);
    for (i, row) in rows.iter().enumerate() {
        let at = start + i as i64 * 47 * 60_000;
        message::Entity::update_many()
            .col_expr(message::Column::CreatedAt, Expr::value(at))
            .filter(message::Column::Id.eq(row.id))
            .exec(&state.db)
            .await?;
        last = (row.id, at);
    }
    conversation::Entity::update_many()
        .col_expr(conversation::Column::LastActivityAt, Expr::value(last.1))
        .filter(conversation::Column::Id.eq(conversation))
        .exec(&state.db)
        .await?;
    let mut read = member::Entity::update_many()
        .col_expr(member::Column::LastReadId, Expr::value(last.0))
        .filter(member::Column::ConversationId.eq(conversation));
    let mut seen = notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(Some(last.1)))
        .filter(notification::Column::GroupKey.eq(format!("conversation:{conversation}")));
    if let Some(user) = unread_for {
        read = read.filter(member::Column::UserId.ne(user));
        seen = seen.filter(notification::Column::UserId.ne(user));
    }
    read.exec(&state.db).await?;
    seen.exec(&state.db).await?;
    Ok(())
}

/// Seeds the demo conversations (after the marketplace).
pub async fn seed(
    state: &AppState,
    users: &HashMap<String, CurrentUser>,
) -> Result<ChatCounts, AppError> {
    let by_id: HashMap<i32, &CurrentUser> = users.values().map(|u| (u.id, u)).collect();
    let mut counts = ChatCounts::default();
    let teams = conversation::Entity::find()
        .filter(conversation::Column::Kind.eq(conversation::Kind::Team))
        .order_by_asc(conversation::Column::Id)
        .all(&state.db)
        .await?;
    for (i, team) in teams.iter().enumerate() {
        let (Some(client), Some(freelancer)) =
            (by_id.get(&team.client_id), by_id.get(&team.freelancer_id))
        else {
            continue;
        };
        let script = TEAM_SCRIPTS[i % TEAM_SCRIPTS.len()];
        for (n, (from_client, line)) in script.iter().enumerate() {
            let who = if *from_client { client } else { freelancer };
            say(state, team.id, who, line, n).await?;
            counts.messages += 1;
        }
        settle(state, team.id, 24 * (3 + i as i64 % 20), None).await?;
        counts.conversations += 1;
    }
    for (i, (client, freelancer)) in DIRECT_PAIRS.iter().enumerate() {
        let (Some(client), Some(freelancer)) = (users.get(*client), users.get(*freelancer)) else {
            continue;
        };
        let (id, _) = open_direct(&state.db, client.id, freelancer.id, client.id).await?;
        let (question, answer) = DIRECT_SCRIPTS[i % DIRECT_SCRIPTS.len()];
        say(state, id, client, question, 0).await?;
        say(state, id, freelancer, answer, 1).await?;
        counts.messages += 2;
        let unread = (i == 0).then_some(client.id);
        settle(state, id, 5 + i as i64 * 9, unread).await?;
        counts.conversations += 1;
    }
    Ok(counts)
}
