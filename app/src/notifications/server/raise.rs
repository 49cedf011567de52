//! Raising a notification, inside the transaction of the change it reports:
//! the user's preference decides whether it is shown in the app and
//! whether an email goes to the outbox; unread notifications with the same
//! group key (messages of one conversation) are coalesced into one.

use super::prefs::preference;
use crate::entity::{email_outbox, notification, user};
use crate::error::AppError;
use crate::live::protocol::Event;
use crate::live::server::hub::now_ms;
use crate::live::server::log::{self, Stored};
use crate::notifications::model::{EmailChoice, NotificationKind, NotificationView};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};

/// A notification to raise.
#[derive(Clone, Debug)]
pub struct Notice {
    /// Who gets it.
    pub user: i32,
    /// What happened.
    pub kind: NotificationKind,
    /// One line.
    pub title: String,
    /// More detail.
    pub body: String,
    /// Where it leads.
    pub link: String,
    /// Coalesce with an unread notification of the same key.
    pub group_key: Option<String>,
}

impl Notice {
    /// A notice for `user` of `kind` leading to `link`.
    pub fn new(
        user: i32,
        kind: NotificationKind,
        title: impl Into<String>,
        link: impl Into<String>,
    ) -> Self {
        Self {
            user,
            kind,
            title: title.into(),
            body: String::new(),
            link: link.into(),
            group_key: None,
        }
    }

    /// With a body.
    pub fn body(mut self, body: impl Into<String>) -> Self {
        self.body = body.into();
        self
    }

    /// Coalesced under `key` while unread.
    pub fn grouped(mut self, key: impl Into<String>) -> Self {
        self.group_key = Some(key.into());
        self
    }
}

/// The notification as clients see it.
pub fn to_view(row: &notification::Model) -> NotificationView {
    NotificationView {
        id: row.id,
        kind: row.kind,
        title: row.title.clone(),
        body: row.body.clone(),
        link: row.link.clone(),
        count: row.count,
        read: row.read_at.is_some(),
        updated_at: row.updated_at,
    }
}

/// The next daily digest time after `now` (08:00 UTC).
pub fn next_digest(now: i64) -> i64 {
    const DAY: i64 = 86_400_000;
    let today_8 = now - now.rem_euclid(DAY) + 8 * 3_600_000;
    if today_8 > now {
        today_8
    } else {
        today_8 + DAY
    }
}

/// Raises `notices` in a transaction of their own and publishes them (for
/// changes made by a single statement, right after it).
pub async fn notify(
    db: &sea_orm::DatabaseConnection,
    hub: &crate::live::server::hub::Hub,
    notices: Vec<Notice>,
) -> Result<(), AppError> {
    use sea_orm::TransactionTrait;
    let txn = db.begin().await?;
    let stored = raise(&txn, notices).await?;
    txn.commit().await?;
    log::publish(hub, stored);
    Ok(())
}

/// Tells every admin that an item waits for review (after it was submitted).
pub async fn notify_admins(
    db: &sea_orm::DatabaseConnection,
    hub: &crate::live::server::hub::Hub,
    title: String,
    link: &str,
) -> Result<(), AppError> {
    use sea_orm::QuerySelect;
    let admins: Vec<i32> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::IsAdmin.eq(true))
        .into_tuple()
        .all(db)
        .await?;
    let notices = admins
        .into_iter()
        .map(|admin| {
            Notice::new(admin, NotificationKind::ReviewQueue, title.clone(), link)
                .grouped("review-queue")
        })
        .collect();
    notify(db, hub, notices).await
}

/// Raises `notices` in the caller's transaction; returns the live events to
/// publish after it commits.
pub async fn raise(
    db: &impl ConnectionTrait,
    notices: Vec<Notice>,
) -> Result<Vec<Stored>, AppError> {
    let mut events = Vec::new();
    for notice in notices {
        let pref = preference(db, notice.user, notice.kind).await?;
        if pref.email != EmailChoice::Off {
            queue_email(db, &notice, pref.email).await?;
        }
        if !pref.in_app {
            continue;
        }
        let row = store(db, &notice).await?;
        events.push((
            notice.user,
            Event::Notification {
                notification: to_view(&row),
            },
        ));
    }
    log::append(db, events).await
}

async fn store(
    db: &impl ConnectionTrait,
    notice: &Notice,
) -> Result<notification::Model, AppError> {
    let now = now_ms();
    if let Some(key) = &notice.group_key
        && let Some(open) = notification::Entity::find()
            .filter(notification::Column::UserId.eq(notice.user))
            .filter(notification::Column::GroupKey.eq(key.clone()))
            .filter(notification::Column::ReadAt.is_null())
            .one(db)
            .await?
    {
        let count = open.count + 1;
        let mut row: notification::ActiveModel = open.into();
        row.count = Set(count);
        row.title = Set(notice.title.clone());
        row.body = Set(notice.body.clone());
        row.updated_at = Set(now);
        return Ok(row.update(db).await?);
    }
    Ok(notification::ActiveModel {
        user_id: Set(notice.user),
        kind: Set(notice.kind),
        title: Set(notice.title.clone()),
        body: Set(notice.body.clone()),
        link: Set(notice.link.clone()),
        group_key: Set(notice.group_key.clone()),
        count: Set(1),
        read_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

async fn queue_email(
    db: &impl ConnectionTrait,
    notice: &Notice,
    choice: EmailChoice,
) -> Result<(), AppError> {
    let Some(account) = user::Entity::find_by_id(notice.user).one(db).await? else {
        return Ok(());
    };
    let now = now_ms();
    let body = if notice.body.is_empty() {
        format!("{}\n\nOpen it on Guild: {}\n", notice.title, notice.link)
    } else {
        format!(
            "{}\n\n{}\n\nOpen it on Guild: {}\n",
            notice.title, notice.body, notice.link
        )
    };
    email_outbox::ActiveModel {
        user_id: Set(notice.user),
        to_address: Set(account.email),
        subject: Set(format!("Guild: {}", notice.title)),
        body: Set(body),
        daily: Set(choice == EmailChoice::Daily),
        send_after: Set(if choice == EmailChoice::Daily {
            next_digest(now)
        } else {
            now
        }),
        sent_at: Set(None),
        attempts: Set(0),
        last_error: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_go_out_at_eight_utc() {
        let midnight = 1_796_342_400_000; // 2026-12-04T00:00Z
        assert_eq!(next_digest(midnight), midnight + 8 * 3_600_000);
        assert_eq!(
            next_digest(midnight + 9 * 3_600_000),
            midnight + 32 * 3_600_000
        );
    }
}
