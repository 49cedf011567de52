//! `notifications`: what happened for one user, with read state.

use crate::notifications::model::NotificationKind;
use sea_orm::entity::prelude::*;

/// One notification (messages in one conversation are coalesced into one).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notifications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub user_id: i32,
    pub kind: NotificationKind,
    #[sea_orm(column_type = "Text")]
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub body: String,
    pub link: String,
    /// Unread notifications with the same key are coalesced.
    pub group_key: Option<String>,
    pub count: i32,
    pub read_at: Option<i64>,
    /// Unix milliseconds.
    pub created_at: i64,
    pub updated_at: i64,
}

/// Relations of `notifications`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
