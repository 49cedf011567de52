//! What an admin approves on a freelancer or coach profile: its public
//! text. The digest of that text is recorded at approval; an edit that
//! changes it sends the profile back to review (hidden from discovery and
//! unable to send proposals until approved again), so nothing reaches the
//! public that no admin has seen.

use crate::entity::{credential, freelancer_profile, portfolio_item, profile_skill, skill};
use crate::error::AppError;
use crate::market::moderation::digest;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// The digest of a profile's public text: tagline, bio, experience, city,
/// skill keys, education and certificates, and portfolio entries.
pub async fn public_text_digest(
    db: &impl ConnectionTrait,
    row: &freelancer_profile::Model,
) -> Result<String, AppError> {
    let skill_ids: Vec<i32> = profile_skill::Entity::find()
        .filter(profile_skill::Column::UserId.eq(row.user_id))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.skill_id)
        .collect();
    let mut slugs: Vec<String> = skill::Entity::find()
        .filter(skill::Column::Id.is_in(skill_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.slug)
        .collect();
    slugs.sort_unstable();
    let credentials: Vec<String> = credential::Entity::find()
        .filter(credential::Column::UserId.eq(row.user_id))
        .order_by_asc(credential::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|c| {
            format!(
                "{}\u{1f}{}\u{1f}{}\u{1f}{:?}",
                c.kind, c.title, c.institution, c.year
            )
        })
        .collect();
    let portfolio: Vec<String> = portfolio_item::Entity::find()
        .filter(portfolio_item::Column::UserId.eq(row.user_id))
        .order_by_asc(portfolio_item::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|p| {
            format!(
                "{}\u{1f}{}\u{1f}{}\u{1f}{}",
                p.title,
                p.url,
                p.description,
                p.thumbnail_url.unwrap_or_default()
            )
        })
        .collect();
    let fixed = [
        row.tagline.as_str(),
        row.bio.as_str(),
        row.experience.as_str(),
        row.city.as_str(),
    ];
    let sections = [slugs, credentials, portfolio];
    let counts: Vec<String> = sections.iter().map(|s| s.len().to_string()).collect();
    Ok(digest(
        fixed
            .into_iter()
            .chain(counts.iter().map(String::as_str))
            .chain(sections.iter().flatten().map(String::as_str)),
    ))
}
