//! `live_cursors`: each user's newest event sequence number, and how far
//! their event log has been pruned.

use sea_orm::entity::prelude::*;

/// One user's cursor.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "live_cursors")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i32,
    pub last_seq: i64,
    /// Events up to this sequence number are gone: older resumes resync.
    pub pruned_through: i64,
}

/// Relations of `live_cursors`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
