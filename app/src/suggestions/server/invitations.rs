//! Gig owners inviting suggested freelancers to propose.

use crate::accounts::model::CurrentUser;
use crate::accounts::server::now;
use crate::entity::gig_invitation;
use crate::error::AppError;
use crate::market::GigStatus;
use crate::profiles::server::access::is_approved_freelancer;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    TransactionTrait,
};

/// Invites an approved freelancer to an open gig of the owner's.
pub async fn invite(
    db: &DatabaseConnection,
    hub: &crate::live::server::hub::Hub,
    owner: &CurrentUser,
    gig_id: i32,
    freelancer_id: i32,
) -> Result<(), AppError> {
    let gig = crate::gigs::server::service::owned(db, owner, gig_id).await?;
    if gig.status != GigStatus::Open.as_str() {
        return Err(AppError::Forbidden(
            "Only open gigs take invitations.".into(),
        ));
    }
    if freelancer_id == owner.id || !is_approved_freelancer(db, freelancer_id).await? {
        return Err(AppError::NotFound);
    }
    let txn = db.begin().await?;
    let inserted = gig_invitation::Entity::insert(gig_invitation::ActiveModel {
        gig_id: Set(gig_id),
        freelancer_id: Set(freelancer_id),
        created_at: Set(now()),
    })
    .on_conflict(
        OnConflict::columns([
            gig_invitation::Column::GigId,
            gig_invitation::Column::FreelancerId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .do_nothing()
    .exec(&txn)
    .await?;
    let mut stored = Vec::new();
    if matches!(inserted, sea_orm::TryInsertResult::Inserted(_)) {
        stored = crate::notifications::server::raise(
            &txn,
            vec![crate::notifications::server::Notice::new(
                freelancer_id,
                crate::notifications::model::NotificationKind::GigInvitation,
                format!("{} invited you to {}", owner.display_name, gig.title),
                format!("/gigs/{gig_id}"),
            )],
        )
        .await?;
    }
    txn.commit().await?;
    crate::live::server::log::publish(hub, stored);
    Ok(())
}

/// The gigs among `gig_ids` that `freelancer_id` was invited to.
pub async fn invited_among(
    db: &impl ConnectionTrait,
    freelancer_id: i32,
    gig_ids: &[i32],
) -> Result<Vec<i32>, AppError> {
    Ok(gig_invitation::Entity::find()
        .filter(gig_invitation::Column::FreelancerId.eq(freelancer_id))
        .filter(gig_invitation::Column::GigId.is_in(gig_ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|i| i.gig_id)
        .collect())
}

/// Gigs `freelancer_id` was invited to.
pub async fn invited_to(
    db: &impl ConnectionTrait,
    freelancer_id: i32,
) -> Result<Vec<i32>, AppError> {
    Ok(gig_invitation::Entity::find()
        .filter(gig_invitation::Column::FreelancerId.eq(freelancer_id))
        .all(db)
        .await?
        .into_iter()
        .map(|i| i.gig_id)
        .collect())
}

/// Whether `freelancer_id` was invited to `gig_id`.
pub async fn is_invited(
    db: &impl ConnectionTrait,
    gig_id: i32,
    freelancer_id: i32,
) -> Result<bool, AppError> {
    Ok(gig_invitation::Entity::find_by_id((gig_id, freelancer_id))
        .one(db)
        .await?
        .is_some())
}
