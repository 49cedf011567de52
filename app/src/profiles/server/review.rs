//! Admin approval of submitted freelancer/coach profiles.

use crate::accounts::server::{now, repo::audit};
use crate::entity::{freelancer_profile, user};
use crate::error::{AppError, FormErrors};
use crate::market::ProfileStatus;
use crate::search::index::index_freelancer;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};

/// A profile waiting for review.
#[derive(Debug, Clone)]
pub struct PendingProfile {
    /// The profile.
    pub profile: freelancer_profile::Model,
    /// Its account.
    pub account: user::Model,
}

/// Profiles submitted for approval, oldest first.
pub async fn pending(db: &DatabaseConnection) -> Result<Vec<PendingProfile>, AppError> {
    let profiles = freelancer_profile::Entity::find()
        .filter(freelancer_profile::Column::Status.eq(ProfileStatus::Pending.as_str()))
        .order_by_asc(freelancer_profile::Column::SubmittedAt)
        .all(db)
        .await?;
    let ids: Vec<i32> = profiles.iter().map(|p| p.user_id).collect();
    let accounts = user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?;
    Ok(profiles
        .into_iter()
        .filter_map(|profile| {
            let account = accounts.iter().find(|a| a.id == profile.user_id)?.clone();
            Some(PendingProfile { profile, account })
        })
        .collect())
}

/// Approves or rejects a pending profile; a rejection needs a reason.
pub async fn decide(
    db: &DatabaseConnection,
    admin_id: i32,
    user_id: i32,
    approve: bool,
    reason: &str,
) -> Result<(), AppError> {
    let row = freelancer_profile::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if row.status != ProfileStatus::Pending.as_str() {
        return Err(AppError::Conflict(
            FormErrors::new().with_form("This profile is not waiting for review."),
        ));
    }
    let reason = reason.trim();
    if !approve && reason.is_empty() {
        let mut errors = FormErrors::new();
        errors.add("reason", "Tell the freelancer what to change.");
        return Err(AppError::Invalid(errors));
    }
    let txn = db.begin().await?;
    let mut active: freelancer_profile::ActiveModel = row.into();
    active.status = Set(if approve {
        ProfileStatus::Approved
    } else {
        ProfileStatus::Rejected
    }
    .as_str()
    .into());
    active.rejection_reason = Set(if approve {
        String::new()
    } else {
        reason.chars().take(1000).collect()
    });
    active.reviewed_at = Set(Some(now()));
    active.update(&txn).await?;
    index_freelancer(&txn, user_id).await?;
    audit(
        &txn,
        Some(admin_id),
        if approve {
            "profile.approve"
        } else {
            "profile.reject"
        },
        Some(user_id),
        reason,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
