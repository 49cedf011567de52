//! Starting conversations under the messaging rule.

use crate::accounts::model::CurrentUser;
use crate::accounts::server::{now, repo::find_by_identifier};
use crate::entity::conversation;
use crate::error::AppError;
use crate::profiles::server::access::{MessageRule, message_rule};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
};

/// Whether `from` may write to `username`.
pub async fn can_message(
    db: &DatabaseConnection,
    from: &CurrentUser,
    username: &str,
) -> Result<bool, AppError> {
    let to = find_by_identifier(db, username)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(message_rule(db, from.id, to.id).await? != MessageRule::Refused)
}

/// A client starts (or reopens) a conversation with an approved freelancer;
/// returns its id. Freelancers can't start conversations with clients.
pub async fn start(
    db: &DatabaseConnection,
    client: &CurrentUser,
    username: &str,
) -> Result<i32, AppError> {
    let to = find_by_identifier(db, username)
        .await?
        .ok_or(AppError::NotFound)?;
    if !client.has_client
        || message_rule(db, client.id, to.id).await? != MessageRule::ClientToFreelancer
    {
        return Err(AppError::Forbidden(
            "Conversations are started by clients and students, with approved freelancers and coaches.".into(),
        ));
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
