//! `conversations`: a client–freelancer conversation; records who wrote first.

use sea_orm::entity::prelude::*;

/// A client–freelancer conversation; records who wrote first.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "conversations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub client_id: i32,
    pub freelancer_id: i32,
    pub started_by: i32,
    pub created_at: i64,
}

/// Relations of `conversations`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
