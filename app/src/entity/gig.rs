//! `gigs`: a gig (project) or learning request (lesson).

use sea_orm::entity::prelude::*;

/// A gig (project) or learning request (lesson).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "gigs")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub owner_id: i32,
    pub kind: String,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    pub budget_type: String,
    pub budget_min_cents: i64,
    pub budget_max_cents: i64,
    pub currency: String,
    pub deadline: Option<String>,
    pub visibility: String,
    pub remote: bool,
    pub city: String,
    pub country: String,
    pub subject: String,
    pub level: String,
    #[sea_orm(column_type = "Text")]
    pub goals: String,
    pub sessions_wanted: Option<i32>,
    pub status: String,
    #[sea_orm(column_type = "Text")]
    pub rejection_reason: String,
    pub created_at: i64,
    /// Bumped by every edit; an admin's decision names the revision it saw.
    pub revision: i32,
    /// Digest of the public text as an admin last approved it.
    pub approved_digest: String,
    pub updated_at: i64,
    pub published_at: Option<i64>,
    /// Hidden by an admin (Unix seconds); shown only to its owner and admins.
    pub hidden_at: Option<i64>,
}

/// Relations of `gigs`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
