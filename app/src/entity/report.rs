//! `reports`: someone reported a profile, gig, review or message to the admins.

use crate::moderation::model::{ObjectKind, ReportReason, ReportStatus};
use sea_orm::entity::prelude::*;

/// One report (at most one open per reporter and object).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub reporter_id: i32,
    pub kind: ObjectKind,
    /// The object's id (a profile is named by its user's id).
    pub object_id: i64,
    pub reason: ReportReason,
    #[sea_orm(column_type = "Text")]
    pub detail: String,
    pub status: ReportStatus,
    pub created_at: i64,
    pub resolved_at: Option<i64>,
    pub resolved_by: Option<i32>,
}

/// Relations of `reports`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
