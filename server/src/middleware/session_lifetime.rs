//! Session lifetimes on top of tower-sessions' 30-minute inactivity expiry:
//! the expiry slides (the record is re-saved at most once a minute, not on
//! every request), and a session ends 12 hours after sign-in whatever happens.

use app::accounts::server::{now, session_keys};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use tower_sessions::Session;

/// A session older than this is ended.
pub const ABSOLUTE_LIFETIME_SECS: i64 = 12 * 60 * 60;
/// The inactivity expiry is pushed back at most this often.
pub const TOUCH_EVERY_SECS: i64 = 60;

/// What to do with a signed-in session at `now`.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Leave it.
    Keep,
    /// Save it again so its inactivity expiry moves forward.
    Touch,
    /// It outlived the absolute lifetime: end it.
    End,
}

/// Decides from the sign-in time and the last touch.
pub fn verdict(started_at: i64, touched_at: Option<i64>, now: i64) -> Verdict {
    if now - started_at >= ABSOLUTE_LIFETIME_SECS {
        Verdict::End
    } else if now - touched_at.unwrap_or(started_at) >= TOUCH_EVERY_SECS {
        Verdict::Touch
    } else {
        Verdict::Keep
    }
}

/// Applies [`verdict`] before the request is handled (static files never
/// reach this layer).
pub async fn session_lifetime(session: Session, request: Request, next: Next) -> Response {
    if let Ok(Some(started_at)) = session.get::<i64>(session_keys::STARTED_AT).await {
        let touched_at = session
            .get::<i64>(session_keys::TOUCHED_AT)
            .await
            .ok()
            .flatten();
        let now = now();
        let outcome = match verdict(started_at, touched_at, now) {
            Verdict::End => session.flush().await,
            Verdict::Touch => session.insert(session_keys::TOUCHED_AT, now).await,
            Verdict::Keep => Ok(()),
        };
        if let Err(e) = outcome {
            tracing::warn!(error = %e, "could not update the session lifetime");
        }
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_sessions_are_kept() {
        assert_eq!(verdict(1_000, Some(1_000), 1_030), Verdict::Keep);
    }

    #[test]
    fn active_sessions_are_touched_once_a_minute() {
        assert_eq!(verdict(1_000, Some(1_000), 1_060), Verdict::Touch);
        assert_eq!(verdict(1_000, None, 1_100), Verdict::Touch);
    }

    #[test]
    fn twelve_hours_after_sign_in_the_session_ends() {
        assert_eq!(
            verdict(0, Some(ABSOLUTE_LIFETIME_SECS - 1), ABSOLUTE_LIFETIME_SECS),
            Verdict::End
        );
    }
}
