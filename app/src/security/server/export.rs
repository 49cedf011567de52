//! "Download my data": everything Guild holds about an account as one JSON
//! document (secrets excluded: the password hash, the TOTP secret and
//! session ids).

use super::sessions;
use crate::accounts::server::{now, repo};
use crate::entity::{
    audit_log, card_comment, client_profile, contract, conversation_member, credential,
    freelancer_profile, gig, ledger_entry, message, milestone, mode_switch, notification,
    notification_pref, portfolio_item, profile_role, profile_skill, proposal, report, review,
    saved_gig, saved_talent, suggestion, user_language,
};
use crate::error::AppError;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};

/// The export of `user_id`.
pub async fn export(db: &impl ConnectionTrait, user_id: i32) -> Result<Value, AppError> {
    let account = repo::find_by_id(db, user_id)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let contracts = contract::Entity::find()
        .filter(
            Condition::any()
                .add(contract::Column::ClientId.eq(user_id))
                .add(contract::Column::FreelancerId.eq(user_id)),
        )
        .order_by_asc(contract::Column::Id)
        .all(db)
        .await?;
    let contract_ids: Vec<i32> = contracts.iter().map(|c| c.id).collect();
    Ok(json!({
        "exported_at": now(),
        "account": {
            "id": account.id,
            "email": account.email,
            "username": account.username,
            "display_name": account.display_name,
            "client_side": account.has_client,
            "freelancer_side": account.has_freelancer,
            "active_mode": account.active_mode,
            "admin": account.is_admin,
            "super_admin": account.is_super_admin,
            "created_at": account.created_at,
            "updated_at": account.updated_at,
            "two_factor_enabled_at": account.totp_enabled_at,
            "suspended_until": account.suspended_until,
            "suspension_reason": account.suspension_reason,
        },
        "client_profile": client_profile::Entity::find_by_id(user_id).into_json().one(db).await?,
        "freelancer_profile": freelancer_profile::Entity::find_by_id(user_id).into_json().one(db).await?,
        "profile_roles": profile_role::Entity::find().filter(profile_role::Column::UserId.eq(user_id)).into_json().all(db).await?,
        "profile_skills": profile_skill::Entity::find().filter(profile_skill::Column::UserId.eq(user_id)).into_json().all(db).await?,
        "credentials": credential::Entity::find().filter(credential::Column::UserId.eq(user_id)).into_json().all(db).await?,
        "languages": user_language::Entity::find().filter(user_language::Column::UserId.eq(user_id)).into_json().all(db).await?,
        "portfolio": portfolio_item::Entity::find().filter(portfolio_item::Column::UserId.eq(user_id)).into_json().all(db).await?,
        "gigs": gig::Entity::find().filter(gig::Column::OwnerId.eq(user_id)).into_json().all(db).await?,
        "proposals": proposal::Entity::find().filter(proposal::Column::FreelancerId.eq(user_id)).into_json().all(db).await?,
        "contracts": contract::Entity::find().filter(contract::Column::Id.is_in(contract_ids.clone())).into_json().all(db).await?,
        "milestones": milestone::Entity::find().filter(milestone::Column::ContractId.is_in(contract_ids.clone())).into_json().all(db).await?,
        "ledger_entries": ledger_entry::Entity::find().filter(ledger_entry::Column::ContractId.is_in(contract_ids)).into_json().all(db).await?,
        "reviews_written": review::Entity::find().filter(review::Column::ReviewerId.eq(user_id)).into_json().all(db).await?,
        "reviews_received": review::Entity::find().filter(review::Column::RevieweeId.eq(user_id)).filter(review::Column::VisibleAt.lte(now())).into_json().all(db).await?,
        "conversations": conversation_member::Entity::find().filter(conversation_member::Column::UserId.eq(user_id)).into_json().all(db).await?,
        "messages_sent": message::Entity::find().filter(message::Column::SenderId.eq(user_id)).order_by_asc(message::Column::Id).into_json().all(db).await?,
        "card_comments": card_comment::Entity::find().filter(card_comment::Column::AuthorId.eq(user_id)).into_json().all(db).await?,
        "notifications": notification::Entity::find().filter(notification::Column::UserId.eq(user_id)).into_json().all(db).await?,
        "notification_preferences": notification_pref::Entity::find().filter(notification_pref::Column::UserId.eq(user_id)).into_json().all(db).await?,
        "saved_gigs": saved_gig::Entity::find().filter(saved_gig::Column::UserId.eq(user_id)).into_json().all(db).await?,
        "saved_talent": saved_talent::Entity::find().filter(saved_talent::Column::UserId.eq(user_id)).into_json().all(db).await?,
        "suggestion_history": suggestion::Entity::find().filter(suggestion::Column::UserId.eq(user_id)).into_json().all(db).await?,
        "mode_switches": mode_switch::Entity::find().filter(mode_switch::Column::UserId.eq(user_id)).into_json().all(db).await?,
        "reports_filed": report::Entity::find().filter(report::Column::ReporterId.eq(user_id)).into_json().all(db).await?,
        "audit_entries_about_me": audit_log::Entity::find().filter(audit_log::Column::TargetUserId.eq(user_id)).into_json().all(db).await?,
        "sessions": sessions::list(db, user_id, None).await?,
    }))
}
