//! Chat operations, each checked against the caller's membership: send,
//! edit, delete, mark read, list, page, search and report.

use super::access::{member_ids, membership};
use super::repo;
use super::writer::NewMessage;
use crate::accounts::model::CurrentUser;
use crate::chat::model::{
    ConversationPage, ConversationSummary, MemberView, PAGE_SIZE, ReportedMessage, SearchHit,
};
use crate::entity::{conversation, conversation_member as member, gig, message, report};
use crate::error::{AppError, FormErrors};
use crate::live::protocol::{
    ChatMessage, EDIT_WINDOW_MS, Event, MAX_MESSAGE_CHARS, valid_client_id,
};
use crate::live::server::hub::now_ms;
use crate::live::server::log;
use crate::moderation::model::{ObjectKind, ReportReason, ReportStatus};
use crate::state::AppState;
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionTrait,
};
use std::collections::HashMap;

fn invalid(field: &str, message: &str) -> AppError {
    let mut errors = FormErrors::new();
    errors.add(field, message);
    AppError::Invalid(errors)
}

/// Checks a message body: not blank, at most [`MAX_MESSAGE_CHARS`], no
/// control characters but newlines and tabs. Returns it with trailing
/// whitespace removed.
pub fn validate_body(body: &str) -> Result<String, AppError> {
    let body = body.trim_end();
    if body.trim().is_empty() {
        return Err(invalid("body", "Write a message first."));
    }
    if body.chars().count() > MAX_MESSAGE_CHARS {
        return Err(invalid(
            "body",
            &format!("Messages can be at most {MAX_MESSAGE_CHARS} characters; split it in two."),
        ));
    }
    if body
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
    {
        return Err(invalid("body", "The message contains control characters."));
    }
    Ok(body.replace("\r\n", "\n"))
}

/// Takes one of `user`'s send tokens (the per-user rate shared by the
/// socket and HTTP), or answers 429.
pub fn take_send_token(state: &AppState, user: i32) -> Result<(), AppError> {
    state
        .live
        .take_send_token(user)
        .map_err(|wait| AppError::TooManyRequests {
            retry_after_secs: wait.ceil().max(1.0) as u64,
        })
}

/// Sends a message from `user` to a conversation they are in (the caller
/// has taken a send token).
pub async fn send(
    state: &AppState,
    user: &CurrentUser,
    conversation_id: i32,
    client_id: &str,
    body: &str,
) -> Result<ChatMessage, AppError> {
    if !valid_client_id(client_id) {
        return Err(invalid("client_id", "The message id is not valid."));
    }
    let body = validate_body(body)?;
    // The writer checks, in the batch's transaction, that the sender is in
    // the conversation (a stranger gets "not found" and nothing is stored).
    state
        .chat
        .send(NewMessage {
            conversation: conversation_id,
            sender: Some((user.id, user.display_name.clone())),
            client_id: client_id.to_string(),
            body,
        })
        .await
}

/// Posts a line from Guild into a conversation (e.g. "Milestone delivered").
pub async fn post_system(
    state: &AppState,
    conversation_id: i32,
    body: String,
) -> Result<(), AppError> {
    state
        .chat
        .send(NewMessage {
            conversation: conversation_id,
            sender: None,
            client_id: format!("sys-{:016x}{:016x}", fastrand::u64(..), fastrand::u64(..)),
            body,
        })
        .await
        .map(|_| ())
}

