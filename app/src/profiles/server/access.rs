//! Who may see a client's profile, and who may write to whom.
//!
//! A client/student may start a conversation with any approved
//! freelancer/coach. A freelancer/coach may write to a client/student, and
//! see their profile, only if that person contacted them first or accepted
//! their proposal (a contract exists between them).

use crate::entity::{contract, conversation, freelancer_profile};
use crate::error::AppError;
use crate::market::ProfileStatus;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

/// Whether `client_id` contacted `freelancer_id` first or accepted one of their proposals.
pub async fn client_opened_to(
    db: &impl ConnectionTrait,
    client_id: i32,
    freelancer_id: i32,
) -> Result<bool, AppError> {
    let contacted = conversation::Entity::find()
        .filter(conversation::Column::ClientId.eq(client_id))
        .filter(conversation::Column::FreelancerId.eq(freelancer_id))
        .filter(conversation::Column::StartedBy.eq(client_id))
        .count(db)
        .await?
        > 0;
    if contacted {
        return Ok(true);
    }
    Ok(contract::Entity::find()
        .filter(contract::Column::ClientId.eq(client_id))
        .filter(contract::Column::FreelancerId.eq(freelancer_id))
        .count(db)
        .await?
        > 0)
}

/// Whether `user_id` has an approved freelancer/coach profile.
pub async fn is_approved_freelancer(
    db: &impl ConnectionTrait,
    user_id: i32,
) -> Result<bool, AppError> {
    Ok(freelancer_profile::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .is_some_and(|p| p.status == ProfileStatus::Approved.as_str()))
}

/// Why a message may or may not be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageRule {
    /// A client writing to an approved freelancer.
    ClientToFreelancer,
    /// A freelancer the client opened the door to.
    FreelancerInvited,
    /// Not allowed.
    Refused,
}

/// Decides whether `from` may write to `to`.
pub async fn message_rule(
    db: &impl ConnectionTrait,
    from: i32,
    to: i32,
) -> Result<MessageRule, AppError> {
    if from == to {
        return Ok(MessageRule::Refused);
    }
    if is_approved_freelancer(db, to).await? {
        return Ok(MessageRule::ClientToFreelancer);
    }
    if client_opened_to(db, to, from).await? {
        return Ok(MessageRule::FreelancerInvited);
    }
    Ok(MessageRule::Refused)
}

/// Whether the freelancer profile of `account` may be shown to the public:
/// an admin has not hidden it and the account is not suspended (the
/// approval status is checked by the caller).
pub async fn publicly_shown(
    db: &impl ConnectionTrait,
    account: &crate::entity::user::Model,
) -> Result<bool, AppError> {
    if crate::accounts::server::suspension::is_suspended(account) {
        return Ok(false);
    }
    let hidden = freelancer_profile::Entity::find_by_id(account.id)
        .filter(freelancer_profile::Column::HiddenAt.is_not_null())
        .count(db)
        .await?;
    Ok(hidden == 0)
}
