//! Changing the password: the current one first (throttled like a log-in),
//! the same policy as sign-up, then every other session ends (and its
//! sockets close) and this one gets a new id.

use crate::accounts::model::CurrentUser;
use crate::accounts::server::now;
use crate::accounts::server::password_policy::check_password;
use crate::accounts::server::repo::{self, audit};
use crate::accounts::server::service::too_many;
use crate::accounts::server::session;
use crate::accounts::server::throttle::ThrottleKey;
use crate::entity::user;
use crate::error::{AppError, FormErrors};
use crate::state::AppState;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};
use tower_sessions::Session;

/// Replaces `user`'s password; returns how many other sessions ended.
pub async fn change(
    state: &AppState,
    session: &Session,
    user: &CurrentUser,
    current: &str,
    new: &str,
) -> Result<u64, AppError> {
    let account = repo::find_by_id(&state.db, user.id)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let mut errors = FormErrors::new();
    if current.is_empty() {
        errors.add("current_password", "Enter your current password.");
    }
    if let Err(problem) = check_password(
        new,
        &[&account.email, &account.username, &account.display_name],
    ) {
        errors.add("new_password", problem.message());
    } else if new == current {
        errors.add(
            "new_password",
            "Choose a password different from the current one.",
        );
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let who = ThrottleKey::Account(account.id);
    state.throttles.login.take(&[who]).map_err(too_many)?;
    if !state
        .hasher
        .verify(current.to_string(), Some(account.password_hash.clone()))
        .await?
    {
        let mut errors = FormErrors::new();
        errors.add("current_password", "That isn't your current password.");
        return Err(AppError::Invalid(errors));
    }
    state.throttles.login.reset(who);
    let hash = state.hasher.hash(new.to_string()).await?;
    let txn = state.db.begin().await?;
    user::Entity::update_many()
        .col_expr(user::Column::PasswordHash, Expr::value(hash))
        .col_expr(user::Column::UpdatedAt, Expr::value(now()))
        .filter(user::Column::Id.eq(account.id))
        .exec(&txn)
        .await?;
    audit(
        &txn,
        Some(account.id),
        "password.change",
        Some(account.id),
        "",
    )
    .await?;
    txn.commit().await?;
    let current_id = session.id().map(|id| id.to_string());
    let ended = session::revoke(&state.db, &state.live, account.id, current_id.as_deref()).await?;
    session::rotate(session).await?;
    Ok(ended)
}
