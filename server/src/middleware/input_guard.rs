//! Bounds every input before any server function sees it.
//!
//! * A server-function form field (whatever the declared content type) longer
//!   than [`MAX_FIELD_CHARS`] or holding
//!   NUL or another control character (newlines and tabs aside) is refused
//!   with 422 and a field message, so no server function parses, hashes,
//!   classifies or stores it; without JavaScript the browser is sent back to
//!   the form with the same error, the way Leptos returns its own errors.
//! * A URL whose path or query decodes to a control character (`%00`, …;
//!   newlines and tabs are allowed in the query) is refused with 400: such
//!   bytes have no meaning in Guild, and PostgreSQL rejects NUL.

use app::error::{AppError, FormErrors};
use app::text::{MAX_FIELD_CHARS, has_forbidden_control};
use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE;
use http::{HeaderMap, Method, StatusCode, header};
use url::form_urlencoded;

/// Whether a percent-encoded URL part decodes to a control byte; `allowed`
/// lists the control bytes that may appear.
fn encodes_control(part: &str, allowed: &[u8]) -> bool {
    let bytes = part.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        let decoded = if b == b'%' {
            bytes
                .get(i + 1..i + 3)
                .and_then(|hex| std::str::from_utf8(hex).ok())
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
        } else {
            Some(b)
        };
        decoded.is_some_and(|d| (d < 0x20 || d == 0x7f) && !allowed.contains(&d))
    })
}

/// The readable name of a form field: `gig[title]` → `title`.
fn field_label(name: &str) -> &str {
    name.split(['[', ']'])
        .rfind(|s| !s.is_empty() && !s.chars().all(|c| c.is_ascii_digit()))
        .unwrap_or(name)
}

/// The first problem with a form body's fields, as an [`AppError`].
pub fn check_fields(body: &[u8]) -> Result<(), AppError> {
    for (name, value) in form_urlencoded::parse(body) {
        let label = field_label(&name);
        let message = if value.chars().count() > MAX_FIELD_CHARS {
            "Keep this under 20,000 characters."
        } else if has_forbidden_control(&value) {
            "Remove the control characters from this text."
        } else {
            continue;
        };
        let mut errors = FormErrors::new();
        errors.add(label, message);
        return Err(AppError::Invalid(
            errors.with_form(format!("Check “{label}”: {message}")),
        ));
    }
    Ok(())
}

fn accepts_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"))
}

/// The header server functions put on their error responses.
const SERVER_FN_ERROR: &str = "serverfnerror";

/// The answer to a refused server-function call: 422 with the error as
/// JSON, or, for a plain form post, a redirect back to the form carrying
/// the error the way Leptos carries its own.
fn refusal(error: &AppError, path: &str, headers: &HeaderMap) -> Response {
    let json = serde_json::to_string(error).unwrap_or_default();
    let referer = headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| url::Url::parse(r).ok());
    match referer {
        Some(mut back) if accepts_html(headers) => {
            back.query_pairs_mut()
                .append_pair("__path", path)
                .append_pair("__err", &URL_SAFE.encode(&json));
            (
                StatusCode::FOUND,
                [
                    (header::LOCATION.as_str(), back.to_string()),
                    (SERVER_FN_ERROR, path.to_string()),
                ],
            )
                .into_response()
        }
        _ => (
            StatusCode::UNPROCESSABLE_ENTITY,
            [
                (
                    header::CONTENT_TYPE.as_str(),
                    "application/json".to_string(),
                ),
                (SERVER_FN_ERROR, path.to_string()),
            ],
            json,
        )
            .into_response(),
    }
}

/// Refuses URLs with control characters and server-function form fields
/// that are too long or carry control characters.
pub async fn input_guard(request: Request, next: Next) -> Response {
    let uri = request.uri();
    if encodes_control(uri.path(), &[])
        || encodes_control(uri.query().unwrap_or_default(), b"\t\n\r")
    {
        return (
            StatusCode::BAD_REQUEST,
            "The address holds characters Guild does not accept.",
        )
            .into_response();
    }
    // Server functions read their body as a form whatever its declared
    // type, so every POST to one is checked.
    let is_server_fn =
        request.method() == Method::POST && request.uri().path().starts_with("/api/");
    if !is_server_fn {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, usize::MAX).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    if let Err(error) = check_fields(&bytes) {
        return refusal(&error, parts.uri.path(), &parts.headers);
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_controls_are_found() {
        assert!(encodes_control("/talent/%00", &[]));
        assert!(encodes_control("q=a%0ab", &[]));
        assert!(!encodes_control("q=a%0ab", b"\n"));
        assert!(encodes_control("q=%7F", b"\n"));
        assert!(!encodes_control("q=shop%20online&page=2", &[]));
        assert!(!encodes_control("q=100%", &[]));
    }

    #[test]
    fn long_or_nul_fields_are_refused_by_name() {
        assert!(check_fields(b"gig%5Btitle%5D=Shop&submit=on").is_ok());
        let long = format!("text={}", "a".repeat(MAX_FIELD_CHARS + 1));
        let error = check_fields(long.as_bytes()).unwrap_err();
        assert_eq!(error.status(), 422);
        assert!(error.field("text").unwrap().contains("20,000"));
        let nul = check_fields(b"gig%5Btitle%5D=a%00b").unwrap_err();
        assert!(nul.field("title").unwrap().contains("control"));
        assert!(check_fields(b"cover_letter=line%0D%0Aline%09x").is_ok());
    }

    #[test]
    fn labels_are_the_innermost_name() {
        assert_eq!(field_label("gig[title]"), "title");
        assert_eq!(field_label("milestones[0][amount]"), "amount");
        assert_eq!(field_label("identifier"), "identifier");
    }
}
