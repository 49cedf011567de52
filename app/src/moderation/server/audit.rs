//! The audit log: every admin action is appended here (who, what, which
//! object, why, when) in the transaction of the action, and admins browse
//! it with filters. The app has no way to change or delete an entry.

use crate::entity::{audit_log, user};
use crate::error::AppError;
use crate::moderation::model::{AuditPage, AuditRow, ObjectKind};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

/// Entries a page of the log shows.
pub const PAGE_ROWS: u64 = 200;

pub use crate::accounts::server::audit::{Entry, record};

/// A checked filter of the log.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Only actions by this account.
    pub actor: Option<i32>,
    /// Only actions on this account.
    pub target: Option<i32>,
    /// Only this action.
    pub action: Option<String>,
    /// Only actions on this kind of object.
    pub kind: Option<ObjectKind>,
}

/// The newest [`PAGE_ROWS`] entries matching `filter`, with names.
pub async fn browse(
    db: &impl ConnectionTrait,
    filter: &AuditFilter,
) -> Result<AuditPage, AppError> {
    let mut select = audit_log::Entity::find()
        .order_by_desc(audit_log::Column::CreatedAt)
        .order_by_desc(audit_log::Column::Id)
        .limit(PAGE_ROWS);
    if let Some(actor) = filter.actor {
        select = select.filter(audit_log::Column::ActorId.eq(actor));
    }
    if let Some(target) = filter.target {
        select = select.filter(audit_log::Column::TargetUserId.eq(target));
    }
    if let Some(action) = &filter.action {
        select = select.filter(audit_log::Column::Action.eq(action.clone()));
    }
    if let Some(kind) = filter.kind {
        select = select.filter(audit_log::Column::ObjectKind.eq(kind.as_str()));
    }
    let rows = select.all(db).await?;
    let mut ids: Vec<i32> = rows
        .iter()
        .flat_map(|r| [r.actor_id, r.target_user_id])
        .flatten()
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let names: HashMap<i32, String> = user::Entity::find()
        .select_only()
        .columns([user::Column::Id, user::Column::Username])
        .filter(user::Column::Id.is_in(ids))
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let name = |id: Option<i32>, none: &str| match id {
        Some(id) => names
            .get(&id)
            .cloned()
            .unwrap_or_else(|| format!("account {id}")),
        None => none.to_string(),
    };
    let actions: Vec<String> = audit_log::Entity::find()
        .select_only()
        .column(audit_log::Column::Action)
        .group_by(audit_log::Column::Action)
        .order_by_asc(Expr::col(audit_log::Column::Action))
        .into_tuple()
        .all(db)
        .await?;
    Ok(AuditPage {
        rows: rows
            .into_iter()
            .map(|r| AuditRow {
                id: r.id,
                created_at: r.created_at,
                actor: name(r.actor_id, "command line"),
                action: r.action,
                target: name(r.target_user_id, ""),
                object: match (ObjectKind::parse(&r.object_kind), r.object_id) {
                    (Some(kind), Some(id)) => format!("{} {id}", kind.label()),
                    _ => String::new(),
                },
                reason: r.reason,
                detail: r.detail,
            })
            .collect(),
        actions,
    })
}
