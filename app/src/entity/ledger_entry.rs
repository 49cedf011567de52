//! `ledger_entries`: an earning recorded when a milestone is approved.

use sea_orm::entity::prelude::*;

/// An earning recorded when a milestone is approved.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "ledger_entries")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub contract_id: i32,
    pub milestone_id: i32,
    pub freelancer_id: i32,
    pub client_id: i32,
    pub amount_cents: i64,
    pub currency: String,
    pub created_at: i64,
}

/// Relations of `ledger_entries`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
