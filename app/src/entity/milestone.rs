//! `milestones`: a milestone of a contract.

use sea_orm::entity::prelude::*;

/// A milestone of a contract.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "milestones")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub contract_id: i32,
    pub position: i32,
    pub title: String,
    pub amount_cents: i64,
    pub due_date: Option<String>,
    pub status: String,
    pub submitted_at: Option<i64>,
    pub approved_at: Option<i64>,
}

/// Relations of `milestones`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
