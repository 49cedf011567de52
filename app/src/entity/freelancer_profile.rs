//! `freelancer_profiles`: a freelancer's or coach's profile (one per account holding that side).

use sea_orm::entity::prelude::*;

/// A freelancer's or coach's profile (one per account holding that side).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "freelancer_profiles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i32,
    pub kind: String,
    pub tagline: String,
    #[sea_orm(column_type = "Text")]
    pub bio: String,
    pub city: String,
    pub country: String,
    pub hourly_rate_cents: Option<i64>,
    pub currency: String,
    pub availability: String,
    pub years_experience: i32,
    #[sea_orm(column_type = "Text")]
    pub experience: String,
    pub teaching_format: String,
    pub teaching_levels: String,
    pub status: String,
    #[sea_orm(column_type = "Text")]
    pub rejection_reason: String,
    pub onboarding_step: i32,
    pub rating_avg: Option<f64>,
    pub review_count: i32,
    pub submitted_at: Option<i64>,
    pub reviewed_at: Option<i64>,
    pub created_at: i64,
    /// Bumped by every edit; an admin's decision names the revision it saw.
    pub revision: i32,
    /// Digest of the public text as an admin last approved it.
    pub approved_digest: String,
    pub updated_at: i64,
    /// Hidden by an admin (Unix seconds); shown only to its owner and admins.
    pub hidden_at: Option<i64>,
}

/// Relations of `freelancer_profiles`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
