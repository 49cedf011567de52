//! `GET /api/v1/gigs` and `GET /api/v1/gigs/{id}`.

use super::errors::{ApiError, ErrorBody};
use super::freelancers::per_page;
use super::types::{GigDetail, GigItem, GigPage, page_parts};
use app::error::AppError;
use app::gigs::model::GigFilters;
use app::state::AppState;
use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use serde::Deserialize;
use utoipa::IntoParams;

/// Gig-board filters; every parameter is optional.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct GigParams {
    /// Free text over title, description, skills and roles.
    q: Option<String>,
    /// `project` or `lesson`.
    kind: Option<String>,
    /// A role id from the taxonomy.
    role: Option<String>,
    /// Comma-separated skills; all must match.
    skills: Option<String>,
    /// The budget reaches at least this.
    min_budget: Option<String>,
    /// The budget starts at most at this.
    max_budget: Option<String>,
    /// Currency of the budget bounds (default USD).
    currency: Option<String>,
    /// Opened within this many days (1–365).
    posted_within: Option<String>,
    /// `on` (or `true`) for remote gigs only.
    remote: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    country: Option<String>,
    /// `newest` (default), `budget_desc` or `budget_asc`.
    sort: Option<String>,
    /// Page number from 1.
    page: Option<String>,
    /// Results per page, 1–100 (default 20).
    per_page: Option<String>,
}

/// Lists open, public gigs and learning requests.
#[utoipa::path(
    get,
    path = "/api/v1/gigs",
    params(GigParams),
    responses(
        (status = 200, description = "A page of gigs", body = GigPage),
        (status = 400, description = "A parameter is invalid", body = ErrorBody)
    ),
    tag = "gigs"
)]
pub async fn list(
    State(state): State<AppState>,
    params: Result<Query<GigParams>, QueryRejection>,
) -> Result<Json<GigPage>, ApiError> {
    let Query(p) = params?;
    let per_page = per_page(p.per_page.as_deref())?;
    let remote = match p.remote.as_deref().map(str::trim) {
        None | Some("") | Some("false") | Some("off") => String::new(),
        Some("on") | Some("true") => "on".to_string(),
        Some(_) => {
            let mut e = app::error::FormErrors::new();
            e.add("remote", "Use true or false.");
            return Err(AppError::Invalid(e).into());
        }
    };
    if let Some(page) = p.page.as_deref().filter(|v| !v.is_empty())
        && page.parse::<u32>().map_or(true, |n| n == 0)
    {
        let mut e = app::error::FormErrors::new();
        e.add("page", "Pages start at 1.");
        return Err(AppError::Invalid(e).into());
    }
    let filters = GigFilters {
        q: p.q.unwrap_or_default(),
        kind: p.kind.unwrap_or_default(),
        role: p.role.unwrap_or_default(),
        skills: p.skills.unwrap_or_default(),
        min_budget: p.min_budget.unwrap_or_default(),
        max_budget: p.max_budget.unwrap_or_default(),
        currency: p.currency.unwrap_or_default(),
        posted_within: p.posted_within.unwrap_or_default(),
        remote,
        country: p.country.unwrap_or_default(),
        sort: p.sort.unwrap_or_default(),
        page: p.page.unwrap_or_default(),
    };
    let page = app::gigs::server::service::cached_board(&state, None, &filters, per_page).await?;
    let (items, total, page, per_page, pages) = page_parts::<_, GigItem>(page);
    Ok(Json(GigPage {
        items,
        total,
        page,
        per_page,
        pages,
    }))
}

/// One gig that is visible to everyone.
#[utoipa::path(
    get,
    path = "/api/v1/gigs/{id}",
    params(("id" = i32, Path, description = "The gig's id")),
    responses(
        (status = 200, description = "The gig", body = GigDetail),
        (status = 404, description = "No public gig has this id", body = ErrorBody)
    ),
    tag = "gigs"
)]
pub async fn get_one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<GigDetail>, ApiError> {
    let id: i32 = id.parse().map_err(|_| AppError::NotFound)?;
    let detail = app::gigs::server::service::detail(&state.db, None, id).await?;
    Ok(Json(detail.into()))
}
