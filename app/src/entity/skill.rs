//! `skills`: a skill tag; `slug` is its lower-cased key.

use sea_orm::entity::prelude::*;

/// A skill tag; `slug` is its lower-cased key.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "skills")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
    pub slug: String,
}

/// Relations of `skills`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
