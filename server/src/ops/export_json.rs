//! `GET /settings/export.json`: "Download my data" for the signed-in user
//! (the same session guard as the server functions).

use app::accounts::server::guard::user_of_session;
use app::error::AppError;
use app::state::AppState;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::{HeaderValue, StatusCode, header};
use tower_sessions::Session;

async fn document(state: &AppState, session: &Session) -> Result<String, AppError> {
    let user = user_of_session(&state.db, session)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let data = app::security::server::export::export(&state.db, user.id).await?;
    serde_json::to_string_pretty(&data).map_err(AppError::internal)
}

/// Answers the JSON download, or the refusal as plain text (401).
pub async fn export_json(State(state): State<AppState>, session: Session) -> Response {
    match document(&state, &session).await {
        Ok(body) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                ),
                (
                    header::CONTENT_DISPOSITION,
                    HeaderValue::from_static("attachment; filename=\"guild-my-data.json\""),
                ),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            ],
            body,
        )
            .into_response(),
        Err(e) => {
            let status =
                StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, format!("{}\n", e.summary())).into_response()
        }
    }
}
