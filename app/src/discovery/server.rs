//! Discovery queries: validating filters, searching, saved talent.

use crate::accounts::model::CurrentUser;
use crate::accounts::server::now;
use crate::discovery::model::TalentFilters;
use crate::entity::{freelancer_profile, saved_talent};
use crate::error::{AppError, FormErrors};
use crate::gigs::model::Page;
use crate::market::filters as filter;
use crate::market::languages::canonical_language;
use crate::market::{FreelancerKind, ProfileStatus, TalentSort};
use crate::profiles::model::TalentCard;
use crate::profiles::server::access::is_approved_freelancer;
use crate::profiles::server::cards::{mark_saved, talent_cards};
use crate::search::TALENT_PAGES;
use crate::search::talent::{TalentQuery, search};
use crate::state::AppState;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
};

/// Results per page.
pub const PER_PAGE: u32 = 20;

/// Checks discovery filters and turns them into a search query; every
/// problem is reported against its parameter.
pub fn talent_query(filters: &TalentFilters, per_page: u32) -> Result<TalentQuery, AppError> {
    let mut errors = FormErrors::new();
    let role = filter::role(&filters.role, &mut errors);
    let skills = filter::skills(&filters.skills, &mut errors);
    let rate = filter::amount_range(
        ("min_rate", &filters.min_rate),
        ("max_rate", &filters.max_rate),
        &filters.currency,
        &mut errors,
    );
    let min_rating = match filters.min_rating.trim() {
        "" => None,
        r => match r.parse::<f64>() {
            Ok(v) if (1.0..=5.0).contains(&v) => Some(v),
            _ => {
                errors.add("min_rating", "Use a rating from 1 to 5.");
                None
            }
        },
    };
    let language = match filters.language.trim() {
        "" => None,
        l => match canonical_language(l) {
            Some(l) => Some(l.to_string()),
            None => {
                errors.add("language", "Unknown language.");
                None
            }
        },
    };
    let country = filter::country(&filters.country, &mut errors);
    let kind = match filters.kind.trim() {
        "" => None,
        "freelance" => Some(FreelancerKind::Freelance),
        "coaching" => Some(FreelancerKind::Coaching),
        _ => {
            errors.add("kind", "Use freelance or coaching.");
            None
        }
    };
    if !filters.sort.is_empty() && TalentSort::parse(&filters.sort).is_none() {
        errors.add("sort", "Use relevance, rating, rate_asc or rate_desc.");
    }
    if !filters.page.is_empty() && filters.page.parse::<u32>().map_or(true, |p| p == 0) {
        errors.add("page", "Pages start at 1.");
    }
    let text = filter::search_text(&filters.q, &mut errors);
    let city = filters.city.trim();
    if city.chars().count() > 80 {
        errors.add("city", "Keep the city under 80 characters.");
    }
    errors.into_result()?;
    Ok(TalentQuery {
        text,
        role,
        skills,
        min_rate_cents: rate.min,
        max_rate_cents: rate.max,
        currency: rate.currency,
        min_rating,
        language,
        country,
        city: (!city.is_empty()).then(|| city.to_string()),
        kind,
        sort: Some(filters.sort()),
        offset: u64::from(filters.page() - 1) * u64::from(per_page),
        limit: u64::from(per_page),
    })
}

/// A page of discovery results, searched and loaded now.
pub async fn search_talent(
    db: &DatabaseConnection,
    viewer: Option<i32>,
    filters: &TalentFilters,
    per_page: u32,
) -> Result<Page<TalentCard>, AppError> {
    let query = talent_query(filters, per_page)?;
    let (ids, total) = search(db, &query).await?;
    Ok(Page {
        items: talent_cards(db, &ids, viewer).await?,
        total,
        page: filters.page(),
        per_page,
    })
}

