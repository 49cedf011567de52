//! `client_profiles`: a client's or student's profile (private).

use sea_orm::entity::prelude::*;

/// A client's or student's profile (private).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "client_profiles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i32,
    pub city: String,
    pub country: String,
    #[sea_orm(column_type = "Text")]
    pub about: String,
    #[sea_orm(column_type = "Text")]
    pub learning_goals: String,
    pub created_at: i64,
    pub updated_at: i64,
}

/// Relations of `client_profiles`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
