//! The chat writer: one task that stores messages in batches (one
//! transaction for everything that arrived meanwhile), so SQLite's single
//! writer keeps up with thousands of messages a second. The batch reads the
//! members of its conversations once, in its transaction: that answers, for
//! each message, whether its sender may post there (not a member: "not
//! found", nothing stored) and who gets it. A message is stored, with an
//! event for every member, before it is acknowledged or pushed; a retry with
//! the same client id gets the first message back.

use super::repo;
use crate::entity::{conversation_member, message};
use crate::error::AppError;
use crate::live::protocol::{ChatMessage, Event};
use crate::live::server::hub::{Hub, now_ms};
use crate::live::server::log;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter,
    QuerySelect, TransactionTrait,
};
use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

/// Messages stored in one transaction at most.
const MAX_BATCH: usize = 256;

/// A message to store.
#[derive(Clone, Debug)]
pub struct NewMessage {
    /// The conversation (the writer refuses a sender who is not in it).
    pub conversation: i32,
    /// The author (`None`: a system line), with their display name.
    pub sender: Option<(i32, String)>,
    /// The sender's id for it (system lines get a random one).
    pub client_id: String,
    /// The text, already validated.
    pub body: String,
}

/// The members of each conversation in a batch.
type Members = HashMap<i32, Vec<i32>>;

/// What one store answers: each message's outcome (in order) and the events
/// to publish.
type Stored = (Vec<Result<ChatMessage, AppError>>, Vec<log::Stored>);

struct Job {
    message: NewMessage,
    reply: oneshot::Sender<Result<ChatMessage, AppError>>,
}

/// A handle to the writer task.
#[derive(Clone, Debug)]
pub struct ChatWriter {
    jobs: mpsc::Sender<Job>,
}

impl ChatWriter {
    /// Starts the writer task on the current runtime.
    pub fn spawn(db: DatabaseConnection, hub: Arc<Hub>) -> Self {
        let (jobs, rx) = mpsc::channel(8 * MAX_BATCH);
        tokio::spawn(run(db, hub, rx));
        Self { jobs }
    }

    /// Stores `message`; answers once it is committed (and pushed), or
    /// [`AppError::NotFound`] when its sender is not in the conversation.
    pub async fn send(&self, message: NewMessage) -> Result<ChatMessage, AppError> {
        let (reply, answer) = oneshot::channel();
        self.jobs
            .send(Job { message, reply })
            .await
            .map_err(|_| AppError::internal("chat writer stopped"))?;
        answer
            .await
            .map_err(|_| AppError::internal("chat writer dropped a message"))?
    }
}

async fn run(db: DatabaseConnection, hub: Arc<Hub>, mut rx: mpsc::Receiver<Job>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while rx.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let jobs = std::mem::take(&mut batch);
        let messages: Vec<NewMessage> = jobs.iter().map(|j| j.message.clone()).collect();
        match store(&db, &hub, &messages).await {
            Ok((results, stored)) => {
                log::publish(&hub, stored);
                for (job, result) in jobs.into_iter().zip(results) {
                    let _ = job.reply.send(result);
                }
            }
            // One bad message (e.g. a unique clash with another instance)
            // must not sink the others: store each on its own.
            Err(_) if jobs.len() > 1 => {
                for job in jobs {
                    let result = match store(&db, &hub, std::slice::from_ref(&job.message)).await {
                        Ok((mut results, stored)) => {
                            log::publish(&hub, stored);
                            results.remove(0)
                        }
                        Err(e) => Err(e),
                    };
                    let _ = job.reply.send(result);
                }
            }
            Err(e) => {
                for job in jobs {
                    let _ = job.reply.send(Err(e.clone()));
                }
            }
        }
    }
}

