//! `saved_talent`: a bookmarked freelancer.

use sea_orm::entity::prelude::*;

/// A bookmarked freelancer.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "saved_talent")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub freelancer_id: i32,
    pub created_at: i64,
}

/// Relations of `saved_talent`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
