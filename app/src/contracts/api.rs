//! `/api/contracts/*` server functions.

use super::model::{ContractSummary, ContractView, Earnings};
use crate::error::AppError;
use crate::market::ContractStatus;
use leptos::prelude::*;

/// The signed-in user's contracts on either side.
#[server(prefix = "/api", endpoint = "contracts/mine")]
pub async fn my_contracts() -> Result<Vec<ContractSummary>, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::mine(&state.db, &user).await
}

/// One contract (its parties or an admin).
#[server(prefix = "/api", endpoint = "contracts/get")]
pub async fn get_contract(id: i32) -> Result<ContractView, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::view(&state.db, &user, id).await
}

/// The freelancer marks a milestone delivered.
#[server(prefix = "/api", endpoint = "contracts/milestones/submit")]
pub async fn submit_milestone(milestone_id: i32) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::submit_milestone(&state.db, &state.live, &user, milestone_id).await?;
    super::server::announce_milestone(&state, milestone_id, false).await;
    Ok(())
}

/// The client approves a delivered milestone (recorded as earned).
#[server(prefix = "/api", endpoint = "contracts/milestones/approve")]
pub async fn approve_milestone(milestone_id: i32) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::approve_milestone(&state.db, &state.live, &user, milestone_id).await?;
    super::server::announce_milestone(&state, milestone_id, true).await;
    Ok(())
}

/// Asks to cancel; cancels when the other party already asked.
#[server(prefix = "/api", endpoint = "contracts/cancel")]
pub async fn request_cancel(contract_id: i32) -> Result<ContractStatus, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    let status = super::server::request_cancel(&state.db, &state.live, &user, contract_id).await?;
    let line = match status {
        ContractStatus::Cancelled => "Contract cancelled by agreement.".to_string(),
        _ => format!("{} asked to cancel this contract.", user.display_name),
    };
    super::server::announce(&state, contract_id, line).await;
    Ok(status)
}

/// Takes back one's own cancellation request.
#[server(prefix = "/api", endpoint = "contracts/cancel/withdraw")]
pub async fn withdraw_cancel(contract_id: i32) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::withdraw_cancel(&state.db, &user, contract_id).await
}

/// The signed-in freelancer's earnings from the ledger (accounts holding
/// the freelancer side).
#[server(prefix = "/api", endpoint = "contracts/earnings")]
pub async fn my_earnings() -> Result<Earnings, AppError> {
    let user =
        crate::accounts::server::guard::require_mode(crate::accounts::model::Mode::Freelancer)
            .await?;
    let state = crate::state::app_state()?;
    super::server::earnings(&state.db, user.id).await
}
