//! `credentials`: an education entry or certificate of a freelancer.

use sea_orm::entity::prelude::*;

/// An education entry or certificate of a freelancer.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "credentials")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: i32,
    pub kind: String,
    pub title: String,
    pub institution: String,
    pub year: Option<i32>,
}

/// Relations of `credentials`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
