//! Filing reports: who may report what, and one open report per reporter
//! and object (a unique partial index; a clash is a conflict, not a 500).

use crate::accounts::model::CurrentUser;
use crate::accounts::server::{now, repo};
use crate::entity::{freelancer_profile, gig, message, report, review};
use crate::error::{AppError, FormErrors};
use crate::market::ProfileStatus;
use crate::moderation::model::{ObjectKind, ReportReason, ReportStatus};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait, SqlErr};

/// The longest report text.
pub const MAX_DETAIL_CHARS: usize = 1000;

fn invalid(field: &str, message: &str) -> AppError {
    let mut errors = FormErrors::new();
    errors.add(field, message);
    AppError::Invalid(errors)
}

/// The reporter's words, trimmed: required for "something else", at most
/// [`MAX_DETAIL_CHARS`], no control characters but line breaks.
pub fn check_detail(reason: ReportReason, detail: &str) -> Result<String, AppError> {
    let detail = detail.trim();
    if reason == ReportReason::Other && detail.chars().count() < 3 {
        return Err(invalid("detail", "Tell the admins what is wrong with it."));
    }
    if detail.chars().count() > MAX_DETAIL_CHARS {
        return Err(invalid("detail", "Keep it under 1,000 characters."));
    }
    if detail
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(invalid("detail", "Remove the control characters."));
    }
    Ok(detail.to_string())
}

/// Stores a report (after the object's own checks). A second open report
/// of the same object by the same person is a conflict.
pub async fn file(
    db: &impl ConnectionTrait,
    reporter: i32,
    kind: ObjectKind,
    object_id: i64,
    reason: ReportReason,
    detail: &str,
) -> Result<i32, AppError> {
    let inserted = report::Entity::insert(report::ActiveModel {
        reporter_id: Set(reporter),
        kind: Set(kind),
        object_id: Set(object_id),
        reason: Set(reason),
        detail: Set(detail.to_string()),
        status: Set(ReportStatus::Open),
        created_at: Set(now()),
        resolved_at: Set(None),
        resolved_by: Set(None),
        ..Default::default()
    })
    .exec(db)
    .await;
    match inserted {
        Ok(done) => Ok(done.last_insert_id),
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            Err(AppError::Conflict(FormErrors::new().with_form(format!(
                "You already reported this {}. An admin will look at it.",
                kind.label().to_lowercase()
            ))))
        }
        Err(e) => Err(e.into()),
    }
}

/// The account behind an object (the author of content, the account
/// itself for a user), or 404.
pub async fn author_of(
    db: &impl ConnectionTrait,
    kind: ObjectKind,
    object_id: i64,
) -> Result<i32, AppError> {
    let small = i32::try_from(object_id).map_err(|_| AppError::NotFound);
    let author = match kind {
        ObjectKind::Profile => freelancer_profile::Entity::find_by_id(small?)
            .one(db)
            .await?
            .map(|p| p.user_id),
        ObjectKind::Gig => gig::Entity::find_by_id(small?)
            .one(db)
            .await?
            .map(|g| g.owner_id),
        ObjectKind::Review => review::Entity::find_by_id(small?)
            .one(db)
            .await?
            .map(|r| r.reviewer_id),
        ObjectKind::Message => message::Entity::find_by_id(object_id)
            .one(db)
            .await?
            .and_then(|m| m.sender_id),
        ObjectKind::User => repo::find_by_id(db, small?).await?.map(|u| u.id),
    };
    author.ok_or(AppError::NotFound)
}

/// Files `reporter`'s report of a profile, gig or review they can see and
/// did not write (messages are reported through the chat, which checks
/// membership first).
pub async fn report(
    db: &sea_orm::DatabaseConnection,
    reporter: &CurrentUser,
    kind: ObjectKind,
    object_id: i64,
    reason: ReportReason,
    detail: &str,
) -> Result<(), AppError> {
    let detail = check_detail(reason, detail)?;
    let id = i32::try_from(object_id).map_err(|_| AppError::NotFound)?;
    let author = match kind {
        ObjectKind::Gig => {
            let row = crate::gigs::server::service::find(db, id).await?;
            if !crate::gigs::server::service::may_view(db, &row, Some(reporter)).await? {
                return Err(AppError::NotFound);
            }
            row.owner_id
        }
        ObjectKind::Profile => {
            let account = repo::find_by_id(db, id).await?.ok_or(AppError::NotFound)?;
            let profile = freelancer_profile::Entity::find_by_id(id)
                .one(db)
                .await?
                .ok_or(AppError::NotFound)?;
            let shown = profile.status == ProfileStatus::Approved.as_str()
                && crate::profiles::server::access::publicly_shown(db, &account).await?;
            if !shown {
                return Err(AppError::NotFound);
            }
            id
        }
        ObjectKind::Review => {
            let row = review::Entity::find_by_id(id)
                .one(db)
                .await?
                .filter(|r| r.visible_at <= now() && r.hidden_at.is_none())
                .ok_or(AppError::NotFound)?;
            row.reviewer_id
        }
        ObjectKind::Message | ObjectKind::User => {
            return Err(invalid(
                "kind",
                "Report a profile, a gig, a review, or a message from its conversation.",
            ));
        }
    };
    if author == reporter.id {
        return Err(AppError::Forbidden(format!(
            "You can't report your own {}.",
            kind.label().to_lowercase()
        )));
    }
    file(db, reporter.id, kind, object_id, reason, &detail).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn something_else_needs_words() {
        assert!(check_detail(ReportReason::Other, "  ").is_err());
        assert!(check_detail(ReportReason::Spam, "").is_ok());
        assert_eq!(
            check_detail(ReportReason::Other, " asks for bank details ").unwrap(),
            "asks for bank details"
        );
        assert!(check_detail(ReportReason::Spam, &"x".repeat(MAX_DETAIL_CHARS + 1)).is_err());
        assert!(check_detail(ReportReason::Spam, "bell\u{7}").is_err());
    }
}
