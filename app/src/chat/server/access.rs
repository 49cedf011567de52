//! Who is in a conversation. Every chat read and write asks here first; a
//! conversation you are not in answers "not found", never its contents.

use crate::entity::conversation_member as member;
use crate::error::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

/// The membership of `user` in `conversation`, or [`AppError::NotFound`].
pub async fn membership(
    db: &impl ConnectionTrait,
    conversation: i32,
    user: i32,
) -> Result<member::Model, AppError> {
    member::Entity::find_by_id((conversation, user))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Everyone in `conversation`.
pub async fn member_ids(
    db: &impl ConnectionTrait,
    conversation: i32,
) -> Result<Vec<i32>, AppError> {
    Ok(member::Entity::find()
        .select_only()
        .column(member::Column::UserId)
        .filter(member::Column::ConversationId.eq(conversation))
        .into_tuple()
        .all(db)
        .await?)
}

/// Whether `a` and `b` are in a conversation together (presence is shown
/// only to such people).
pub async fn share_a_conversation(
    db: &impl ConnectionTrait,
    a: i32,
    b: i32,
) -> Result<bool, AppError> {
    if a == b {
        return Ok(true);
    }
    let mine: Vec<i32> = member::Entity::find()
        .select_only()
        .column(member::Column::ConversationId)
        .filter(member::Column::UserId.eq(a))
        .into_tuple()
        .all(db)
        .await?;
    if mine.is_empty() {
        return Ok(false);
    }
    Ok(member::Entity::find()
        .filter(member::Column::UserId.eq(b))
        .filter(member::Column::ConversationId.is_in(mine))
        .one(db)
        .await?
        .is_some())
}
