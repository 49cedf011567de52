//! `GET /metrics`: Prometheus' text format, for a scraper holding the token
//! from `GUILD_METRICS_TOKEN` (`Authorization: Bearer …`). Without a
//! configured token the endpoint does not exist (404); a wrong or missing
//! token gets 401.
//!
//! Requests are counted and timed per route pattern (`/gigs/{id}`, never
//! the raw path, so the label set stays bounded), method and status
//! class; sockets, the database pool and the email outbox are read when
//! scraped. Built on `prometheus-client`, the Prometheus project's own Rust
//! client, with one registry per router (no process-wide state).

use app::health::server::{Vitals, outbox_waiting, pool_usage};
use app::live::server::hub::Hub;
use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use sea_orm::DatabaseConnection;
use std::sync::Arc;
use std::time::Instant;
use subtle::ConstantTimeEq;

/// The labels of one kind of request.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    method: String,
    route: String,
    status: String,
}

/// The route pattern a request matched, passed from the router to the
/// outer layer that records it.
#[derive(Clone, Debug)]
struct RouteName(Arc<str>);

fn latency_histogram() -> Histogram {
    // 1 ms … about 16 s.
    Histogram::new(exponential_buckets(0.001, 2.0, 15))
}

/// The registry and the metrics recorded as requests pass.
pub struct Metrics {
    registry: Registry,
    requests: Family<RouteLabels, Counter>,
    latency: Family<RouteLabels, Histogram, fn() -> Histogram>,
    sockets: Gauge,
    pool_size: Gauge,
    pool_idle: Gauge,
    outbox_backlog: Gauge,
    uptime: Gauge,
    started: Instant,
    vitals: Arc<Vitals>,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Metrics").finish_non_exhaustive()
    }
}

impl Metrics {
    /// An empty registry; server errors are also counted in `vitals` (for
    /// the health page).
    pub fn new(vitals: Arc<Vitals>) -> Self {
        let mut registry = Registry::with_prefix("guild");
        let requests = Family::<RouteLabels, Counter>::default();
        let latency = Family::<RouteLabels, Histogram, fn() -> Histogram>::new_with_constructor(
            latency_histogram,
        );
        let (sockets, pool_size, pool_idle, outbox_backlog, uptime) = Default::default();
        registry.register(
            "http_requests",
            "HTTP requests by route pattern, method and status class",
            requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "Time to the response's head, by route pattern, method and status class",
            latency.clone(),
        );
        registry.register(
            "live_sockets",
            "Open WebSockets on this instance",
            Gauge::clone(&sockets),
        );
        registry.register(
            "db_pool_connections",
            "Database connections open in the pool",
            Gauge::clone(&pool_size),
        );
        registry.register(
            "db_pool_idle",
            "Idle database connections in the pool",
            Gauge::clone(&pool_idle),
        );
        registry.register(
            "email_outbox_backlog",
            "Emails waiting to be sent",
            Gauge::clone(&outbox_backlog),
        );
        registry.register(
            "uptime_seconds",
            "Seconds since this instance started",
            Gauge::clone(&uptime),
        );
        Self {
            registry,
            requests,
            latency,
            sockets,
            pool_size,
            pool_idle,
            outbox_backlog,
            uptime,
            started: Instant::now(),
            vitals,
        }
    }
}

/// A method as a bounded label.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::HEAD => "HEAD",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// Router layer (`route_layer`): tells the recording layer which route
/// pattern answered.
pub async fn mark_route(request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|m| RouteName(Arc::from(m.as_str())));
    let mut response = next.run(request).await;
    if let Some(route) = route {
        response.extensions_mut().insert(route);
    }
    response
}

/// Outer layer: counts and times every request (a path no route matched
/// counts as `unmatched`).
pub async fn record(State(metrics): State<Arc<Metrics>>, request: Request, next: Next) -> Response {
    let method = method_label(request.method());
    let started = Instant::now();
    let response = next.run(request).await;
    let route = response
        .extensions()
        .get::<RouteName>()
        .map_or_else(|| "unmatched".to_string(), |r| r.0.to_string());
    if response.status().is_server_error() {
        metrics.vitals.record_error();
    }
    let labels = RouteLabels {
        method: method.to_string(),
        route,
        status: format!("{}xx", response.status().as_u16() / 100),
    };
    metrics.requests.get_or_create(&labels).inc();
    metrics
        .latency
        .get_or_create(&labels)
        .observe(started.elapsed().as_secs_f64());
    response
}

/// What `/metrics` reads and who may read it.
#[derive(Clone, Debug)]
pub struct Endpoint {
    /// The recorded metrics.
    pub metrics: Arc<Metrics>,
    /// The scraper's token (`None`: no endpoint).
    pub token: Option<Arc<str>>,
    /// The pool, for its size and the outbox.
    pub db: DatabaseConnection,
    /// This instance's sockets.
    pub hub: Arc<Hub>,
}

/// Whether `headers` carry `Bearer <token>` (compared in constant time).
fn authorized(headers: &HeaderMap, token: &str) -> bool {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .is_some_and(|given| bool::from(given.as_bytes().ct_eq(token.as_bytes())))
}

/// Serves the metrics to a scraper with the token.
pub async fn metrics(State(endpoint): State<Endpoint>, headers: HeaderMap) -> Response {
    let Some(token) = &endpoint.token else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if !authorized(&headers, token) {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"))],
            "A scraper token is needed.\n",
        )
            .into_response();
    }
    let m = &endpoint.metrics;
    m.sockets.set(endpoint.hub.socket_count() as i64);
    let (size, idle, _) = pool_usage(&endpoint.db);
    m.pool_size.set(i64::from(size));
    m.pool_idle.set(i64::from(idle));
    match outbox_waiting(&endpoint.db).await {
        Ok(n) => {
            m.outbox_backlog.set(n as i64);
        }
        Err(e) => tracing::warn!(error = %e, "metrics: cannot count the email outbox"),
    }
    m.uptime.set(m.started.elapsed().as_secs() as i64);
    let mut body = String::new();
    if let Err(e) = encode(&mut body, &m.registry) {
        tracing::error!(error = %e, "metrics: cannot encode");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/openmetrics-text; version=1.0.0; charset=utf-8"),
        )],
        body,
    )
        .into_response()
}
