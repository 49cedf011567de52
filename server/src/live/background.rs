//! Background work of the live layer: closing sockets whose sessions ended
//! (expired, revoked, or deleted on another instance) and pruning old events.

use app::entity::session;
use app::live::server::log;
use app::state::AppState;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashSet;
use std::time::Duration;

/// How often open sockets' sessions are checked.
pub const SWEEP_EVERY: Duration = Duration::from_secs(20);

/// Ends the sockets of sessions that no longer exist or have expired.
pub async fn sweep_sessions(state: &AppState) -> Result<usize, app::error::AppError> {
    let open = state.live.sessions();
    let now = app::accounts::server::now();
    let mut ended = 0;
    for chunk in open.chunks(500) {
        let alive: HashSet<String> = session::Entity::find()
            .select_only()
            .column(session::Column::Id)
            .filter(session::Column::Id.is_in(chunk.to_vec()))
            .filter(session::Column::ExpiresAt.gt(now))
            .into_tuple::<String>()
            .all(&state.db)
            .await?
            .into_iter()
            .collect();
        for id in chunk.iter().filter(|id| !alive.contains(*id)) {
            state.live.end_session(id);
            ended += 1;
        }
    }
    Ok(ended)
}

/// Starts the sweep (every 20 s) and the hourly event-log pruning.
pub fn spawn(state: AppState) {
    let sweeper = state.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(SWEEP_EVERY);
        loop {
            tick.tick().await;
            if let Err(e) = sweep_sessions(&sweeper).await {
                tracing::warn!(error = %e, "could not check live sessions");
            }
            sweeper.live.announce_presence();
        }
    });
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(3600));
        loop {
            tick.tick().await;
            match log::prune(&state.db).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(events = n, "pruned old live events"),
                Err(e) => tracing::warn!(error = %e, "could not prune live events"),
            }
        }
    });
}
