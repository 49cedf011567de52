//! Suspended accounts: the check at log-in and on every request, and the
//! SQL that keeps a suspended account's public profile and gigs out of
//! every listing. A suspension ends by itself at `suspended_until`.

use super::now;
use crate::entity::user;
use crate::error::AppError;
use crate::moderation::model::SUSPENDED_FOREVER;
use crate::ui::format;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashSet;

/// Whether `account` is suspended at `at` (Unix seconds).
pub fn is_suspended_at(account: &user::Model, at: i64) -> bool {
    account.suspended_until.is_some_and(|until| until > at)
}

/// Whether `account` is suspended now.
pub fn is_suspended(account: &user::Model) -> bool {
    is_suspended_at(account, now())
}

/// "until 5 Jan 2027" or "permanently".
pub fn until_label(until: i64) -> String {
    if until >= SUSPENDED_FOREVER {
        "permanently".into()
    } else {
        format!("until {}", format::date(until))
    }
}

/// What a suspended account is told when it tries to log in.
pub fn refusal(account: &user::Model) -> AppError {
    let until = until_label(account.suspended_until.unwrap_or(SUSPENDED_FOREVER));
    let reason = account.suspension_reason.trim();
    let mut message = format!("Your account is suspended {until}.");
    if !reason.is_empty() {
        message.push_str(&format!(" Reason: {reason}"));
    }
    AppError::Forbidden(message)
}

/// A sub-select of the ids of accounts suspended at `at`, for
/// `… NOT IN {suspended_ids_sql}` in listing queries (`at` is a number, so
/// formatting it into the SQL is safe).
pub fn suspended_ids_sql(at: i64) -> String {
    format!("(SELECT id FROM users WHERE suspended_until > {at})")
}

/// ` AND …`: the rows of `alias` an admin has not hidden and whose owner
/// (`alias.owner`) is not suspended now, for public listings.
pub fn shown_sql(alias: &str, owner: &str) -> String {
    format!(
        " AND {alias}.hidden_at IS NULL AND {alias}.{owner} NOT IN {}",
        suspended_ids_sql(now())
    )
}

/// Which of `ids` are suspended now (one query).
pub async fn suspended_among(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<HashSet<i32>, AppError> {
    if ids.is_empty() {
        return Ok(HashSet::new());
    }
    let rows: Vec<i32> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::Id.is_in(ids.to_vec()))
        .filter(user::Column::SuspendedUntil.gt(now()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}

/// Whether the account `id` is suspended now.
pub async fn is_suspended_id(db: &impl ConnectionTrait, id: i32) -> Result<bool, AppError> {
    Ok(suspended_among(db, &[id]).await?.contains(&id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(until: Option<i64>, reason: &str) -> user::Model {
        user::Model {
            id: 1,
            email: "a@example.com".into(),
            username: "a".into(),
            display_name: "A".into(),
            password_hash: String::new(),
            has_client: true,
            has_freelancer: false,
            active_mode: "client".into(),
            is_admin: false,
            is_super_admin: false,
            created_at: 0,
            updated_at: 0,
            suspended_until: until,
            suspension_reason: reason.into(),
            totp_secret: String::new(),
            totp_enabled_at: None,
            totp_last_step: 0,
        }
    }

    #[test]
    fn a_suspension_ends_by_itself() {
        let a = account(Some(100), "spam");
        assert!(is_suspended_at(&a, 99));
        assert!(!is_suspended_at(&a, 100));
        assert!(!is_suspended_at(&account(None, ""), 0));
    }

    #[test]
    fn the_refusal_says_why_and_until_when() {
        let temporary = refusal(&account(Some(1_798_761_600), "Spam in gigs"));
        assert_eq!(
            temporary.to_string(),
            "Your account is suspended until 1 Jan 2027. Reason: Spam in gigs"
        );
        assert_eq!(temporary.status(), 403);
        let forever = refusal(&account(Some(SUSPENDED_FOREVER), "Fraud"));
        assert_eq!(
            forever.to_string(),
            "Your account is suspended permanently. Reason: Fraud"
        );
    }
}
