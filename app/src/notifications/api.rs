//! `/api/notifications/*` server functions: only ever the caller's own.

use super::model::{NotificationView, Preference};
use crate::error::AppError;
use leptos::prelude::*;

/// My newest notifications (`all` false: unread only).
#[server(prefix = "/api", endpoint = "notifications/list")]
pub async fn list_notifications(
    #[server(default)] all: bool,
) -> Result<Vec<NotificationView>, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::inbox::list(&state.db, user.id, !all).await
}

/// How many unread notifications I have (0 for visitors).
#[server(prefix = "/api", endpoint = "notifications/unread")]
pub async fn unread_notifications() -> Result<u64, AppError> {
    let Some(user) = crate::accounts::server::guard::current_user().await? else {
        return Ok(0);
    };
    let state = crate::state::app_state()?;
    super::server::inbox::unread_count(&state.db, user.id).await
}

/// Marks one of my notifications read.
#[server(prefix = "/api", endpoint = "notifications/read")]
pub async fn mark_notification_read(id: i64) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::inbox::mark_read(&state.db, &state.live, user.id, id).await
}

/// Marks all my notifications read.
#[server(prefix = "/api", endpoint = "notifications/read-all")]
pub async fn mark_all_notifications_read() -> Result<u64, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::inbox::mark_all_read(&state.db, &state.live, user.id).await
}

/// My preference for every kind.
#[server(prefix = "/api", endpoint = "notifications/preferences")]
pub async fn notification_preferences() -> Result<Vec<Preference>, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::prefs::all(&state.db, user.id).await
}

/// Saves my preferences: `in_app` lists the kinds shown in the app; `email`
/// holds `kind=choice` pairs (off, instant or daily).
#[server(prefix = "/api", endpoint = "notifications/preferences/save")]
pub async fn save_notification_preferences(
    #[server(default)] in_app: Vec<String>,
    #[server(default)] email: Vec<String>,
) -> Result<(), AppError> {
    use super::model::{EmailChoice, NotificationKind};
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    let mut errors = crate::error::FormErrors::new();
    let mut prefs: Vec<Preference> = NotificationKind::ALL
        .into_iter()
        .map(|kind| Preference {
            kind,
            in_app: false,
            email: EmailChoice::Off,
        })
        .collect();
    for name in &in_app {
        match NotificationKind::parse(name) {
            Some(kind) => {
                if let Some(p) = prefs.iter_mut().find(|p| p.kind == kind) {
                    p.in_app = true;
                }
            }
            None => {
                errors.add("in_app", "Unknown kind of notification.");
            }
        }
    }
    for pair in &email {
        let parsed = pair
            .split_once('=')
            .and_then(|(k, c)| Some((NotificationKind::parse(k)?, EmailChoice::parse(c)?)));
        match parsed {
            Some((kind, choice)) => {
                if let Some(p) = prefs.iter_mut().find(|p| p.kind == kind) {
                    p.email = choice;
                }
            }
            None => {
                errors.add("email", "Choose off, instant or daily.");
            }
        }
    }
    errors.into_result()?;
    super::server::prefs::save(&state.db, user.id, &prefs).await
}
