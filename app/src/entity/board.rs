//! `boards`: a kanban board, either a hired team's (one per gig with
//! contracts) or a personal one.

use sea_orm::entity::prelude::*;

/// Whose board it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum Kind {
    /// A gig's team: the client and every freelancer hired on it.
    #[sea_orm(string_value = "contract")]
    Contract,
    /// Someone's own board, shared by invitation.
    #[sea_orm(string_value = "personal")]
    Personal,
}

/// A board.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "boards")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Contract or personal.
    pub kind: Kind,
    /// The gig of a contract board.
    pub gig_id: Option<i32>,
    /// Who created it (the client, for a contract board).
    pub owner_id: i32,
    /// The board's name.
    pub title: String,
    /// Unix milliseconds.
    pub created_at: i64,
}

/// Relations of `boards`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
