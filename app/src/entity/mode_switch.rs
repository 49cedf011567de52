//! `mode_switches`: every switch between client and freelancer mode.

use sea_orm::entity::prelude::*;

/// One logged switch.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mode_switches")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: i32,
    pub from_mode: String,
    pub to_mode: String,
    pub created_at: i64,
}

/// Relations of `mode_switches`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
