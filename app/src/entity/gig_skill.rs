//! `gig_skills`: a skill a gig asks for.

use sea_orm::entity::prelude::*;

/// A skill a gig asks for.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "gig_skills")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub gig_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub skill_id: i32,
}

/// Relations of `gig_skills`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
