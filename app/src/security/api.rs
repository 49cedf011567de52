//! Account security server functions. Each needs a signed-in user (the
//! sign-in code needs the password step instead) and acts on that user only.

use super::model::{Enrolment, SessionView, TwoFactorStatus};
use crate::accounts::model::CurrentUser;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
async fn request_session() -> Result<tower_sessions::Session, AppError> {
    crate::accounts::server::session::current_session().await
}

#[cfg(feature = "ssr")]
async fn current_id() -> Result<Option<String>, AppError> {
    Ok(request_session().await?.id().map(|id| id.to_string()))
}

/// My live sessions: device, approximate network, sign-in and last use.
#[server(prefix = "/api", endpoint = "auth/sessions")]
pub async fn my_sessions() -> Result<Vec<SessionView>, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    let current = current_id().await?;
    super::server::sessions::list(&state.db, user.id, current.as_deref()).await
}

/// Ends one of my other sessions (named by its handle); its tabs are
/// signed out and their sockets closed at once.
#[server(prefix = "/api", endpoint = "auth/sessions/revoke")]
pub async fn revoke_session(handle: String) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    let current = current_id().await?;
    super::server::sessions::revoke(&state.db, &state.live, user.id, &handle, current.as_deref())
        .await
}

/// Ends every session of mine but this one; returns how many ended.
#[server(prefix = "/api", endpoint = "auth/sessions/revoke-others")]
pub async fn revoke_other_sessions() -> Result<u64, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    let current = current_id().await?;
    crate::accounts::server::session::revoke(&state.db, &state.live, user.id, current.as_deref())
        .await
}

/// Changes my password (the current one is required); every other session
/// ends. Returns how many did.
#[server(prefix = "/api", endpoint = "auth/password")]
pub async fn change_password(
    #[server(default)] current_password: String,
    #[server(default)] new_password: String,
) -> Result<u64, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    let session = request_session().await?;
    super::server::password::change(&state, &session, &user, &current_password, &new_password).await
}

/// Whether my two-factor sign-in is on.
#[server(prefix = "/api", endpoint = "auth/2fa/status")]
pub async fn two_factor_state() -> Result<TwoFactorStatus, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::two_factor::status(&state.db, user.id).await
}

/// Starts turning two-factor sign-in on: a new secret and its QR code.
#[server(prefix = "/api", endpoint = "auth/2fa/begin")]
pub async fn begin_two_factor() -> Result<Enrolment, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    let session = request_session().await?;
    super::server::two_factor::begin(&state.db, &session, &user).await
}

/// Confirms the set-up with a code from the app; answers the ten recovery
/// codes (shown this once).
#[server(prefix = "/api", endpoint = "auth/2fa/confirm")]
pub async fn confirm_two_factor(#[server(default)] code: String) -> Result<Vec<String>, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    let session = request_session().await?;
    super::server::two_factor::confirm(&state, &session, &user, &code).await
}

/// Turns two-factor sign-in off (needs my password and a code).
#[server(prefix = "/api", endpoint = "auth/2fa/disable")]
pub async fn disable_two_factor(
    #[server(default)] password: String,
    #[server(default)] code: String,
) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::two_factor::disable(&state, &user, &password, &code).await
}

/// The second step of a log-in with two-factor sign-in on: a code from the
/// app or a recovery code. Redirects to `next` (a local path).
#[server(prefix = "/api", endpoint = "auth/login/code")]
pub async fn login_code(
    #[server(default)] code: String,
    next: Option<String>,
) -> Result<CurrentUser, AppError> {
    let state = crate::state::app_state()?;
    let session = request_session().await?;
    let parts = use_context::<http::request::Parts>()
        .ok_or_else(|| AppError::internal("no request parts"))?;
    let user = super::server::two_factor::complete_sign_in(&state, &session, &parts, &code).await?;
    leptos_axum::redirect(&crate::accounts::api::safe_next(next.as_deref()));
    Ok(user)
}

/// Deletes my account: needs my password and `confirm` = `DELETE`; refused
/// while a contract of mine is active. Contracts, ledger entries, reviews
/// and messages stay, shown as by "Deleted user". Redirects home.
#[server(prefix = "/api", endpoint = "auth/delete-account")]
pub async fn delete_account(
    #[server(default)] password: String,
    #[server(default)] confirm: String,
) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::deletion::delete_account(&state, &user, &password, &confirm).await?;
    leptos_axum::redirect("/");
    Ok(())
}
