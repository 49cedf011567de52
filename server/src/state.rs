//! Building the shared [`AppState`] from configuration.

use crate::config::Config;
use app::accounts::server::password::PasswordHasher;
use app::accounts::server::throttle::LoginThrottle;
use app::state::AppState;
use app::suggestions::classifier::RoleModel;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// Concurrent password hashes allowed: one per core, at least two.
fn hashing_permits() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get().max(2))
}

/// The role model: the file named by `GUILD_ROLE_MODEL`, or the artefact
/// shipped in the binary.
fn role_model() -> Arc<RoleModel> {
    match std::env::var_os("GUILD_ROLE_MODEL") {
        Some(path) => match app::suggestions::classifier::load(std::path::Path::new(&path)) {
            Ok(model) => Arc::new(model),
            Err(e) => {
                tracing::error!(error = %e, "could not load GUILD_ROLE_MODEL; using the shipped model");
                Arc::new(app::suggestions::classifier::embedded().clone())
            }
        },
        None => Arc::new(app::suggestions::classifier::embedded().clone()),
    }
}

/// The state every request shares.
pub fn build(config: &Config, leptos_options: LeptosOptions, db: DatabaseConnection) -> AppState {
    AppState {
        leptos_options,
        db,
        hasher: Arc::new(PasswordHasher::new(hashing_permits())),
        login_throttle: Arc::new(LoginThrottle::new(config.login_burst, config.login_refill)),
        trust_proxy: config.trust_proxy,
        roles: role_model(),
    }
}
