//! `/api/dashboard/*` server functions and their data.

use crate::contracts::model::{ContractSummary, Earnings};
use crate::error::AppError;
use crate::gigs::model::GigSummary;
use crate::market::{FreelancerKind, ProfileStatus};
use crate::proposals::model::ProposalView;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the freelancer/coach dashboard shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FreelancerDashboardData {
    /// The profile's review status, if a profile exists.
    pub profile_status: Option<ProfileStatus>,
    /// The profile's kind.
    pub kind: Option<FreelancerKind>,
    /// Why an admin sent the profile back.
    pub rejection_reason: String,
    /// Where onboarding resumes, while the profile is not submitted.
    pub resume_href: Option<String>,
    /// Open gigs that fit the profile, best first, with reasons.
    pub recommended: Vec<crate::suggestions::model::GigRecommendation>,
    /// Recent proposals.
    pub proposals: Vec<ProposalView>,
    /// Active contracts as the freelancer.
    pub contracts: Vec<ContractSummary>,
    /// Earnings from the ledger.
    pub earnings: Earnings,
}

/// What the client/student dashboard shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientDashboardData {
    /// Whether the client profile has been filled in.
    pub profile_done: bool,
    /// The client's gigs and learning requests, with proposal counts.
    pub gigs: Vec<GigSummary>,
    /// Contracts as the client.
    pub contracts: Vec<ContractSummary>,
    /// Roles with the most approved talent: (role id, people).
    pub popular_roles: Vec<(String, i64)>,
}

/// The freelancer/coach dashboard of the signed-in user.
#[server(prefix = "/api", endpoint = "dashboard/freelancer")]
pub async fn freelancer_dashboard() -> Result<FreelancerDashboardData, AppError> {
    let user =
        crate::accounts::server::guard::require_mode(crate::accounts::model::Mode::Freelancer)
            .await?;
    let state = crate::state::app_state()?;
    super::server::freelancer(&state.db, &state.roles, &user).await
}

/// The client/student dashboard of the signed-in user.
#[server(prefix = "/api", endpoint = "dashboard/client")]
pub async fn client_dashboard() -> Result<ClientDashboardData, AppError> {
    let user =
        crate::accounts::server::guard::require_mode(crate::accounts::model::Mode::Client).await?;
    let state = crate::state::app_state()?;
    super::server::client(&state.db, &user).await
}
