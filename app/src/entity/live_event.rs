//! `live_events`: the per-user event log that a reconnecting socket resumes from.

use sea_orm::entity::prelude::*;

/// One event for one user.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "live_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub seq: i64,
    /// The event as protocol JSON.
    #[sea_orm(column_type = "Text")]
    pub payload: String,
    /// Unix milliseconds.
    pub created_at: i64,
}

/// Relations of `live_events`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
