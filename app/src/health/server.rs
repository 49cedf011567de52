//! What the health page (and `/metrics`) read: when this instance
//! started, its recent server errors, whether its Redis bus is connected,
//! the database pool's use and the email outbox's backlog.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::{Duration, Instant};

use crate::entity::email_outbox;
use crate::error::AppError;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, PaginatorTrait,
    QueryFilter, Select,
};

/// The pool's connections: open, of which idle, and its ceiling.
pub fn pool_usage(db: &DatabaseConnection) -> (u32, u32, u32) {
    match db.get_database_backend() {
        DbBackend::Postgres => {
            let pool = db.get_postgres_connection_pool();
            let idle = u32::try_from(pool.num_idle()).unwrap_or(u32::MAX);
            (pool.size(), idle, pool.options().get_max_connections())
        }
        _ => {
            let pool = db.get_sqlite_connection_pool();
            let idle = u32::try_from(pool.num_idle()).unwrap_or(u32::MAX);
            (pool.size(), idle, pool.options().get_max_connections())
        }
    }
}

fn unsent() -> Select<email_outbox::Entity> {
    email_outbox::Entity::find().filter(email_outbox::Column::SentAt.is_null())
}

/// Emails waiting to be sent.
pub async fn outbox_waiting(db: &impl ConnectionTrait) -> Result<u64, AppError> {
    Ok(unsent().count(db).await?)
}

/// Emails waiting that have failed at least once.
pub async fn outbox_failing(db: &impl ConnectionTrait) -> Result<u64, AppError> {
    Ok(unsent()
        .filter(email_outbox::Column::Attempts.gt(0))
        .count(db)
        .await?)
}

/// How far back "recent errors" look.
pub const ERROR_WINDOW: Duration = Duration::from_secs(3600);

/// The Redis bus as this instance last saw it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BusState {
    /// No `GUILD_REDIS_URL`: a single instance.
    NotConfigured,
    /// Subscribed and publishing.
    Connected,
    /// Lost; the bus reconnects on its own.
    Reconnecting,
}

/// This instance's vital signs (one per running server).
#[derive(Debug)]
pub struct Vitals {
    started: Instant,
    /// Server errors (5xx) per minute, oldest first: (minute, count).
    errors: Mutex<VecDeque<(u64, u64)>>,
    bus: AtomicU8,
}

impl Default for Vitals {
    fn default() -> Self {
        Self {
            started: Instant::now(),
            errors: Mutex::new(VecDeque::new()),
            bus: AtomicU8::new(0),
        }
    }
}

impl Vitals {
    /// How long this instance has run.
    pub fn uptime(&self) -> Duration {
        self.started.elapsed()
    }

    fn minute(&self, at: Instant) -> u64 {
        at.duration_since(self.started).as_secs() / 60
    }

    /// Counts a server error (a 5xx answer).
    pub fn record_error(&self) {
        self.record_error_at(Instant::now());
    }

    fn record_error_at(&self, at: Instant) {
        let minute = self.minute(at);
        let mut errors = self.errors.lock().unwrap_or_else(|e| e.into_inner());
        match errors.back_mut() {
            Some((m, count)) if *m == minute => *count += 1,
            _ => errors.push_back((minute, 1)),
        }
        let window = ERROR_WINDOW.as_secs() / 60;
        while errors.front().is_some_and(|(m, _)| m + window <= minute) {
            errors.pop_front();
        }
    }

    /// Server errors in the last hour.
    pub fn recent_errors(&self) -> u64 {
        self.recent_errors_at(Instant::now())
    }

    fn recent_errors_at(&self, at: Instant) -> u64 {
        let minute = self.minute(at);
        let window = ERROR_WINDOW.as_secs() / 60;
        let errors = self.errors.lock().unwrap_or_else(|e| e.into_inner());
        errors
            .iter()
            .filter(|(m, _)| m + window > minute)
            .map(|(_, count)| count)
            .sum()
    }

    /// Records the Redis bus's state.
    pub fn set_bus(&self, state: BusState) {
        let code = match state {
            BusState::NotConfigured => 0,
            BusState::Connected => 1,
            BusState::Reconnecting => 2,
        };
        self.bus.store(code, Ordering::Relaxed);
    }

    /// The Redis bus's last known state.
    pub fn bus(&self) -> BusState {
        match self.bus.load(Ordering::Relaxed) {
            1 => BusState::Connected,
            2 => BusState::Reconnecting,
            _ => BusState::NotConfigured,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_counted_for_an_hour_then_forgotten() {
        let vitals = Vitals::default();
        let start = vitals.started;
        vitals.record_error_at(start);
        vitals.record_error_at(start + Duration::from_secs(30));
        vitals.record_error_at(start + Duration::from_secs(90));
        assert_eq!(vitals.recent_errors_at(start + Duration::from_secs(120)), 3);
        assert_eq!(
            vitals.recent_errors_at(start + ERROR_WINDOW + Duration::from_secs(30)),
            1,
            "the first minute's two have left the window"
        );
        assert_eq!(vitals.recent_errors_at(start + ERROR_WINDOW * 2), 0);
    }

    #[test]
    fn the_bus_state_round_trips() {
        let vitals = Vitals::default();
        assert_eq!(vitals.bus(), BusState::NotConfigured);
        vitals.set_bus(BusState::Connected);
        assert_eq!(vitals.bus(), BusState::Connected);
        vitals.set_bus(BusState::Reconnecting);
        assert_eq!(vitals.bus(), BusState::Reconnecting);
    }
}
