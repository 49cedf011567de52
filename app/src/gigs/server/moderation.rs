//! Admin approval of gigs submitted for review.
//!
//! An approval applies to the revision the admin saw: a gig edited after
//! the admin opened the list is refused with a conflict, to be looked at
//! again. Approving records the digest of the gig's public text; editing
//! that text on an open gig sends it back to review (see
//! [`super::service::save`]).

use crate::accounts::server::audit::{Entry, record};
use crate::accounts::server::now;
use crate::entity::{gig, gig_skill, skill};
use crate::error::{AppError, FormErrors};
use crate::gigs::model::PendingGig;
use crate::market::GigStatus;
use crate::market::moderation::digest;
use crate::moderation::model::ObjectKind;
use crate::search::index::index_gig;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    TransactionTrait,
};
use std::collections::HashMap;

/// The digest of a gig's public text: title, description, subject, goals,
/// city and skill keys (sorted).
pub fn public_text_digest(
    title: &str,
    description: &str,
    subject: &str,
    goals: &str,
    city: &str,
    skill_slugs: &[String],
) -> String {
    let mut slugs: Vec<&str> = skill_slugs.iter().map(String::as_str).collect();
    slugs.sort_unstable();
    slugs.dedup();
    digest(
        [title, description, subject, goals, city]
            .into_iter()
            .chain(slugs),
    )
}

/// The skill keys of each of `gig_ids`, in two queries.
async fn skill_slugs(
    db: &impl ConnectionTrait,
    gig_ids: &[i32],
) -> Result<HashMap<i32, Vec<String>>, AppError> {
    let links = gig_skill::Entity::find()
        .filter(gig_skill::Column::GigId.is_in(gig_ids.to_vec()))
        .all(db)
        .await?;
    let skill_ids: Vec<i32> = links.iter().map(|l| l.skill_id).collect();
    let slugs: HashMap<i32, String> = skill::Entity::find()
        .filter(skill::Column::Id.is_in(skill_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.slug))
        .collect();
    let mut by_gig: HashMap<i32, Vec<String>> = HashMap::new();
    for link in links {
        if let Some(slug) = slugs.get(&link.skill_id) {
            by_gig.entry(link.gig_id).or_default().push(slug.clone());
        }
    }
    Ok(by_gig)
}

fn row_digest(row: &gig::Model, slugs: &[String]) -> String {
    public_text_digest(
        &row.title,
        &row.description,
        &row.subject,
        &row.goals,
        &row.city,
        slugs,
    )
}

/// The digest of a stored gig's public text.
pub async fn stored_digest(
    db: &impl ConnectionTrait,
    row: &gig::Model,
) -> Result<String, AppError> {
    let slugs = skill_slugs(db, &[row.id]).await?.remove(&row.id);
    Ok(row_digest(row, &slugs.unwrap_or_default()))
}

/// Records the digest of approved gigs that have none (approved before
/// digests were kept), so their first edit is judged against what is
/// public now. Returns how many were filled in.
pub async fn backfill_approved_digests(db: &impl ConnectionTrait) -> Result<usize, AppError> {
    let listed = [
        GigStatus::Open,
        GigStatus::InProgress,
        GigStatus::Completed,
        GigStatus::Closed,
    ]
    .map(GigStatus::as_str);
    let rows = gig::Entity::find()
        .filter(gig::Column::Status.is_in(listed))
        .filter(gig::Column::ApprovedDigest.eq(""))
        .all(db)
        .await?;
    for chunk in rows.chunks(500) {
        let ids: Vec<i32> = chunk.iter().map(|r| r.id).collect();
        let mut slugs = skill_slugs(db, &ids).await?;
        for row in chunk {
            let digest = row_digest(row, &slugs.remove(&row.id).unwrap_or_default());
            gig::Entity::update_many()
                .col_expr(gig::Column::ApprovedDigest, Expr::value(digest))
                .filter(gig::Column::Id.eq(row.id))
                .filter(gig::Column::ApprovedDigest.eq(""))
                .exec(db)
                .await?;
        }
    }
    Ok(rows.len())
}

