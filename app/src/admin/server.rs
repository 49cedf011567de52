//! Admin queries (server only).

use super::api::AdminUserRow;
use crate::entity::user;
use crate::error::AppError;
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

/// Accounts matching `query` (case-insensitive substring of name, username or email).
pub async fn list_users(
    db: &DatabaseConnection,
    query: &str,
    limit: u64,
) -> Result<Vec<AdminUserRow>, AppError> {
    let query = query.trim().to_lowercase();
    let mut select = user::Entity::find()
        .order_by_desc(user::Column::CreatedAt)
        .order_by_desc(user::Column::Id);
    if !query.is_empty() {
        let pattern = format!("%{}%", query.replace(['%', '_'], ""));
        select = select.filter(
            Condition::any()
                .add(user::Column::Username.like(pattern.clone()))
                .add(user::Column::Email.like(pattern.clone()))
                .add(Expr::expr(Func::lower(Expr::col(user::Column::DisplayName))).like(pattern)),
        );
    }
    let rows = select.limit(limit).all(db).await?;
    Ok(rows
        .into_iter()
        .map(|u| AdminUserRow {
            id: u.id,
            username: u.username,
            display_name: u.display_name,
            email: u.email,
            has_client: u.has_client,
            has_freelancer: u.has_freelancer,
            is_admin: u.is_admin,
            is_super_admin: u.is_super_admin,
            created_at: u.created_at,
        })
        .collect())
}
