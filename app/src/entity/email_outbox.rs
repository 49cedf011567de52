//! `email_outbox`: emails to send, kept until sent (or until SMTP is set up).

use sea_orm::entity::prelude::*;

/// One email of one notification (daily ones are sent together).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "email_outbox")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub user_id: i32,
    pub to_address: String,
    #[sea_orm(column_type = "Text")]
    pub subject: String,
    #[sea_orm(column_type = "Text")]
    pub body: String,
    /// Whether it waits for the daily digest.
    pub daily: bool,
    /// Unix milliseconds; not sent before.
    pub send_after: i64,
    pub sent_at: Option<i64>,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: i64,
}

/// Relations of `email_outbox`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
