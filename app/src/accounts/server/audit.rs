//! Appending to the audit log (who, what, on whom, which object, why,
//! when), in the transaction of the action. Nothing in the app updates or
//! deletes an entry.

use super::now;
use crate::entity::audit_log;
use crate::error::AppError;
use crate::moderation::model::ObjectKind;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};

/// One action to record.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// Who acted (`None` for the command line).
    pub actor: Option<i32>,
    /// What, e.g. `content.hide`.
    pub action: &'a str,
    /// The account concerned.
    pub target: Option<i32>,
    /// The object acted on.
    pub object: Option<(ObjectKind, i64)>,
    /// The reason given.
    pub reason: &'a str,
    /// More detail (e.g. how long a suspension lasts).
    pub detail: String,
}

/// Appends `entry` (in the caller's transaction).
pub async fn record(db: &impl ConnectionTrait, entry: Entry<'_>) -> Result<(), AppError> {
    audit_log::ActiveModel {
        actor_id: Set(entry.actor),
        action: Set(entry.action.into()),
        target_user_id: Set(entry.target),
        detail: Set(entry.detail),
        created_at: Set(now()),
        object_kind: Set(entry
            .object
            .map(|(k, _)| k.as_str().to_string())
            .unwrap_or_default()),
        object_id: Set(entry.object.map(|(_, id)| id)),
        reason: Set(entry.reason.into()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