/// A page of discovery results as pages and the API serve it: the
/// viewer-independent part from the listing cache (or searched and stored
/// there), then the viewer's bookmarks.
pub async fn cached_search_talent(
    state: &AppState,
    viewer: Option<i32>,
    filters: &TalentFilters,
    per_page: u32,
) -> Result<Page<TalentCard>, AppError> {
    let query = talent_query(filters, per_page)?;
    let key = format!("{}:{query:?}", state.listing_scope);
    let cached = TALENT_PAGES
        .get_or_fill(key, || async {
            let (ids, total) = search(&state.db, &query).await?;
            Ok::<_, AppError>((talent_cards(&state.db, &ids, None).await?, total))
        })
        .await?;
    let (items, total) = (*cached).clone();
    Ok(Page {
        items: mark_saved(&state.db, items, viewer).await?,
        total,
        page: filters.page(),
        per_page,
    })
}

/// Bookmarks or un-bookmarks an approved freelancer.
pub async fn set_saved(
    db: &DatabaseConnection,
    user: &CurrentUser,
    freelancer_id: i32,
    saved: bool,
) -> Result<(), AppError> {
    if saved {
        if !is_approved_freelancer(db, freelancer_id).await? || freelancer_id == user.id {
            return Err(AppError::NotFound);
        }
        saved_talent::Entity::insert(saved_talent::ActiveModel {
            user_id: Set(user.id),
            freelancer_id: Set(freelancer_id),
            created_at: Set(now()),
        })
        .on_conflict(
            OnConflict::columns([
                saved_talent::Column::UserId,
                saved_talent::Column::FreelancerId,
            ])
            .do_nothing()
            .to_owned(),
        )
        .do_nothing()
        .exec(db)
        .await?;
    } else {
        saved_talent::Entity::delete_many()
            .filter(saved_talent::Column::UserId.eq(user.id))
            .filter(saved_talent::Column::FreelancerId.eq(freelancer_id))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// The user's saved talent whose profiles are approved (public), most
/// recent first.
pub async fn saved(
    db: &DatabaseConnection,
    user: &CurrentUser,
) -> Result<Vec<TalentCard>, AppError> {
    let ids: Vec<i32> = saved_talent::Entity::find()
        .filter(saved_talent::Column::UserId.eq(user.id))
        .order_by_desc(saved_talent::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.freelancer_id)
        .collect();
    let approved: std::collections::HashSet<i32> = freelancer_profile::Entity::find()
        .filter(freelancer_profile::Column::UserId.is_in(ids.clone()))
        .filter(freelancer_profile::Column::Status.eq(ProfileStatus::Approved.as_str()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.user_id)
        .collect();
    let visible: Vec<i32> = ids.into_iter().filter(|id| approved.contains(id)).collect();
    talent_cards(db, &visible, Some(user.id)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_become_a_query() {
        let f = TalentFilters {
            q: "shop".into(),
            role: "web-developer".into(),
            skills: "Shopify, CSS".into(),
            min_rate: "20".into(),
            max_rate: "60".into(),
            min_rating: "4".into(),
            language: "spanish".into(),
            country: "mx".into(),
            kind: "freelance".into(),
            sort: "rate_asc".into(),
            page: "3".into(),
            ..Default::default()
        };
        let q = talent_query(&f, 20).unwrap();
        assert_eq!(q.skills, ["shopify", "css"]);
        assert_eq!(
            (q.min_rate_cents, q.max_rate_cents),
            (Some(2000), Some(6000))
        );
        assert_eq!(q.currency.as_deref(), Some("USD"));
        assert_eq!(q.language.as_deref(), Some("Spanish"));
        assert_eq!(q.country.as_deref(), Some("MX"));
        assert_eq!(q.offset, 40);
    }

    #[test]
    fn bad_filters_name_their_parameter() {
        let f = TalentFilters {
            role: "astronaut".into(),
            min_rate: "abc".into(),
            min_rating: "9".into(),
            kind: "robot".into(),
            sort: "random".into(),
            page: "0".into(),
            ..Default::default()
        };
        let err = talent_query(&f, 20).unwrap_err();
        for field in ["role", "min_rate", "min_rating", "kind", "sort", "page"] {
            assert!(err.field(field).is_some(), "{field}");
        }
    }
}
