//! Who may see and change a board: its members only. Every board read and
//! write asks here first; a board you are not on answers "not found".

use crate::entity::{board, board_member};
use crate::error::AppError;
use sea_orm::{ConnectionTrait, EntityTrait};

/// The board, when `user` is one of its members; [`AppError::NotFound`]
/// otherwise (whether or not it exists).
pub async fn member_board(
    db: &impl ConnectionTrait,
    board_id: i32,
    user: i32,
) -> Result<board::Model, AppError> {
    if board_member::Entity::find_by_id((board_id, user))
        .one(db)
        .await?
        .is_none()
    {
        return Err(AppError::NotFound);
    }
    board::Entity::find_by_id(board_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Whether `user` is on the board.
pub async fn is_member(
    db: &impl ConnectionTrait,
    board_id: i32,
    user: i32,
) -> Result<bool, AppError> {
    Ok(board_member::Entity::find_by_id((board_id, user))
        .one(db)
        .await?
        .is_some())
}
