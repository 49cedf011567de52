//! `user_languages`: a language an account speaks, with proficiency.

use sea_orm::entity::prelude::*;

/// A language an account speaks, with proficiency.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "user_languages")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub language: String,
    pub proficiency: String,
}

/// Relations of `user_languages`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
