//! Request middleware: CSRF, form-error integrity, input bounds, security
//! headers, error statuses and session lifetime.

pub mod csrf;
pub mod error_status;
pub mod form_errors;
pub mod input_guard;
pub mod page_cache;
pub mod security_headers;
pub mod session_lifetime;
