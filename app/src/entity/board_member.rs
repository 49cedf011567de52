//! `board_members`: who may read and change a board.

use sea_orm::entity::prelude::*;

/// One member of one board.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "board_members")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub board_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i32,
    /// Unix milliseconds.
    pub added_at: i64,
}

/// Relations of `board_members`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
