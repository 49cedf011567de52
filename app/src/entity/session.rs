//! `sessions`: tower-sessions records, with the signed-in user for revocation.

use sea_orm::entity::prelude::*;

/// One stored session.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sessions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// The signed-in user, copied out of `data` so their sessions can be revoked.
    pub user_id: Option<i32>,
    /// The session's key/value data as JSON.
    #[sea_orm(column_type = "Text")]
    pub data: String,
    /// Unix seconds after which the session is void.
    pub expires_at: i64,
}

/// Relations of `sessions`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
