//! Small helpers for frames: answering errors, and reading the sequence
//! number of an event frame the hub formatted.

use app::error::AppError;
use app::live::protocol::{ErrorCode, ServerFrame};

/// The error frame for `error`, answering `client_id`'s send if given.
pub fn error_frame(error: &AppError, client_id: Option<String>) -> ServerFrame {
    let code = match error {
        AppError::Invalid(_) | AppError::Conflict(_) | AppError::BadRequest(_) => {
            ErrorCode::Invalid
        }
        AppError::TooManyRequests { .. } => ErrorCode::RateLimited,
        AppError::Forbidden(_) | AppError::NotFound | AppError::Unauthenticated => {
            ErrorCode::Forbidden
        }
        _ => ErrorCode::Internal,
    };
    let message = error
        .form_errors()
        .and_then(|f| f.fields.values().next().cloned().or_else(|| f.form.clone()))
        .unwrap_or_else(|| error.to_string());
    ServerFrame::Error {
        code,
        message,
        client_id,
    }
}

/// The sequence number of a logged-event frame (`{"type":"event","seq":N,…`).
pub fn event_seq(frame: &str) -> Option<i64> {
    let rest = frame.strip_prefix(r#"{"type":"event","seq":"#)?;
    let end = rest.find(',')?;
    rest[..end].parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_frames_reveal_their_number() {
        assert_eq!(
            event_seq(r#"{"type":"event","seq":42,"event":{}}"#),
            Some(42)
        );
        assert_eq!(event_seq(r#"{"type":"signal","topic":{}}"#), None);
    }

    #[test]
    fn errors_keep_their_field_message() {
        let mut errors = app::error::FormErrors::new();
        errors.add("body", "Write a message first.");
        let frame = error_frame(&AppError::Invalid(errors), Some("c1".into()));
        assert_eq!(
            frame,
            ServerFrame::Error {
                code: ErrorCode::Invalid,
                message: "Write a message first.".into(),
                client_id: Some("c1".into())
            }
        );
    }
}
