//! `recovery_codes`: single-use codes for signing in without the
//! authenticator, stored as SHA-256 hashes.

use sea_orm::entity::prelude::*;

/// One recovery code.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "recovery_codes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: i32,
    /// Hex SHA-256 of the normalised code.
    pub code_hash: String,
    pub created_at: i64,
    /// When it was used (a used code never works again).
    pub used_at: Option<i64>,
}

/// Relations of `recovery_codes`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
