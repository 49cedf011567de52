//! `/api/admin/analytics`: the analytics of a range, for admins.

use super::model::Analytics;
use crate::error::AppError;
use leptos::prelude::*;

/// The analytics of the last `range` days (7, 30 — the default — 90 or
/// 365). Admins only.
#[server(prefix = "/api", endpoint = "admin/analytics")]
pub async fn platform_analytics(range: Option<String>) -> Result<Analytics, AppError> {
    use crate::accounts::model::Role;
    use crate::error::FormErrors;
    crate::accounts::server::guard::require_role(Role::Admin).await?;
    let Some(days) = super::model::parse_range(range.as_deref()) else {
        let mut errors = FormErrors::new();
        errors.add("range", "Choose 7, 30, 90 or 365 days.");
        return Err(AppError::Invalid(errors));
    };
    let state = crate::state::app_state()?;
    super::server::analytics(&state.db, days).await
}
