//! What admins do to reported content and accounts: dismiss reports, hide
//! and restore content, warn, suspend and lift a suspension. Each action
//! is one transaction: a conditional update (`rows_affected` checked, so a
//! second admin acting on the same thing gets a conflict), the reports it
//! settles, the notices it raises and its audit entry.

use super::audit::{self, Entry};
use super::reports::author_of;
use crate::accounts::model::{CurrentUser, Role};
use crate::accounts::server::{now, repo, session, suspension};
use crate::entity::{contract, freelancer_profile, gig, report, review, user};
use crate::error::{AppError, FormErrors};
use crate::market::ContractStatus;
use crate::moderation::model::{
    ModAction, ObjectKind, ReportStatus, SUSPENDED_FOREVER, SUSPENSION_CHOICES,
};
use crate::notifications::model::NotificationKind;
use crate::notifications::server::raise::{Notice, raise};
use crate::state::AppState;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, TransactionTrait,
};

/// The longest reason.
pub const MAX_REASON_CHARS: usize = 500;

/// An admin's decision about one object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// What it is about.
    pub kind: ObjectKind,
    /// Its id.
    pub object_id: i64,
    /// What to do.
    pub action: ModAction,
    /// Why (required).
    pub reason: String,
    /// For a suspension: how many days (`None`: permanently).
    pub days: Option<i64>,
}

fn conflict(message: &str) -> AppError {
    AppError::Conflict(FormErrors::new().with_form(message))
}

/// Checks the submitted fields of a decision; every problem at once.
pub fn check(
    kind: &str,
    object_id: i64,
    action: &str,
    reason: &str,
    length: &str,
) -> Result<Decision, AppError> {
    let mut errors = FormErrors::new();
    let kind = ObjectKind::parse(kind);
    if kind.is_none() {
        errors.add("kind", "Choose what this is about.");
    }
    let action = ModAction::parse(action);
    if action.is_none() {
        errors.add("action", "Choose an action.");
    }
    let reason = reason.trim();
    if reason.chars().count() < 3 {
        errors.add("reason", "Give a reason (it goes into the audit log).");
    } else if reason.chars().count() > MAX_REASON_CHARS {
        errors.add("reason", "Keep the reason under 500 characters.");
    }
    let days = match action {
        Some(ModAction::Suspend) => match SUSPENSION_CHOICES.iter().find(|(k, _)| *k == length) {
            Some((_, days)) => *days,
            None => {
                errors.add("length", "Choose how long the suspension lasts.");
                None
            }
        },
        _ => None,
    };
    if let (Some(kind), Some(action)) = (kind, action)
        && matches!(action, ModAction::Hide | ModAction::Restore)
        && !kind.hideable()
    {
        errors.add("action", "Only profiles, gigs and reviews can be hidden.");
    }
    match (kind, action) {
        (Some(kind), Some(action)) if errors.is_empty() => Ok(Decision {
            kind,
            object_id,
            action,
            reason: reason.to_string(),
            days,
        }),
        _ => Err(AppError::Invalid(errors)),
    }
}

/// Whether `admin` may act on content by, or the account of, `author`:
/// nobody acts on a super admin's account or content, only super admins
/// act on admins, and nobody suspends or warns themselves.
fn may_act_on(
    admin: &CurrentUser,
    author: &user::Model,
    action: ModAction,
) -> Result<(), AppError> {
    if action == ModAction::Dismiss {
        return Ok(());
    }
    if author.is_super_admin {
        return Err(AppError::Forbidden(
            "Super admins can't be moderated from the app.".into(),
        ));
    }
    if author.is_admin && !admin.has_role(Role::SuperAdmin) {
        return Err(AppError::Forbidden(
            "Only a super admin can act on an admin.".into(),
        ));
    }
    if author.id == admin.id && matches!(action, ModAction::Warn | ModAction::Suspend) {
        return Err(AppError::Forbidden(
            "You can't act on your own account.".into(),
        ));
    }
    Ok(())
}

/// Carries out `decision` for `admin` (whose role the caller checked).
pub async fn moderate(
    state: &AppState,
    admin: &CurrentUser,
    decision: &Decision,
) -> Result<(), AppError> {
    let db = &state.db;
    let author_id = author_of(db, decision.kind, decision.object_id).await?;
    let author = repo::find_by_id(db, author_id)
        .await?
        .ok_or(AppError::NotFound)?;
    may_act_on(admin, &author, decision.action)?;
    let txn = db.begin().await?;
    let now = now();
    let (name, settles, mut notices, detail) = apply(&txn, decision, &author, now).await?;
    if let Some(status) = settles {
        settle_reports(&txn, admin.id, decision, status, now).await?;
    }
    notices.extend(author_notice(decision, &author));
    audit::record(
        &txn,
        Entry {
            actor: Some(admin.id),
            action: name,
            target: Some(author.id),
            object: Some((decision.kind, decision.object_id)),
            reason: &decision.reason,
            detail,
        },
    )
    .await?;
    let stored = raise(&txn, notices).await?;
    txn.commit().await?;
    crate::live::server::log::publish(&state.live, stored);
    after_commit(state, decision, &author).await
}

