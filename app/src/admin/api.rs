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
