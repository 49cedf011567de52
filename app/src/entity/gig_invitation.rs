//! `gig_invitations`: freelancers a gig's owner invited to propose.

use sea_orm::entity::prelude::*;

/// One invitation.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "gig_invitations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub gig_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub freelancer_id: i32,
    pub created_at: i64,
}

/// Relations of `gig_invitations`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
