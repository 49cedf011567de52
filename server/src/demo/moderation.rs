//! Demo moderation, so the admin pages are not empty on a first run: a few
//! open reports in the queue, one report already dismissed, and a warned
//! freelancer, all in the audit log. The demo has no admin account (make
//! one with `server admin create-super-admin`), so these entries are
//! recorded as made from the command line.

use app::accounts::model::CurrentUser;
use app::accounts::server::now;
use app::entity::{freelancer_profile, gig, report};
use app::error::AppError;
use app::moderation::model::{ObjectKind, ReportReason, ReportStatus};
use app::moderation::server::audit::{Entry, record};
use app::moderation::server::reports::file;
use app::notifications::model::NotificationKind;
use app::notifications::server::raise::{Notice, notify};
use app::state::AppState;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// What was seeded.
#[derive(Debug, Clone, Copy, Default)]
pub struct ModerationCounts {
    /// Reports still open.
    pub open_reports: usize,
    /// Accounts warned.
    pub warned: usize,
}

/// Seeds reports, a dismissal and a warning (after the marketplace).
pub async fn seed(
    state: &AppState,
    users: &HashMap<String, CurrentUser>,
) -> Result<ModerationCounts, AppError> {
    let db = &state.db;
    let mut counts = ModerationCounts::default();
    let (Some(maya), Some(sam), Some(diego)) =
        (users.get("maya"), users.get("sam"), users.get("diego"))
    else {
        return Ok(counts);
    };
    let gigs = gig::Entity::find()
        .filter(gig::Column::Status.eq("open"))
        .filter(gig::Column::OwnerId.ne(maya.id))
        .filter(gig::Column::OwnerId.ne(sam.id))
        .order_by_asc(gig::Column::Id)
        .all(db)
        .await?;
    let profiles = freelancer_profile::Entity::find()
        .filter(freelancer_profile::Column::Status.eq("approved"))
        .filter(freelancer_profile::Column::UserId.is_not_in([maya.id, sam.id, diego.id]))
        .order_by_asc(freelancer_profile::Column::UserId)
        .all(db)
        .await?;
    let (Some(spam_gig), Some(dismissed_gig)) = (gigs.first(), gigs.get(1)) else {
        return Ok(counts);
    };
    let (Some(odd_profile), Some(warned)) = (profiles.first(), profiles.get(1)) else {
        return Ok(counts);
    };
    let gig_id = i64::from(spam_gig.id);
    file(
        db,
        maya.id,
        ObjectKind::Gig,
        gig_id,
        ReportReason::Spam,
        "The same post appears three times with a link to an outside shop.",
    )
    .await?;
    file(
        db,
        diego.id,
        ObjectKind::Gig,
        gig_id,
        ReportReason::Scam,
        "Asks freelancers to pay a deposit to get the job.",
    )
    .await?;
    file(
        db,
        sam.id,
        ObjectKind::Profile,
        i64::from(odd_profile.user_id),
        ReportReason::Misleading,
        "The portfolio pictures look copied from a stock photo site.",
    )
    .await?;
    counts.open_reports = 3;

    let dismissed = file(
        db,
        sam.id,
        ObjectKind::Gig,
        i64::from(dismissed_gig.id),
        ReportReason::Inappropriate,
        "Not sure this is allowed.",
    )
    .await?;
    report::Entity::update_many()
        .col_expr(report::Column::Status, Expr::value(ReportStatus::Dismissed))
        .col_expr(report::Column::ResolvedAt, Expr::value(now()))
        .filter(report::Column::Id.eq(dismissed))
        .exec(db)
        .await?;
    record(
        db,
        Entry {
            actor: None,
            action: "report.dismiss",
            target: Some(dismissed_gig.owner_id),
            object: Some((ObjectKind::Gig, i64::from(dismissed_gig.id))),
            reason: "An ordinary request; nothing against the rules.",
            detail: String::new(),
        },
    )
    .await?;

    let reason = "Shared a phone number in a proposal to take payment outside Guild.";
    record(
        db,
        Entry {
            actor: None,
            action: "user.warn",
            target: Some(warned.user_id),
            object: Some((ObjectKind::User, i64::from(warned.user_id))),
            reason,
            detail: String::new(),
        },
    )
    .await?;
    notify(
        db,
        &state.live,
        vec![
            Notice::new(
                warned.user_id,
                NotificationKind::AccountNotice,
                "A warning from Guild's moderators",
                "/notifications",
            )
            .body(reason),
        ],
    )
    .await?;
    counts.warned = 1;
    Ok(counts)
}
