//! `messages`: one chat message or system line; deleted ones stay as tombstones.

use sea_orm::entity::prelude::*;

/// Who wrote a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum Kind {
    /// Written by a member.
    #[sea_orm(string_value = "text")]
    Text,
    /// Written by Guild (e.g. "Milestone delivered").
    #[sea_orm(string_value = "system")]
    System,
}

/// A message.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "messages")]
pub struct Model {
    /// Orders the conversation.
    #[sea_orm(primary_key)]
    pub id: i64,
    pub conversation_id: i32,
    /// `None` for system lines.
    pub sender_id: Option<i32>,
    /// The sender's own id for the message, unique per sender (retries).
    pub client_id: Option<String>,
    pub kind: Kind,
    /// The text (empty once deleted).
    #[sea_orm(column_type = "Text")]
    pub body: String,
    /// Unix milliseconds.
    pub created_at: i64,
    pub edited_at: Option<i64>,
    pub deleted_at: Option<i64>,
}

/// Relations of `messages`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
