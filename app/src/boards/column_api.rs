//! `/api/boards/column*` server functions: a board's columns, adding,
//! renaming with a WIP limit, reordering, archiving and restoring. Members
//! only; changes carry the column's version (stale: Conflict).

use super::card_model::ColumnSetting;
use crate::error::AppError;
use leptos::prelude::*;

/// Every column of a board, open ones first, with card counts.
#[server(prefix = "/api", endpoint = "boards/columns")]
pub async fn column_settings(board_id: i32) -> Result<Vec<ColumnSetting>, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::columns::settings(&state.db, board_id, user.id).await
}

/// Adds a column at the right end of the board.
#[server(prefix = "/api", endpoint = "boards/column/add")]
pub async fn add_column(board_id: i32, name: String) -> Result<i32, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::columns::add(&state, &user, board_id, &name).await
}

/// Renames a column and sets its WIP limit (empty: none).
#[server(prefix = "/api", endpoint = "boards/column/edit")]
pub async fn edit_column(
    column_id: i32,
    version: i32,
    name: String,
    #[server(default)] wip_limit: String,
) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::columns::edit(&state, &user, column_id, version, &name, &wip_limit).await
}

/// Moves a column to `position` (1 = leftmost) among the open columns.
#[server(prefix = "/api", endpoint = "boards/column/move")]
pub async fn move_column(column_id: i32, version: i32, position: u32) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::columns::reorder(
        &state,
        &user,
        column_id,
        version,
        position.saturating_sub(1) as usize,
    )
    .await
}

/// Archives a column (`archived`) or restores it.
#[server(prefix = "/api", endpoint = "boards/column/archive")]
pub async fn archive_column(column_id: i32, version: i32, archived: bool) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::columns::set_archived(&state, &user, column_id, version, archived).await
}