/// The change itself; returns the audit action, how the object's open
/// reports end, the notices for other people and the audit detail.
async fn apply(
    txn: &impl ConnectionTrait,
    decision: &Decision,
    author: &user::Model,
    now: i64,
) -> Result<(&'static str, Option<ReportStatus>, Vec<Notice>, String), AppError> {
    Ok(match decision.action {
        ModAction::Dismiss => (
            "report.dismiss",
            Some(ReportStatus::Dismissed),
            Vec::new(),
            String::new(),
        ),
        ModAction::Hide => {
            if !set_hidden(txn, decision, Some(now)).await? {
                return Err(conflict("It is already hidden."));
            }
            (
                "content.hide",
                Some(ReportStatus::Actioned),
                Vec::new(),
                String::new(),
            )
        }
        ModAction::Restore => {
            if !set_hidden(txn, decision, None).await? {
                return Err(conflict("It isn't hidden."));
            }
            ("content.restore", None, Vec::new(), String::new())
        }
        ModAction::Warn => (
            "user.warn",
            Some(ReportStatus::Actioned),
            Vec::new(),
            String::new(),
        ),
        ModAction::Suspend => {
            let until = decision
                .days
                .map_or(SUSPENDED_FOREVER, |days| now + days * 86_400);
            user::Entity::update_many()
                .col_expr(user::Column::SuspendedUntil, Expr::value(until))
                .col_expr(
                    user::Column::SuspensionReason,
                    Expr::value(decision.reason.clone()),
                )
                .filter(user::Column::Id.eq(author.id))
                .exec(txn)
                .await?;
            let notices = flag_contracts(txn, author).await?;
            (
                "user.suspend",
                Some(ReportStatus::Actioned),
                notices,
                suspension::until_label(until),
            )
        }
        ModAction::Lift => {
            let lifted = user::Entity::update_many()
                .col_expr(
                    user::Column::SuspendedUntil,
                    Expr::value(Option::<i64>::None),
                )
                .col_expr(user::Column::SuspensionReason, Expr::value(""))
                .filter(user::Column::Id.eq(author.id))
                .filter(user::Column::SuspendedUntil.gt(now))
                .exec(txn)
                .await?;
            if lifted.rows_affected == 0 {
                return Err(conflict("This account isn't suspended."));
            }
            ("user.lift", None, Vec::new(), String::new())
        }
    })
}

/// Hides (`Some(at)`) or restores (`None`) the object; `false` if it was
/// already so.
async fn set_hidden(
    txn: &impl ConnectionTrait,
    decision: &Decision,
    at: Option<i64>,
) -> Result<bool, AppError> {
    let id = i32::try_from(decision.object_id).map_err(|_| AppError::NotFound)?;
    let rows = match decision.kind {
        ObjectKind::Gig => {
            gig::Entity::update_many()
                .col_expr(gig::Column::HiddenAt, Expr::value(at))
                .filter(gig::Column::Id.eq(id))
                .filter(if at.is_some() {
                    gig::Column::HiddenAt.is_null()
                } else {
                    gig::Column::HiddenAt.is_not_null()
                })
                .exec(txn)
                .await?
        }
        ObjectKind::Profile => {
            freelancer_profile::Entity::update_many()
                .col_expr(freelancer_profile::Column::HiddenAt, Expr::value(at))
                .filter(freelancer_profile::Column::UserId.eq(id))
                .filter(if at.is_some() {
                    freelancer_profile::Column::HiddenAt.is_null()
                } else {
                    freelancer_profile::Column::HiddenAt.is_not_null()
                })
                .exec(txn)
                .await?
        }
        ObjectKind::Review => {
            review::Entity::update_many()
                .col_expr(review::Column::HiddenAt, Expr::value(at))
                .filter(review::Column::Id.eq(id))
                .filter(if at.is_some() {
                    review::Column::HiddenAt.is_null()
                } else {
                    review::Column::HiddenAt.is_not_null()
                })
                .exec(txn)
                .await?
        }
        ObjectKind::Message | ObjectKind::User => return Err(AppError::NotFound),
    };
    Ok(rows.rows_affected == 1)
}

