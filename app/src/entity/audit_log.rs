//! `audit_log`: security-relevant and moderation actions (capability grants,
//! admin creation, hides, warnings, suspensions). Append-only: the app
//! never updates or deletes a row.

use sea_orm::entity::prelude::*;

/// One audited action.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Who acted; `None` for the command line.
    pub actor_id: Option<i32>,
    pub action: String,
    pub target_user_id: Option<i32>,
    #[sea_orm(column_type = "Text")]
    pub detail: String,
    pub created_at: i64,
    /// The kind of object acted on (`gig`, `profile`, `review`, `message`,
    /// `report`, `user`), empty when the action names only a user.
    pub object_kind: String,
    /// The object's id.
    pub object_id: Option<i64>,
    /// The reason the admin gave.
    #[sea_orm(column_type = "Text")]
    pub reason: String,
}

/// Relations of `audit_log`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