/// "New messages" notifications for members who do not have the
/// conversation open: one per member and conversation in the batch,
/// coalesced with the unread one they may already have.
async fn notify_absent(
    txn: &impl sea_orm::ConnectionTrait,
    hub: &Hub,
    messages: &[NewMessage],
    members: &Members,
    inserted: &HashMap<usize, message::Model>,
) -> Result<Vec<log::Stored>, AppError> {
    let mut latest: HashMap<(i32, i32), usize> = HashMap::new();
    for i in inserted.keys() {
        let m = &messages[*i];
        let Some((sender, _)) = &m.sender else {
            continue;
        };
        for member in members_of(members, m.conversation)
            .iter()
            .filter(|u| *u != sender)
        {
            let topic = crate::live::protocol::Topic::Conversation { id: m.conversation };
            if hub.is_watching(*member, topic) {
                continue;
            }
            let e = latest.entry((*member, m.conversation)).or_insert(*i);
            if inserted[e].id < inserted[i].id {
                *e = *i;
            }
        }
    }
    let notices = latest
        .into_iter()
        .map(|((member, conversation), i)| {
            let m = &messages[i];
            let name = m.sender.as_ref().map_or("", |(_, n)| n.as_str());
            let preview: String = m.body.chars().take(120).collect();
            crate::notifications::server::Notice::new(
                member,
                crate::notifications::model::NotificationKind::NewMessage,
                format!("New message from {name}"),
                format!("/messages/{conversation}"),
            )
            .body(preview)
            .grouped(format!("conversation:{conversation}"))
        })
        .collect();
    crate::notifications::server::raise(txn, notices).await
}

/// Inserts the batch's new messages with one multi-row statement per chunk
/// and answers each by its index in the batch (rows are matched back by
/// sender and client id, which are unique).
async fn insert_messages(
    txn: &impl sea_orm::ConnectionTrait,
    messages: &[NewMessage],
    fresh: &[usize],
    now: i64,
) -> Result<HashMap<usize, message::Model>, AppError> {
    let mut inserted = HashMap::with_capacity(fresh.len());
    for chunk in fresh.chunks(100) {
        let rows = chunk.iter().map(|&i| {
            let m = &messages[i];
            message::ActiveModel {
                conversation_id: Set(m.conversation),
                sender_id: Set(m.sender.as_ref().map(|(id, _)| *id)),
                client_id: Set(Some(m.client_id.clone())),
                kind: Set(if m.sender.is_some() {
                    message::Kind::Text
                } else {
                    message::Kind::System
                }),
                body: Set(m.body.clone()),
                created_at: Set(now),
                edited_at: Set(None),
                deleted_at: Set(None),
                ..Default::default()
            }
        });
        let stored = message::Entity::insert_many(rows)
            .exec_with_returning_many(txn)
            .await?;
        let by_key: HashMap<(Option<i32>, String), message::Model> = stored
            .into_iter()
            .map(|row| {
                (
                    (row.sender_id, row.client_id.clone().unwrap_or_default()),
                    row,
                )
            })
            .collect();
        for &i in chunk {
            let m = &messages[i];
            let key = (m.sender.as_ref().map(|(id, _)| *id), m.client_id.clone());
            let row = by_key
                .get(&key)
                .cloned()
                .ok_or_else(|| AppError::internal("an inserted message did not come back"))?;
            inserted.insert(i, row);
        }
    }
    Ok(inserted)
}

