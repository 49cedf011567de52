//! Talent cards for lists (search results, saved talent, suggestions),
//! loaded in a fixed number of queries whatever the list length.

use crate::entity::{freelancer_profile, profile_role, profile_skill, saved_talent, skill, user};
use crate::error::AppError;
use crate::market::FreelancerKind;
use crate::profiles::model::TalentCard;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// Skills shown on a card.
const CARD_SKILLS: usize = 6;

/// The role ids of each profile among `ids`, in the order the person chose.
pub async fn roles_by_user(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<HashMap<i32, Vec<String>>, AppError> {
    let mut roles: HashMap<i32, Vec<String>> = HashMap::new();
    for r in profile_role::Entity::find()
        .filter(profile_role::Column::UserId.is_in(ids.to_vec()))
        .order_by_asc(profile_role::Column::Position)
        .all(db)
        .await?
    {
        roles.entry(r.user_id).or_default().push(r.role_id);
    }
    Ok(roles)
}

/// The skill names of each profile among `ids`.
pub async fn skills_by_user(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<HashMap<i32, Vec<String>>, AppError> {
    let links = profile_skill::Entity::find()
        .filter(profile_skill::Column::UserId.is_in(ids.to_vec()))
        .all(db)
        .await?;
    let skill_ids: Vec<i32> = links.iter().map(|l| l.skill_id).collect();
    let names: HashMap<i32, String> = if skill_ids.is_empty() {
        HashMap::new()
    } else {
        skill::Entity::find()
            .filter(skill::Column::Id.is_in(skill_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|s| (s.id, s.name))
            .collect()
    };
    let mut skills: HashMap<i32, Vec<String>> = HashMap::new();
    for link in links {
        if let Some(name) = names.get(&link.skill_id) {
            skills.entry(link.user_id).or_default().push(name.clone());
        }
    }
    Ok(skills)
}

/// Talent cards by account, kept like listing pages (dropped on every
/// profile or rating change, and after the listing TTL in any case).
static CARDS: std::sync::LazyLock<crate::search::cache::ListingCache<TalentCard>> =
    std::sync::LazyLock::new(|| {
        crate::search::cache::ListingCache::new(&crate::search::TALENT_CHANGED)
    });

/// Cards for `ids` in order, from the card cache where it has them (the
/// rest loaded in one batch and kept), then `viewer`'s bookmarks.
pub async fn cached_talent_cards(
    state: &crate::state::AppState,
    ids: &[i32],
    viewer: Option<i32>,
) -> Result<Vec<TalentCard>, AppError> {
    let key = |id: i32| format!("{}:{id}", state.listing_scope);
    let mut found: HashMap<i32, TalentCard> = HashMap::new();
    let mut missing = Vec::new();
    for &id in ids {
        match CARDS.get(&key(id)) {
            Some(card) => {
                found.insert(id, (*card).clone());
            }
            None => missing.push(id),
        }
    }
    if !missing.is_empty() {
        let generation = CARDS.generation();
        for card in talent_cards(&state.db, &missing, None).await? {
            CARDS.put(key(card.user_id), generation, card.clone());
            found.insert(card.user_id, card);
        }
    }
    let cards = ids.iter().filter_map(|id| found.remove(id)).collect();
    mark_saved(&state.db, cards, viewer).await
}

/// The freelancers among `ids` that `viewer` bookmarked (none for a visitor).
async fn saved_among(
    db: &impl ConnectionTrait,
    viewer: Option<i32>,
    ids: &[i32],
) -> Result<std::collections::HashSet<i32>, AppError> {
    let Some(viewer) = viewer.filter(|_| !ids.is_empty()) else {
        return Ok(Default::default());
    };
    Ok(saved_talent::Entity::find()
        .filter(saved_talent::Column::UserId.eq(viewer))
        .filter(saved_talent::Column::FreelancerId.is_in(ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.freelancer_id)
        .collect())
}

/// Marks which of `cards` (made for nobody in particular) `viewer`
/// bookmarked.
pub async fn mark_saved(
    db: &impl ConnectionTrait,
    mut cards: Vec<TalentCard>,
    viewer: Option<i32>,
) -> Result<Vec<TalentCard>, AppError> {
    let ids: Vec<i32> = cards.iter().map(|c| c.user_id).collect();
    let saved = saved_among(db, viewer, &ids).await?;
    for card in &mut cards {
        card.saved = saved.contains(&card.user_id);
    }
    Ok(cards)
}

/// Cards for `ids`, in the same order; `viewer` marks bookmarks.
pub async fn talent_cards(
    db: &impl ConnectionTrait,
    ids: &[i32],
    viewer: Option<i32>,
) -> Result<Vec<TalentCard>, AppError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let profiles: HashMap<i32, freelancer_profile::Model> = freelancer_profile::Entity::find()
        .filter(freelancer_profile::Column::UserId.is_in(ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.user_id, p))
        .collect();
    let users: HashMap<i32, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let mut roles = roles_by_user(db, ids).await?;
    let mut skills = skills_by_user(db, ids).await?;
    let saved = saved_among(db, viewer, ids).await?;
    Ok(ids
        .iter()
        .filter_map(|id| {
            let p = profiles.get(id)?;
            let u = users.get(id)?;
            let mut skills = skills.remove(id).unwrap_or_default();
            skills.sort();
            skills.truncate(CARD_SKILLS);
            Some(TalentCard {
                user_id: *id,
                username: u.username.clone(),
                display_name: u.display_name.clone(),
                tagline: p.tagline.clone(),
                kind: FreelancerKind::parse(&p.kind).unwrap_or(FreelancerKind::Freelance),
                city: p.city.clone(),
                country: p.country.clone(),
                hourly_rate_cents: p.hourly_rate_cents,
                currency: p.currency.clone(),
                rating_avg: p.rating_avg,
                review_count: p.review_count,
                roles: roles.remove(id).unwrap_or_default(),
                skills,
                saved: saved.contains(id),
            })
        })
        .collect())
}
