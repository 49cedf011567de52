//! `/api/proposals/*` server functions.

use super::model::{MilestoneInput, ProposalInput, ProposalView};
use crate::error::AppError;
use leptos::prelude::*;

/// Sends a proposal on an open gig (approved freelancers and coaches only).
#[server(prefix = "/api", endpoint = "proposals/submit")]
pub async fn submit_proposal(gig_id: i32, proposal: ProposalInput) -> Result<i32, AppError> {
    use crate::accounts::model::Mode;
    let user = crate::accounts::server::guard::require_mode(Mode::Freelancer).await?;
    let state = crate::state::app_state()?;
    let id = super::server::submit(&state.db, &state.live, &user, gig_id, &proposal).await?;
    leptos_axum::redirect(&format!("/gigs/{gig_id}"));
    Ok(id)
}

/// Edits the author's pending proposal.
#[server(prefix = "/api", endpoint = "proposals/update")]
pub async fn update_proposal(id: i32, proposal: ProposalInput) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::update(&state.db, &user, id, &proposal).await
}

/// Withdraws the author's pending proposal.
#[server(prefix = "/api", endpoint = "proposals/withdraw")]
pub async fn withdraw_proposal(id: i32) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::withdraw(&state.db, &user, id).await
}

/// One proposal (its author, the gig's owner or an admin).
#[server(prefix = "/api", endpoint = "proposals/get")]
pub async fn get_proposal(id: i32) -> Result<ProposalView, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::get(&state.db, &user, id).await
}

/// The proposals on a gig (its owner only).
#[server(prefix = "/api", endpoint = "proposals/for-gig")]
pub async fn gig_proposals(gig_id: i32) -> Result<Vec<ProposalView>, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::for_gig(&state.db, &user, gig_id).await
}

/// The signed-in freelancer's proposals (accounts holding the freelancer side).
#[server(prefix = "/api", endpoint = "proposals/mine")]
pub async fn my_proposals() -> Result<Vec<ProposalView>, AppError> {
    let user =
        crate::accounts::server::guard::require_mode(crate::accounts::model::Mode::Freelancer)
            .await?;
    let state = crate::state::app_state()?;
    super::server::mine(&state.db, &user).await
}

/// Shortlists a proposal (the gig's owner).
#[server(prefix = "/api", endpoint = "proposals/shortlist")]
pub async fn shortlist_proposal(id: i32) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::shortlist(&state.db, &state.live, &user, id).await
}

/// Declines a proposal with an optional reason (the gig's owner).
#[server(prefix = "/api", endpoint = "proposals/reject")]
pub async fn reject_proposal(id: i32, #[server(default)] reason: String) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::reject(&state.db, &state.live, &user, id, &reason).await
}

/// Accepts a proposal with milestones; redirects to the new contract.
#[server(prefix = "/api", endpoint = "proposals/accept")]
pub async fn accept_proposal(
    id: i32,
    #[server(default)] milestones: Vec<MilestoneInput>,
) -> Result<i32, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    let contract = super::server::accept(&state.db, &state.live, &user, id, &milestones).await?;
    leptos_axum::redirect(&format!("/contracts/{contract}"));
    Ok(contract)
}
