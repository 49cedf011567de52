//! `conversations`: a direct conversation between two people (a client and a
//! freelancer; records who wrote first) or a gig team's group conversation.

use sea_orm::entity::prelude::*;

/// What a conversation is between.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum Kind {
    /// Two people: a client and a freelancer.
    #[sea_orm(string_value = "direct")]
    Direct,
    /// A gig's client and every freelancer hired on it.
    #[sea_orm(string_value = "team")]
    Team,
}

/// A conversation.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "conversations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The client (for a team conversation: the gig's owner).
    pub client_id: i32,
    /// The freelancer (for a team conversation: the first one hired).
    pub freelancer_id: i32,
    /// Who opened the conversation.
    pub started_by: i32,
    /// Unix seconds.
    pub created_at: i64,
    /// Direct or team.
    pub kind: Kind,
    /// The gig of a team conversation.
    pub gig_id: Option<i32>,
    /// The newest message's id (0 before the first).
    pub last_message_id: i64,
    /// Unix milliseconds of the newest message (or of creation).
    pub last_activity_at: i64,
}

/// Relations of `conversations`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
