//! `card_assignees`: which board members a card is assigned to.

use sea_orm::entity::prelude::*;

/// One assignee of one card.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "card_assignees")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub card_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i32,
    /// The board (to load a whole board's assignees in one query).
    pub board_id: i32,
}

/// Relations of `card_assignees`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
