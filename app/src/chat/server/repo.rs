//! Reading messages and the names that go with them.

use crate::entity::{message, user};
use crate::error::AppError;
use crate::live::protocol::{ChatMessage, MessageKind};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

/// Usernames and display names by account id.
pub type Names = HashMap<i32, (String, String)>;

/// The names of `ids` (one query).
pub async fn names(db: &impl ConnectionTrait, ids: &[i32]) -> Result<Names, AppError> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(Names::new());
    }
    Ok(user::Entity::find()
        .select_only()
        .columns([
            user::Column::Id,
            user::Column::Username,
            user::Column::DisplayName,
        ])
        .filter(user::Column::Id.is_in(ids))
        .into_tuple::<(i32, String, String)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(id, username, name)| (id, (username, name)))
        .collect())
}

/// A stored message as clients see it.
pub fn to_view(row: &message::Model, sender_name: &str) -> ChatMessage {
    let deleted = row.deleted_at.is_some();
    ChatMessage {
        id: row.id,
        conversation_id: row.conversation_id,
        sender_id: row.sender_id,
        sender_name: sender_name.to_string(),
        client_id: row.client_id.clone(),
        kind: match row.kind {
            message::Kind::Text => MessageKind::Text,
            message::Kind::System => MessageKind::System,
        },
        body: if deleted {
            String::new()
        } else {
            row.body.clone()
        },
        created_at: row.created_at,
        edited: row.edited_at.is_some(),
        deleted,
    }
}

/// Stored messages as clients see them, with their senders' names.
pub async fn views(
    db: &impl ConnectionTrait,
    rows: &[message::Model],
) -> Result<Vec<ChatMessage>, AppError> {
    let senders: Vec<i32> = rows.iter().filter_map(|m| m.sender_id).collect();
    let names = names(db, &senders).await?;
    Ok(rows
        .iter()
        .map(|m| {
            let name = m
                .sender_id
                .and_then(|id| names.get(&id))
                .map_or("", |(_, name)| name.as_str());
            to_view(m, name)
        })
        .collect())
}

/// Up to `limit` messages of `conversation` before `before` (newest page
/// when `None`), oldest first, and whether older ones exist.
pub async fn page(
    db: &impl ConnectionTrait,
    conversation: i32,
    before: Option<i64>,
    limit: u64,
) -> Result<(Vec<message::Model>, bool), AppError> {
    let mut query =
        message::Entity::find().filter(message::Column::ConversationId.eq(conversation));
    if let Some(before) = before {
        query = query.filter(message::Column::Id.lt(before));
    }
    let mut rows = query
        .order_by_desc(message::Column::Id)
        .limit(limit + 1)
        .all(db)
        .await?;
    let has_earlier = rows.len() as u64 > limit;
    rows.truncate(limit as usize);
    rows.reverse();
    Ok((rows, has_earlier))
}
