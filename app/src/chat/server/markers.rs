//! Moving a batch's conversation pointers forward in one statement each:
//! every conversation's newest message, and every sender's read marker
//! (a sender has read their own message). One `UPDATE … FROM (VALUES …)`
//! per chunk replaces a statement per conversation and per sender, which
//! on SQLite each cost a round trip to the database thread.

use crate::search::sql::SqlBuilder;
use sea_orm::{ConnectionTrait, DbErr};
use std::collections::HashMap;

/// Rows per statement (three values a row stays far below both engines'
/// limits on bound values).
const CHUNK: usize = 300;

/// Sets each conversation's newest message id and last activity time,
/// never moving one backwards.
pub async fn advance_newest(
    db: &impl ConnectionTrait,
    newest: &HashMap<i32, i64>,
    now: i64,
) -> Result<(), DbErr> {
    let rows: Vec<(i32, i64)> = newest.iter().map(|(c, m)| (*c, *m)).collect();
    for chunk in rows.chunks(CHUNK) {
        let mut sql = SqlBuilder::new(db.get_database_backend());
        sql.push_bound(
            "UPDATE conversations SET last_message_id = v.column2, last_activity_at = {}",
            now,
        );
        sql.push(" FROM (VALUES ");
        for (i, (conversation, message)) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            sql.push_bound("(CAST({} AS INTEGER), ", *conversation);
            sql.push_bound("CAST({} AS BIGINT))", *message);
        }
        sql.push(
            ") AS v WHERE conversations.id = v.column1 \
             AND conversations.last_message_id < v.column2",
        );
        db.execute(sql.build()).await?;
    }
    Ok(())
}

/// Sets each (conversation, member) read marker to at least the given
/// message id.
pub async fn advance_read(
    db: &impl ConnectionTrait,
    read: &HashMap<(i32, i32), i64>,
) -> Result<(), DbErr> {
    let rows: Vec<(i32, i32, i64)> = read.iter().map(|((c, u), m)| (*c, *u, *m)).collect();
    for chunk in rows.chunks(CHUNK) {
        let mut sql = SqlBuilder::new(db.get_database_backend());
        sql.push("UPDATE conversation_members SET last_read_id = v.column3 FROM (VALUES ");
        for (i, (conversation, user, message)) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            sql.push_bound("(CAST({} AS INTEGER), ", *conversation);
            sql.push_bound("CAST({} AS INTEGER), ", *user);
            sql.push_bound("CAST({} AS BIGINT))", *message);
        }
        sql.push(
            ") AS v WHERE conversation_members.conversation_id = v.column1 \
             AND conversation_members.user_id = v.column2 \
             AND conversation_members.last_read_id < v.column3",
        );
        db.execute(sql.build()).await?;
    }
    Ok(())
}
