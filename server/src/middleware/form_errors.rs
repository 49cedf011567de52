//! Form errors shown without JavaScript are only those the server produced
//! for this browser.
//!
//! Without JavaScript a form posts to its server function, which answers an
//! error by redirecting back to the form's page with the error in the URL
//! (`?__path=/api/…&__err=<base64 JSON>`), and the page shows it in the
//! form's alert. Anyone can write such a URL, so a link could put their own
//! words inside Guild's official error box. This middleware ties the two
//! ends together: when a server function's error response (it carries the
//! `serverfnerror` header naming the function) redirects with an error, the
//! response also sets a short-lived, HttpOnly cookie holding a MAC (keyed
//! with the server's secret) of exactly that error; a page request carrying
//! `__err` without the matching cookie is redirected to the same address
//! without the error. Success redirects never mark anything, whatever their
//! address says.

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hmac::{Hmac, Mac};
use http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use sha2::Sha256;
use std::sync::Arc;
use url::form_urlencoded;

/// The cookie holding the digest of the last error redirect.
pub const COOKIE: &str = "guild_form_error";
/// How long a redirected error may be shown (a reload within this time
/// shows it again).
const MAX_AGE_SECS: u32 = 300;
/// The query parameters Leptos uses for a server function's error.
const PATH_PARAM: &str = "__path";
const ERROR_PARAM: &str = "__err";

/// The header server functions put on their error responses, naming the
/// function (`/api/...`).
const SERVER_FN_ERROR: &str = "serverfnerror";

/// What the middleware needs: the key its MACs use and whether the cookie
/// is sent only over HTTPS.
#[derive(Clone, Debug)]
pub struct FormErrorKey {
    key: Arc<[u8]>,
    secure: bool,
}

impl FormErrorKey {
    /// A key from the server's secret.
    pub fn new(secret: &[u8], secure: bool) -> Self {
        Self {
            key: Arc::from(secret),
            secure,
        }
    }

