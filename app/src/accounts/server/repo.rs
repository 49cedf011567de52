//! Reading and writing accounts.

use super::now;
use crate::accounts::model::{CurrentUser, Mode};
use crate::entity::{audit_log, mode_switch, user};
use crate::error::AppError;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    SqlErr, TransactionTrait,
};

/// What a new account is made of (already validated and normalised).
#[derive(Debug, Clone)]
pub struct NewUser {
    /// Lower-cased email.
    pub email: String,
    /// Lower-cased username.
    pub username: String,
    /// Display name.
    pub display_name: String,
    /// argon2id PHC string.
    pub password_hash: String,
    /// Holds the client side.
    pub has_client: bool,
    /// Holds the freelancer side.
    pub has_freelancer: bool,
    /// Is a super admin (command line only).
    pub is_super_admin: bool,
}

/// Which unique field a new account clashed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taken {
    /// The email is in use.
    Email,
    /// The username is in use.
    Username,
}

/// Turns a stored row into what the client sees.
pub fn to_current(model: &user::Model) -> CurrentUser {
    CurrentUser {
        id: model.id,
        email: model.email.clone(),
        username: model.username.clone(),
        display_name: model.display_name.clone(),
        has_client: model.has_client,
        has_freelancer: model.has_freelancer,
        active_mode: Mode::parse(&model.active_mode).unwrap_or(if model.has_client {
            Mode::Client
        } else {
            Mode::Freelancer
        }),
        is_admin: model.is_admin,
        is_super_admin: model.is_super_admin,
    }
}

/// An account by id.
pub async fn find_by_id(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<user::Model>, AppError> {
    Ok(user::Entity::find_by_id(id).one(db).await?)
}

/// An account by email (when `identifier` contains `@`) or username, case-insensitively.
pub async fn find_by_identifier(
    db: &impl ConnectionTrait,
    identifier: &str,
) -> Result<Option<user::Model>, AppError> {
    let identifier = identifier.trim().to_lowercase();
    let column = if identifier.contains('@') {
        user::Column::Email
    } else {
        user::Column::Username
    };
    Ok(user::Entity::find()
        .filter(column.eq(identifier))
        .one(db)
        .await?)
}

/// An account by username only (case-insensitively). Everything that looks
/// people up by a public handle uses this, never [`find_by_identifier`], so
/// no endpoint but log-in answers differently for a known email.
pub async fn find_by_username(
    db: &impl ConnectionTrait,
    username: &str,
) -> Result<Option<user::Model>, AppError> {
    let username = username.trim().to_lowercase();
    if username.is_empty() || username.contains('@') {
        return Ok(None);
    }
    Ok(user::Entity::find()
        .filter(user::Column::Username.eq(username))
        .one(db)
        .await?)
}

/// Which of email and username are already taken.
pub async fn taken(
    db: &impl ConnectionTrait,
    email: &str,
    username: &str,
) -> Result<Vec<Taken>, AppError> {
    let mut taken = Vec::new();
    if user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await?
        .is_some()
    {
        taken.push(Taken::Email);
    }
    if user::Entity::find()
        .filter(user::Column::Username.eq(username))
        .one(db)
        .await?
        .is_some()
    {
        taken.push(Taken::Username);
    }
    Ok(taken)
}

/// Inserts an account. `Err(Ok(taken))` when a unique field clashed (a race
/// after [`taken`] said it was free), `Err(Err(e))` for anything else.
pub async fn insert(
    db: &impl ConnectionTrait,
    new: NewUser,
) -> Result<user::Model, Result<Vec<Taken>, AppError>> {
    let now = now();
    let active = if new.has_client {
        Mode::Client
    } else {
        Mode::Freelancer
    };
    let row = user::ActiveModel {
        email: Set(new.email.clone()),
        username: Set(new.username.clone()),
        display_name: Set(new.display_name),
        password_hash: Set(new.password_hash),
        has_client: Set(new.has_client),
        has_freelancer: Set(new.has_freelancer),
        active_mode: Set(active.as_str().into()),
        is_admin: Set(new.is_super_admin),
        is_super_admin: Set(new.is_super_admin),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    match row.insert(db).await {
        Ok(model) => Ok(model),
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            Err(taken(db, &new.email, &new.username).await)
        }
        Err(e) => Err(Err(e.into())),
    }
}

/// Switches the active mode and logs the switch, in one transaction.
pub async fn switch_mode(
    db: &impl TransactionTrait,
    model: &user::Model,
    to: Mode,
) -> Result<user::Model, AppError> {
    let txn = db.begin().await?;
    let now = now();
    mode_switch::ActiveModel {
        user_id: Set(model.id),
        from_mode: Set(model.active_mode.clone()),
        to_mode: Set(to.as_str().into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let mut row: user::ActiveModel = model.clone().into();
    row.active_mode = Set(to.as_str().into());
    match to {
        Mode::Client => row.has_client = Set(true),
        Mode::Freelancer => row.has_freelancer = Set(true),
    }
    row.updated_at = Set(now);
    let updated = row.update(&txn).await?;
    txn.commit().await?;
    Ok(updated)
}

/// Grants or revokes admin and records who did it.
pub async fn set_admin(
    db: &impl TransactionTrait,
    actor_id: Option<i32>,
    target: &user::Model,
    grant: bool,
) -> Result<user::Model, AppError> {
    let txn = db.begin().await?;
    let mut row: user::ActiveModel = target.clone().into();
    row.is_admin = Set(grant);
    row.updated_at = Set(now());
    let updated = row.update(&txn).await?;
    audit(
        &txn,
        actor_id,
        if grant { "admin.grant" } else { "admin.revoke" },
        Some(target.id),
        "",
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}

/// Appends to the audit log.
pub async fn audit(
    db: &impl ConnectionTrait,
    actor_id: Option<i32>,
    action: &str,
    target_user_id: Option<i32>,
    detail: &str,
) -> Result<(), AppError> {
    audit_log::ActiveModel {
        actor_id: Set(actor_id),
        action: Set(action.into()),
        target_user_id: Set(target_user_id),
        detail: Set(detail.into()),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
