//! `card_links`: links attached to a card.

use sea_orm::entity::prelude::*;

/// One attached link.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "card_links")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub card_id: i32,
    /// An http(s) address.
    pub url: String,
    pub title: String,
}

/// Relations of `card_links`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