/// Gigs waiting for approval, oldest first, each with the revision shown.
pub async fn pending(db: &DatabaseConnection) -> Result<Vec<PendingGig>, AppError> {
    let rows = gig::Entity::find()
        .filter(gig::Column::Status.eq(GigStatus::Pending.as_str()))
        .order_by_asc(gig::Column::UpdatedAt)
        .all(db)
        .await?;
    let revisions: Vec<i32> = rows.iter().map(|r| r.revision).collect();
    let summaries = super::cards::summaries(db, rows, None).await?;
    Ok(summaries
        .into_iter()
        .zip(revisions)
        .map(|(gig, revision)| PendingGig { gig, revision })
        .collect())
}

/// The conflict when the gig is no longer what the admin looked at.
fn changed() -> AppError {
    AppError::Conflict(
        FormErrors::new().with_form(
            "This gig changed after you opened it. Review the new version before deciding.",
        ),
    )
}

/// Approves (opens) or rejects (back to draft, with a reason) revision
/// `revision` of a pending gig.
pub async fn decide(
    db: &DatabaseConnection,
    hub: &crate::live::server::hub::Hub,
    admin_id: i32,
    gig_id: i32,
    revision: i32,
    approve: bool,
    reason: &str,
) -> Result<(), AppError> {
    let reason = reason.trim();
    if !approve && reason.is_empty() {
        let mut errors = FormErrors::new();
        errors.add("reason", "Tell the client what to change.");
        return Err(AppError::Invalid(errors));
    }
    let txn = db.begin().await?;
    let row = super::service::find(&txn, gig_id).await?;
    if row.status != GigStatus::Pending.as_str() {
        return Err(AppError::Conflict(
            FormErrors::new().with_form("This gig is not waiting for review."),
        ));
    }
    if row.revision != revision {
        return Err(changed());
    }
    let now = now();
    let mut update = gig::Entity::update_many()
        .col_expr(gig::Column::UpdatedAt, Expr::value(now))
        .filter(gig::Column::Id.eq(gig_id))
        .filter(gig::Column::Status.eq(GigStatus::Pending.as_str()))
        .filter(gig::Column::Revision.eq(revision));
    update = if approve {
        update
            .col_expr(gig::Column::Status, Expr::value(GigStatus::Open.as_str()))
            .col_expr(
                gig::Column::PublishedAt,
                Expr::value(Some(row.published_at.unwrap_or(now))),
            )
            .col_expr(gig::Column::RejectionReason, Expr::value(""))
            .col_expr(
                gig::Column::ApprovedDigest,
                Expr::value(stored_digest(&txn, &row).await?),
            )
    } else {
        let reason: String = reason.chars().take(1000).collect();
        update
            .col_expr(gig::Column::Status, Expr::value(GigStatus::Draft.as_str()))
            .col_expr(gig::Column::RejectionReason, Expr::value(reason))
    };
    if update.exec(&txn).await?.rows_affected != 1 {
        return Err(changed());
    }
    index_gig(&txn, gig_id).await?;
    record(
        &txn,
        Entry {
            actor: Some(admin_id),
            action: if approve { "gig.approve" } else { "gig.reject" },
            target: Some(row.owner_id),
            object: Some((ObjectKind::Gig, i64::from(gig_id))),
            reason,
            detail: format!("revision {revision}"),
        },
    )
    .await?;
    let notice = crate::notifications::server::Notice::new(
        row.owner_id,
        crate::notifications::model::NotificationKind::GigModerated,
        if approve {
            format!("Your gig {} is live", row.title)
        } else {
            format!("Your gig {} needs changes", row.title)
        },
        format!("/gigs/{gig_id}"),
    )
    .body(reason.to_string());
    let stored = crate::notifications::server::raise(&txn, vec![notice]).await?;
    txn.commit().await?;
    crate::live::server::log::publish(hub, stored);
    Ok(())
}
