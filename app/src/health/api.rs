//! `/api/admin/health`: the system's vital signs, for super admins.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The Redis bus as the health page shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RedisStatus {
    /// A single instance: no Redis configured.
    NotConfigured,
    /// Connected.
    Connected,
    /// Lost and reconnecting.
    Reconnecting,
}

/// The system's vital signs as one instance sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthReport {
    /// Guild's version.
    pub version: String,
    /// `release` or `debug`.
    pub build: String,
    /// Seconds since this instance started.
    pub uptime_secs: u64,
    /// `SQLite` or `PostgreSQL`.
    pub backend: String,
    /// The database's size on disk.
    pub database_bytes: u64,
    /// Pool connections open.
    pub pool_open: u32,
    /// Of which idle.
    pub pool_idle: u32,
    /// The pool's ceiling.
    pub pool_max: u32,
    /// Open WebSockets on this instance.
    pub sockets: usize,
    /// The Redis bus.
    pub redis: RedisStatus,
    /// Emails waiting to be sent.
    pub outbox_waiting: u64,
    /// Of which have failed at least once.
    pub outbox_failing: u64,
    /// Server errors (5xx) on this instance in the last hour.
    pub errors_last_hour: u64,
}

/// The system's vital signs. Super admins only.
#[server(prefix = "/api", endpoint = "admin/health")]
pub async fn system_health() -> Result<HealthReport, AppError> {
    use crate::accounts::model::Role;
    crate::accounts::server::guard::require_role(Role::SuperAdmin).await?;
    let state = crate::state::app_state()?;
    read(&state).await
}

#[cfg(feature = "ssr")]
async fn read(state: &crate::state::AppState) -> Result<HealthReport, AppError> {
    use super::server::{BusState, outbox_failing, outbox_waiting, pool_usage};
    use sea_orm::{ConnectionTrait, DbBackend, Statement};
    let db = &state.db;
    let backend = db.get_database_backend();
    let size_sql = match backend {
        DbBackend::Postgres => "SELECT pg_database_size(current_database())::BIGINT",
        _ => "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
    };
    let database_bytes = db
        .query_one(Statement::from_string(backend, size_sql))
        .await?
        .map(|row| row.try_get_by_index::<i64>(0))
        .transpose()?
        .unwrap_or(0);
    let (pool_open, pool_idle, pool_max) = pool_usage(db);
    let outbox_waiting = outbox_waiting(db).await?;
    let outbox_failing = outbox_failing(db).await?;
    Ok(HealthReport {
        version: env!("CARGO_PKG_VERSION").to_string(),
        build: if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
        .to_string(),
        uptime_secs: state.vitals.uptime().as_secs(),
        backend: match backend {
            DbBackend::Postgres => "PostgreSQL",
            _ => "SQLite",
        }
        .to_string(),
        database_bytes: u64::try_from(database_bytes).unwrap_or(0),
        pool_open,
        pool_idle,
        pool_max,
        sockets: state.live.socket_count(),
        redis: match state.vitals.bus() {
            BusState::NotConfigured => RedisStatus::NotConfigured,
            BusState::Connected => RedisStatus::Connected,
            BusState::Reconnecting => RedisStatus::Reconnecting,
        },
        outbox_waiting,
        outbox_failing,
        errors_last_hour: state.vitals.recent_errors(),
    })
}
