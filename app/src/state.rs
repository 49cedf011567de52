//! Server state shared by every request (server only).

use crate::accounts::server::password::PasswordHasher;
use crate::accounts::server::throttle::Throttle;
use crate::chat::server::writer::ChatWriter;
use crate::error::AppError;
use crate::live::server::hub::Hub;
use crate::market::skill_catalog::SkillCatalog;
use crate::suggestions::classifier::RoleModel;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use leptos::prelude::use_context;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// What server functions and handlers need: provided to every server
/// function as context and used as the axum router state.
#[derive(Clone)]
pub struct AppState {
    /// Leptos' site options (output name, site root, address).
    pub leptos_options: LeptosOptions,
    /// The database pool.
    pub db: DatabaseConnection,
    /// Password hashing on the blocking pool, with bounded concurrency.
    pub hasher: Arc<PasswordHasher>,
    /// Throttles for log-in, sign-up and anonymous suggestions.
    pub throttles: Arc<Throttles>,
    /// How many reverse proxies in front of Guild append to
    /// `X-Forwarded-For` (0: use the TCP peer address).
    pub trusted_proxies: usize,
    /// The role classifier, loaded at start-up.
    pub roles: Arc<RoleModel>,
    /// The approved skills, kept in memory.
    pub skills: Arc<SkillCatalog>,
    /// This server's share of the process-wide listing caches
    /// ([`crate::search::GIG_PAGES`], [`crate::search::TALENT_PAGES`]): a
    /// random number in every key, so two servers in one process (tests,
    /// each with its own database) never see each other's pages.
    pub listing_scope: u64,
    /// Every open socket of this process, and the way events reach them.
    pub live: Arc<Hub>,
    /// The batched chat writer.
    pub chat: ChatWriter,
    /// This instance's uptime, recent errors and Redis bus state.
    pub vitals: Arc<crate::health::server::Vitals>,
}

/// Every throttle Guild keeps.
#[derive(Debug)]
pub struct Throttles {
    /// Failed log-ins per account and per client network.
    pub login: Throttle,
    /// Sign-ups per client network.
    pub signup: Throttle,
    /// Suggestions asked by visitors who are not signed in, per network.
    pub suggest: Throttle,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The state of the running server, inside a server function or render.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| AppError::internal("AppState is not in context"))
}
