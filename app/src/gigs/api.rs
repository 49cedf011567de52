//! `/api/gigs/*` server functions.

use super::model::{GigDetail, GigFilters, GigInput, GigSummary, Page};
use crate::error::AppError;
use leptos::prelude::*;

/// Creates (no `id`) or updates a gig; `submit` present sends a draft for
/// approval. Redirects to the gig's page.
#[server(prefix = "/api", endpoint = "gigs/save")]
pub async fn save_gig(
    #[server(default)] id: Option<i32>,
    gig: GigInput,
    #[server(default)] submit: Option<String>,
) -> Result<i32, AppError> {
    use crate::accounts::model::Mode;
    let owner = crate::accounts::server::guard::require_mode(Mode::Client).await?;
    let state = crate::state::app_state()?;
    let id = super::server::service::save(&state.db, &owner, id, &gig, submit.is_some()).await?;
    let row = super::server::service::find(&state.db, id).await?;
    if row.status == crate::market::GigStatus::Pending.as_str() {
        crate::notifications::server::notify_admins(
            &state.db,
            &state.live,
            format!("Gig waiting for review: {}", row.title),
            "/admin",
        )
        .await?;
    }
    leptos_axum::redirect(&format!("/gigs/{id}"));
    Ok(id)
}

/// One gig, if the viewer may see it.
#[server(prefix = "/api", endpoint = "gigs/get")]
pub async fn get_gig(id: i32) -> Result<GigDetail, AppError> {
    let viewer = crate::accounts::server::guard::current_user().await?;
    let state = crate::state::app_state()?;
    super::server::service::detail(&state.db, viewer.as_ref(), id).await
}

/// The owner's gig as its edit form shows it.
#[server(prefix = "/api", endpoint = "gigs/form")]
pub async fn gig_form(id: i32) -> Result<GigInput, AppError> {
    let owner = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::service::form_of(&state.db, &owner, id).await
}

/// A page of the gig board.
#[server(prefix = "/api", endpoint = "gigs/search")]
pub async fn search_gigs(
    #[server(default)] filters: GigFilters,
) -> Result<Page<GigSummary>, AppError> {
    let viewer = crate::accounts::server::guard::current_user().await?;
    let state = crate::state::app_state()?;
    super::server::service::cached_board(
        &state,
        viewer.map(|v| v.id),
        &filters,
        super::server::service::PER_PAGE,
    )
    .await
}

/// The signed-in owner's gigs (accounts holding the client side).
#[server(prefix = "/api", endpoint = "gigs/mine")]
pub async fn my_gigs() -> Result<Vec<GigSummary>, AppError> {
    let owner =
        crate::accounts::server::guard::require_mode(crate::accounts::model::Mode::Client).await?;
    let state = crate::state::app_state()?;
    super::server::service::mine(&state.db, &owner).await
}

/// Cancels a gig with no contract yet (owner only).
#[server(prefix = "/api", endpoint = "gigs/cancel")]
pub async fn cancel_gig(id: i32) -> Result<(), AppError> {
    let owner = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::service::cancel(&state.db, &owner, id).await
}

/// Stops an open gig taking proposals (owner only).
#[server(prefix = "/api", endpoint = "gigs/close")]
pub async fn close_gig(id: i32) -> Result<(), AppError> {
    let owner = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::service::close(&state.db, &owner, id).await
}

/// Bookmarks (`saved=true`) or un-bookmarks a gig.
#[server(prefix = "/api", endpoint = "gigs/bookmark")]
pub async fn bookmark_gig(id: i32, saved: bool) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::service::set_saved(&state.db, &user, id, saved).await
}

/// The signed-in user's bookmarked gigs.
#[server(prefix = "/api", endpoint = "gigs/saved")]
pub async fn saved_gigs() -> Result<Vec<GigSummary>, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::service::saved_list(&state.db, &user).await
}
