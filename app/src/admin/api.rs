//! `/api/admin/*` server functions; each starts with the role guard.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One account as the admin user list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminUserRow {
    /// Account id.
    pub id: i32,
    /// Handle.
    pub username: String,
    /// Shown name.
    pub display_name: String,
    /// Email.
    pub email: String,
    /// Holds the client side.
    pub has_client: bool,
    /// Holds the freelancer side.
    pub has_freelancer: bool,
    /// Is an admin.
    pub is_admin: bool,
    /// Is a super admin.
    pub is_super_admin: bool,
    /// Unix seconds.
    pub created_at: i64,
}

/// Lists accounts, newest first, optionally filtered by name, username or
/// email. Admins only.
#[server(prefix = "/api", endpoint = "admin/users")]
pub async fn list_users(query: Option<String>) -> Result<Vec<AdminUserRow>, AppError> {
    use crate::accounts::model::Role;
    use crate::accounts::server::guard::require_role;
    require_role(Role::Admin).await?;
    let state = crate::state::app_state()?;
    super::server::list_users(&state.db, query.as_deref().unwrap_or_default(), 100).await
}

/// Grants (`grant=true`) or revokes admin for an account. Super admins only.
#[server(prefix = "/api", endpoint = "admin/set-admin")]
pub async fn set_admin(user_id: i32, grant: bool) -> Result<(), AppError> {
    use crate::accounts::model::Role;
    use crate::accounts::server::{guard::require_role, service};
    let actor = require_role(Role::SuperAdmin).await?;
    let state = crate::state::app_state()?;
    service::set_admin(&state, &actor, user_id, grant).await?;
    Ok(())
}

/// A freelancer/coach profile waiting for review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingProfileRow {
    /// The profile as a card.
    pub card: crate::profiles::model::TalentCard,
    /// When it was submitted (Unix seconds).
    pub submitted_at: Option<i64>,
    /// The revision shown; a decision applies to exactly this one.
    pub revision: i32,
}

/// Profiles waiting for approval, oldest first. Admins only.
#[server(prefix = "/api", endpoint = "admin/profiles/pending")]
pub async fn pending_profiles() -> Result<Vec<PendingProfileRow>, AppError> {
    use crate::accounts::model::Role;
    crate::accounts::server::guard::require_role(Role::Admin).await?;
    let state = crate::state::app_state()?;
    let pending = crate::profiles::server::review::pending(&state.db).await?;
    let ids: Vec<i32> = pending.iter().map(|p| p.profile.user_id).collect();
    let cards = crate::profiles::server::cards::talent_cards(&state.db, &ids, None).await?;
    Ok(cards
        .into_iter()
        .zip(pending)
        .map(|(card, p)| PendingProfileRow {
            card,
            submitted_at: p.profile.submitted_at,
            revision: p.profile.revision,
        })
        .collect())
}

/// Approves or rejects (with a reason) the `revision` of a pending profile
/// the admin saw (409 if it changed since). Admins only.
#[server(prefix = "/api", endpoint = "admin/profiles/decide")]
pub async fn decide_profile(
    user_id: i32,
    revision: i32,
    approve: bool,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::accounts::model::Role;
    let admin = crate::accounts::server::guard::require_role(Role::Admin).await?;
    let state = crate::state::app_state()?;
    crate::profiles::server::review::decide(
        &state.db,
        &state.live,
        admin.id,
        user_id,
        revision,
        approve,
        &reason,
    )
    .await?;
    state.skills.invalidate();
    Ok(())
}

/// Gigs waiting for approval, oldest first. Admins only.
#[server(prefix = "/api", endpoint = "admin/gigs/pending")]
pub async fn pending_gigs() -> Result<Vec<crate::gigs::model::PendingGig>, AppError> {
    use crate::accounts::model::Role;
    crate::accounts::server::guard::require_role(Role::Admin).await?;
    let state = crate::state::app_state()?;
    crate::gigs::server::moderation::pending(&state.db).await
}

/// Approves (opens) or rejects (with a reason) the `revision` of a pending
/// gig the admin saw (409 if it changed since). Admins only.
#[server(prefix = "/api", endpoint = "admin/gigs/decide")]
pub async fn decide_gig(
    gig_id: i32,
    revision: i32,
    approve: bool,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::accounts::model::Role;
    let admin = crate::accounts::server::guard::require_role(Role::Admin).await?;
    let state = crate::state::app_state()?;
    crate::gigs::server::moderation::decide(
        &state.db,
        &state.live,
        admin.id,
        gig_id,
        revision,
        approve,
        &reason,
    )
    .await?;
    state.skills.invalidate();
    Ok(())
}

/// Reported chat messages waiting for an admin, newest first.
#[server(prefix = "/api", endpoint = "admin/reports")]
pub async fn reported_messages() -> Result<Vec<crate::chat::model::ReportedMessage>, AppError> {
    crate::accounts::server::guard::require_role(crate::accounts::model::Role::Admin).await?;
    let state = crate::state::app_state()?;
    crate::chat::server::service::open_reports(&state.db).await
}
