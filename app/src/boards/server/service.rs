//! Changes to boards. Each runs in one transaction, checks membership and
//! the version the writer saw (a stale write is a Conflict, never a silent
//! overwrite), records the card's activity, and is pushed to every viewer
//! of the board after commit.

use super::access::member_board;
use super::load::{card_summary, summary};
use super::team::{add_member, create_board, last_rank};
use crate::accounts::model::CurrentUser;
use crate::boards::model::{BoardChange, CardSummary};
use crate::boards::rank;
use crate::entity::{board, board_column, card, card_activity, user};
use crate::error::{AppError, FormErrors};
use crate::live::protocol::{Signal, Topic};
use crate::live::server::hub::{Hub, now_ms};
use crate::state::AppState;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
};

/// The longest card or board title.
pub const MAX_TITLE: usize = 200;

/// Pushes a change to everyone viewing the board (on every instance).
pub fn publish(hub: &Hub, board_id: i32, change: BoardChange) {
    hub.publish_signal(Topic::Board { id: board_id }, Signal::Board { change });
}

/// A 422 for one field, keeping what was typed in it.
pub(super) fn invalid(field: &str, message: impl Into<String>, raw: &str) -> AppError {
    let mut errors = FormErrors::new();
    errors.add(field, message).keep(field, raw);
    AppError::Invalid(errors)
}

pub(super) fn title(raw: &str, field: &str, required: &'static str) -> Result<String, AppError> {
    crate::text::line(raw, MAX_TITLE, Some(required))
        .map_err(|message| invalid(field, message, raw))
}

pub(super) fn conflict(message: &str) -> AppError {
    AppError::Conflict(FormErrors::new().with_form(message))
}

