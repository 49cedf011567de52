//! Building the shared [`AppState`] from configuration.

use crate::config::{Config, ConfigError};
use app::accounts::server::password::PasswordHasher;
use app::accounts::server::throttle::Throttle;
use app::chat::server::writer::ChatWriter;
use app::live::server::hub::{Hub, HubLimits};
use app::market::skill_catalog::SkillCatalog;
use app::state::{AppState, Throttles};
use app::suggestions::classifier::RoleModel;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// Concurrent password hashes allowed: one per core, at least two.
fn hashing_permits() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get().max(2))
}

/// The role model: the artefact named by `GUILD_ROLE_MODEL`, or the one
/// shipped in the binary. A named file that cannot be loaded is an error.
fn role_model(config: &Config) -> Result<Arc<RoleModel>, ConfigError> {
    match &config.role_model {
        Some(path) => app::suggestions::classifier::load(path)
            .map(Arc::new)
            .map_err(|reason| ConfigError {
                name: "GUILD_ROLE_MODEL",
                reason,
            }),
        None => Ok(Arc::new(app::suggestions::classifier::embedded().clone())),
    }
}

/// The state every request shares (starts the chat writer, so call it
/// inside the Tokio runtime); fails when `GUILD_ROLE_MODEL` names an
/// artefact that cannot be loaded.
pub fn build(
    config: &Config,
    leptos_options: LeptosOptions,
    db: DatabaseConnection,
) -> Result<AppState, ConfigError> {
    let live = Arc::new(Hub::new(HubLimits {
        per_user: config.ws_max_per_user,
        per_ip: config.ws_max_per_ip,
        queue: 512,
        send_burst: config.ws_send_burst,
        send_per_sec: f64::from(config.ws_send_per_sec),
    }));
    let chat = ChatWriter::spawn(db.clone(), live.clone());
    let state = AppState {
        leptos_options,
        db,
        hasher: Arc::new(PasswordHasher::new(hashing_permits())),
        throttles: Arc::new(Throttles {
            login: Throttle::new(config.login_burst, config.login_refill),
            signup: Throttle::new(config.signup_burst, config.signup_refill),
            suggest: Throttle::new(config.suggest_burst, config.suggest_refill),
        }),
        trusted_proxies: config.trusted_proxies,
        roles: role_model(config)?,
        skills: Arc::new(SkillCatalog::new()),
        listing_scope: fastrand::u64(..),
        live,
        chat,
        vitals: Arc::default(),
    };
    crate::live::background::spawn(state.clone());
    Ok(state)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(vars: &[(&str, &str)]) -> Config {
        Config::from_lookup(|k| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        })
        .expect("config")
    }

    #[test]
    fn the_shipped_role_model_is_used_by_default() {
        let model = role_model(&config(&[])).expect("model");
        assert_eq!(*model, *app::suggestions::classifier::embedded());
    }

    #[test]
    fn a_role_model_that_cannot_be_loaded_stops_start_up() {
        let err = role_model(&config(&[("GUILD_ROLE_MODEL", "/nonexistent/model.json")]))
            .expect_err("missing file");
        assert_eq!(err.name, "GUILD_ROLE_MODEL");
        assert!(err.reason.contains("/nonexistent/model.json"));
    }
}
