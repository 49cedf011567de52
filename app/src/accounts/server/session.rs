//! Session helpers: who is signed in, and starting, rotating and ending sessions.

use super::now;
use crate::entity::session as session_row;
use crate::error::AppError;
use crate::live::server::hub::Hub;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use tower_sessions::Session;

/// Keys of the values Guild keeps in a session.
pub mod keys {
    /// The signed-in user's id (`i32`).
    pub const USER_ID: &str = "user_id";
    /// When the user signed in (Unix seconds), for the absolute lifetime.
    pub const STARTED_AT: &str = "started_at";
    /// The last time the session's expiry was pushed back (Unix seconds).
    pub const TOUCHED_AT: &str = "touched_at";
    /// The browser's user agent at sign-in (for the sessions page).
    pub const USER_AGENT: &str = "user_agent";
    /// The network signed in from, approximately (e.g. `203.0.113.x`).
    pub const NETWORK: &str = "network";
    /// A password was right but a second factor is still due: the account
    /// id and when (`[id, unix seconds]`).
    pub const PENDING_SECOND_FACTOR: &str = "pending_second_factor";
}

/// Where a sign-in comes from, kept in the session for its owner to see.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Device {
    /// The user agent (at most 256 characters).
    pub user_agent: String,
    /// The approximate network.
    pub network: String,
}

impl Device {
    /// The device of a request.
    pub fn of(parts: &http::request::Parts, trusted_proxies: usize) -> Self {
        let user_agent = parts
            .headers
            .get(http::header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .chars()
            .take(256)
            .collect();
        let network = super::client_ip::client_ip(parts, trusted_proxies)
            .map(super::client_ip::approximate_ip)
            .unwrap_or_default();
        Self {
            user_agent,
            network,
        }
    }
}

/// The request's session (needs the session layer on the router).
pub async fn current_session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>()
        .await
        .map_err(AppError::internal)
}

/// The signed-in user's id, if any.
pub async fn signed_in_user_id(session: &Session) -> Result<Option<i32>, AppError> {
    Ok(session.get::<i32>(keys::USER_ID).await?)
}

/// Signs `user_id` in under a fresh session id (defeats session fixation),
/// remembering the device it signed in from.
pub async fn start(session: &Session, user_id: i32, device: &Device) -> Result<(), AppError> {
    session.cycle_id().await?;
    session.clear().await;
    let now = now();
    session.insert(keys::USER_ID, user_id).await?;
    session.insert(keys::STARTED_AT, now).await?;
    session.insert(keys::TOUCHED_AT, now).await?;
    session.insert(keys::USER_AGENT, &device.user_agent).await?;
    session.insert(keys::NETWORK, &device.network).await?;
    Ok(())
}

/// Notes that `user_id` gave the right password and owes a second factor
/// (under a fresh session id; nobody is signed in yet).
pub async fn await_second_factor(session: &Session, user_id: i32) -> Result<(), AppError> {
    session.cycle_id().await?;
    session.clear().await;
    session
        .insert(keys::PENDING_SECOND_FACTOR, (user_id, now()))
        .await?;
    Ok(())
}

/// Gives the session a new id, keeping its data (after a role or mode change).
pub async fn rotate(session: &Session) -> Result<(), AppError> {
    session.cycle_id().await?;
    Ok(())
}

/// Deletes the session and its cookie.
pub async fn end(session: &Session) -> Result<(), AppError> {
    session.flush().await?;
    Ok(())
}

/// Deletes every session of `user_id` (e.g. after their capabilities
/// changed, so they sign in again under a new session id, or when they are
/// suspended) and closes those sessions' sockets on every instance at once.
pub async fn revoke_all(
    db: &impl ConnectionTrait,
    hub: &Hub,
    user_id: i32,
) -> Result<u64, AppError> {
    revoke(db, hub, user_id, None).await
}

/// Deletes the sessions of `user_id` except `keep` (e.g. the one that
/// changed the password) and closes their sockets on every instance.
pub async fn revoke(
    db: &impl ConnectionTrait,
    hub: &Hub,
    user_id: i32,
    keep: Option<&str>,
) -> Result<u64, AppError> {
    let mut ids = session_row::Entity::find()
        .select_only()
        .column(session_row::Column::Id)
        .filter(session_row::Column::UserId.eq(user_id));
    if let Some(keep) = keep {
        ids = ids.filter(session_row::Column::Id.ne(keep));
    }
    let ids: Vec<String> = ids.into_tuple().all(db).await?;
    revoke_ids(db, hub, user_id, &ids).await
}

/// Deletes the sessions `ids` of `user_id` (others' ids are ignored) and
/// closes their sockets on every instance.
pub async fn revoke_ids(
    db: &impl ConnectionTrait,
    hub: &Hub,
    user_id: i32,
    ids: &[String],
) -> Result<u64, AppError> {
    if ids.is_empty() {
        return Ok(0);
    }
    let result = session_row::Entity::delete_many()
        .filter(session_row::Column::UserId.eq(user_id))
        .filter(session_row::Column::Id.is_in(ids.to_vec()))
        .exec(db)
        .await?;
    for id in ids {
        hub.end_session(id);
    }
    Ok(result.rows_affected)
}
