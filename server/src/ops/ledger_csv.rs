//! `GET /admin/ledger.csv`: every ledger entry the filters keep, as a CSV
//! download, for super admins (the same session guard as the server
//! functions).

use app::accounts::model::Role;
use app::accounts::server::guard::{authorize_role, user_of_session};
use app::error::AppError;
use app::ledger::filter::LedgerQuery;
use app::state::AppState;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use http::{HeaderValue, StatusCode, header};
use tower_sessions::Session;

/// A refusal as plain text (`AppError` already logged any internal cause).
fn refuse(error: &AppError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, format!("{}\n", error.summary())).into_response()
}

async fn csv(state: &AppState, session: &Session, query: &LedgerQuery) -> Result<String, AppError> {
    let user = user_of_session(&state.db, session)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    authorize_role(&user, Role::SuperAdmin)?;
    let filter = query.check()?;
    let rows = app::ledger::server::rows(&state.db, &filter, None).await?;
    app::ledger::server::to_csv(&rows)
}

/// Answers the CSV, or the refusal as plain text (401, 403, 422).
pub async fn ledger_csv(
    State(state): State<AppState>,
    session: Session,
    Query(query): Query<LedgerQuery>,
) -> Response {
    match csv(&state, &session, &query).await {
        Ok(body) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("text/csv; charset=utf-8"),
                ),
                (
                    header::CONTENT_DISPOSITION,
                    HeaderValue::from_static("attachment; filename=\"guild-ledger.csv\""),
                ),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            ],
            body,
        )
            .into_response(),
        Err(e) => refuse(&e),
    }
}
