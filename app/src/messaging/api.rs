//! `/api/messages/*` server functions: the messaging rule, and opening a
//! direct conversation under it.

use crate::error::AppError;
use leptos::prelude::*;

/// Whether the signed-in user may write to `username` (a username, never an
/// email; unknown names answer `false` like refusals): clients and students
/// may write to any approved freelancer or coach; freelancers and coaches
/// only to clients who contacted them first or accepted their proposal.
#[server(prefix = "/api", endpoint = "messages/can-message")]
pub async fn can_message(username: String) -> Result<bool, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::can_message(&state.db, &user, &username).await
}

/// Opens the direct conversation with `username` (under the messaging
/// rule) and goes to it.
#[server(prefix = "/api", endpoint = "messages/start")]
pub async fn start_conversation(username: String) -> Result<i32, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    let id = super::server::start(&state, &user, &username).await?;
    leptos_axum::redirect(&format!("/messages/{id}"));
    Ok(id)
}
