//! `/api/suggest/*` server functions.

use super::model::{GigRecommendation, HistoryItem, NeedSuggestion, TalentSuggestion};
use crate::error::AppError;
use leptos::prelude::*;

/// Suggests roles, skills and matching talent for a plain-language need.
/// Anyone may ask; signed-in users get it saved in their history, unless
/// the `/suggest` page was opened from a link on another site.
#[server(prefix = "/api", endpoint = "suggest/roles")]
pub async fn suggest_roles(text: String) -> Result<NeedSuggestion, AppError> {
    let user = crate::accounts::server::guard::current_user().await?;
    let state = crate::state::app_state()?;
    let keep = crate::same_origin::request_is_same_origin();
    super::server::service::suggest(&state, user.as_ref(), &text, keep).await
}

/// The signed-in user's recent suggestions.
#[server(prefix = "/api", endpoint = "suggest/history")]
pub async fn suggestion_history() -> Result<Vec<HistoryItem>, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::service::history(&state.db, user.id, 10).await
}

/// Turns one of the user's suggestions into a gig draft and opens it for editing.
#[server(prefix = "/api", endpoint = "suggest/draft")]
pub async fn draft_from_suggestion(id: i32) -> Result<i32, AppError> {
    let user =
        crate::accounts::server::guard::require_mode(crate::accounts::model::Mode::Client).await?;
    let state = crate::state::app_state()?;
    let gig = super::server::service::draft(&state, &user, id).await?;
    leptos_axum::redirect(&format!("/gigs/{gig}/edit"));
    Ok(gig)
}

/// Open gigs ranked by fit to the signed-in freelancer's profile.
#[server(prefix = "/api", endpoint = "suggest/gigs")]
pub async fn recommended_gigs() -> Result<Vec<GigRecommendation>, AppError> {
    let user =
        crate::accounts::server::guard::require_mode(crate::accounts::model::Mode::Freelancer)
            .await?;
    let state = crate::state::app_state()?;
    super::server::matching::recommend_gigs(
        &state.db,
        &state.roles,
        user.id,
        &Default::default(),
        10,
    )
    .await
}

/// Approved freelancers ranked by fit to one of the owner's gigs.
#[server(prefix = "/api", endpoint = "suggest/talent")]
pub async fn suggested_talent(gig_id: i32) -> Result<Vec<TalentSuggestion>, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::matching::suggest_talent(&state.db, &state.roles, &user, gig_id, 6).await
}

/// Invites a freelancer to propose on the owner's gig (invite-only gigs
/// become visible to them).
#[server(prefix = "/api", endpoint = "gigs/invite")]
pub async fn invite_to_gig(gig_id: i32, freelancer_id: i32) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::invitations::invite(&state.db, &user, gig_id, freelancer_id).await
}
