//! `audit_log`: security-relevant actions (capability grants, admin creation).

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
}

/// Relations of `audit_log`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
