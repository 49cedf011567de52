//! A micro-cache of the public pages visitors who are not signed in see:
//! the landing page, the gig board and gigs, "Find talent" and profiles.
//!
//! Rendering the gig board (twenty cards and the data they hydrate from)
//! costs several times the shell of the 404 page. For a visitor without a
//! session the page depends only on its address and on the data, so its
//! HTML is kept for at most [`TTL`] and dropped at once when a gig or a
//! profile changes (the listing caches' generations). Every answer still
//! gets its own Content-Security-Policy nonce: the cached page's nonce is
//! replaced with a fresh one wherever it appears. When a page outlives its
//! TTL (but not a data change), one request renders it again while the
//! others are still answered from the old copy, so a busy page never makes
//! every waiting visitor render it at once. Signed-in visitors,
//! anything but `GET`, addresses carrying Leptos' error parameters and
//! answers other than a plain 200 page are never cached.

use app::search::{GIGS_CHANGED, TALENT_CHANGED};
use axum::body::{Body, Bytes, to_bytes};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE;
use http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

/// The longest a page is served from the cache.
pub const TTL: Duration = Duration::from_secs(5);
/// The most pages kept.
const MAX_PAGES: usize = 500;
/// The largest page kept.
const MAX_PAGE_BYTES: usize = 512 * 1024;

struct Page {
    stored: Instant,
    generation: u64,
    /// A request is rendering this page again (its TTL passed).
    refreshing: bool,
    nonce: String,
    headers: HeaderMap,
    body: Bytes,
}

static PAGES: LazyLock<Mutex<HashMap<String, Page>>> = LazyLock::new(Default::default);

/// The data generation the cached pages follow.
fn generation() -> u64 {
    GIGS_CHANGED
        .current()
        .wrapping_add(TALENT_CHANGED.current() << 32)
}

/// Whether a page at `path` looks the same for every visitor.
fn is_public_page(path: &str) -> bool {
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match segments.as_slice() {
        [""] | ["gigs"] | ["talent"] => true,
        ["gigs", id] => id.parse::<u32>().is_ok(),
        ["talent", name] => *name != "saved",
        _ => false,
    }
}

/// The cache key of a request that may be answered from the cache.
fn cacheable(request: &Request) -> Option<String> {
    let signed_in = request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.contains(crate::router::SESSION_COOKIE));
    let uri = request.uri();
    let query = uri.query().unwrap_or_default();
    let plain = *request.method() == Method::GET
        && !signed_in
        && !query.contains("__")
        && is_public_page(uri.path());
    plain.then(|| format!("{}?{query}", uri.path()))
}

/// The nonce of a page's Content-Security-Policy.
fn nonce_of(headers: &HeaderMap) -> Option<String> {
    let policy = headers
        .get(header::CONTENT_SECURITY_POLICY)?
        .to_str()
        .ok()?;
    let start = policy.find("'nonce-")? + "'nonce-".len();
    let end = policy[start..].find('\'')? + start;
    Some(policy[start..end].to_string())
}

/// A fresh nonce, like Leptos' own.
fn fresh_nonce() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system's random numbers");
    URL_SAFE.encode(bytes)
}

/// A copy of a cached page under a fresh nonce.
fn serve(page: &Page) -> Response {
    let nonce = fresh_nonce();
    let body = String::from_utf8_lossy(&page.body).replace(&page.nonce, &nonce);
    let mut response = Response::new(Body::from(body));
    *response.headers_mut() = page.headers.clone();
    if let Some(policy) = page
        .headers
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .and_then(|p| HeaderValue::from_str(&p.replace(&page.nonce, &nonce)).ok())
    {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    response.headers_mut().remove(header::CONTENT_LENGTH);
    response
}

/// Which server's pages these are (`AppState::listing_scope`): two servers
/// in one process (tests) never share pages.
#[derive(Clone, Copy, Debug)]
pub struct Scope(pub u64);

/// Answers public pages for visitors from the cache, and fills it.
pub async fn page_cache(
    State(Scope(scope)): State<Scope>,
    request: Request,
    next: Next,
) -> Response {
    let Some(key) = cacheable(&request).map(|k| format!("{scope}:{k}")) else {
        return next.run(request).await;
    };
    let current = generation();
    {
        let mut pages = PAGES.lock().expect("page cache lock");
        if let Some(page) = pages.get_mut(&key).filter(|p| p.generation == current) {
            if page.stored.elapsed() < TTL || page.refreshing {
                return serve(page);
            }
            page.refreshing = true;
        }
    }
    let response = next.run(request).await;
    let keep = response.status() == StatusCode::OK
        && !response.headers().contains_key(header::SET_COOKIE)
        && response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.starts_with("text/html"));
    let Some(nonce) = nonce_of(response.headers()).filter(|_| keep) else {
        PAGES.lock().expect("page cache lock").remove(&key);
        return response;
    };
    let (parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_PAGE_BYTES).await else {
        PAGES.lock().expect("page cache lock").remove(&key);
        return Response::from_parts(parts, Body::empty());
    };
    let mut pages = PAGES.lock().expect("page cache lock");
    if pages.len() >= MAX_PAGES {
        pages.retain(|_, p| p.generation == current && p.stored.elapsed() < TTL * 2);
        if pages.len() >= MAX_PAGES {
            pages.clear();
        }
    }
    pages.insert(
        key,
        Page {
            stored: Instant::now(),
            generation: current,
            refreshing: false,
            nonce,
            headers: parts.headers.clone(),
            body: bytes.clone(),
        },
    );
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(path: &str, cookie: Option<&str>) -> Request {
        let mut builder = http::Request::get(path);
        if let Some(c) = cookie {
            builder = builder.header(header::COOKIE, c);
        }
        builder.body(Body::empty()).unwrap()
    }

    #[test]
    fn only_public_pages_of_visitors_are_cached() {
        assert_eq!(
            cacheable(&get("/gigs?q=shop", None)).as_deref(),
            Some("/gigs?q=shop")
        );
        assert!(cacheable(&get("/", None)).is_some());
        assert!(cacheable(&get("/gigs/12", None)).is_some());
        assert!(cacheable(&get("/talent/diego", None)).is_some());
        assert!(cacheable(&get("/talent/saved", None)).is_none());
        assert!(cacheable(&get("/gigs/new", None)).is_none());
        assert!(cacheable(&get("/dashboard", None)).is_none());
        assert!(cacheable(&get("/gigs", Some("guild_session=abc"))).is_none());
        assert!(cacheable(&get("/login?__path=x&__err=y", None)).is_none());
        let post = http::Request::post("/gigs").body(Body::empty()).unwrap();
        assert!(cacheable(&post).is_none());
    }

    #[test]
    fn a_served_copy_carries_a_fresh_nonce_everywhere() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("script-src 'self' 'nonce-OLDNONCE' 'wasm-unsafe-eval'"),
        );
        assert_eq!(nonce_of(&headers).as_deref(), Some("OLDNONCE"));
        let page = Page {
            stored: Instant::now(),
            generation: 0,
            refreshing: false,
            nonce: "OLDNONCE".into(),
            headers,
            body: Bytes::from_static(
                b"<script nonce=\"OLDNONCE\">x</script><link crossorigin=\"OLDNONCE\">",
            ),
        };
        let response = serve(&page);
        let policy = response.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .to_string();
        assert!(!policy.contains("OLDNONCE"));
        let fresh = nonce_of(response.headers()).unwrap();
        assert_ne!(fresh, "OLDNONCE");
        assert_eq!(fresh.len(), 24);
    }
}
