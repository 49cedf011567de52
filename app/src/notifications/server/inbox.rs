//! Reading one's own notifications and marking them read (every query is
//! scoped to the caller, so nobody reads or marks another's).

use super::raise::to_view;
use crate::entity::notification;
use crate::error::AppError;
use crate::live::protocol::Event;
use crate::live::server::hub::{Hub, now_ms};
use crate::live::server::log;
use crate::notifications::model::NotificationView;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, TransactionTrait,
};

/// The newest notifications of `user` (unread only, or all), at most 100.
pub async fn list(
    db: &DatabaseConnection,
    user: i32,
    unread_only: bool,
) -> Result<Vec<NotificationView>, AppError> {
    let mut query = notification::Entity::find().filter(notification::Column::UserId.eq(user));
    if unread_only {
        query = query.filter(notification::Column::ReadAt.is_null());
    }
    Ok(query
        .order_by_desc(notification::Column::UpdatedAt)
        .order_by_desc(notification::Column::Id)
        .limit(100)
        .all(db)
        .await?
        .iter()
        .map(to_view)
        .collect())
}

/// How many unread notifications `user` has.
pub async fn unread_count(db: &DatabaseConnection, user: i32) -> Result<u64, AppError> {
    Ok(notification::Entity::find()
        .filter(notification::Column::UserId.eq(user))
        .filter(notification::Column::ReadAt.is_null())
        .count(db)
        .await?)
}

/// Marks one of `user`'s notifications read; another's answers "not found".
pub async fn mark_read(
    db: &DatabaseConnection,
    hub: &Hub,
    user: i32,
    id: i64,
) -> Result<(), AppError> {
    let txn = db.begin().await?;
    let owned = notification::Entity::find_by_id(id)
        .filter(notification::Column::UserId.eq(user))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if owned.read_at.is_some() {
        return Ok(());
    }
    notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(now_ms()))
        .filter(notification::Column::Id.eq(id))
        .filter(notification::Column::UserId.eq(user))
        .exec(&txn)
        .await?;
    let stored = log::append(
        &txn,
        vec![(
            user,
            Event::NotificationsRead {
                ids: vec![id],
                all: false,
            },
        )],
    )
    .await?;
    txn.commit().await?;
    log::publish(hub, stored);
    Ok(())
}

/// Marks every unread notification of `user` read.
pub async fn mark_all_read(db: &DatabaseConnection, hub: &Hub, user: i32) -> Result<u64, AppError> {
    let txn = db.begin().await?;
    let done = notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(now_ms()))
        .filter(notification::Column::UserId.eq(user))
        .filter(notification::Column::ReadAt.is_null())
        .exec(&txn)
        .await?
        .rows_affected;
    let stored = log::append(
        &txn,
        vec![(
            user,
            Event::NotificationsRead {
                ids: Vec::new(),
                all: true,
            },
        )],
    )
    .await?;
    txn.commit().await?;
    log::publish(hub, stored);
    Ok(done)
}