/// Records a line in a card's activity.
pub(super) async fn record(
    db: &impl ConnectionTrait,
    c: &card::Model,
    actor: Option<i32>,
    line: String,
) -> Result<(), AppError> {
    card_activity::ActiveModel {
        board_id: Set(c.board_id),
        card_id: Set(c.id),
        actor_id: Set(actor),
        line: Set(line),
        created_at: Set(now_ms()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Creates a personal board owned by `user`; returns its id.
pub async fn create_personal(
    state: &AppState,
    user: &CurrentUser,
    raw_title: &str,
) -> Result<i32, AppError> {
    let name = title(raw_title, "title", "Give the board a name.")?;
    let txn = state.db.begin().await?;
    let id = create_board(&txn, board::Kind::Personal, None, user.id, &name).await?;
    txn.commit().await?;
    Ok(id)
}

/// The owner of a personal board adds someone by username.
pub async fn invite(
    state: &AppState,
    owner: &CurrentUser,
    board_id: i32,
    username: &str,
) -> Result<(), AppError> {
    let b = member_board(&state.db, board_id, owner.id).await?;
    if b.kind != board::Kind::Personal || b.owner_id != owner.id {
        return Err(AppError::Forbidden(
            "Only the owner of a personal board can invite people; a team board follows its contracts."
                .into(),
        ));
    }
    let handle = username.trim().trim_start_matches('@').to_lowercase();
    let invited = user::Entity::find()
        .filter(user::Column::Username.eq(handle.as_str()))
        .one(&state.db)
        .await?
        .ok_or_else(|| {
            let mut errors = FormErrors::new();
            errors
                .add("username", "No one has that username.")
                .keep("username", username);
            AppError::Invalid(errors)
        })?;
    if !add_member(&state.db, board_id, invited.id).await? {
        let mut errors = FormErrors::new();
        errors
            .add("username", "They are on this board already.")
            .keep("username", username);
        return Err(AppError::Conflict(errors));
    }
    publish(&state.live, board_id, BoardChange::Reload { by: owner.id });
    Ok(())
}

/// A column of the board, not archived.
async fn open_column(
    db: &impl ConnectionTrait,
    board_id: i32,
    column_id: i32,
) -> Result<board_column::Model, AppError> {
    board_column::Entity::find_by_id(column_id)
        .filter(board_column::Column::BoardId.eq(board_id))
        .filter(board_column::Column::Archived.eq(false))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Adds a card at the end of a column.
pub async fn add_card(
    state: &AppState,
    user: &CurrentUser,
    board_id: i32,
    column_id: i32,
    raw_title: &str,
) -> Result<CardSummary, AppError> {
    let name = title(raw_title, "title", "Give the card a title.")?;
    let txn = state.db.begin().await?;
    member_board(&txn, board_id, user.id).await?;
    let column = open_column(&txn, board_id, column_id).await?;
    let last = last_rank(&txn, column.id).await?;
    let now = now_ms();
    let created = card::ActiveModel {
        board_id: Set(board_id),
        column_id: Set(column.id),
        rank: Set(rank::between(last.as_deref(), None)?),
        title: Set(name),
        description: Set(String::new()),
        cover: Set(None),
        due_on: Set(None),
        milestone_id: Set(None),
        state: Set(card::State::Active),
        version: Set(1),
        created_by: Set(user.id),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    record(
        &txn,
        &created,
        Some(user.id),
        format!("{} added this card to {}", user.display_name, column.name),
    )
    .await?;
    txn.commit().await?;
    let card = summary(&created);
    publish(
        &state.live,
        board_id,
        BoardChange::Card {
            card: card.clone(),
            by: user.id,
        },
    );
    Ok(card)
}

/// A card of a board `user` is on, whatever its state.
pub(super) async fn member_card(
    db: &impl ConnectionTrait,
    card_id: i32,
    user: i32,
) -> Result<card::Model, AppError> {
    let c = card::Entity::find_by_id(card_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    member_board(db, c.board_id, user).await?;
    Ok(c)
}

/// Claims a card for a change: bumps its version if it still is the one
/// the writer saw. Runs first in the transaction, so on SQLite it takes the
/// write lock before anything is read (two writers queue instead of one
/// failing), and on PostgreSQL it locks the row. Then checks membership
/// (not found, before any conflict is revealed) and the claim.
pub(super) async fn claim(
    db: &impl ConnectionTrait,
    card_id: i32,
    user: i32,
    version: i32,
) -> Result<card::Model, AppError> {
    let claimed = card::Entity::update_many()
        .col_expr(
            card::Column::Version,
            Expr::col(card::Column::Version).add(1),
        )
        .col_expr(card::Column::UpdatedAt, Expr::value(now_ms()))
        .filter(card::Column::Id.eq(card_id))
        .filter(card::Column::Version.eq(version))
        .exec(db)
        .await?;
    let c = member_card(db, card_id, user).await?;
    if claimed.rows_affected != 1 {
        return Err(conflict(
            "Someone changed this card in the meantime. The board now shows their change.",
        ));
    }
    Ok(c)
}

/// What a move did.
#[derive(Debug, Clone)]
pub struct Moved {
    /// The board it is on.
    pub board_id: i32,
    /// The card where it is now.
    pub card: CardSummary,
    /// Whether it tracks a milestone and now sits in "Done" (the page
    /// offers the freelancer "Deliver milestone").
    pub milestone_done: Option<i32>,
}

/// Moves a card to `position` (0-based, among the column's other cards) of
/// a column on the same board. `version` is the card's version the mover
/// saw: a card changed since is not moved (Conflict).
pub async fn move_card(
    state: &AppState,
    user: &CurrentUser,
    card_id: i32,
    column_id: i32,
    position: usize,
    version: i32,
) -> Result<Moved, AppError> {
    let txn = state.db.begin().await?;
    let c = claim(&txn, card_id, user.id, version).await?;
    if c.state != card::State::Active {
        return Err(conflict(
            "This card was archived or trashed. Restore it first.",
        ));
    }
    let from = board_column::Entity::find_by_id(c.column_id)
        .one(&txn)
        .await?;
    let to = open_column(&txn, c.board_id, column_id).await?;
    let ranks: Vec<String> = card::Entity::find()
        .select_only()
        .column(card::Column::Rank)
        .filter(card::Column::ColumnId.eq(to.id))
        .filter(card::Column::State.eq(card::State::Active))
        .filter(card::Column::Id.ne(c.id))
        .order_by_asc(card::Column::Rank)
        .order_by_asc(card::Column::Id)
        .into_tuple()
        .all(&txn)
        .await?;
    let position = position.min(ranks.len());
    let mut key = rank::at_position(&ranks, position);
    let mut respread = false;
    let too_long = match &key {
        Ok(k) => rank::needs_rebalance(k),
        Err(_) => true,
    };
    if too_long {
        respread_column(&txn, to.id, Some((c.id, position))).await?;
        respread = true;
        key = Ok(String::new());
    }
    let key = key?;
    let mut update =
        card::Entity::update_many().col_expr(card::Column::ColumnId, Expr::value(to.id));
    if !respread {
        update = update.col_expr(card::Column::Rank, Expr::value(key));
    }
    update.filter(card::Column::Id.eq(c.id)).exec(&txn).await?;
    let moved = card::Entity::find_by_id(c.id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let from_name = from.map(|f| f.name).unwrap_or_default();
    let line = if from_name == to.name {
        format!(
            "{} moved this card to position {} in {}",
            user.display_name,
            position + 1,
            to.name
        )
    } else {
        format!(
            "{} moved this card from {} to {}",
            user.display_name, from_name, to.name
        )
    };
    record(&txn, &moved, Some(user.id), line).await?;
    let milestone_done = moved
        .milestone_id
        .filter(|_| to.role == Some(board_column::Role::Done) && c.column_id != to.id);
    txn.commit().await?;
    let card = card_summary(&state.db, &moved).await?;
    publish(
        &state.live,
        c.board_id,
        if respread {
            BoardChange::Reload { by: user.id }
        } else {
            BoardChange::Card {
                card: card.clone(),
                by: user.id,
            }
        },
    );
    Ok(Moved {
        board_id: c.board_id,
        card,
        milestone_done,
    })
}

/// Gives a column's cards fresh, short, evenly spread ranks in one go (when
/// a key grew too long), optionally putting card `moving` at `position`.
async fn respread_column(
    db: &impl ConnectionTrait,
    column: i32,
    moving: Option<(i32, usize)>,
) -> Result<(), AppError> {
    let mut ids: Vec<i32> = card::Entity::find()
        .select_only()
        .column(card::Column::Id)
        .filter(card::Column::ColumnId.eq(column))
        .filter(card::Column::State.eq(card::State::Active))
        .order_by_asc(card::Column::Rank)
        .order_by_asc(card::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    if let Some((id, position)) = moving {
        ids.retain(|i| *i != id);
        let position = position.min(ids.len());
        ids.insert(position, id);
    }
    for (id, key) in ids.iter().zip(rank::spread(ids.len())) {
        card::Entity::update_many()
            .col_expr(card::Column::Rank, Expr::value(key))
            .filter(card::Column::Id.eq(*id))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Archives, trashes or restores a card (`version` as for moves). A
/// restored card goes back to the end of its column.
pub async fn set_state(
    state: &AppState,
    user: &CurrentUser,
    card_id: i32,
    to: card::State,
    version: i32,
) -> Result<CardSummary, AppError> {
    let txn = state.db.begin().await?;
    let c = claim(&txn, card_id, user.id, version).await?;
    if c.state == to {
        // Nothing to do: the claim is rolled back with the transaction.
        let mut unchanged = summary(&c);
        unchanged.version = version;
        return Ok(unchanged);
    }
    let mut update = card::Entity::update_many().col_expr(card::Column::State, Expr::value(to));
    if to == card::State::Active {
        let column = match open_column(&txn, c.board_id, c.column_id).await {
            Ok(column) => column,
            Err(_) => super::load::columns(&txn, c.board_id)
                .await?
                .into_iter()
                .next()
                .ok_or(AppError::NotFound)?,
        };
        let last = last_rank(&txn, column.id).await?;
        update = update
            .col_expr(card::Column::ColumnId, Expr::value(column.id))
            .col_expr(
                card::Column::Rank,
                Expr::value(rank::between(last.as_deref(), None)?),
            );
    }
    update.filter(card::Column::Id.eq(c.id)).exec(&txn).await?;
    let now = card::Entity::find_by_id(c.id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let verb = match to {
        card::State::Active => "restored",
        card::State::Archived => "archived",
        card::State::Trashed => "moved to the trash",
    };
    record(
        &txn,
        &now,
        Some(user.id),
        format!("{} {verb} this card", user.display_name),
    )
    .await?;
    txn.commit().await?;
    let card = card_summary(&state.db, &now).await?;
    publish(
        &state.live,
        c.board_id,
        match to {
            card::State::Active => BoardChange::Card {
                card: card.clone(),
                by: user.id,
            },
            _ => BoardChange::CardGone {
                id: c.id,
                by: user.id,
            },
        },
    );
    Ok(card)
}
