//! Building the shared [`AppState`] from configuration.

use crate::config::Config;
use app::accounts::server::password::PasswordHasher;
use app::accounts::server::throttle::LoginThrottle;
use app::state::AppState;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// Concurrent password hashes allowed: one per core, at least two.
fn hashing_permits() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get().max(2))
}

/// The state every request shares.
pub fn build(config: &Config, leptos_options: LeptosOptions, db: DatabaseConnection) -> AppState {
    AppState {
        leptos_options,
        db,
        hasher: Arc::new(PasswordHasher::new(hashing_permits())),
        login_throttle: Arc::new(LoginThrottle::new(config.login_burst, config.login_refill)),
        trust_proxy: config.trust_proxy,
    }
}
