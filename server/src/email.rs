//! The email outbox: notifications that users asked to get by email are
//! stored in `email_outbox` inside the transaction that raised them, and
//! this worker sends them over SMTP (`GUILD_SMTP_URL`, with lettre) —
//! instant ones at once, daily ones as one digest per user at 08:00 UTC.
//! Without SMTP configured the outbox is kept, and the log says so once.

use app::entity::email_outbox as outbox;
use app::error::AppError;
use app::live::server::hub::now_ms;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::BTreeMap;
use std::time::Duration;

/// Attempts before a mail is given up (its last error stays in the row).
pub const MAX_ATTEMPTS: i32 = 5;

/// Sends mail through one SMTP server.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// A mailer for `url` (`smtp://host:port`, `smtps://…` or
    /// `smtp://…?tls=required`) sending as `from`.
    pub fn new(url: &str, from: &str) -> Result<Self, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("GUILD_SMTP_URL: {e}"))?
            .timeout(Some(Duration::from_secs(10)))
            .build();
        let from = from.parse().map_err(|e| format!("GUILD_SMTP_FROM: {e}"))?;
        Ok(Self { transport, from })
    }

    async fn send(&self, to: &str, subject: &str, body: String) -> Result<(), String> {
        let to: Mailbox = to.parse().map_err(|e| format!("address: {e}"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .body(body)
            .map_err(|e| e.to_string())?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// Sends every due mail (daily ones grouped into one digest per user);
/// returns how many emails went out.
pub async fn deliver_due(db: &DatabaseConnection, mailer: &Mailer) -> Result<usize, AppError> {
    let now = now_ms();
    let due = outbox::Entity::find()
        .filter(outbox::Column::SentAt.is_null())
        .filter(outbox::Column::SendAfter.lte(now))
        .filter(outbox::Column::Attempts.lt(MAX_ATTEMPTS))
        .order_by_asc(outbox::Column::Id)
        .limit(200)
        .all(db)
        .await?;
    let mut emails: Vec<(String, String, String, Vec<i64>)> = Vec::new();
    let mut digests: BTreeMap<(i32, String), Vec<outbox::Model>> = BTreeMap::new();
    for row in due {
        if row.daily {
            digests
                .entry((row.user_id, row.to_address.clone()))
                .or_default()
                .push(row);
        } else {
            emails.push((row.to_address, row.subject, row.body, vec![row.id]));
        }
    }
    for ((_, to), rows) in digests {
        let subject = format!("Guild: your daily summary ({} updates)", rows.len());
        let body = rows
            .iter()
            .map(|r| r.body.trim_end().to_string())
            .collect::<Vec<_>>()
            .join("\n\n---\n\n");
        emails.push((to, subject, body, rows.iter().map(|r| r.id).collect()));
    }
    let mut sent = 0;
    for (to, subject, body, ids) in emails {
        match mailer.send(&to, &subject, body).await {
            Ok(()) => {
                outbox::Entity::update_many()
                    .col_expr(outbox::Column::SentAt, Expr::value(now_ms()))
                    .filter(outbox::Column::Id.is_in(ids))
                    .exec(db)
                    .await?;
                sent += 1;
            }
            Err(error) => {
                tracing::warn!(%error, "could not send an email; it stays in the outbox");
                outbox::Entity::update_many()
                    .col_expr(
                        outbox::Column::Attempts,
                        Expr::col(outbox::Column::Attempts).add(1),
                    )
                    .col_expr(outbox::Column::LastError, Expr::value(Some(error)))
                    .filter(outbox::Column::Id.is_in(ids))
                    .exec(db)
                    .await?;
            }
        }
    }
    Ok(sent)
}

/// Starts the outbox worker (every 5 s) when SMTP is configured; otherwise
/// logs once that mail is kept in the outbox.
pub fn spawn(db: DatabaseConnection, smtp_url: Option<&str>, from: &str) -> Result<(), String> {
    let Some(url) = smtp_url else {
        tracing::info!("GUILD_SMTP_URL is not set: notification emails stay in the outbox");
        return Ok(());
    };
    let mailer = Mailer::new(url, from)?;
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(5));
        loop {
            tick.tick().await;
            if let Err(e) = deliver_due(&db, &mailer).await {
                tracing::warn!(error = %e, "the email outbox could not be read");
            }
        }
    });
    Ok(())
}
