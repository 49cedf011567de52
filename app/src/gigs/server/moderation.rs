//! Admin approval of gigs submitted for review.

use crate::accounts::server::{now, repo::audit};
use crate::entity::gig;
use crate::error::{AppError, FormErrors};
use crate::gigs::model::GigSummary;
use crate::market::GigStatus;
use crate::search::index::index_gig;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};

/// Gigs waiting for approval, oldest first.
pub async fn pending(db: &DatabaseConnection) -> Result<Vec<GigSummary>, AppError> {
    let rows = gig::Entity::find()
        .filter(gig::Column::Status.eq(GigStatus::Pending.as_str()))
        .order_by_asc(gig::Column::UpdatedAt)
        .all(db)
        .await?;
    super::cards::summaries(db, rows, None).await
}

/// Approves (opens) or rejects (back to draft, with a reason) a pending gig.
pub async fn decide(
    db: &DatabaseConnection,
    admin_id: i32,
    gig_id: i32,
    approve: bool,
    reason: &str,
) -> Result<(), AppError> {
    let row = super::service::find(db, gig_id).await?;
    if row.status != GigStatus::Pending.as_str() {
        return Err(AppError::Conflict(
            FormErrors::new().with_form("This gig is not waiting for review."),
        ));
    }
    let reason = reason.trim();
    if !approve && reason.is_empty() {
        let mut errors = FormErrors::new();
        errors.add("reason", "Tell the client what to change.");
        return Err(AppError::Invalid(errors));
    }
    let now = now();
    let txn = db.begin().await?;
    let mut active: gig::ActiveModel = row.into();
    if approve {
        active.status = Set(GigStatus::Open.as_str().into());
        active.published_at = Set(Some(now));
        active.rejection_reason = Set(String::new());
    } else {
        active.status = Set(GigStatus::Draft.as_str().into());
        active.rejection_reason = Set(reason.chars().take(1000).collect());
    }
    active.updated_at = Set(now);
    active.update(&txn).await?;
    index_gig(&txn, gig_id).await?;
    audit(
        &txn,
        Some(admin_id),
        if approve { "gig.approve" } else { "gig.reject" },
        None,
        &format!("gig {gig_id}: {reason}"),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
