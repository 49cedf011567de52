//! `conversation_members`: who is in a conversation, and what they have read.

use sea_orm::entity::prelude::*;

/// One member of one conversation.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "conversation_members")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub conversation_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i32,
    /// The newest message id this member has seen (0: none).
    pub last_read_id: i64,
    /// Unix milliseconds.
    pub joined_at: i64,
}

/// Relations of `conversation_members`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
