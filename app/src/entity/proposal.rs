//! `proposals`: a freelancer's proposal on a gig.

use sea_orm::entity::prelude::*;

/// A freelancer's proposal on a gig.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "proposals")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub gig_id: i32,
    pub freelancer_id: i32,
    #[sea_orm(column_type = "Text")]
    pub cover_letter: String,
    pub price_type: String,
    pub amount_cents: i64,
    pub sessions: Option<i32>,
    pub duration_days: i32,
    pub status: String,
    #[sea_orm(column_type = "Text")]
    pub rejection_reason: String,
    pub created_at: i64,
    pub updated_at: i64,
}

/// Relations of `proposals`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
