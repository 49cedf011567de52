//! Managing a board's columns: add, rename and set a WIP limit, reorder,
//! archive and restore. Each change checks membership, claims the column's
//! version (a stale change is a Conflict) and tells every viewer to fetch
//! the board again.

use super::access::member_board;
use super::load::column_totals;
use super::service::{invalid, publish};
use crate::accounts::model::CurrentUser;
use crate::boards::card_model::ColumnSetting;
use crate::boards::model::{BoardChange, CardFilter};
use crate::boards::rank;
use crate::entity::board_column;
use crate::error::{AppError, FormErrors};
use crate::state::AppState;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
};

/// The longest column name, in characters.
pub const MAX_COLUMN_NAME: usize = 60;
/// The most columns a board may have.
pub const MAX_COLUMNS: usize = 20;

fn column_name(raw: &str) -> Result<String, AppError> {
    crate::text::line(raw, MAX_COLUMN_NAME, Some("Name the column."))
        .map_err(|m| invalid("name", m, raw))
}

/// A WIP limit from a form: empty for none, otherwise 1 to 999.
pub fn wip_limit(raw: &str) -> Result<Option<i32>, AppError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    match raw.parse::<i32>() {
        Ok(n) if (1..=999).contains(&n) => Ok(Some(n)),
        _ => Err(invalid(
            "wip_limit",
            "Enter a number from 1 to 999, or leave it empty for no limit.",
            raw,
        )),
    }
}

/// Every column of a board (open ones in order, then archived ones) with
/// its card count, for a member.
pub async fn settings(
    db: &impl ConnectionTrait,
    board_id: i32,
    me: i32,
) -> Result<Vec<ColumnSetting>, AppError> {
    member_board(db, board_id, me).await?;
    let counts = column_totals(db, board_id, &CardFilter::default()).await?;
    let mut all: Vec<ColumnSetting> = board_column::Entity::find()
        .filter(board_column::Column::BoardId.eq(board_id))
        .order_by_asc(board_column::Column::Rank)
        .order_by_asc(board_column::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|c| ColumnSetting {
            cards: counts.get(&c.id).copied().unwrap_or(0) as usize,
            id: c.id,
            name: c.name,
            wip_limit: c.wip_limit,
            version: c.version,
            archived: c.archived,
        })
        .collect();
    all.sort_by_key(|c| c.archived);
    Ok(all)
}

