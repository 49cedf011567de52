//! `GET /admin/analytics.csv?range=…`: the analytics table as CSV, for
//! admins (the same session guard as the server functions).

use app::accounts::model::Role;
use app::accounts::server::guard::{authorize_role, user_of_session};
use app::error::{AppError, FormErrors};
use app::state::AppState;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use http::{HeaderValue, StatusCode, header};
use serde::Deserialize;
use tower_sessions::Session;

/// The query string.
#[derive(Debug, Deserialize)]
pub struct RangeQuery {
    range: Option<String>,
}

async fn csv(state: &AppState, session: &Session, query: &RangeQuery) -> Result<String, AppError> {
    let user = user_of_session(&state.db, session)
        .await?
        .ok_or(AppError::Unauthenticated)?;
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
    match csv(&state, &session, &query).await {
        Ok(body) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("text/csv; charset=utf-8"),
                ),
                (
                    header::CONTENT_DISPOSITION,
                    HeaderValue::from_static("attachment; filename=\"guild-analytics.csv\""),
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
