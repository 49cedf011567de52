//! `/api/talent/*` server functions.

use super::model::TalentFilters;
use crate::error::AppError;
use crate::gigs::model::Page;
use crate::profiles::model::TalentCard;
use leptos::prelude::*;

/// A page of approved freelancers and coaches matching the filters.
#[server(prefix = "/api", endpoint = "talent/search")]
pub async fn search_talent(
    #[server(default)] filters: TalentFilters,
) -> Result<Page<TalentCard>, AppError> {
    let viewer = crate::accounts::server::guard::current_user().await?;
    let state = crate::state::app_state()?;
    super::server::cached_search_talent(
        &state,
        viewer.map(|v| v.id),
        &filters,
        super::server::PER_PAGE,
    )
    .await
}

/// Bookmarks (`saved=true`) or un-bookmarks a freelancer.
#[server(prefix = "/api", endpoint = "talent/bookmark")]
pub async fn bookmark_talent(freelancer_id: i32, saved: bool) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::set_saved(&state.db, &user, freelancer_id, saved).await
}

/// The signed-in user's saved talent.
#[server(prefix = "/api", endpoint = "talent/saved")]
pub async fn saved_talent() -> Result<Vec<TalentCard>, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::saved(&state.db, &user).await
}
