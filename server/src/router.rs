//! The axum router: Leptos pages and server functions, health check, static
//! files, and the middleware stack.

use crate::config::Config;
use crate::middleware::{
    csrf, error_status, form_errors, input_guard, security_headers, session_lifetime,
};
use crate::session_store::DbSessionStore;
use app::state::AppState;
use app::{App, shell};
use axum::Router;
use axum::routing::get;
use leptos_axum::{
    AxumRouteListing, LeptosRoutes, file_and_error_handler_with_context, generate_route_list,
};
use std::sync::{Arc, OnceLock};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::cookie::time::Duration;
use tower_sessions::{Expiry, SessionManagerLayer};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "guild_session";
/// Sessions expire after this long without activity.
pub const INACTIVITY_MINUTES: i64 = 30;

/// The page routes, generated once per process. Generating them renders the
/// app in Leptos' route-listing mode, and a page render on another thread at
/// the same moment can stall forever (seen when a test process builds a
/// router per test while other tests render pages).
fn page_routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// Builds the whole application. Requests pass, outermost first: tracing,
/// timeout (408), body limit (413), security headers, CSRF (403), form-error
/// integrity, input bounds (400/422), error status mapping, sessions,
/// session lifetime, then the handler.
pub fn app(state: AppState, config: &Config) -> Router {
    let routes = page_routes();
    let options = state.leptos_options.clone();
    let sessions = SessionManagerLayer::new(DbSessionStore::new(state.db.clone()))
        .with_name(SESSION_COOKIE)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(config.secure_cookies())
        .with_expiry(Expiry::OnInactivity(Duration::minutes(INACTIVITY_MINUTES)));
    let origin = csrf::PublicOrigin(Arc::from(config.public_origin.as_str()));

    let router = Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/avatars/{file}", get(crate::avatars::avatar))
        .merge(crate::public_api::routes())
        .leptos_routes_with_context(
            &state,
            routes,
            security_headers::provide_page_csp,
            move || shell(options.clone()),
        )
        .fallback(file_and_error_handler_with_context::<AppState, _>(
            security_headers::provide_page_csp,
            shell,
        ))
        .layer(axum::middleware::from_fn(
            session_lifetime::session_lifetime,
        ))
        .layer(sessions)
        .layer(axum::middleware::from_fn(error_status::error_status))
        .layer(axum::middleware::from_fn(input_guard::input_guard))
        .layer(axum::middleware::from_fn_with_state(
            form_errors::FormErrorKey::new(config.secret.bytes(), config.secure_cookies()),
            form_errors::form_errors,
        ))
        .layer(axum::middleware::from_fn_with_state(origin, csrf::csrf))
        .with_state(state);
    security_headers::add_static_headers(router)
        .layer(RequestBodyLimitLayer::new(config.body_limit_bytes))
        .layer(TimeoutLayer::with_status_code(
            http::StatusCode::REQUEST_TIMEOUT,
            config.request_timeout,
        ))
        .layer(TraceLayer::new_for_http())
}
