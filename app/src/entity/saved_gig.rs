//! `saved_gigs`: a bookmarked gig.

use sea_orm::entity::prelude::*;

/// A bookmarked gig.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "saved_gigs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub gig_id: i32,
    pub created_at: i64,
}

/// Relations of `saved_gigs`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
