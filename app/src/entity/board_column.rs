//! `board_columns`: a board's columns, ordered by fractional rank.

use sea_orm::entity::prelude::*;

/// What a column stands for on a team board: milestone cards follow the
/// columns with these roles, whatever the team calls them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum Role {
    /// Delivered work waits here for the client.
    #[sea_orm(string_value = "review")]
    Review,
    /// Approved work lands here.
    #[sea_orm(string_value = "done")]
    Done,
}

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
    /// Where milestone cards go at a stage, if anywhere.
    pub role: Option<Role>,
    /// Bumped on every change; a write against an older one is refused.
    pub version: i32,
}

/// Relations of `board_columns`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
