//! `gig_roles`: a role a gig asks for.

use sea_orm::entity::prelude::*;

/// A role a gig asks for.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "gig_roles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub gig_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub role_id: String,
}

/// Relations of `gig_roles`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
