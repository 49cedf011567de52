//! `GET /api/v1/freelancers` and `GET /api/v1/freelancers/{username}`.

use super::errors::{ApiError, ErrorBody};
use super::types::{FreelancerDetail, FreelancerItem, FreelancerPage, page_parts};
use app::discovery::model::TalentFilters;
use app::error::{AppError, FormErrors};
use app::market::ProfileStatus;
use app::state::AppState;
use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use serde::Deserialize;
use utoipa::IntoParams;

/// Discovery filters; every parameter is optional.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct FreelancerParams {
    /// Free text over name, tagline, bio, skills and roles.
    q: Option<String>,
    /// A role id from the taxonomy, e.g. `web-developer`.
    role: Option<String>,
    /// Comma-separated skills; all must match.
    skills: Option<String>,
    /// Lowest hourly rate.
    min_rate: Option<String>,
    /// Highest hourly rate.
    max_rate: Option<String>,
    /// Currency the rate bounds are in (default USD).
    currency: Option<String>,
    /// Lowest average rating, 1–5.
    min_rating: Option<String>,
    /// A spoken language, e.g. `Spanish`.
    language: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    country: Option<String>,
    /// City.
    city: Option<String>,
    /// `freelance` or `coaching`.
    kind: Option<String>,
    /// `relevance` (default), `rating`, `rate_asc` or `rate_desc`.
    sort: Option<String>,
    /// Page number from 1.
    page: Option<String>,
    /// Results per page, 1–100 (default 20).
    per_page: Option<String>,
}

/// Reads `per_page` (1–100, default 20).
pub fn per_page(raw: Option<&str>) -> Result<u32, AppError> {
    match raw.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(20),
        Some(v) => match v.parse::<u32>() {
            Ok(n) if (1..=100).contains(&n) => Ok(n),
            _ => {
                let mut e = FormErrors::new();
                e.add("per_page", "Use a number from 1 to 100.");
                Err(AppError::Invalid(e))
            }
        },
    }
}

/// Lists approved freelancers and coaches matching the filters.
#[utoipa::path(
    get,
    path = "/api/v1/freelancers",
    params(FreelancerParams),
    responses(
        (status = 200, description = "A page of freelancers", body = FreelancerPage),
        (status = 400, description = "A parameter is invalid", body = ErrorBody)
    ),
    tag = "freelancers"
)]
pub async fn list(
    State(state): State<AppState>,
    params: Result<Query<FreelancerParams>, QueryRejection>,
) -> Result<Json<FreelancerPage>, ApiError> {
    let Query(p) = params?;
    let per_page = per_page(p.per_page.as_deref())?;
    let filters = TalentFilters {
        q: p.q.unwrap_or_default(),
        role: p.role.unwrap_or_default(),
        skills: p.skills.unwrap_or_default(),
        min_rate: p.min_rate.unwrap_or_default(),
        max_rate: p.max_rate.unwrap_or_default(),
        currency: p.currency.unwrap_or_default(),
        min_rating: p.min_rating.unwrap_or_default(),
        language: p.language.unwrap_or_default(),
        country: p.country.unwrap_or_default(),
        city: p.city.unwrap_or_default(),
        kind: p.kind.unwrap_or_default(),
        sort: p.sort.unwrap_or_default(),
        page: p.page.unwrap_or_default(),
    };
    let page = app::discovery::server::cached_search_talent(&state, None, &filters, per_page)
        .await
        .map_err(|e| match e {
            AppError::Invalid(f) => AppError::Invalid(f),
            other => other,
        })?;
    let (items, total, page, per_page, pages) = page_parts::<_, FreelancerItem>(page);
    Ok(Json(FreelancerPage {
        items,
        total,
        page,
        per_page,
        pages,
    }))
}

/// One approved freelancer or coach.
#[utoipa::path(
    get,
    path = "/api/v1/freelancers/{username}",
    params(("username" = String, Path, description = "The freelancer's username")),
    responses(
        (status = 200, description = "The freelancer", body = FreelancerDetail),
        (status = 404, description = "No approved freelancer has this username", body = ErrorBody)
    ),
    tag = "freelancers"
)]
pub async fn get_one(
    State(state): State<AppState>,
    Path(username): Path<String>,
) -> Result<Json<FreelancerDetail>, ApiError> {
    let account = app::accounts::server::repo::find_by_identifier(&state.db, &username)
        .await?
        .filter(|_| !username.contains('@'))
        .ok_or(AppError::NotFound)?;
    let profile = app::profiles::server::repo::load_freelancer(&state.db, account.id)
        .await?
        .filter(|p| p.status == ProfileStatus::Approved)
        .ok_or(AppError::NotFound)?;
    if !app::profiles::server::access::publicly_shown(&state.db, &account).await? {
        return Err(AppError::NotFound.into());
    }
    Ok(Json(profile.into()))
}
