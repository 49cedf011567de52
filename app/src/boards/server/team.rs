//! The board of a hired team: one per gig with contracts, created when the
//! first proposal is accepted, with a member for the client and each hired
//! freelancer and a card for each milestone.

use crate::boards::model::DEFAULT_COLUMNS;
use crate::boards::rank;
use crate::entity::{board, board_column, board_member, card, contract, gig, milestone};
use crate::error::AppError;
use crate::live::server::hub::now_ms;
use crate::market::MilestoneStatus;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
};

/// Creates a board with the default columns; returns its id.
pub async fn create_board(
    db: &impl ConnectionTrait,
    kind: board::Kind,
    gig_id: Option<i32>,
    owner: i32,
    title: &str,
) -> Result<i32, AppError> {
    let now = now_ms();
    let created = board::ActiveModel {
        kind: Set(kind),
        gig_id: Set(gig_id),
        owner_id: Set(owner),
        title: Set(title.to_string()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let ranks = rank::spread(DEFAULT_COLUMNS.len());
    board_column::Entity::insert_many(DEFAULT_COLUMNS.iter().zip(ranks).map(|(name, rank)| {
        board_column::ActiveModel {
            board_id: Set(created.id),
            name: Set(name.to_string()),
            rank: Set(rank),
            wip_limit: Set(None),
            archived: Set(false),
            version: Set(1),
            role: Set(role_of(name)),
            ..Default::default()
        }
    }))
    .exec(db)
    .await?;
    add_member(db, created.id, owner).await?;
    Ok(created.id)
}

/// The role of a new board's column: milestone cards follow "Review" and
/// "Done" (and keep following them if the team renames them).
fn role_of(name: &str) -> Option<board_column::Role> {
    match name {
        "Review" => Some(board_column::Role::Review),
        "Done" => Some(board_column::Role::Done),
        _ => None,
    }
}

/// Adds `user` to a board (nothing if they are on it already).
pub async fn add_member(
    db: &impl ConnectionTrait,
    board_id: i32,
    user: i32,
) -> Result<bool, AppError> {
    if board_member::Entity::find_by_id((board_id, user))
        .one(db)
        .await?
        .is_some()
    {
        return Ok(false);
    }
    board_member::ActiveModel {
        board_id: Set(board_id),
        user_id: Set(user),
        added_at: Set(now_ms()),
    }
    .insert(db)
    .await?;
    Ok(true)
}

/// The team board of a gig, if it has one.
pub async fn board_of_gig(db: &impl ConnectionTrait, gig_id: i32) -> Result<Option<i32>, AppError> {
    Ok(board::Entity::find()
        .select_only()
        .column(board::Column::Id)
        .filter(board::Column::GigId.eq(gig_id))
        .into_tuple()
        .one(db)
        .await?)
}

/// The column a milestone's card starts in: pending work is "To do",
/// delivered work "Review", approved work "Done".
fn column_for(status: &str) -> usize {
    match MilestoneStatus::parse(status) {
        Some(MilestoneStatus::Submitted) => 2,
        Some(MilestoneStatus::Approved) => 3,
        _ => 0,
    }
}

/// Puts a hired freelancer's contract on the gig's team board: creates the
/// board on the first hire, adds the client and the freelancer, and a card
/// for each of the contract's milestones. Runs in the caller's transaction.
pub async fn join_board(db: &impl ConnectionTrait, contract_id: i32) -> Result<i32, AppError> {
    let c = contract::Entity::find_by_id(contract_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let board_id = match board_of_gig(db, c.gig_id).await? {
        Some(id) => id,
        None => {
            let title = gig::Entity::find_by_id(c.gig_id)
                .one(db)
                .await?
                .map(|g| g.title)
                .unwrap_or_else(|| c.title.clone());
            create_board(
                db,
                board::Kind::Contract,
                Some(c.gig_id),
                c.client_id,
                &title,
            )
            .await?
        }
    };
    add_member(db, board_id, c.client_id).await?;
    add_member(db, board_id, c.freelancer_id).await?;
    let columns: Vec<board_column::Model> = board_column::Entity::find()
        .filter(board_column::Column::BoardId.eq(board_id))
        .filter(board_column::Column::Archived.eq(false))
        .order_by_asc(board_column::Column::Rank)
        .all(db)
        .await?;
    if columns.is_empty() {
        return Ok(board_id);
    }
    let milestones = milestone::Entity::find()
        .filter(milestone::Column::ContractId.eq(contract_id))
        .order_by_asc(milestone::Column::Position)
        .all(db)
        .await?;
    let now = now_ms();
    for m in milestones {
        let exists = card::Entity::find()
            .filter(card::Column::MilestoneId.eq(m.id))
            .one(db)
            .await?
            .is_some();
        if exists {
            continue;
        }
        let column = &columns[column_for(&m.status).min(columns.len() - 1)];
        let last = last_rank(db, column.id).await?;
        card::ActiveModel {
            board_id: Set(board_id),
            column_id: Set(column.id),
            rank: Set(rank::between(last.as_deref(), None)?),
            title: Set(m.title.clone()),
            description: Set(String::new()),
            cover: Set(None),
            due_on: Set(m.due_date.clone()),
            milestone_id: Set(Some(m.id)),
            state: Set(card::State::Active),
            version: Set(1),
            created_by: Set(c.client_id),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(board_id)
}

/// The last rank in a column (active cards), if it has any.
pub async fn last_rank(db: &impl ConnectionTrait, column: i32) -> Result<Option<String>, AppError> {
    Ok(card::Entity::find()
        .select_only()
        .column(card::Column::Rank)
        .filter(card::Column::ColumnId.eq(column))
        .filter(card::Column::State.eq(card::State::Active))
        .order_by_desc(card::Column::Rank)
        .into_tuple()
        .one(db)
        .await?)
}

/// Gives every contract made before boards existed its place on its team
/// board. Returns how many contracts were added; nothing once all are on.
pub async fn backfill_boards(db: &sea_orm::DatabaseConnection) -> Result<usize, AppError> {
    let contracts: Vec<(i32, i32, i32)> = contract::Entity::find()
        .select_only()
        .columns([
            contract::Column::Id,
            contract::Column::GigId,
            contract::Column::FreelancerId,
        ])
        .order_by_asc(contract::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    // Who is on which team board, in two queries (this runs at start-up).
    let boards: std::collections::HashMap<i32, i32> = board::Entity::find()
        .select_only()
        .columns([board::Column::GigId, board::Column::Id])
        .filter(board::Column::GigId.is_not_null())
        .into_tuple::<(i32, i32)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let members: std::collections::HashSet<(i32, i32)> = board_member::Entity::find()
        .select_only()
        .columns([board_member::Column::BoardId, board_member::Column::UserId])
        .into_tuple::<(i32, i32)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut added = 0;
    for (contract_id, gig_id, freelancer) in contracts {
        if boards
            .get(&gig_id)
            .is_some_and(|board| members.contains(&(*board, freelancer)))
        {
            continue;
        }
        let txn = db.begin().await?;
        join_board(&txn, contract_id).await?;
        txn.commit().await?;
        added += 1;
    }
    Ok(added)
}
