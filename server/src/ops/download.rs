//! What the file downloads share (the ledger and analytics CSVs, "download
//! my data"): the signed-in user from the session guard the server
//! functions use, the attachment headers, and refusals as plain text.

use app::accounts::model::CurrentUser;
use app::accounts::server::guard::user_of_session;
use app::error::AppError;
use app::state::AppState;
use axum::response::{IntoResponse, Response};
use http::{HeaderValue, StatusCode, header};
use tower_sessions::Session;

/// The signed-in user, or [`AppError::Unauthenticated`].
pub async fn signed_in(state: &AppState, session: &Session) -> Result<CurrentUser, AppError> {
    user_of_session(&state.db, session)
        .await?
        .ok_or(AppError::Unauthenticated)
}

/// `body` as a download named by `disposition`, never cached; a refusal
/// as plain text with its status (`AppError` already logged any cause).
pub fn attachment(
    body: Result<String, AppError>,
    content_type: &'static str,
    disposition: &'static str,
) -> Response {
    match body {
        Ok(body) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
                (
                    header::CONTENT_DISPOSITION,
                    HeaderValue::from_static(disposition),
                ),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            ],
            body,
        )
            .into_response(),
        Err(error) => {
            let status =
                StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, format!("{}\n", error.summary())).into_response()
        }
    }
}
