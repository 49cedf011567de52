//! A board of thousands of cards for the board benchmark (`server
//! big-board`): two signed-in members (minted like the live load tool's),
//! a personal board with the given number of columns and cards spread
//! evenly over them, a third of the cards labelled and some due.

use super::load_sessions::mint;
use app::boards::rank;
use app::boards::server::team::{add_member, create_board};
use app::entity::{board, board_column, board_label, card, card_label};
use app::error::AppError;
use app::live::server::hub::now_ms;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, TransactionTrait,
};
use serde::Serialize;

/// Extra column names past the four every board starts with.
const MORE_COLUMNS: [&str; 6] = ["Blocked", "QA", "Staging", "Released", "Measured", "Later"];

/// What the benchmark needs to open the board.
#[derive(Debug, Serialize)]
pub struct BigBoard {
    /// The board.
    pub board_id: i32,
    /// Its page.
    pub path: String,
    /// `Cookie` header values of its two members.
    pub cookies: Vec<String>,
    /// Cards on it.
    pub cards: usize,
}

/// Creates the board.
pub async fn create(
    db: &DatabaseConnection,
    cards: usize,
    columns: usize,
    cookie_name: &str,
) -> Result<BigBoard, AppError> {
    let columns = columns.clamp(1, 4 + MORE_COLUMNS.len());
    let members = mint(db, 2, cookie_name).await?;
    let owner = members[0].user_id;
    let txn = db.begin().await?;
    let board_id = create_board(
        &txn,
        board::Kind::Personal,
        None,
        owner,
        &format!("{cards} cards"),
    )
    .await?;
    add_member(&txn, board_id, members[1].user_id).await?;
    let mut column_ids: Vec<i32> = board_column::Entity::find()
        .select_only()
        .column(board_column::Column::Id)
        .filter(board_column::Column::BoardId.eq(board_id))
        .order_by_asc(board_column::Column::Rank)
        .into_tuple()
        .all(&txn)
        .await?;
    let mut last: Option<String> = board_column::Entity::find()
        .select_only()
        .column(board_column::Column::Rank)
        .filter(board_column::Column::BoardId.eq(board_id))
        .order_by_desc(board_column::Column::Rank)
        .into_tuple()
        .one(&txn)
        .await?;
    for name in MORE_COLUMNS
        .iter()
        .take(columns.saturating_sub(column_ids.len()))
    {
        let key = rank::between(last.as_deref(), None)?;
        let id = board_column::Entity::insert(board_column::ActiveModel {
            board_id: Set(board_id),
            name: Set(name.to_string()),
            rank: Set(key.clone()),
            wip_limit: Set(None),
            archived: Set(false),
            version: Set(1),
            ..Default::default()
        })
        .exec(&txn)
        .await?
        .last_insert_id;
        column_ids.push(id);
        last = Some(key);
    }
    column_ids.truncate(columns);
    let mut label_ids = Vec::new();
    for (name, colour) in [("Design", "purple"), ("Build", "blue"), ("Urgent", "red")] {
        let id = board_label::Entity::insert(board_label::ActiveModel {
            board_id: Set(board_id),
            name: Set(name.into()),
            color: Set(colour.into()),
            ..Default::default()
        })
        .exec(&txn)
        .await?
        .last_insert_id;
        label_ids.push(id);
    }
    let now = now_ms();
    let mut rows = Vec::with_capacity(cards);
    for (c, column) in column_ids.iter().enumerate() {
        let count = cards / columns + usize::from(c < cards % columns);
        for (i, key) in rank::spread(count).into_iter().enumerate() {
            rows.push(card::ActiveModel {
                board_id: Set(board_id),
                column_id: Set(*column),
                rank: Set(key),
                title: Set(format!("Task {} in column {}", i + 1, c + 1)),
                description: Set(String::new()),
                cover: Set(None),
                due_on: Set((i % 10 == 0).then(|| format!("2026-{:02}-15", 1 + i % 12))),
                milestone_id: Set(None),
                state: Set(card::State::Active),
                version: Set(1),
                created_by: Set(owner),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            });
        }
    }
    while !rows.is_empty() {
        let rest = rows.split_off(rows.len().min(400));
        card::Entity::insert_many(std::mem::replace(&mut rows, rest))
            .exec_without_returning(&txn)
            .await?;
    }
    let ids: Vec<i32> = card::Entity::find()
        .select_only()
        .column(card::Column::Id)
        .filter(card::Column::BoardId.eq(board_id))
        .into_tuple()
        .all(&txn)
        .await?;
    let labelled: Vec<card_label::ActiveModel> = ids
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 3 == 0)
        .map(|(i, id)| card_label::ActiveModel {
            card_id: Set(*id),
            label_id: Set(label_ids[i % label_ids.len()]),
            board_id: Set(board_id),
        })
        .collect();
    for chunk in labelled.chunks(400) {
        card_label::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(BigBoard {
        board_id,
        path: format!("/boards/{board_id}"),
        cookies: members.into_iter().map(|m| m.cookie).collect(),
        cards: ids.len(),
    })
}
