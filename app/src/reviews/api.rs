//! `/api/reviews/*` server functions.

use crate::error::AppError;
use leptos::prelude::*;

/// Reviews the other party of a completed contract (1–5 stars and text),
/// once, within 14 days of completion.
#[server(prefix = "/api", endpoint = "reviews/submit")]
pub async fn submit_review(contract_id: i32, rating: String, body: String) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::submit(&state.db, &state.live, user.id, contract_id, &rating, &body).await
}
