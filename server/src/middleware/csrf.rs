//! Cross-site request forgery defence for every state-changing request.
//!
//! A request that may change state (any method but GET/HEAD/OPTIONS, and any
//! WebSocket upgrade) passes only if `Sec-Fetch-Site` is `same-origin` or
//! `none`, or, when the browser sent no `Sec-Fetch-Site`, if `Origin` equals
//! the configured public origin. With neither header it is refused (403).

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, Method, StatusCode, header};
use std::sync::Arc;

/// The origin browsers reach Guild at, e.g. `https://guild.example`.
#[derive(Clone, Debug)]
pub struct PublicOrigin(pub Arc<str>);

/// Whether the request comes from Guild's own pages or from the user typing
/// the address: `Sec-Fetch-Site` is `same-origin` or `none`, or, when the
/// browser sent no `Sec-Fetch-Site`, `Origin` equals the public origin.
pub fn is_same_origin(headers: &HeaderMap, public_origin: &str) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return matches!(site.to_str(), Ok("same-origin" | "none"));
    }
    headers
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|origin| {
            origin
                .trim_end_matches('/')
                .eq_ignore_ascii_case(public_origin)
        })
}

/// Whether a request cannot change state: GET, HEAD or OPTIONS, and not a
/// WebSocket upgrade.
fn is_safe(method: &Method, headers: &HeaderMap) -> bool {
    let upgrade = headers
        .get(header::UPGRADE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("websocket"));
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) && !upgrade
}

/// Whether a request with this method and these headers may change state.
pub fn is_allowed(method: &Method, headers: &HeaderMap, public_origin: &str) -> bool {
    is_safe(method, headers) || is_same_origin(headers, public_origin)
}

/// Refuses cross-site state-changing requests with 403.
pub async fn csrf(State(origin): State<PublicOrigin>, request: Request, next: Next) -> Response {
    if !is_allowed(request.method(), request.headers(), &origin.0) {
        tracing::warn!(method = %request.method(), path = %request.uri().path(), "cross-site request refused");
        return (StatusCode::FORBIDDEN, "Cross-site request refused.").into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGIN: &str = "http://127.0.0.1:3000";

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(k, v)| {
                (
                    http::HeaderName::from_static(k),
                    http::HeaderValue::from_static(v),
                )
            })
            .collect()
    }

    #[test]
    fn safe_methods_pass() {
        assert!(is_allowed(
            &Method::GET,
            &headers(&[("sec-fetch-site", "cross-site")]),
            ORIGIN
        ));
    }

    #[test]
    fn same_origin_and_direct_navigation_pass() {
        assert!(is_allowed(
            &Method::POST,
            &headers(&[("sec-fetch-site", "same-origin")]),
            ORIGIN
        ));
        assert!(is_allowed(
            &Method::POST,
            &headers(&[("sec-fetch-site", "none")]),
            ORIGIN
        ));
    }

    #[test]
    fn cross_site_fetch_metadata_wins_over_origin() {
        let h = headers(&[("sec-fetch-site", "cross-site"), ("origin", ORIGIN)]);
        assert!(!is_allowed(&Method::POST, &h, ORIGIN));
        assert!(!is_allowed(
            &Method::POST,
            &headers(&[("sec-fetch-site", "same-site")]),
            ORIGIN
        ));
    }

    #[test]
    fn origin_is_checked_only_without_fetch_metadata() {
        assert!(is_allowed(
            &Method::POST,
            &headers(&[("origin", ORIGIN)]),
            ORIGIN
        ));
        assert!(!is_allowed(
            &Method::POST,
            &headers(&[("origin", "https://evil.example")]),
            ORIGIN
        ));
        assert!(!is_allowed(&Method::DELETE, &headers(&[]), ORIGIN));
    }

    #[test]
    fn websocket_upgrades_are_checked_too() {
        let h = headers(&[("upgrade", "websocket"), ("origin", "https://evil.example")]);
        assert!(!is_allowed(&Method::GET, &h, ORIGIN));
    }
}
