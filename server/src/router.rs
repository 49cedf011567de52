//! The axum router: Leptos pages and server functions, health check, static
//! files, and the middleware stack.

use crate::config::Config;
use crate::middleware::{
    csrf, error_status, form_errors, input_guard, page_cache, security_headers, session_lifetime,
};
use crate::session_store::DbSessionStore;
use app::state::AppState;
use app::{App, shell};
use axum::Router;
use axum::routing::get;
use http::{HeaderValue, header};
use leptos_axum::{AxumRouteListing, LeptosRoutes, generate_route_list};
use std::sync::{Arc, OnceLock};
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
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

/// Renders the app for a path no route matched (its 404 page). Static files
/// have their own routes, so nothing is looked up on disk first.
fn not_found_page(
    state: AppState,
) -> impl Fn(
    axum::extract::Request,
) -> std::pin::Pin<Box<dyn Future<Output = axum::response::Response> + Send>>
+ Clone
+ Send
+ Sync
+ 'static {
    let options = state.leptos_options.clone();
    let render = leptos_axum::render_app_async_with_context(
        move || {
            leptos::prelude::provide_context(state.clone());
            security_headers::provide_page_csp();
        },
        move || shell(options.clone()),
    );
    move |request| Box::pin(render(request))
}

/// Builds the whole application. Requests pass, outermost first: tracing,
/// metrics (counted and timed by route pattern), timeout (408), compression, body limit (413), security headers and a
/// default `Cache-Control: no-cache`, then one of three routers:
///
/// * the site's static files (a plain file server, no other layers);
/// * the health and readiness checks, metrics, avatars and the public API: input bounds (400);
/// * pages, server functions and the live socket (`/ws`): CSRF (403), form-error integrity, input
///   bounds (400/422), the visitors' page cache, error status mapping,
///   sessions, session lifetime.
pub fn app(state: AppState, config: &Config) -> Router {
    let routes = page_routes();
    let options = state.leptos_options.clone();
    let sessions =
        SessionManagerLayer::new(DbSessionStore::new(state.db.clone(), state.live.clone()))
            .with_name(SESSION_COOKIE)
            .with_http_only(true)
            .with_same_site(SameSite::Lax)
            .with_secure(config.secure_cookies())
            .with_expiry(Expiry::OnInactivity(Duration::minutes(INACTIVITY_MINUTES)));
    let origin = csrf::PublicOrigin(Arc::from(config.public_origin.as_str()));
    let shell_options = options.clone();

    let upgrade_rules = crate::live::upgrade::UpgradeRules {
        public_origin: Arc::from(config.public_origin.as_str()),
        trusted_proxies: config.trusted_proxies,
    };
    let pages = Router::new()
        .route("/ws", get(crate::live::upgrade))
        .route("/admin/ledger.csv", get(crate::ops::ledger_csv::ledger_csv))
        .route(
            "/settings/export.json",
            get(crate::ops::export_json::export_json),
        )
        .route(
            "/admin/analytics.csv",
            get(crate::ops::analytics_csv::analytics_csv),
        )
        .layer(axum::Extension(upgrade_rules))
        .leptos_routes_with_context(
            &state,
            routes,
            security_headers::provide_page_csp,
            move || shell(shell_options.clone()),
        )
        .fallback(not_found_page(state.clone()))
        .layer(axum::middleware::from_fn(
            session_lifetime::session_lifetime,
        ))
        .layer(sessions)
        .layer(axum::middleware::from_fn(error_status::error_status))
        .layer(axum::middleware::from_fn_with_state(
            page_cache::Scope(state.listing_scope),
            page_cache::page_cache,
        ))
        .layer(axum::middleware::from_fn(input_guard::input_guard))
        .layer(axum::middleware::from_fn_with_state(
            form_errors::FormErrorKey::new(config.secret.bytes(), config.secure_cookies()),
            form_errors::form_errors,
        ))
        .layer(axum::middleware::from_fn_with_state(origin, csrf::csrf))
        .with_state(state.clone());
    let metrics = Arc::new(crate::ops::metrics::Metrics::new(state.vitals.clone()));
    let api = Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route(
            "/metrics",
            get(crate::ops::metrics::metrics).with_state(crate::ops::metrics::Endpoint {
                metrics: metrics.clone(),
                token: config.metrics_token.as_deref().map(Arc::from),
                db: state.db.clone(),
                hub: state.live.clone(),
            }),
        )
        .route(
            "/readyz",
            get(crate::ops::readiness::readyz).with_state(crate::ops::readiness::Dependencies {
                db: state.db.clone(),
                redis_url: config.redis_url.clone(),
            }),
        )
        .route("/avatars/{file}", get(crate::avatars::avatar))
        .merge(crate::public_api::routes())
        .layer(axum::middleware::from_fn(input_guard::input_guard))
        .with_state(state);
    let router = crate::static_files::routes(&options)
        .merge(api)
        .merge(pages)
        .route_layer(axum::middleware::from_fn(crate::ops::metrics::mark_route));
    security_headers::add_static_headers(router)
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
        .layer(RequestBodyLimitLayer::new(config.body_limit_bytes))
        // Pages and JSON are compressed as they are sent: gzip at the
        // fastest level (zlib-rs). Brotli, even at quality 4, halved the
        // throughput of the gig board; the bundles are precompressed with
        // brotli at build time instead (see static_files).
        .layer(
            CompressionLayer::new()
                .no_br()
                .no_deflate()
                .no_zstd()
                .quality(CompressionLevel::Fastest),
        )
        .layer(TimeoutLayer::with_status_code(
            http::StatusCode::REQUEST_TIMEOUT,
            config.request_timeout,
        ))
        .layer(axum::middleware::from_fn_with_state(
            metrics,
            crate::ops::metrics::record,
        ))
        .layer(TraceLayer::new_for_http())
}
