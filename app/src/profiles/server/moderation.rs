//! What an admin approves on a freelancer or coach profile: its public
//! text. The digest of that text is recorded at approval; an edit that
//! changes it sends the profile back to review (hidden from discovery and
//! unable to send proposals until approved again), so nothing reaches the
//! public that no admin has seen.

use crate::entity::{credential, freelancer_profile, portfolio_item, profile_skill, skill};
use crate::error::AppError;
use crate::market::ProfileStatus;
use crate::market::moderation::digest;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// The parts of a profile that are public text, besides the row itself.
#[derive(Debug, Default)]
struct PublicParts {
    skill_slugs: Vec<String>,
    credentials: Vec<String>,
    portfolio: Vec<String>,
}

/// The digest of a profile's public text: tagline, bio, experience, city,
/// skill keys, education and certificates, and portfolio entries.
fn digest_of(row: &freelancer_profile::Model, parts: &mut PublicParts) -> String {
    parts.skill_slugs.sort_unstable();
    let fixed = [
        row.tagline.as_str(),
        row.bio.as_str(),
        row.experience.as_str(),
        row.city.as_str(),
    ];
    let sections = [&parts.skill_slugs, &parts.credentials, &parts.portfolio];
    let counts: Vec<String> = sections.iter().map(|s| s.len().to_string()).collect();
    digest(
        fixed
            .into_iter()
            .chain(counts.iter().map(String::as_str))
            .chain(sections.into_iter().flatten().map(String::as_str)),
    )
}

/// The public parts of the profiles of `user_ids`, in a few queries.
async fn public_parts(
    db: &impl ConnectionTrait,
    user_ids: &[i32],
) -> Result<HashMap<i32, PublicParts>, AppError> {
    let mut parts: HashMap<i32, PublicParts> = HashMap::new();
    let links = profile_skill::Entity::find()
        .filter(profile_skill::Column::UserId.is_in(user_ids.to_vec()))
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
    for link in links {
        if let Some(slug) = slugs.get(&link.skill_id) {
            parts
                .entry(link.user_id)
                .or_default()
                .skill_slugs
                .push(slug.clone());
        }
    }
    for c in credential::Entity::find()
        .filter(credential::Column::UserId.is_in(user_ids.to_vec()))
        .order_by_asc(credential::Column::Id)
        .all(db)
        .await?
    {
        parts
            .entry(c.user_id)
            .or_default()
            .credentials
            .push(format!(
                "{}\u{1f}{}\u{1f}{}\u{1f}{:?}",
                c.kind, c.title, c.institution, c.year
            ));
    }
    for p in portfolio_item::Entity::find()
        .filter(portfolio_item::Column::UserId.is_in(user_ids.to_vec()))
        .order_by_asc(portfolio_item::Column::Position)
        .all(db)
        .await?
    {
        parts.entry(p.user_id).or_default().portfolio.push(format!(
            "{}\u{1f}{}\u{1f}{}\u{1f}{}",
            p.title,
            p.url,
            p.description,
            p.thumbnail_url.unwrap_or_default()
        ));
    }
    Ok(parts)
}

/// The digest of a stored profile's public text.
pub async fn public_text_digest(
    db: &impl ConnectionTrait,
    row: &freelancer_profile::Model,
) -> Result<String, AppError> {
    let mut parts = public_parts(db, &[row.user_id]).await?;
    Ok(digest_of(
        row,
        &mut parts.remove(&row.user_id).unwrap_or_default(),
    ))
}

/// Records the digest of approved profiles that have none (approved before
/// digests were kept), so their first edit is judged against what is
/// public now. Returns how many were filled in.
pub async fn backfill_approved_digests(db: &impl ConnectionTrait) -> Result<usize, AppError> {
    let rows = freelancer_profile::Entity::find()
        .filter(freelancer_profile::Column::Status.eq(ProfileStatus::Approved.as_str()))
        .filter(freelancer_profile::Column::ApprovedDigest.eq(""))
        .all(db)
        .await?;
    for chunk in rows.chunks(500) {
        let ids: Vec<i32> = chunk.iter().map(|r| r.user_id).collect();
        let mut parts = public_parts(db, &ids).await?;
        for row in chunk {
            let digest = digest_of(row, &mut parts.remove(&row.user_id).unwrap_or_default());
            freelancer_profile::Entity::update_many()
                .col_expr(
                    freelancer_profile::Column::ApprovedDigest,
                    Expr::value(digest),
                )
                .filter(freelancer_profile::Column::UserId.eq(row.user_id))
                .filter(freelancer_profile::Column::ApprovedDigest.eq(""))
                .exec(db)
                .await?;
        }
    }
    Ok(rows.len())
}
