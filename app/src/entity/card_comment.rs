//! `card_comments`: comments on a card.

use sea_orm::entity::prelude::*;

/// One comment.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "card_comments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub card_id: i32,
    pub author_id: i32,
    pub body: String,
    /// Unix milliseconds.
    pub created_at: i64,
    /// When its author last edited it, Unix milliseconds.
    pub edited_at: Option<i64>,
}

/// Relations of `card_comments`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
