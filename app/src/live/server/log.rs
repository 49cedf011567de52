//! The per-user event log: events are stored with each user's next sequence
//! number inside the writer's transaction, published after it commits, and
//! replayed to a socket that resumes. Sequence numbers come from the user's
//! row in `live_cursors`, bumped by an upsert, so on PostgreSQL concurrent
//! writers for one user commit in sequence order.

use super::hub::{Hub, now_ms};
use crate::entity::{live_cursor, live_event};
use crate::error::AppError;
use crate::live::protocol::Event;
use sea_orm::sea_query::{Alias, Expr, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::collections::BTreeMap;

/// Events kept for resuming; older gaps answer "resync".
pub const RETENTION_MS: i64 = 7 * 24 * 3600 * 1000;
/// The most events replayed in one resume; a longer gap answers "resync".
pub const MAX_REPLAY: u64 = 2_000;

/// An event stored for a user, to publish once the transaction commits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    /// The user.
    pub user: i32,
    /// Their sequence number for it.
    pub seq: i64,
    /// The event's JSON.
    pub payload: String,
}

/// Stores `events` (user, event) in order; returns what to publish after
/// the transaction commits (see [`publish`]).
pub async fn append(
    db: &impl ConnectionTrait,
    events: Vec<(i32, Event)>,
) -> Result<Vec<Stored>, AppError> {
    if events.is_empty() {
        return Ok(Vec::new());
    }
    let mut per_user: BTreeMap<i32, i64> = BTreeMap::new();
    for (user, _) in &events {
        *per_user.entry(*user).or_default() += 1;
    }
    // One upsert per chunk of users, in id order (so two writers never lock
    // cursors in opposite orders): each cursor moves on by its user's count.
    let mut next: BTreeMap<i32, i64> = BTreeMap::new();
    let users: Vec<(i32, i64)> = per_user.into_iter().collect();
    for chunk in users.chunks(200) {
        let rows = live_cursor::Entity::insert_many(chunk.iter().map(|(user, count)| {
            live_cursor::ActiveModel {
                user_id: Set(*user),
                last_seq: Set(*count),
                pruned_through: Set(0),
            }
        }))
        .on_conflict(
            OnConflict::column(live_cursor::Column::UserId)
                .value(
                    live_cursor::Column::LastSeq,
                    Expr::col((live_cursor::Entity, live_cursor::Column::LastSeq)).add(Expr::col(
                        (Alias::new("excluded"), live_cursor::Column::LastSeq),
                    )),
                )
                .to_owned(),
        )
        .exec_with_returning_many(db)
        .await?;
        let counts: BTreeMap<i32, i64> = chunk.iter().copied().collect();
        for row in rows {
            let count = counts.get(&row.user_id).copied().unwrap_or(0);
            next.insert(row.user_id, row.last_seq - count + 1);
        }
    }
    let now = now_ms();
    let mut stored = Vec::with_capacity(events.len());
    for (user, event) in events {
        let seq = next.get_mut(&user).expect("counted above");
        stored.push(Stored {
            user,
            seq: *seq,
            payload: serde_json::to_string(&event).map_err(AppError::internal)?,
        });
        *seq += 1;
    }
    for chunk in stored.chunks(500) {
        live_event::Entity::insert_many(chunk.iter().map(|s| live_event::ActiveModel {
            user_id: Set(s.user),
            seq: Set(s.seq),
            payload: Set(s.payload.clone()),
            created_at: Set(now),
        }))
        .exec_without_returning(db)
        .await?;
    }
    Ok(stored)
}

/// Pushes stored events to the users' sockets (call after commit).
pub fn publish(hub: &Hub, stored: Vec<Stored>) {
    for s in stored {
        hub.publish_logged(s.user, s.seq, s.payload);
    }
}

/// The newest sequence number of `user` (0 before any event).
pub async fn current_seq(db: &impl ConnectionTrait, user: i32) -> Result<i64, AppError> {
    Ok(live_cursor::Entity::find_by_id(user)
        .one(db)
        .await?
        .map_or(0, |c| c.last_seq))
}

/// What a resuming socket gets.
#[derive(Debug, PartialEq, Eq)]
pub enum Replay {
    /// The missed events, in order (possibly none), and the newest number.
    Events(Vec<(i64, String)>),
    /// The gap is no longer (or was never) in the log: refetch from `seq`.
    Resync(i64),
}

/// The events of `user` after `after`, or a resync when they are gone.
pub async fn replay(db: &impl ConnectionTrait, user: i32, after: i64) -> Result<Replay, AppError> {
    let cursor = live_cursor::Entity::find_by_id(user).one(db).await?;
    let (last, pruned) = cursor.map_or((0, 0), |c| (c.last_seq, c.pruned_through));
    if after > last || after < pruned || last - after > MAX_REPLAY as i64 {
        return Ok(Replay::Resync(last));
    }
    events_between(db, user, after, last)
        .await
        .map(Replay::Events)
}

/// The stored events of `user` with `after < seq <= through`, in order.
pub async fn events_between(
    db: &impl ConnectionTrait,
    user: i32,
    after: i64,
    through: i64,
) -> Result<Vec<(i64, String)>, AppError> {
    Ok(live_event::Entity::find()
        .filter(live_event::Column::UserId.eq(user))
        .filter(live_event::Column::Seq.gt(after))
        .filter(live_event::Column::Seq.lte(through))
        .order_by_asc(live_event::Column::Seq)
        .limit(MAX_REPLAY)
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.seq, e.payload))
        .collect())
}

/// Deletes events older than [`RETENTION_MS`], remembering per user how far
/// the log was pruned.
pub async fn prune(db: &impl ConnectionTrait) -> Result<u64, AppError> {
    let cutoff = now_ms() - RETENTION_MS;
    let old: Vec<(i32, i64)> = live_event::Entity::find()
        .select_only()
        .column(live_event::Column::UserId)
        .column_as(live_event::Column::Seq.max(), "seq")
        .filter(live_event::Column::CreatedAt.lt(cutoff))
        .group_by(live_event::Column::UserId)
        .into_tuple()
        .all(db)
        .await?;
    for (user, seq) in &old {
        live_cursor::Entity::update_many()
            .col_expr(live_cursor::Column::PrunedThrough, Expr::value(*seq))
            .filter(live_cursor::Column::UserId.eq(*user))
            .filter(live_cursor::Column::PrunedThrough.lt(*seq))
            .exec(db)
            .await?;
    }
    let deleted = live_event::Entity::delete_many()
        .filter(live_event::Column::CreatedAt.lt(cutoff))
        .exec(db)
        .await?;
    Ok(deleted.rows_affected)
}
