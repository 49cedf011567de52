//! `/api/chat/*` server functions. Writes go over HTTP (and work as plain
//! forms without JavaScript); the socket pushes what they change.

use super::model::{ChatMessage, ConversationPage, ConversationSummary, SearchHit};
use crate::error::AppError;
use leptos::prelude::*;

/// The signed-in user's conversations, most recently active first.
#[server(prefix = "/api", endpoint = "chat/list")]
pub async fn list_conversations() -> Result<Vec<ConversationSummary>, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::service::list(&state.db, user.id).await
}

/// One page of a conversation (members only); `before` pages backwards.
#[server(prefix = "/api", endpoint = "chat/get")]
pub async fn get_conversation(id: i32, before: Option<i64>) -> Result<ConversationPage, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::service::page(&state, user.id, id, before).await
}

/// How many messages from others the signed-in user has not seen (0 for
/// visitors, so the header can ask on every page).
#[server(prefix = "/api", endpoint = "chat/unread")]
pub async fn unread_total() -> Result<i64, AppError> {
    let Some(user) = crate::accounts::server::guard::current_user().await? else {
        return Ok(0);
    };
    let state = crate::state::app_state()?;
    super::server::service::unread_total(&state.db, user.id).await
}

/// Sends a message. `client_id` makes retries safe: the same id returns
/// the first message. Without JavaScript the form comes back to the page.
#[server(prefix = "/api", endpoint = "chat/send")]
pub async fn send_message(
    conversation_id: i32,
    client_id: String,
    body: String,
) -> Result<ChatMessage, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::service::take_send_token(&state, user.id)?;
    super::server::service::send(&state, &user, conversation_id, &client_id, &body).await
}

/// Edits one's own message within 15 minutes of sending it.
#[server(prefix = "/api", endpoint = "chat/edit")]
pub async fn edit_message(message_id: i64, body: String) -> Result<ChatMessage, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::service::edit(&state, &user, message_id, &body).await
}

/// Deletes one's own message within 15 minutes (a tombstone stays).
#[server(prefix = "/api", endpoint = "chat/delete")]
pub async fn delete_message(message_id: i64) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::service::delete(&state, &user, message_id).await
}

/// Marks a conversation seen up to `message_id`.
#[server(prefix = "/api", endpoint = "chat/read")]
pub async fn mark_read(conversation_id: i32, message_id: i64) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::service::mark_read(&state, &user, conversation_id, message_id).await
}

/// Searches the signed-in user's messages (in one conversation, or all).
#[server(prefix = "/api", endpoint = "chat/search")]
pub async fn search_messages(
    query: String,
    conversation_id: Option<i32>,
) -> Result<Vec<SearchHit>, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::service::search(&state.db, user.id, &query, conversation_id).await
}

/// Reports someone else's message to the admins, with a reason.
#[server(prefix = "/api", endpoint = "chat/report")]
pub async fn report_message(message_id: i64, reason: String) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::service::report(&state.db, &user, message_id, &reason).await
}
