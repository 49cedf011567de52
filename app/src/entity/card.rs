//! `cards`: a board's cards, ordered within their column by fractional rank.

use sea_orm::entity::prelude::*;

/// Whether a card is on the board, archived, or in the trash.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum State {
    /// On the board.
    #[sea_orm(string_value = "active")]
    Active,
    /// Put away, kept, restorable.
    #[sea_orm(string_value = "archived")]
    Archived,
    /// Deleted, restorable until emptied.
    #[sea_orm(string_value = "trashed")]
    Trashed,
}

/// A card.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cards")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub board_id: i32,
    pub column_id: i32,
    /// Fractional rank within the column.
    pub rank: String,
    pub title: String,
    /// Markdown source.
    pub description: String,
    /// A cover colour name, if any.
    pub cover: Option<String>,
    /// Due date, `YYYY-MM-DD`.
    pub due_on: Option<String>,
    /// The contract milestone this card tracks.
    pub milestone_id: Option<i32>,
    pub state: State,
    /// Bumped on every change; a write against an older one is refused.
    pub version: i32,
    pub created_by: i32,
    /// Unix milliseconds.
    pub created_at: i64,
    /// Unix milliseconds.
    pub updated_at: i64,
}

/// Relations of `cards`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