/// The members of `conversations`, read in one statement.
async fn read_members(
    txn: &impl sea_orm::ConnectionTrait,
    messages: &[NewMessage],
) -> Result<Members, AppError> {
    let mut conversations: Vec<i32> = messages.iter().map(|m| m.conversation).collect();
    conversations.sort_unstable();
    conversations.dedup();
    let mut members = Members::new();
    for chunk in conversations.chunks(500) {
        let rows: Vec<(i32, i32)> = conversation_member::Entity::find()
            .select_only()
            .column(conversation_member::Column::ConversationId)
            .column(conversation_member::Column::UserId)
            .filter(conversation_member::Column::ConversationId.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(txn)
            .await?;
        for (conversation, user) in rows {
            members.entry(conversation).or_default().push(user);
        }
    }
    Ok(members)
}

/// Everyone in `conversation` (none when it does not exist).
fn members_of(members: &Members, conversation: i32) -> &[i32] {
    members.get(&conversation).map_or(&[], Vec::as_slice)
}

/// Whether `m` may be stored: a system line always, a person's message only
/// in a conversation they are in.
fn may_post(members: &Members, m: &NewMessage) -> bool {
    m.sender
        .as_ref()
        .is_none_or(|(sender, _)| members_of(members, m.conversation).contains(sender))
}

/// Stores a batch in one transaction; answers each message (in order) and
/// the events to publish.
async fn store(
    db: &DatabaseConnection,
    hub: &Hub,
    messages: &[NewMessage],
) -> Result<Stored, AppError> {
    let txn = db.begin().await?;
    let members = read_members(&txn, messages).await?;
    // Retries: messages already stored under the same sender and client id.
    let mut known: HashMap<(i32, String), message::Model> = HashMap::new();
    let keys: Vec<(i32, String)> = messages
        .iter()
        .filter(|m| may_post(&members, m))
        .filter_map(|m| m.sender.as_ref().map(|(id, _)| (*id, m.client_id.clone())))
        .collect();
    for chunk in keys.chunks(200) {
        let mut any = Condition::any();
        for (sender, client_id) in chunk {
            any = any.add(
                Condition::all()
                    .add(message::Column::SenderId.eq(*sender))
                    .add(message::Column::ClientId.eq(client_id.clone())),
            );
        }
        for row in message::Entity::find().filter(any).all(&txn).await? {
            if let (Some(sender), Some(client_id)) = (row.sender_id, row.client_id.clone()) {
                known.insert((sender, client_id), row);
            }
        }
    }
    let now = now_ms();
    let mut fresh: Vec<usize> = Vec::new();
    let mut seen_in_batch: HashMap<(Option<i32>, &str), usize> = HashMap::new();
    let mut first_of: Vec<Option<usize>> = vec![None; messages.len()];
    for (i, m) in messages.iter().enumerate() {
        if !may_post(&members, m) {
            continue;
        }
        let sender = m.sender.as_ref().map(|(id, _)| *id);
        if let Some(id) = sender
            && known.contains_key(&(id, m.client_id.clone()))
        {
            continue;
        }
        match seen_in_batch.get(&(sender, m.client_id.as_str())) {
            Some(first) => first_of[i] = Some(*first),
            None => {
                seen_in_batch.insert((sender, m.client_id.as_str()), i);
                fresh.push(i);
            }
        }
    }
    let inserted = insert_messages(&txn, messages, &fresh, now).await?;
    // The conversations' newest message, and each sender has read their own.
    let mut newest: HashMap<i32, i64> = HashMap::new();
    let mut read: HashMap<(i32, i32), i64> = HashMap::new();
    for (i, row) in &inserted {
        let m = &messages[*i];
        let e = newest.entry(m.conversation).or_default();
        *e = (*e).max(row.id);
        if let Some((sender, _)) = &m.sender {
            let r = read.entry((m.conversation, *sender)).or_default();
            *r = (*r).max(row.id);
        }
    }
    super::markers::advance_newest(&txn, &newest, now).await?;
    super::markers::advance_read(&txn, &read).await?;
    let mut events = Vec::new();
    let mut results = Vec::with_capacity(messages.len());
    for (i, m) in messages.iter().enumerate() {
        let name = m.sender.as_ref().map_or("", |(_, name)| name.as_str());
        let result = if !may_post(&members, m) {
            Err(AppError::NotFound)
        } else if let Some(row) = inserted.get(&i) {
            let view = repo::to_view(row, name);
            for member in members_of(&members, m.conversation) {
                events.push((
                    *member,
                    Event::Message {
                        message: view.clone(),
                    },
                ));
            }
            Ok(view)
        } else if let Some(first) = first_of[i] {
            Ok(repo::to_view(&inserted[&first], name))
        } else {
            let id = m.sender.as_ref().map_or(0, |(id, _)| *id);
            let row = &known[&(id, m.client_id.clone())];
            if row.conversation_id == m.conversation {
                Ok(repo::to_view(row, name))
            } else {
                Err(AppError::Conflict(
                    crate::error::FormErrors::new()
                        .with_form("That message id was already used in another conversation."),
                ))
            }
        };
        results.push(result);
    }
    let mut stored = log::append(&txn, events).await?;
    stored.extend(notify_absent(&txn, hub, messages, &members, &inserted).await?);
    txn.commit().await?;
    Ok((results, stored))
}
