//! The one place server functions ask "who is this, and may they?".
//! Every server function that needs a user calls one of these first.

use super::{repo, session};
use crate::accounts::model::{CurrentUser, Mode, Role};
use crate::error::AppError;
use crate::state::app_state;

/// The signed-in user, or `None` for a visitor. A session pointing at a
/// deleted account counts as signed out.
pub async fn current_user() -> Result<Option<CurrentUser>, AppError> {
    let state = app_state()?;
    let session = session::current_session().await?;
    user_of_session(&state.db, &session).await
}

/// The user signed in under `session` (shared by server functions and the
/// WebSocket upgrade): `None` for a visitor, a deleted account or a
/// suspended one (whose sessions are also deleted when it is suspended).
pub async fn user_of_session(
    db: &sea_orm::DatabaseConnection,
    session: &tower_sessions::Session,
) -> Result<Option<CurrentUser>, AppError> {
    let Some(id) = session::signed_in_user_id(session).await? else {
        return Ok(None);
    };
    Ok(repo::find_by_id(db, id)
        .await?
        .filter(|account| !super::suspension::is_suspended(account))
        .as_ref()
        .map(repo::to_current))
}

/// The signed-in user, or [`AppError::Unauthenticated`].
pub async fn require_user() -> Result<CurrentUser, AppError> {
    current_user().await?.ok_or(AppError::Unauthenticated)
}

/// The signed-in user if they have `role`, otherwise [`AppError::Forbidden`].
pub async fn require_role(role: Role) -> Result<CurrentUser, AppError> {
    let user = require_user().await?;
    authorize_role(&user, role)?;
    Ok(user)
}

/// The signed-in user if they hold `mode` (whichever mode is active).
pub async fn require_mode(mode: Mode) -> Result<CurrentUser, AppError> {
    let user = require_user().await?;
    authorize_mode(&user, mode)?;
    Ok(user)
}

/// The role check on its own.
pub fn authorize_role(user: &CurrentUser, role: Role) -> Result<(), AppError> {
    if user.has_role(role) {
        Ok(())
    } else {
        Err(AppError::forbidden())
    }
}

/// The mode check on its own.
pub fn authorize_mode(user: &CurrentUser, mode: Mode) -> Result<(), AppError> {
    if user.holds(mode) {
        Ok(())
    } else {
        Err(AppError::Forbidden(format!(
            "Your account doesn't have {} mode yet.",
            mode.label()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(has_freelancer: bool, is_admin: bool) -> CurrentUser {
        CurrentUser {
            id: 7,
            email: "sam@example.com".into(),
            username: "sam".into(),
            display_name: "Sam".into(),
            has_client: true,
            has_freelancer,
            active_mode: Mode::Client,
            is_admin,
            is_super_admin: false,
        }
    }

    #[test]
    fn non_admins_are_forbidden_admin_work() {
        assert_eq!(
            authorize_role(&user(false, false), Role::Admin)
                .unwrap_err()
                .status(),
            403
        );
        assert!(authorize_role(&user(false, true), Role::Admin).is_ok());
        assert_eq!(
            authorize_role(&user(false, true), Role::SuperAdmin)
                .unwrap_err()
                .status(),
            403
        );
    }

    #[test]
    fn modes_not_held_are_forbidden() {
        assert_eq!(
            authorize_mode(&user(false, false), Mode::Freelancer)
                .unwrap_err()
                .status(),
            403
        );
        assert!(authorize_mode(&user(true, false), Mode::Freelancer).is_ok());
    }
}
