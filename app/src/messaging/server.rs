//! Starting conversations under the messaging rule.

use crate::accounts::model::CurrentUser;
use crate::accounts::server::{now, repo::find_by_username};
use crate::entity::conversation;
use crate::error::AppError;
use crate::profiles::server::access::{MessageRule, message_rule};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
};

/// Whether `from` may write to the account called `username`. An unknown
/// username (or an email address) answers `false`, exactly like a refusal,
/// so the question cannot be used to find out who has an account.
pub async fn can_message(
    db: &DatabaseConnection,
    from: &CurrentUser,
    username: &str,
) -> Result<bool, AppError> {
    Ok(match find_by_username(db, username).await? {
        Some(to) => message_rule(db, from.id, to.id).await? != MessageRule::Refused,
        None => false,
    })
}

/// A client starts (or reopens) a conversation with an approved freelancer;
/// returns its id. Freelancers can't start conversations with clients; an
/// unknown username is refused the same way as a forbidden one.
pub async fn start(
    db: &DatabaseConnection,
    client: &CurrentUser,
    username: &str,
) -> Result<i32, AppError> {
    let refused = || {
        AppError::Forbidden(
            "Conversations are started by clients and students, with approved freelancers and coaches.".into(),
        )
    };
    let to = find_by_username(db, username).await?.ok_or_else(refused)?;
    if !client.has_client
        || message_rule(db, client.id, to.id).await? != MessageRule::ClientToFreelancer
    {
        return Err(refused());
    }
    if let Some(existing) = conversation::Entity::find()
        .filter(conversation::Column::ClientId.eq(client.id))
        .filter(conversation::Column::FreelancerId.eq(to.id))
        .one(db)
        .await?
    {
        return Ok(existing.id);
    }
    let row = conversation::ActiveModel {
        client_id: Set(client.id),
        freelancer_id: Set(to.id),
        started_by: Set(client.id),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}
