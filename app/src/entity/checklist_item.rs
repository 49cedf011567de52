//! `checklist_items`: a card's checklist.

use sea_orm::entity::prelude::*;

/// One checklist item.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "checklist_items")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub card_id: i32,
    pub text: String,
    pub done: bool,
    /// Fractional rank within the checklist.
    pub rank: String,
}

/// Relations of `checklist_items`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
