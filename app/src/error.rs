//! Guild's one error type. Every server function returns `Result<T, AppError>`;
//! the server maps each variant to an HTTP status (see [`AppError::status`]),
//! logs internal causes and never sends them to the browser.

use leptos::prelude::{FromServerFnError, ServerFnErrorErr};
use leptos::server_fn::codec::JsonEncoding;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Field-level problems with a submitted form, plus the non-secret values the
/// user typed so a page rendered without JavaScript can show them again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormErrors {
    /// A message about the form as a whole.
    pub form: Option<String>,
    /// Messages keyed by field name.
    pub fields: BTreeMap<String, String>,
    /// Submitted values keyed by field name (never passwords).
    pub values: BTreeMap<String, String>,
}

impl FormErrors {
    /// No problems yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a problem with `field`; the first message per field wins.
    pub fn add(&mut self, field: &str, message: impl Into<String>) -> &mut Self {
        self.fields
            .entry(field.to_string())
            .or_insert_with(|| message.into());
        self
    }

    /// Sets the message about the whole form.
    pub fn with_form(mut self, message: impl Into<String>) -> Self {
        self.form = Some(message.into());
        self
    }

    /// Remembers a submitted value to show again.
    pub fn keep(&mut self, field: &str, value: &str) -> &mut Self {
        self.values.insert(field.to_string(), value.to_string());
        self
    }

    /// Whether no field has a problem and there is no form message.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.form.is_none()
    }

    /// `Ok(())` when empty, otherwise [`AppError::Invalid`].
    pub fn into_result(self) -> Result<(), AppError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(AppError::Invalid(self))
        }
    }
}

/// Everything that can go wrong in a server function, as the user may see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Input failed validation (422).
    #[error("Please correct the highlighted fields.")]
    Invalid(FormErrors),
    /// Input clashes with existing data, e.g. a taken email (409).
    #[error("Some of these details are already in use.")]
    Conflict(FormErrors),
    /// Unknown account or wrong password; deliberately indistinguishable (401).
    #[error("Incorrect email, username or password.")]
    InvalidCredentials(FormErrors),
    /// The request needs a signed-in user (401).
    #[error("Please log in to continue.")]
    Unauthenticated,
    /// The signed-in user may not do this (403).
    #[error("{0}")]
    Forbidden(String),
    /// Nothing here, or nothing this user may see (404).
    #[error("We couldn't find that.")]
    NotFound,
    /// Too many attempts; try again after the given number of seconds (429).
    #[error("Too many attempts. Please wait {retry_after_secs} seconds and try again.")]
    TooManyRequests {
        /// Seconds until the next attempt is allowed.
        retry_after_secs: u64,
    },
    /// Something failed on the server; details are in the server log only (500).
    #[error("Something went wrong on our side. Please try again.")]
    Internal,
    /// The request itself could not be read (400), e.g. a missing argument.
    #[error("The request could not be understood.")]
    BadRequest(ServerFnErrorErr),
}

impl AppError {
    /// The default "you may not do that" error.
    pub fn forbidden() -> Self {
        Self::Forbidden("You don't have permission to do that.".into())
    }

    /// The HTTP status this error is answered with.
    pub fn status(&self) -> u16 {
        match self {
            Self::Invalid(_) => 422,
            Self::Conflict(_) => 409,
            Self::InvalidCredentials(_) | Self::Unauthenticated => 401,
            Self::Forbidden(_) => 403,
            Self::NotFound => 404,
            Self::TooManyRequests { .. } => 429,
            Self::Internal => 500,
            Self::BadRequest(_) => 400,
        }
    }

    /// The form details, for errors that carry them.
    pub fn form_errors(&self) -> Option<&FormErrors> {
        match self {
            Self::Invalid(f) | Self::Conflict(f) | Self::InvalidCredentials(f) => Some(f),
            _ => None,
        }
    }

    /// The message for one field, if it has a problem.
    pub fn field(&self, name: &str) -> Option<String> {
        self.form_errors()?.fields.get(name).cloned()
    }

    /// A value the user submitted, to show again.
    pub fn value(&self, name: &str) -> Option<String> {
        self.form_errors()?.values.get(name).cloned()
    }

    /// The message to show above a form: the form-level message if there is one.
    pub fn summary(&self) -> String {
        self.form_errors()
            .and_then(|f| f.form.clone())
            .unwrap_or_else(|| self.to_string())
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::ServerError(_) | ServerFnErrorErr::Registration(_) => Self::Internal,
            other => Self::BadRequest(other),
        }
    }
}

impl From<ServerFnErrorErr> for AppError {
    fn from(value: ServerFnErrorErr) -> Self {
        Self::from_server_fn_error(value)
    }
}

#[cfg(feature = "ssr")]
mod server {
    use super::AppError;

    impl AppError {
        /// Logs an internal failure and returns the opaque [`AppError::Internal`].
        #[track_caller]
        pub fn internal(cause: impl std::fmt::Display) -> Self {
            let at = std::panic::Location::caller();
            tracing::error!(%cause, %at, "internal error");
            Self::Internal
        }
    }

    impl From<sea_orm::DbErr> for AppError {
        #[track_caller]
        fn from(e: sea_orm::DbErr) -> Self {
            Self::internal(e)
        }
    }

    impl From<tower_sessions::session::Error> for AppError {
        #[track_caller]
        fn from(e: tower_sessions::session::Error) -> Self {
            Self::internal(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_follow_the_variant() {
        assert_eq!(AppError::Invalid(FormErrors::new()).status(), 422);
        assert_eq!(AppError::forbidden().status(), 403);
        assert_eq!(
            AppError::TooManyRequests {
                retry_after_secs: 3
            }
            .status(),
            429
        );
        assert_eq!(
            AppError::from(ServerFnErrorErr::Args("missing".into())).status(),
            400
        );
        assert_eq!(
            AppError::from(ServerFnErrorErr::ServerError("db down".into())),
            AppError::Internal
        );
    }

    #[test]
    fn internal_messages_never_reach_the_user() {
        let shown =
            AppError::from(ServerFnErrorErr::ServerError("password=hunter2".into())).to_string();
        assert!(!shown.contains("hunter2"));
    }

    #[test]
    fn form_errors_keep_the_first_message_per_field() {
        let mut f = FormErrors::new();
        f.add("email", "first")
            .add("email", "second")
            .keep("email", "a@b.c");
        let e = AppError::Invalid(f);
        assert_eq!(e.field("email").as_deref(), Some("first"));
        assert_eq!(e.value("email").as_deref(), Some("a@b.c"));
        assert_eq!(e.field("password"), None);
    }

    #[test]
    fn round_trips_through_json() {
        let mut f = FormErrors::new();
        f.add("username", "taken");
        let e = AppError::Conflict(f);
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(serde_json::from_str::<AppError>(&json).unwrap(), e);
    }
}
