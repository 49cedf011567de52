//! `message_reports`: a member reported a message to the admins.

use sea_orm::entity::prelude::*;

/// One report (one per reporter and message).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "message_reports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub message_id: i64,
    pub reporter_id: i32,
    #[sea_orm(column_type = "Text")]
    pub reason: String,
    pub created_at: i64,
    pub resolved_at: Option<i64>,
}

/// Relations of `message_reports`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
