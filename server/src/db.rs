//! Connecting to the database and applying migrations.

use crate::config::Config;
use migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbErr, TransactionTrait,
};
use std::time::Duration;

/// Opens the pool. SQLite runs in WAL mode (readers don't block the writer),
/// with `synchronous=NORMAL`, foreign keys on and a 5 s busy timeout on every
/// pooled connection; the pool size comes from the configuration because
/// sea-orm would otherwise give SQLite a single connection.
pub async fn connect(config: &Config) -> Result<DatabaseConnection, DbErr> {
    if config.is_sqlite() {
        ensure_sqlite_dir(&config.database_url);
    }
    let mut options = ConnectOptions::new(config.database_url.clone());
    options
        .max_connections(config.db_max_connections)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(10))
        .idle_timeout(Duration::from_secs(600))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|o| {
            o.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(5))
                .foreign_keys(true)
        });
    Database::connect(options).await
}

/// The file of a SQLite URL (`sqlite://data/guild.db?…` → `data/guild.db`);
/// `None` for other databases and for in-memory SQLite.
pub fn sqlite_path(url: &str) -> Option<std::path::PathBuf> {
    if !url.starts_with("sqlite:") {
        return None;
    }
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:")
        .split('?')
        .next()
        .unwrap_or_default();
    (!path.is_empty() && !path.starts_with(":memory:")).then(|| path.into())
}

/// Creates the directory of a SQLite file URL (`sqlite://data/guild.db?…`).
fn ensure_sqlite_dir(url: &str) {
    let Some(path) = sqlite_path(url) else {
        return;
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        tracing::warn!(?dir, error = %e, "could not create the database directory");
    }
}

/// Applies pending migrations (in one transaction on SQLite too).
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    match db.get_database_backend() {
        sea_orm::DbBackend::Sqlite => {
            let txn = db.begin().await?;
            Migrator::up(&txn, None).await?;
            txn.commit().await?;
        }
        _ => Migrator::up(db, None).await?,
    }
    backfill(db).await
}

/// Data a schema migration cannot compute in SQL: the digest of the public
/// text of gigs and profiles approved before digests were kept (see the
/// moderation migration), and team conversations for contracts made before
/// chat. Does nothing once everything has them.
async fn backfill(db: &DatabaseConnection) -> Result<(), DbErr> {
    let failed =
        |e: app::error::AppError| DbErr::Custom(format!("backfilling approved digests: {e:?}"));
    let gigs = app::gigs::server::moderation::backfill_approved_digests(db)
        .await
        .map_err(failed)?;
    let profiles = app::profiles::server::moderation::backfill_approved_digests(db)
        .await
        .map_err(failed)?;
    if gigs + profiles > 0 {
        tracing::info!(
            gigs,
            profiles,
            "recorded the approved text of items approved before moderation digests"
        );
    }
    let hires = app::chat::server::conversations::backfill_teams(db)
        .await
        .map_err(|e| DbErr::Custom(format!("backfilling team conversations: {e:?}")))?;
    if hires > 0 {
        tracing::info!(hires, "gave earlier contracts their team conversations");
    }
    let boarded = app::boards::server::team::backfill_boards(db)
        .await
        .map_err(|e| DbErr::Custom(format!("backfilling team boards: {e:?}")))?;
    if boarded > 0 {
        tracing::info!(boarded, "put earlier contracts on their team boards");
    }
    Ok(())
}
