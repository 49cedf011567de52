//! Milestone cards follow their milestone: delivered work moves to the
//! column with the review role ("Review" at first), approved work to the
//! one with the done role ("Done"), whatever the team renamed them to
//! (never backwards: a card the team already moved further stays put).

use super::load::card_summary;
use crate::boards::model::{BoardChange, CardSummary};
use crate::boards::rank;
use crate::entity::{board_column, card, card_activity, contract, milestone};
use crate::error::AppError;
use crate::live::server::hub::{Hub, now_ms};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};

/// Where a milestone's card should be at least.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The freelancer delivered it.
    Delivered,
    /// The client approved it.
    Approved,
}

impl Stage {
    fn role(self) -> board_column::Role {
        match self {
            Stage::Delivered => board_column::Role::Review,
            Stage::Approved => board_column::Role::Done,
        }
    }

    fn line(self, column: &str) -> String {
        match self {
            Stage::Delivered => format!("Milestone delivered: Guild moved this card to {column}"),
            Stage::Approved => format!("Milestone approved: Guild moved this card to {column}"),
        }
    }
}

/// Moves the milestone's card forward to its stage's column, in the
/// caller's transaction; returns the change to publish after commit.
pub async fn follow(
    db: &impl ConnectionTrait,
    milestone_id: i32,
    stage: Stage,
) -> Result<Option<(i32, CardSummary)>, AppError> {
    let Some(c) = card::Entity::find()
        .filter(card::Column::MilestoneId.eq(milestone_id))
        .filter(card::Column::State.eq(card::State::Active))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let columns = board_column::Entity::find()
        .filter(board_column::Column::BoardId.eq(c.board_id))
        .filter(board_column::Column::Archived.eq(false))
        .order_by_asc(board_column::Column::Rank)
        .all(db)
        .await?;
    let Some(target) = columns
        .iter()
        .position(|col| col.role == Some(stage.role()))
    else {
        return Ok(None);
    };
    let current = columns.iter().position(|col| col.id == c.column_id);
    if current.is_some_and(|at| at >= target) {
        return Ok(None);
    }
    let column = &columns[target];
    let last = super::team::last_rank(db, column.id).await?;
    card::Entity::update_many()
        .col_expr(card::Column::ColumnId, Expr::value(column.id))
        .col_expr(
            card::Column::Rank,
            Expr::value(rank::between(last.as_deref(), None)?),
        )
        .col_expr(
            card::Column::Version,
            Expr::col(card::Column::Version).add(1),
        )
        .col_expr(card::Column::UpdatedAt, Expr::value(now_ms()))
        .filter(card::Column::Id.eq(c.id))
        .exec(db)
        .await?;
    card_activity::Entity::insert(card_activity::ActiveModel {
        board_id: Set(c.board_id),
        card_id: Set(c.id),
        actor_id: Set(None),
        line: Set(stage.line(&column.name)),
        created_at: Set(now_ms()),
        ..Default::default()
    })
    .exec(db)
    .await?;
    let moved = card::Entity::find_by_id(c.id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Some((c.board_id, card_summary(db, &moved).await?)))
}

/// The contract page where `user` can deliver `milestone`, when they are
/// its freelancer, the contract is active and the milestone is not
/// delivered yet.
pub async fn delivery_offer(
    db: &impl ConnectionTrait,
    milestone_id: i32,
    user: i32,
) -> Result<Option<String>, AppError> {
    let Some(m) = milestone::Entity::find_by_id(milestone_id).one(db).await? else {
        return Ok(None);
    };
    let Some(c) = contract::Entity::find_by_id(m.contract_id).one(db).await? else {
        return Ok(None);
    };
    let open = c.completed_at.is_none() && c.cancelled_at.is_none();
    let pending = crate::market::MilestoneStatus::parse(&m.status)
        == Some(crate::market::MilestoneStatus::Pending);
    Ok((open && pending && c.freelancer_id == user).then(|| format!("/contracts/{}", c.id)))
}

/// Publishes what [`follow`] did, after the transaction committed.
pub fn publish(hub: &Hub, change: Option<(i32, CardSummary)>) {
    if let Some((board, card)) = change {
        super::service::publish(hub, board, BoardChange::Card { card, by: 0 });
    }
}
