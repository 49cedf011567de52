//! `board_columns`: a board's columns, ordered by fractional rank.

use sea_orm::entity::prelude::*;

/// A column.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "board_columns")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub board_id: i32,
    pub name: String,
    /// Fractional rank among the board's columns.
    pub rank: String,
    /// A soft limit on the cards in it (a warning, not a block).
    pub wip_limit: Option<i32>,
    pub archived: bool,
    /// Bumped on every change; a write against an older one is refused.
    pub version: i32,
}

/// Relations of `board_columns`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
