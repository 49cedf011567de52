//! Server state shared by every request (server only).

use crate::accounts::server::password::PasswordHasher;
use crate::accounts::server::throttle::LoginThrottle;
use crate::error::AppError;
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
    /// Failed log-in throttling per account and per client IP.
    pub login_throttle: Arc<LoginThrottle>,
    /// Whether to trust `X-Forwarded-For` for the client IP.
    pub trust_proxy: bool,
    /// The role classifier, loaded at start-up.
    pub roles: Arc<RoleModel>,
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
