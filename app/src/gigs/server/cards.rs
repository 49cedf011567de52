//! Gig summaries for lists, loaded in a fixed number of queries.

use crate::entity::{gig, gig_role, gig_skill, proposal, saved_gig, skill, user};
use crate::error::AppError;
use crate::gigs::model::GigSummary;
use crate::market::{GigKind, GigStatus, PriceType};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::{HashMap, HashSet};

/// Characters of description shown in a list.
const EXCERPT: usize = 220;

/// The start of `text`, cut at a word boundary.
pub fn excerpt(text: &str) -> String {
    if text.chars().count() <= EXCERPT {
        return text.to_string();
    }
    let cut: String = text.chars().take(EXCERPT).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':']))
}

/// Summaries of `gigs` in the given order; `viewer` marks bookmarks.
pub async fn summaries(
    db: &impl ConnectionTrait,
    gigs: Vec<gig::Model>,
    viewer: Option<i32>,
) -> Result<Vec<GigSummary>, AppError> {
    if gigs.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i32> = gigs.iter().map(|g| g.id).collect();
    let owners: HashMap<i32, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(gigs.iter().map(|g| g.owner_id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let mut roles: HashMap<i32, Vec<String>> = HashMap::new();
    for r in gig_role::Entity::find()
        .filter(gig_role::Column::GigId.is_in(ids.clone()))
        .all(db)
        .await?
    {
        roles.entry(r.gig_id).or_default().push(r.role_id);
    }
    let links = gig_skill::Entity::find()
        .filter(gig_skill::Column::GigId.is_in(ids.clone()))
        .all(db)
        .await?;
    let names: HashMap<i32, String> = if links.is_empty() {
        HashMap::new()
    } else {
        skill::Entity::find()
            .filter(skill::Column::Id.is_in(links.iter().map(|l| l.skill_id).collect::<Vec<_>>()))
            .all(db)
            .await?
            .into_iter()
            .map(|s| (s.id, s.name))
            .collect()
    };
    let mut skills: HashMap<i32, Vec<String>> = HashMap::new();
    for link in links {
        if let Some(name) = names.get(&link.skill_id) {
            skills.entry(link.gig_id).or_default().push(name.clone());
        }
    }
    let counts: HashMap<i32, i64> = proposal::Entity::find()
        .select_only()
        .column(proposal::Column::GigId)
        .column_as(proposal::Column::Id.count(), "n")
        .filter(proposal::Column::GigId.is_in(ids.clone()))
        .filter(proposal::Column::Status.ne("withdrawn"))
        .group_by(proposal::Column::GigId)
        .into_tuple::<(i32, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let saved = saved_among(db, viewer, &ids).await?;
    Ok(gigs
        .into_iter()
        .map(|g| {
            let owner = owners.get(&g.owner_id);
            let mut gig_skills = skills.remove(&g.id).unwrap_or_default();
            gig_skills.sort();
            GigSummary {
                id: g.id,
                kind: GigKind::parse(&g.kind).unwrap_or(GigKind::Project),
                excerpt: excerpt(&g.description),
                title: g.title,
                budget_type: PriceType::parse(&g.budget_type).unwrap_or(PriceType::Fixed),
                budget_min_cents: g.budget_min_cents,
                budget_max_cents: g.budget_max_cents,
                currency: g.currency,
                roles: roles.remove(&g.id).unwrap_or_default(),
                skills: gig_skills,
                owner_name: owner.map(|o| o.display_name.clone()).unwrap_or_default(),
                owner_username: owner.map(|o| o.username.clone()).unwrap_or_default(),
                remote: g.remote,
                city: g.city,
                country: g.country,
                deadline: g.deadline,
                status: GigStatus::parse(&g.status).unwrap_or(GigStatus::Draft),
                published_at: g.published_at,
                proposal_count: counts.get(&g.id).copied().unwrap_or(0),
                saved: saved.contains(&g.id),
            }
        })
        .collect())
}

/// The gigs among `ids` that `viewer` bookmarked (none for a visitor).
async fn saved_among(
    db: &impl ConnectionTrait,
    viewer: Option<i32>,
    ids: &[i32],
) -> Result<HashSet<i32>, AppError> {
    let Some(viewer) = viewer.filter(|_| !ids.is_empty()) else {
        return Ok(HashSet::new());
    };
    Ok(saved_gig::Entity::find()
        .filter(saved_gig::Column::UserId.eq(viewer))
        .filter(saved_gig::Column::GigId.is_in(ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.gig_id)
        .collect())
}

/// Marks which of `items` (summaries made for nobody in particular)
/// `viewer` bookmarked.
pub async fn mark_saved(
    db: &impl ConnectionTrait,
    mut items: Vec<GigSummary>,
    viewer: Option<i32>,
) -> Result<Vec<GigSummary>, AppError> {
    let ids: Vec<i32> = items.iter().map(|g| g.id).collect();
    let saved = saved_among(db, viewer, &ids).await?;
    for item in &mut items {
        item.saved = saved.contains(&item.id);
    }
    Ok(items)
}

/// Summaries of the gigs with `ids`, in that order.
pub async fn summaries_by_id(
    db: &impl ConnectionTrait,
    ids: &[i32],
    viewer: Option<i32>,
) -> Result<Vec<GigSummary>, AppError> {
    summaries(db, rows_by_id(db, ids).await?, viewer).await
}

/// Gig rows in the order of `ids` (missing ids are skipped).
pub async fn rows_by_id(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<gig::Model>, AppError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut rows: HashMap<i32, gig::Model> = gig::Entity::find()
        .filter(gig::Column::Id.is_in(ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.id, g))
        .collect();
    Ok(ids.iter().filter_map(|id| rows.remove(id)).collect())
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn excerpts_cut_at_words() {
        let long = "word ".repeat(100);
        let cut = excerpt(&long);
        assert!(cut.ends_with('…'));
        assert!(cut.chars().count() <= 221);
        assert_eq!(excerpt("short"), "short");
    }
}
