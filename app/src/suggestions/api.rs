//! `/api/suggest/*` server functions.

use super::model::{GigRecommendation, HistoryItem, NeedSuggestion, TalentSuggestion};
use crate::error::AppError;
use leptos::prelude::*;

/// Suggests roles, skills and matching talent for a plain-language need.
/// Anyone may ask (visitors who are not signed in are throttled per
/// network); nothing is stored. The answer names the signed-in user's
/// history entry for the same need, if they have one.
#[server(prefix = "/api", endpoint = "suggest/roles")]
pub async fn suggest_roles(text: String) -> Result<NeedSuggestion, AppError> {
    use crate::accounts::server::service::{network_of, too_many};
    let user = crate::accounts::server::guard::current_user().await?;
    let state = crate::state::app_state()?;
    if user.is_none() {
        let parts = use_context::<http::request::Parts>()
            .ok_or_else(|| AppError::internal("no request parts"))?;
        let network = network_of(&state, &parts);
        state.throttles.suggest.take(&[network]).map_err(too_many)?;
    }
    super::server::service::suggest(&state, user.as_ref(), &text).await
}

/// The need box's submit: keeps the need in the signed-in user's history
/// (the only way a need is stored: an explicit submit, never a page view)
/// and opens its suggestions.
#[server(prefix = "/api", endpoint = "suggest/ask")]
pub async fn ask_for_suggestions(need: String) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::current_user().await?;
    let state = crate::state::app_state()?;
    let need = super::server::service::validate_need(&need)?;
    if let Some(user) = user {
        super::server::service::remember(&state, user.id, &need).await?;
    }
    leptos_axum::redirect(&format!(
        "/suggest?need={}",
        crate::ui::widgets::urlencode(&need)
    ));
    Ok(())
}

/// The signed-in user's recent suggestions.
#[server(prefix = "/api", endpoint = "suggest/history")]
pub async fn suggestion_history() -> Result<Vec<HistoryItem>, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::service::history(&state.db, user.id, 10).await
}

/// Turns one of the user's suggestions (`id`), or a need they chose to post
/// (`need`, kept in their history), into a gig draft and opens it for editing.
#[server(prefix = "/api", endpoint = "suggest/draft")]
pub async fn draft_from_suggestion(
    #[server(default)] id: Option<i32>,
    #[server(default)] need: Option<String>,
) -> Result<i32, AppError> {
    use super::server::service;
    let user =
        crate::accounts::server::guard::require_mode(crate::accounts::model::Mode::Client).await?;
    let state = crate::state::app_state()?;
    let id = match (id, need) {
        (Some(id), _) => id,
        (None, Some(need)) => {
            let need = service::validate_need(&need)?;
            service::remember(&state, user.id, &need).await?
        }
        (None, None) => return Err(AppError::NotFound),
    };
    let gig = service::draft(&state, &user, id).await?;
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
    super::server::invitations::invite(&state.db, &state.live, &user, gig_id, freelancer_id).await
}
