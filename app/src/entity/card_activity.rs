//! `card_activity`: who moved or changed what on a card, and when.

use sea_orm::entity::prelude::*;

/// One line of a card's history.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "card_activity")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub board_id: i32,
    pub card_id: i32,
    /// Who did it (none: Guild itself).
    pub actor_id: Option<i32>,
    /// What happened, as a sentence.
    pub line: String,
    /// Unix milliseconds.
    pub created_at: i64,
}

/// Relations of `card_activity`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
