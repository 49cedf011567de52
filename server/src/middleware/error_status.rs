//! Maps a failed server function's [`AppError`] to its HTTP status.
//!
//! Leptos answers every server-function error with 500 and the JSON-encoded
//! error. This middleware reads that error back and sets the status the error
//! stands for (401, 403, 404, 409, 422, 429 with `Retry-After`, …), so the
//! HTTP surface is honest for API clients; the body is unchanged.

use app::error::AppError;
use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::{HeaderValue, StatusCode, header};

/// The largest error body read back. Errors echo what the user typed (so a
/// form without JavaScript can show it again), and every field is bounded
/// by the input guard and the body limit, so real errors stay far below
/// this; a larger body is answered as an internal error.
const MAX_ERROR_BODY: usize = 4 * 1024 * 1024;

/// Rewrites the status of server-function error responses.
pub async fn error_status(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key("serverfnerror")
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BODY).await else {
        tracing::error!("server function error body over {MAX_ERROR_BODY} bytes");
        let internal = serde_json::to_vec(&AppError::Internal).unwrap_or_default();
        return Response::from_parts(parts, Body::from(internal));
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status =
            StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        if let AppError::TooManyRequests { retry_after_secs } = error {
            parts
                .headers
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}
