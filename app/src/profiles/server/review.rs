//! Admin approval of submitted freelancer/coach profiles.

use super::moderation::public_text_digest;
use crate::accounts::server::audit::{Entry, record};
use crate::accounts::server::now;
use crate::entity::{freelancer_profile, user};
use crate::error::{AppError, FormErrors};
use crate::market::ProfileStatus;
use crate::moderation::model::ObjectKind;
use crate::search::index::index_freelancer;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
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

/// The conflict when the profile is no longer what the admin looked at.
fn changed() -> AppError {
    AppError::Conflict(FormErrors::new().with_form(
        "This profile changed after you opened it. Review the new version before deciding.",
    ))
}

/// Approves or rejects revision `revision` of a pending profile (a profile
/// edited since is refused with a conflict); a rejection needs a reason.
/// Approval records the digest of the public text the admin approved.
pub async fn decide(
    db: &DatabaseConnection,
    hub: &crate::live::server::hub::Hub,
    admin_id: i32,
    user_id: i32,
    revision: i32,
    approve: bool,
    reason: &str,
) -> Result<(), AppError> {
    let reason = reason.trim();
    if !approve && reason.is_empty() {
        let mut errors = FormErrors::new();
        errors.add("reason", "Tell the freelancer what to change.");
        return Err(AppError::Invalid(errors));
    }
    let txn = db.begin().await?;
    let row = freelancer_profile::Entity::find_by_id(user_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if row.status != ProfileStatus::Pending.as_str() {
        return Err(AppError::Conflict(
            FormErrors::new().with_form("This profile is not waiting for review."),
        ));
    }
    if row.revision != revision {
        return Err(changed());
    }
    let (status, rejection, approved_digest) = if approve {
        let digest = public_text_digest(&txn, &row).await?;
        (ProfileStatus::Approved, String::new(), digest)
    } else {
        let reason: String = reason.chars().take(1000).collect();
        (ProfileStatus::Rejected, reason, row.approved_digest.clone())
    };
    let updated = freelancer_profile::Entity::update_many()
        .col_expr(
            freelancer_profile::Column::Status,
            Expr::value(status.as_str()),
        )
        .col_expr(
            freelancer_profile::Column::RejectionReason,
            Expr::value(rejection),
        )
        .col_expr(
            freelancer_profile::Column::ApprovedDigest,
            Expr::value(approved_digest),
        )
        .col_expr(
            freelancer_profile::Column::ReviewedAt,
            Expr::value(Some(now())),
        )
        .filter(freelancer_profile::Column::UserId.eq(user_id))
        .filter(freelancer_profile::Column::Status.eq(ProfileStatus::Pending.as_str()))
        .filter(freelancer_profile::Column::Revision.eq(revision))
        .exec(&txn)
        .await?;
    if updated.rows_affected != 1 {
        return Err(changed());
    }
    index_freelancer(&txn, user_id).await?;
    record(
        &txn,
        Entry {
            actor: Some(admin_id),
            action: if approve {
                "profile.approve"
            } else {
                "profile.reject"
            },
            target: Some(user_id),
            object: Some((ObjectKind::Profile, i64::from(user_id))),
            reason,
            detail: format!("revision {revision}"),
        },
    )
    .await?;
    let notice = crate::notifications::server::Notice::new(
        user_id,
        crate::notifications::model::NotificationKind::ProfileModerated,
        if approve {
            "Your profile is approved and public".to_string()
        } else {
            "Your profile needs changes".to_string()
        },
        if approve {
            "/dashboard"
        } else {
            "/onboarding/review"
        },
    )
    .body(reason.to_string());
    let stored = crate::notifications::server::raise(&txn, vec![notice]).await?;
    txn.commit().await?;
    crate::live::server::log::publish(hub, stored);
    Ok(())
}