/// A message of `user` that they may still change (their own, not
/// deleted, at most 15 minutes old).
async fn own_recent(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    message_id: i64,
) -> Result<message::Model, AppError> {
    let row = message::Entity::find_by_id(message_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    membership(db, row.conversation_id, user.id).await?;
    if row.sender_id != Some(user.id) {
        return Err(AppError::Forbidden(
            "You can only change your own messages.".into(),
        ));
    }
    if row.deleted_at.is_some() {
        return Err(AppError::NotFound);
    }
    if now_ms() - row.created_at > EDIT_WINDOW_MS {
        return Err(AppError::Forbidden(
            "Messages can be changed for 15 minutes after sending.".into(),
        ));
    }
    Ok(row)
}

async fn changed(
    state: &AppState,
    row: &message::Model,
    update: sea_orm::UpdateMany<message::Entity>,
) -> Result<ChatMessage, AppError> {
    let txn = state.db.begin().await?;
    let result = update
        .filter(message::Column::Id.eq(row.id))
        .filter(message::Column::DeletedAt.is_null())
        .exec(&txn)
        .await?;
    if result.rows_affected != 1 {
        return Err(AppError::NotFound);
    }
    let fresh = message::Entity::find_by_id(row.id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let view = repo::views(&txn, std::slice::from_ref(&fresh))
        .await?
        .remove(0);
    let events = member_ids(&txn, row.conversation_id)
        .await?
        .into_iter()
        .map(|m| {
            (
                m,
                Event::MessageChanged {
                    message: view.clone(),
                },
            )
        })
        .collect();
    let stored = log::append(&txn, events).await?;
    txn.commit().await?;
    log::publish(&state.live, stored);
    Ok(view)
}

/// Edits one of `user`'s messages within 15 minutes of sending it.
pub async fn edit(
    state: &AppState,
    user: &CurrentUser,
    message_id: i64,
    body: &str,
) -> Result<ChatMessage, AppError> {
    let body = validate_body(body)?;
    let row = own_recent(&state.db, user, message_id).await?;
    changed(
        state,
        &row,
        message::Entity::update_many()
            .col_expr(message::Column::Body, Expr::value(body))
            .col_expr(message::Column::EditedAt, Expr::value(now_ms())),
    )
    .await
}

/// Deletes one of `user`'s messages (within 15 minutes), leaving a tombstone.
pub async fn delete(state: &AppState, user: &CurrentUser, message_id: i64) -> Result<(), AppError> {
    let row = own_recent(&state.db, user, message_id).await?;
    changed(
        state,
        &row,
        message::Entity::update_many()
            .col_expr(message::Column::Body, Expr::value(""))
            .col_expr(message::Column::DeletedAt, Expr::value(now_ms())),
    )
    .await
    .map(|_| ())
}

/// Records that `user` has seen `conversation_id` up to `message_id`, and
/// tells the members ("Seen").
pub async fn mark_read(
    state: &AppState,
    user: &CurrentUser,
    conversation_id: i32,
    message_id: i64,
) -> Result<(), AppError> {
    membership(&state.db, conversation_id, user.id).await?;
    let txn = state.db.begin().await?;
    let latest = conversation::Entity::find_by_id(conversation_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?
        .last_message_id;
    let upto = message_id.min(latest);
    let result = member::Entity::update_many()
        .col_expr(member::Column::LastReadId, Expr::value(upto))
        .filter(member::Column::ConversationId.eq(conversation_id))
        .filter(member::Column::UserId.eq(user.id))
        .filter(member::Column::LastReadId.lt(upto))
        .exec(&txn)
        .await?;
    if result.rows_affected == 0 {
        return Ok(());
    }
    let events = member_ids(&txn, conversation_id)
        .await?
        .into_iter()
        .map(|m| {
            (
                m,
                Event::Read {
                    conversation_id,
                    user_id: user.id,
                    message_id: upto,
                },
            )
        })
        .collect();
    let stored = log::append(&txn, events).await?;
    txn.commit().await?;
    log::publish(&state.live, stored);
    Ok(())
}

/// Unread messages per conversation of `user` (messages from others after
/// their last-read id, not deleted), in one query.
async fn unread_by_conversation(
    db: &impl ConnectionTrait,
    user: i32,
) -> Result<HashMap<i32, i64>, AppError> {
    let rows: Vec<(i32, i64)> = message::Entity::find()
        .select_only()
        .column(message::Column::ConversationId)
        .column_as(
            Expr::col((message::Entity, message::Column::Id)).count(),
            "unread",
        )
        .join_rev(
            sea_orm::JoinType::InnerJoin,
            member::Entity::belongs_to(message::Entity)
                .from(member::Column::ConversationId)
                .to(message::Column::ConversationId)
                .into(),
        )
        .filter(member::Column::UserId.eq(user))
        .filter(
            Expr::col((message::Entity, message::Column::Id))
                .gt(Expr::col((member::Entity, member::Column::LastReadId))),
        )
        .filter(
            sea_orm::Condition::any()
                .add(message::Column::SenderId.is_null())
                .add(message::Column::SenderId.ne(user)),
        )
        .filter(message::Column::DeletedAt.is_null())
        .group_by(message::Column::ConversationId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}

/// The total of unread messages of `user`.
pub async fn unread_total(db: &impl ConnectionTrait, user: i32) -> Result<i64, AppError> {
    Ok(unread_by_conversation(db, user).await?.values().sum())
}

/// Titles of conversations: the other member's name, or the gig's title.
async fn titles(
    db: &impl ConnectionTrait,
    me: i32,
    conversations: &[conversation::Model],
) -> Result<HashMap<i32, String>, AppError> {
    let others: Vec<i32> = conversations
        .iter()
        .filter(|c| c.kind == conversation::Kind::Direct)
        .map(|c| {
            if c.client_id == me {
                c.freelancer_id
            } else {
                c.client_id
            }
        })
        .collect();
    let names = repo::names(db, &others).await?;
    let gig_ids: Vec<i32> = conversations.iter().filter_map(|c| c.gig_id).collect();
    let gigs: HashMap<i32, String> = if gig_ids.is_empty() {
        HashMap::new()
    } else {
        gig::Entity::find()
            .select_only()
            .columns([gig::Column::Id, gig::Column::Title])
            .filter(gig::Column::Id.is_in(gig_ids))
            .into_tuple::<(i32, String)>()
            .all(db)
            .await?
            .into_iter()
            .collect()
    };
    Ok(conversations
        .iter()
        .map(|c| {
            let title = match (c.kind, c.gig_id) {
                (conversation::Kind::Team, Some(gig)) => {
                    format!("Team: {}", gigs.get(&gig).map_or("a gig", String::as_str))
                }
                _ => {
                    let other = if c.client_id == me {
                        c.freelancer_id
                    } else {
                        c.client_id
                    };
                    names
                        .get(&other)
                        .map_or_else(|| "Conversation".to_string(), |(_, n)| n.clone())
                }
            };
            (c.id, title)
        })
        .collect())
}

/// A preview of a message body: its first line, at most 80 characters.
pub fn preview(message: &ChatMessage) -> String {
    if message.deleted {
        return "Message deleted".into();
    }
    let line = message.body.lines().next().unwrap_or_default();
    let mut short: String = line.chars().take(80).collect();
    if line.chars().count() > 80 || message.body.lines().nth(1).is_some() {
        short.push('…');
    }
    short
}

/// `user`'s conversations, most recently active first.
pub async fn list(
    db: &impl ConnectionTrait,
    user: i32,
) -> Result<Vec<ConversationSummary>, AppError> {
    let ids: Vec<i32> = member::Entity::find()
        .select_only()
        .column(member::Column::ConversationId)
        .filter(member::Column::UserId.eq(user))
        .into_tuple()
        .all(db)
        .await?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let conversations = conversation::Entity::find()
        .filter(conversation::Column::Id.is_in(ids))
        .order_by_desc(conversation::Column::LastActivityAt)
        .order_by_desc(conversation::Column::Id)
        .all(db)
        .await?;
    let last_ids: Vec<i64> = conversations
        .iter()
        .map(|c| c.last_message_id)
        .filter(|id| *id > 0)
        .collect();
    let last_rows = if last_ids.is_empty() {
        Vec::new()
    } else {
        message::Entity::find()
            .filter(message::Column::Id.is_in(last_ids))
            .all(db)
            .await?
    };
    let last: HashMap<i32, ChatMessage> = repo::views(db, &last_rows)
        .await?
        .into_iter()
        .map(|m| (m.conversation_id, m))
        .collect();
    let unread = unread_by_conversation(db, user).await?;
    let titles = titles(db, user, &conversations).await?;
    Ok(conversations
        .iter()
        .map(|c| ConversationSummary {
            id: c.id,
            title: titles.get(&c.id).cloned().unwrap_or_default(),
            team: c.kind == conversation::Kind::Team,
            preview: last.get(&c.id).map(preview).unwrap_or_default(),
            last_activity_at: c.last_activity_at,
            unread: unread.get(&c.id).copied().unwrap_or(0),
        })
        .collect())
}

/// One page of a conversation `user` is in.
pub async fn page(
    state: &AppState,
    user: i32,
    conversation_id: i32,
    before: Option<i64>,
) -> Result<ConversationPage, AppError> {
    let db = &state.db;
    membership(db, conversation_id, user).await?;
    let conversation = conversation::Entity::find_by_id(conversation_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let members = member::Entity::find()
        .filter(member::Column::ConversationId.eq(conversation_id))
        .order_by_asc(member::Column::JoinedAt)
        .all(db)
        .await?;
    let ids: Vec<i32> = members.iter().map(|m| m.user_id).collect();
    let names = repo::names(db, &ids).await?;
    let (rows, has_earlier) = repo::page(db, conversation_id, before, PAGE_SIZE).await?;
    let messages = repo::views(db, &rows).await?;
    let title = titles(db, user, std::slice::from_ref(&conversation))
        .await?
        .remove(&conversation_id)
        .unwrap_or_default();
    Ok(ConversationPage {
        id: conversation_id,
        title,
        team: conversation.kind == conversation::Kind::Team,
        gig_id: conversation.gig_id,
        me: user,
        members: members
            .iter()
            .map(|m| {
                let (username, display_name) = names.get(&m.user_id).cloned().unwrap_or_default();
                MemberView {
                    user_id: m.user_id,
                    username,
                    display_name,
                    last_read_id: m.last_read_id,
                    online: state.live.is_online(m.user_id),
                    last_seen: state.live.last_seen(m.user_id),
                }
            })
            .collect(),
        messages,
        has_earlier,
        now: now_ms(),
    })
}

/// Messages containing `query` in `user`'s conversations (or in one of
/// them), newest first, at most 50.
pub async fn search(
    db: &impl ConnectionTrait,
    user: i32,
    query: &str,
    conversation_id: Option<i32>,
) -> Result<Vec<SearchHit>, AppError> {
    let query = query.trim();
    if query.chars().count() < 2 {
        return Err(invalid("query", "Search for at least two characters."));
    }
    if query.chars().count() > 200 {
        return Err(invalid("query", "Search for at most 200 characters."));
    }
    let mut ids: Vec<i32> = member::Entity::find()
        .select_only()
        .column(member::Column::ConversationId)
        .filter(member::Column::UserId.eq(user))
        .into_tuple()
        .all(db)
        .await?;
    if let Some(only) = conversation_id {
        if !ids.contains(&only) {
            return Err(AppError::NotFound);
        }
        ids = vec![only];
    }
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let pattern = format!(
        "%{}%",
        query
            .to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let rows = message::Entity::find()
        .filter(message::Column::ConversationId.is_in(ids))
        .filter(message::Column::DeletedAt.is_null())
        .filter(
            Expr::expr(Func::lower(Expr::col(message::Column::Body)))
                .like(sea_orm::sea_query::LikeExpr::new(pattern).escape('\\')),
        )
        .order_by_desc(message::Column::Id)
        .limit(50)
        .all(db)
        .await?;
    let views = repo::views(db, &rows).await?;
    let conversations = conversation::Entity::find()
        .filter(
            conversation::Column::Id
                .is_in(rows.iter().map(|r| r.conversation_id).collect::<Vec<_>>()),
        )
        .all(db)
        .await?;
    let titles = titles(db, user, &conversations).await?;
    Ok(views
        .into_iter()
        .map(|message| SearchHit {
            conversation_title: titles
                .get(&message.conversation_id)
                .cloned()
                .unwrap_or_default(),
            message,
        })
        .collect())
}

/// Reports a message of someone else to the admins (once per reporter).
pub async fn report(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    message_id: i64,
    reason: &str,
) -> Result<(), AppError> {
    let reason = reason.trim();
    if reason.chars().count() < 3 {
        return Err(invalid("reason", "Tell the admins what is wrong with it."));
    }
    if reason.chars().count() > 1000 {
        return Err(invalid("reason", "Keep the reason under 1,000 characters."));
    }
    let row = message::Entity::find_by_id(message_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    membership(db, row.conversation_id, user.id).await?;
    if row.sender_id == Some(user.id) || row.sender_id.is_none() {
        return Err(AppError::Forbidden(
            "You can report messages other people wrote.".into(),
        ));
    }
    crate::moderation::server::reports::file(
        db,
        user.id,
        ObjectKind::Message,
        message_id,
        ReportReason::Other,
        reason,
    )
    .await?;
    Ok(())
}

/// Open reports, newest first, for the admin console (admins only: the
/// caller checks the role).
pub async fn open_reports(db: &impl ConnectionTrait) -> Result<Vec<ReportedMessage>, AppError> {
    let reports = report::Entity::find()
        .filter(report::Column::Kind.eq(ObjectKind::Message))
        .filter(report::Column::Status.eq(ReportStatus::Open))
        .order_by_desc(report::Column::Id)
        .limit(100)
        .all(db)
        .await?;
    let messages = message::Entity::find()
        .filter(message::Column::Id.is_in(reports.iter().map(|r| r.object_id).collect::<Vec<_>>()))
        .all(db)
        .await?;
    let views: HashMap<i64, ChatMessage> = repo::views(db, &messages)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    let reporters = repo::names(
        db,
        &reports.iter().map(|r| r.reporter_id).collect::<Vec<_>>(),
    )
    .await?;
    Ok(reports
        .into_iter()
        .filter_map(|r| {
            Some(ReportedMessage {
                report_id: r.id,
                message: views.get(&r.object_id)?.clone(),
                reporter: reporters
                    .get(&r.reporter_id)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default(),
                reason: r.detail,
                reported_at: r.created_at * 1000,
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_checked() {
        assert!(validate_body("   \n ").is_err());
        assert!(validate_body(&"a".repeat(MAX_MESSAGE_CHARS + 1)).is_err());
        assert_eq!(
            validate_body(&"a".repeat(MAX_MESSAGE_CHARS)).unwrap().len(),
            MAX_MESSAGE_CHARS
        );
        assert!(validate_body("bell\u{7}").is_err());
        assert_eq!(validate_body("hi\r\nthere  ").unwrap(), "hi\nthere");
    }

    #[test]
    fn previews_are_one_short_line() {
        let mut m = ChatMessage {
            id: 1,
            conversation_id: 1,
            sender_id: Some(1),
            sender_name: "A".into(),
            client_id: None,
            kind: crate::live::protocol::MessageKind::Text,
            body: "first line\nsecond".into(),
            created_at: 0,
            edited: false,
            deleted: false,
        };
        assert_eq!(preview(&m), "first line…");
        m.deleted = true;
        assert_eq!(preview(&m), "Message deleted");
    }
}
