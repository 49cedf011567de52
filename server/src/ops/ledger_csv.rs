//! `GET /admin/ledger.csv`: every ledger entry the filters keep, as a CSV
//! download, for super admins (the same session guard as the server
//! functions).

use super::download::{attachment, signed_in};
use app::accounts::model::Role;
use app::accounts::server::guard::authorize_role;
use app::error::AppError;
use app::ledger::filter::LedgerQuery;
use app::state::AppState;
use axum::extract::{Query, State};
use axum::response::Response;
use tower_sessions::Session;

async fn csv(state: &AppState, session: &Session, query: &LedgerQuery) -> Result<String, AppError> {
    let user = signed_in(state, session).await?;
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
    attachment(
        csv(&state, &session, &query).await,
        "text/csv; charset=utf-8",
        "attachment; filename=\"guild-ledger.csv\"",
    )
}
