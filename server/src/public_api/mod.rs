//! The read-only public JSON API under `/api/v1`, documented by an OpenAPI 3
//! document generated from this code (utoipa) at `/api/v1/openapi.json`.

mod errors;
mod freelancers;
mod gigs;
mod types;

use app::state::AppState;
use axum::Router;
use axum::routing::get;
use utoipa::OpenApi;

/// The OpenAPI document of the public API.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Guild public API",
        version = "1.0.0",
        description = "Read-only access to Guild's approved freelancers and coaches and its open gigs. \
                       Pages are numbered from 1; bad parameters get 400 with a message per parameter."
    ),
    paths(freelancers::list, freelancers::get_one, gigs::list, gigs::get_one),
    components(schemas(
        types::FreelancerItem,
        types::FreelancerDetail,
        types::FreelancerPage,
        types::PortfolioLink,
        types::SpokenLanguage,
        types::GigItem,
        types::GigDetail,
        types::GigPage,
        types::Budget,
        errors::ErrorBody
    ))
)]
pub struct ApiDoc;

/// The `/api/v1` routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/freelancers", get(freelancers::list))
        .route("/api/v1/freelancers/{username}", get(freelancers::get_one))
        .route("/api/v1/gigs", get(gigs::list))
        .route("/api/v1/gigs/{id}", get(gigs::get_one))
        .route(
            "/api/v1/openapi.json",
            get(|| async { axum::Json(ApiDoc::openapi()) }),
        )
}
