//! Server side of accounts: hashing, sessions, throttling, storage and guards.

pub mod audit;
pub mod client_ip;
pub mod guard;
pub mod password;
pub mod password_policy;
pub mod repo;
pub mod service;
pub mod session;
pub mod suspension;
pub mod throttle;

pub use session::keys as session_keys;

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}
