//! `reviews`: a review of one party of a completed contract by the other.

use sea_orm::entity::prelude::*;

/// A review of one party of a completed contract by the other.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "reviews")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub contract_id: i32,
    pub reviewer_id: i32,
    pub reviewee_id: i32,
    pub rating: i32,
    #[sea_orm(column_type = "Text")]
    pub body: String,
    pub created_at: i64,
    pub visible_at: i64,
    /// Hidden by an admin (Unix seconds); shown only to its author and admins.
    pub hidden_at: Option<i64>,
}

/// Relations of `reviews`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
