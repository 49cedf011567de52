//! `portfolio_items`: an external portfolio link.

use sea_orm::entity::prelude::*;

/// An external portfolio link.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "portfolio_items")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: i32,
    pub title: String,
    pub url: String,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    pub thumbnail_url: Option<String>,
    pub position: i32,
}

/// Relations of `portfolio_items`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
