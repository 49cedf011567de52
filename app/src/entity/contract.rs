//! `contracts`: a contract made by accepting a proposal.

use sea_orm::entity::prelude::*;

/// A contract made by accepting a proposal.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "contracts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub gig_id: i32,
    pub proposal_id: i32,
    pub client_id: i32,
    pub freelancer_id: i32,
    pub title: String,
    pub price_type: String,
    pub amount_cents: i64,
    pub currency: String,
    pub status: String,
    pub cancel_requested_by: Option<i32>,
    pub created_at: i64,
    pub completed_at: Option<i64>,
    pub cancelled_at: Option<i64>,
}

/// Relations of `contracts`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
