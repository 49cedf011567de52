//! Request middleware: CSRF, security headers, error statuses and session lifetime.

pub mod csrf;
pub mod error_status;
pub mod security_headers;
pub mod session_lifetime;
