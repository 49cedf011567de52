//! `GET /settings/export.json`: "Download my data" for the signed-in user
//! (the same session guard as the server functions).

use super::download::{attachment, signed_in};
use app::error::AppError;
use app::state::AppState;
use axum::extract::State;
use axum::response::Response;
use tower_sessions::Session;

async fn document(state: &AppState, session: &Session) -> Result<String, AppError> {
    let user = signed_in(state, session).await?;
    let data = app::security::server::export::export(&state.db, user.id).await?;
    serde_json::to_string_pretty(&data).map_err(AppError::internal)
}

/// Answers the JSON download, or the refusal as plain text (401).
pub async fn export_json(State(state): State<AppState>, session: Session) -> Response {
    attachment(
        document(&state, &session).await,
        "application/json",
        "attachment; filename=\"guild-my-data.json\"",
    )
}
