//! `suggestions`: a user's past need statements and the roles suggested.

use sea_orm::entity::prelude::*;

/// One suggestion.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "suggestions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: i32,
    #[sea_orm(column_type = "Text")]
    pub text: String,
    /// Suggested role ids, comma-separated, best first.
    #[sea_orm(column_type = "Text")]
    pub roles: String,
    pub created_at: i64,
}

/// Relations of `suggestions`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
