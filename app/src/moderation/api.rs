//! Moderation's server functions: reporting (any signed-in user) and the
//! admin queue, actions, counts and audit log (admins; each checks the role
//! first, and the action checks who it may act on).

use super::model::{AuditPage, QueueCounts, QueueItem};
use crate::error::AppError;
use leptos::prelude::*;

/// Reports a profile (`object_id` is the user's id), gig, review or message
/// to the admins, with a reason from the list and optional words
/// (required for "something else"). One open report per person and object.
#[server(prefix = "/api", endpoint = "moderation/report")]
pub async fn report_content(
    kind: String,
    object_id: i64,
    reason: String,
    #[server(default)] detail: String,
) -> Result<(), AppError> {
    use super::model::{ObjectKind, ReportReason};
    use crate::error::FormErrors;
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    let mut errors = FormErrors::new();
    let kind = ObjectKind::parse(&kind).filter(|k| k.reportable());
    if kind.is_none() {
        errors.add("kind", "Choose what you are reporting.");
    }
    let reason = ReportReason::parse(&reason);
    if reason.is_none() {
        errors.add("reason", "Choose a reason.");
    }
    let (Some(kind), Some(reason)) = (kind, reason) else {
        return Err(AppError::Invalid(errors));
    };
    if kind == ObjectKind::Message {
        let detail = super::server::reports::check_detail(reason, &detail)?;
        let words = if detail.is_empty() {
            reason.label().to_string()
        } else {
            detail
        };
        return crate::chat::server::service::report(&state.db, &user, object_id, &words).await;
    }
    super::server::reports::report(&state.db, &user, kind, object_id, reason, &detail).await?;
    crate::notifications::server::raise::notify_admins(
        &state.db,
        &state.live,
        format!("New report: {} {}", kind.label().to_lowercase(), object_id),
        "/admin/queue",
    )
    .await
}

/// The admin queue: `view` is `open` (default), `approval`, `hidden` or
/// `resolved`; `kind` one of the reportable kinds; `age` 1, 7 or 30 days.
/// Admins only.
#[server(prefix = "/api", endpoint = "admin/queue")]
pub async fn moderation_queue(
    view: Option<String>,
    kind: Option<String>,
    age: Option<String>,
) -> Result<Vec<QueueItem>, AppError> {
    use crate::accounts::model::Role;
    crate::accounts::server::guard::require_role(Role::Admin).await?;
    let filter = super::server::queue::check_filter(view, kind, age)?;
    let state = crate::state::app_state()?;
    super::server::queue::items(&state.db, &filter).await
}

/// How many items wait in the queue. Admins only.
#[server(prefix = "/api", endpoint = "admin/queue/counts")]
pub async fn admin_counts() -> Result<QueueCounts, AppError> {
    use crate::accounts::model::Role;
    crate::accounts::server::guard::require_role(Role::Admin).await?;
    let state = crate::state::app_state()?;
    super::server::queue::counts(&state.db).await
}

/// Acts on an object: `action` is `dismiss`, `hide`, `restore`, `warn`,
/// `suspend` (with `length`: 7, 30, 90 or `permanent`) or `lift`; the
/// reason is required and goes into the audit log. Admins only; only super
/// admins act on admins, and nobody acts on a super admin.
#[server(prefix = "/api", endpoint = "admin/moderate")]
pub async fn moderate(
    kind: String,
    object_id: i64,
    action: String,
    #[server(default)] reason: String,
    #[server(default)] length: String,
) -> Result<(), AppError> {
    use crate::accounts::model::Role;
    let admin = crate::accounts::server::guard::require_role(Role::Admin).await?;
    let decision = super::server::actions::check(&kind, object_id, &action, &reason, &length)?;
    let state = crate::state::app_state()?;
    super::server::actions::moderate(&state, &admin, &decision).await
}

/// The audit log, newest first, filtered by who acted (`actor`, a
/// username), on whom (`target`), the `action` and the object `kind`.
/// Admins only; nothing in it can be changed.
#[server(prefix = "/api", endpoint = "admin/audit")]
pub async fn browse_audit_log(
    actor: Option<String>,
    target: Option<String>,
    action: Option<String>,
    kind: Option<String>,
) -> Result<AuditPage, AppError> {
    use super::model::ObjectKind;
    use super::server::audit::{AuditFilter, browse};
    use crate::accounts::model::Role;
    use crate::accounts::server::repo::find_by_username;
    use crate::error::FormErrors;
    crate::accounts::server::guard::require_role(Role::Admin).await?;
    let state = crate::state::app_state()?;
    let given = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let mut errors = FormErrors::new();
    let mut filter = AuditFilter::default();
    for (field, value) in [("actor", given(actor)), ("target", given(target))] {
        let Some(name) = value else { continue };
        let name = name.trim_start_matches('@').to_lowercase();
        match find_by_username(&state.db, &name).await? {
            Some(account) if field == "actor" => filter.actor = Some(account.id),
            Some(account) => filter.target = Some(account.id),
            None => {
                errors.add(field, "No account has this username.");
            }
        }
    }
    filter.action = given(action);
    if let Some(kind) = given(kind) {
        match ObjectKind::parse(&kind) {
            Some(k) => filter.kind = Some(k),
            None => {
                errors.add("kind", "Choose a kind of object.");
            }
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    browse(&state.db, &filter).await
}