/// Ends the object's open reports with `status`; dismissing needs some.
async fn settle_reports(
    txn: &impl ConnectionTrait,
    admin: i32,
    decision: &Decision,
    status: ReportStatus,
    now: i64,
) -> Result<(), AppError> {
    let settled = report::Entity::update_many()
        .col_expr(report::Column::Status, Expr::value(status))
        .col_expr(report::Column::ResolvedAt, Expr::value(now))
        .col_expr(report::Column::ResolvedBy, Expr::value(admin))
        .filter(report::Column::Kind.eq(decision.kind))
        .filter(report::Column::ObjectId.eq(decision.object_id))
        .filter(report::Column::Status.eq(ReportStatus::Open))
        .exec(txn)
        .await?;
    if decision.action == ModAction::Dismiss && settled.rows_affected == 0 {
        return Err(conflict("There are no open reports to dismiss."));
    }
    Ok(())
}

/// Tells the other side of each of `author`'s running contracts that the
/// account was suspended.
async fn flag_contracts(
    txn: &impl ConnectionTrait,
    author: &user::Model,
) -> Result<Vec<Notice>, AppError> {
    let running = contract::Entity::find()
        .filter(contract::Column::Status.eq(ContractStatus::Active.as_str()))
        .filter(
            Condition::any()
                .add(contract::Column::ClientId.eq(author.id))
                .add(contract::Column::FreelancerId.eq(author.id)),
        )
        .all(txn)
        .await?;
    Ok(running
        .into_iter()
        .map(|c| {
            let other = if c.client_id == author.id {
                c.freelancer_id
            } else {
                c.client_id
            };
            Notice::new(
                other,
                NotificationKind::AccountNotice,
                format!("{} was suspended", author.display_name),
                format!("/contracts/{}", c.id),
            )
            .body(format!(
                "“{}” is on hold while their account is suspended. Don't approve payments or share details outside Guild; contact support if you need help.",
                c.title
            ))
        })
        .collect())
}

/// What the author is told, if anything.
fn author_notice(decision: &Decision, author: &user::Model) -> Option<Notice> {
    let what = decision.kind.label().to_lowercase();
    let (title, link) = match decision.action {
        ModAction::Hide => (format!("A moderator hid your {what}"), "/notifications"),
        ModAction::Restore => (
            format!("A moderator restored your {what}"),
            "/notifications",
        ),
        ModAction::Warn => (
            "A warning from Guild's moderators".to_string(),
            "/notifications",
        ),
        _ => return None,
    };
    Some(
        Notice::new(author.id, NotificationKind::AccountNotice, title, link)
            .body(decision.reason.clone()),
    )
}

/// Work that follows a committed action: a suspended account's sessions
/// end and its sockets close at once; listings and caches forget hidden
/// content; a hidden or restored review changes the rating.
async fn after_commit(
    state: &AppState,
    decision: &Decision,
    author: &user::Model,
) -> Result<(), AppError> {
    let db = &state.db;
    if decision.action == ModAction::Suspend {
        session::revoke_all(db, &state.live, author.id).await?;
    }
    match (decision.kind, decision.action) {
        (ObjectKind::Gig, ModAction::Hide | ModAction::Restore) => {
            let id = i32::try_from(decision.object_id).map_err(|_| AppError::NotFound)?;
            crate::search::index::index_gig(db, id).await?;
        }
        (ObjectKind::Review, ModAction::Hide | ModAction::Restore) => {
            let id = i32::try_from(decision.object_id).map_err(|_| AppError::NotFound)?;
            if let Some(row) = review::Entity::find_by_id(id).one(db).await? {
                crate::reviews::server::refresh_rating(db, row.reviewee_id).await?;
            }
        }
        _ => {}
    }
    crate::search::GIGS_CHANGED.bump();
    crate::search::TALENT_CHANGED.bump();
    state.skills.invalidate();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decision_needs_a_reason_and_a_known_action() {
        let e = check("gig", 1, "explode", " ", "").unwrap_err();
        assert!(e.field("action").is_some() && e.field("reason").is_some());
        assert!(check("gig", 1, "hide", "spam", "").is_ok());
    }

    #[test]
    fn suspensions_need_a_length_and_messages_cannot_be_hidden() {
        assert!(check("user", 1, "suspend", "fraud", "").is_err());
        assert_eq!(
            check("user", 1, "suspend", "fraud", "7").unwrap().days,
            Some(7)
        );
        assert_eq!(
            check("user", 1, "suspend", "fraud", "permanent")
                .unwrap()
                .days,
            None
        );
        assert!(check("message", 1, "hide", "abuse", "").is_err());
    }
}