    /// The MAC of one server function's error, as hex.
    fn tag(&self, path: &str, error: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes any key");
        mac.update(path.as_bytes());
        mac.update(&[0]);
        mac.update(error.as_bytes());
        mac.finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// The `__path` and `__err` of a query string, when it has an error.
fn error_params(query: &str) -> Option<(String, String)> {
    let mut path = None;
    let mut error = None;
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        match key.as_ref() {
            PATH_PARAM => path = Some(value.into_owned()),
            ERROR_PARAM => error = Some(value.into_owned()),
            _ => {}
        }
    }
    Some((path.unwrap_or_default(), error?))
}

/// The query string without the error parameters (`None` when nothing is left).
fn without_error(query: &str) -> Option<String> {
    let kept: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .filter(|(k, _)| k != PATH_PARAM && k != ERROR_PARAM)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    (!kept.is_empty()).then(|| {
        form_urlencoded::Serializer::new(String::new())
            .extend_pairs(kept)
            .finish()
    })
}

/// The value of cookie `name` in the request.
fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The query of a `Location` header value (absolute or relative).
fn location_query(location: &str) -> Option<&str> {
    let without_fragment = location.split('#').next()?;
    without_fragment.split_once('?').map(|(_, q)| q)
}

/// Whether a page request's error parameters were issued to this browser.
pub fn is_issued_here(key: &FormErrorKey, headers: &HeaderMap, query: &str) -> bool {
    match error_params(query) {
        None => true,
        Some((path, error)) => cookie(headers, COOKIE) == Some(key.tag(&path, &error).as_str()),
    }
}

/// The error a server function's error response redirects with: only when
/// the response carries the `serverfnerror` header, and only for the
/// function it names.
fn issued_error(headers: &HeaderMap) -> Option<(String, String)> {
    let function = headers.get(SERVER_FN_ERROR)?.to_str().ok()?;
    let location = headers.get(header::LOCATION)?.to_str().ok()?;
    let (path, error) = error_params(location_query(location)?)?;
    (path == function).then_some((path, error))
}

/// Strips error parameters nobody issued to this browser from page
/// requests, and marks error redirects of server functions as issued.
pub async fn form_errors(
    State(key): State<FormErrorKey>,
    request: Request,
    next: Next,
) -> Response {
    if matches!(*request.method(), Method::GET | Method::HEAD) {
        let query = request.uri().query().unwrap_or_default();
        if !is_issued_here(&key, request.headers(), query) {
            let path = request.uri().path();
            let target = match without_error(query) {
                Some(rest) => format!("{path}?{rest}"),
                None => path.to_string(),
            };
            tracing::warn!(%path, "form error in the address not issued to this browser; dropped");
            return (StatusCode::SEE_OTHER, [(header::LOCATION, target)]).into_response();
        }
        return next.run(request).await;
    }
    let mut response = next.run(request).await;
    if let Some((path, error)) = issued_error(response.headers()) {
        let secure = if key.secure { "; Secure" } else { "" };
        let value = format!(
            "{COOKIE}={}; Path=/; Max-Age={MAX_AGE_SECS}; HttpOnly; SameSite=Lax{secure}",
            key.tag(&path, &error)
        );
        if let Ok(value) = HeaderValue::from_str(&value) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> FormErrorKey {
        FormErrorKey::new(b"test secret", false)
    }

    fn with_cookie(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_str(&format!("guild_session=abc; {COOKIE}={value}")).unwrap(),
        );
        headers
    }

    #[test]
    fn an_error_needs_the_digest_of_exactly_that_error() {
        let key = key();
        let query = "next=%2Fgigs&__path=%2Fapi%2Fauth%2Flogin&__err=eyJJbnRlcm5hbCI6bnVsbH0";
        let right = key.tag("/api/auth/login", "eyJJbnRlcm5hbCI6bnVsbH0");
        assert!(is_issued_here(&key, &with_cookie(&right), query));
        assert!(!is_issued_here(&key, &HeaderMap::new(), query));
        let other = key.tag("/api/auth/login", "eyJGb3JiaWRkZW4iOiJoaSJ9");
        assert!(!is_issued_here(&key, &with_cookie(&other), query));
        let other_path = key.tag("/api/auth/signup", "eyJJbnRlcm5hbCI6bnVsbH0");
        assert!(!is_issued_here(&key, &with_cookie(&other_path), query));
        let other_key = FormErrorKey::new(b"another secret", false);
        let forged = other_key.tag("/api/auth/login", "eyJJbnRlcm5hbCI6bnVsbH0");
        assert!(!is_issued_here(&key, &with_cookie(&forged), query));
    }

    #[test]
    fn addresses_without_an_error_always_pass() {
        assert!(is_issued_here(&key(), &HeaderMap::new(), "q=shop&page=2"));
        assert!(is_issued_here(&key(), &HeaderMap::new(), ""));
    }

    #[test]
    fn only_error_responses_of_the_named_function_are_marked() {
        let location = "http://h/login?__path=%2Fapi%2Fauth%2Flogin&__err=eyJ9";
        let mut headers = HeaderMap::new();
        headers.insert(header::LOCATION, HeaderValue::from_static(location));
        assert_eq!(
            issued_error(&headers),
            None,
            "a success redirect marks nothing"
        );
        headers.insert(SERVER_FN_ERROR, HeaderValue::from_static("/api/gigs/save"));
        assert_eq!(issued_error(&headers), None, "another function's error");
        headers.insert(SERVER_FN_ERROR, HeaderValue::from_static("/api/auth/login"));
        assert_eq!(
            issued_error(&headers),
            Some(("/api/auth/login".into(), "eyJ9".into()))
        );
    }

    #[test]
    fn stripping_keeps_the_other_parameters() {
        assert_eq!(
            without_error("next=%2Fgigs&__path=x&__err=y").as_deref(),
            Some("next=%2Fgigs")
        );
        assert_eq!(without_error("__path=x&__err=y"), None);
    }

    #[test]
    fn locations_give_their_query() {
        assert_eq!(
            location_query("http://h/login?__err=a&__path=b#top"),
            Some("__err=a&__path=b")
        );
        assert_eq!(location_query("/dashboard"), None);
    }
}
