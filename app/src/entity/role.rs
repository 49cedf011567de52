//! `roles`: a role of the taxonomy (`app/data/roles/roles.csv`).

use sea_orm::entity::prelude::*;

/// A role of the taxonomy (`app/data/roles/roles.csv`).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "roles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub name: String,
    pub category: String,
    #[sea_orm(column_type = "Text")]
    pub covers: String,
    pub position: i32,
}

/// Relations of `roles`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
