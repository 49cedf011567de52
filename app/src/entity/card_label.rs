//! `card_labels`: which labels a card carries.

use sea_orm::entity::prelude::*;

/// One label on one card.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "card_labels")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub card_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub label_id: i32,
    /// The board (to load a whole board's labels in one query).
    pub board_id: i32,
}

/// Relations of `card_labels`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