/// Adds a column at the right end of the board.
pub async fn add(
    state: &AppState,
    user: &CurrentUser,
    board_id: i32,
    raw_name: &str,
) -> Result<i32, AppError> {
    let name = column_name(raw_name)?;
    let txn = state.db.begin().await?;
    member_board(&txn, board_id, user.id).await?;
    let ranks: Vec<String> = board_column::Entity::find()
        .select_only()
        .column(board_column::Column::Rank)
        .filter(board_column::Column::BoardId.eq(board_id))
        .order_by_asc(board_column::Column::Rank)
        .into_tuple()
        .all(&txn)
        .await?;
    if ranks.len() >= MAX_COLUMNS {
        return Err(invalid(
            "name",
            format!("A board can have at most {MAX_COLUMNS} columns (archived ones count)."),
            raw_name,
        ));
    }
    let created = board_column::ActiveModel {
        board_id: Set(board_id),
        name: Set(name),
        rank: Set(rank::between(ranks.last().map(String::as_str), None)?),
        wip_limit: Set(None),
        archived: Set(false),
        version: Set(1),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    publish(&state.live, board_id, BoardChange::Reload { by: user.id });
    Ok(created.id)
}

/// Claims a column for a change (as cards are claimed): bumps its version
/// if it is still `version`, then checks membership (not found first) and
/// the claim (Conflict).
async fn claim(
    db: &impl ConnectionTrait,
    column_id: i32,
    user: i32,
    version: i32,
) -> Result<board_column::Model, AppError> {
    let claimed = board_column::Entity::update_many()
        .col_expr(
            board_column::Column::Version,
            Expr::col(board_column::Column::Version).add(1),
        )
        .filter(board_column::Column::Id.eq(column_id))
        .filter(board_column::Column::Version.eq(version))
        .exec(db)
        .await?;
    let column = board_column::Entity::find_by_id(column_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    member_board(db, column.board_id, user).await?;
    if claimed.rows_affected != 1 {
        return Err(AppError::Conflict(FormErrors::new().with_form(
            "Someone changed this column in the meantime. The page now shows their change.",
        )));
    }
    Ok(column)
}

/// Renames a column and sets (or clears) its WIP limit.
pub async fn edit(
    state: &AppState,
    user: &CurrentUser,
    column_id: i32,
    version: i32,
    raw_name: &str,
    raw_limit: &str,
) -> Result<(), AppError> {
    let name = column_name(raw_name)?;
    let limit = wip_limit(raw_limit)?;
    let txn = state.db.begin().await?;
    let column = claim(&txn, column_id, user.id, version)
        .await
        .map_err(|e| match e {
            AppError::Conflict(mut errors) => {
                errors.keep("name", raw_name).keep("wip_limit", raw_limit);
                AppError::Conflict(errors)
            }
            other => other,
        })?;
    board_column::Entity::update_many()
        .col_expr(board_column::Column::Name, Expr::value(name))
        .col_expr(board_column::Column::WipLimit, Expr::value(limit))
        .filter(board_column::Column::Id.eq(column.id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    publish(
        &state.live,
        column.board_id,
        BoardChange::Reload { by: user.id },
    );
    Ok(())
}

/// Moves a column to `position` (0-based) among the board's open columns.
pub async fn reorder(
    state: &AppState,
    user: &CurrentUser,
    column_id: i32,
    version: i32,
    position: usize,
) -> Result<(), AppError> {
    let txn = state.db.begin().await?;
    let column = claim(&txn, column_id, user.id, version).await?;
    if column.archived {
        return Err(AppError::NotFound);
    }
    let others: Vec<(i32, String)> = board_column::Entity::find()
        .select_only()
        .column(board_column::Column::Id)
        .column(board_column::Column::Rank)
        .filter(board_column::Column::BoardId.eq(column.board_id))
        .filter(board_column::Column::Archived.eq(false))
        .filter(board_column::Column::Id.ne(column.id))
        .order_by_asc(board_column::Column::Rank)
        .order_by_asc(board_column::Column::Id)
        .into_tuple()
        .all(&txn)
        .await?;
    let position = position.min(others.len());
    let ranks: Vec<String> = others.iter().map(|(_, r)| r.clone()).collect();
    match rank::at_position(&ranks, position) {
        Ok(key) if !rank::needs_rebalance(&key) => {
            board_column::Entity::update_many()
                .col_expr(board_column::Column::Rank, Expr::value(key))
                .filter(board_column::Column::Id.eq(column.id))
                .exec(&txn)
                .await?;
        }
        _ => {
            let mut ids: Vec<i32> = others.iter().map(|(id, _)| *id).collect();
            ids.insert(position, column.id);
            for (id, key) in ids.iter().zip(rank::spread(ids.len())) {
                board_column::Entity::update_many()
                    .col_expr(board_column::Column::Rank, Expr::value(key))
                    .filter(board_column::Column::Id.eq(*id))
                    .exec(&txn)
                    .await?;
            }
        }
    }
    txn.commit().await?;
    publish(
        &state.live,
        column.board_id,
        BoardChange::Reload { by: user.id },
    );
    Ok(())
}

/// Archives a column (its cards go with it, kept) or restores it to the
/// right end. A board keeps at least one open column.
pub async fn set_archived(
    state: &AppState,
    user: &CurrentUser,
    column_id: i32,
    version: i32,
    archived: bool,
) -> Result<(), AppError> {
    let txn = state.db.begin().await?;
    let column = claim(&txn, column_id, user.id, version).await?;
    if column.archived == archived {
        return Ok(());
    }
    let open: Vec<String> = board_column::Entity::find()
        .select_only()
        .column(board_column::Column::Rank)
        .filter(board_column::Column::BoardId.eq(column.board_id))
        .filter(board_column::Column::Archived.eq(false))
        .order_by_asc(board_column::Column::Rank)
        .into_tuple()
        .all(&txn)
        .await?;
    let mut update = board_column::Entity::update_many()
        .col_expr(board_column::Column::Archived, Expr::value(archived));
    if archived {
        if open.len() <= 1 {
            return Err(AppError::Invalid(
                FormErrors::new().with_form("A board needs at least one open column."),
            ));
        }
    } else {
        update = update.col_expr(
            board_column::Column::Rank,
            Expr::value(rank::between(open.last().map(String::as_str), None)?),
        );
    }
    update
        .filter(board_column::Column::Id.eq(column.id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    publish(
        &state.live,
        column.board_id,
        BoardChange::Reload { by: user.id },
    );
    Ok(())
}
