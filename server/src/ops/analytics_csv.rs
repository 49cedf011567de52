//! `GET /admin/analytics.csv?range=…`: the analytics table as CSV, for
//! admins (the same session guard as the server functions).

use super::download::{attachment, signed_in};
use app::accounts::model::Role;
use app::accounts::server::guard::authorize_role;
use app::error::{AppError, FormErrors};
use app::state::AppState;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;
use tower_sessions::Session;

/// The query string.
#[derive(Debug, Deserialize)]
pub struct RangeQuery {
    range: Option<String>,
}

async fn csv(state: &AppState, session: &Session, query: &RangeQuery) -> Result<String, AppError> {
    let user = signed_in(state, session).await?;
    authorize_role(&user, Role::Admin)?;
    let Some(days) = app::analytics::model::parse_range(query.range.as_deref()) else {
        let mut errors = FormErrors::new();
        errors.add("range", "Choose 7, 30, 90 or 365 days.");
        return Err(AppError::Invalid(errors));
    };
    let data = app::analytics::server::analytics(&state.db, days).await?;
    app::analytics::server::to_csv(&data)
}

/// Answers the CSV, or the refusal as plain text (401, 403, 422).
pub async fn analytics_csv(
    State(state): State<AppState>,
    session: Session,
    Query(query): Query<RangeQuery>,
) -> Response {
    attachment(
        csv(&state, &session, &query).await,
        "text/csv; charset=utf-8",
        "attachment; filename=\"guild-analytics.csv\"",
    )
}
