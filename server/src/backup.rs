//! `server backup` and `server restore` for the SQLite database.
//!
//! A backup is SQLite's `VACUUM INTO` run on the live database: one read
//! transaction, so the copy is the database as of one instant (every
//! transaction committed before it started, none half-applied) while the
//! server goes on writing (WAL mode: the writer is never blocked). It is
//! written under a temporary name and renamed, so a file with the backup's
//! name is always complete.
//!
//! A restore checks the file first (SQLite's `integrity_check`, and that it
//! is a Guild database whose migrations this build knows), then swaps it in
//! with a rename. The database it replaces is kept beside it
//! (`guild.db.before-restore-<unix time>`), so a restore loses nothing
//! either. Stop the server before restoring. PostgreSQL has its own tools
//! (`pg_dump` / `pg_restore`, see the README).

use crate::db::sqlite_path;
use migrations::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectionTrait, Database, DatabaseConnection, DbBackend, QueryResult, Statement, Value,
};
use std::path::{Path, PathBuf};

/// Why a backup or a restore did not happen.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// The database is not a SQLite file.
    #[error(
        "backup and restore work on SQLite files; for PostgreSQL use pg_dump and pg_restore (see the README)"
    )]
    NotSqlite,
    /// The backup's file is already there.
    #[error("{0} already exists: choose a new file name")]
    Exists(PathBuf),
    /// The file to restore is missing, damaged or not Guild's.
    #[error("{path} cannot be restored: {reason}")]
    Unusable {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// The database refused.
    #[error("database: {0}")]
    Db(#[from] sea_orm::DbErr),
    /// A file operation failed.
    #[error("{action} {path}: {source}")]
    Io {
        /// What was being done.
        action: &'static str,
        /// To which file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
}

fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> BackupError {
    let path = path.to_path_buf();
    move |source| BackupError::Io {
        action,
        path,
        source,
    }
}

/// Writes a consistent copy of the live SQLite database `db` to `to`;
/// returns its size in bytes.
pub async fn backup(db: &DatabaseConnection, to: &Path) -> Result<u64, BackupError> {
    if db.get_database_backend() != DbBackend::Sqlite {
        return Err(BackupError::NotSqlite);
    }
    if to.exists() {
        return Err(BackupError::Exists(to.to_path_buf()));
    }
    let partial = with_suffix(to, ".partial");
    let _ = std::fs::remove_file(&partial);
    db.execute(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "VACUUM INTO ?",
        [Value::from(partial.to_string_lossy().into_owned())],
    ))
    .await?;
    std::fs::rename(&partial, to).map_err(io("cannot rename the backup to", to))?;
    Ok(std::fs::metadata(to).map_err(io("cannot read", to))?.len())
}

/// Checks `from` and puts it in place of the SQLite database at
/// `database_url` (the server must be stopped). Returns where the replaced
/// database was kept, if there was one.
pub async fn restore(from: &Path, database_url: &str) -> Result<Option<PathBuf>, BackupError> {
    let target = sqlite_path(database_url).ok_or(BackupError::NotSqlite)?;
    check(from).await?;
    let staged = with_suffix(&target, ".restoring");
    std::fs::copy(from, &staged).map_err(io("cannot copy the backup to", &staged))?;
    std::fs::File::open(&staged)
        .and_then(|f| f.sync_all())
        .map_err(io("cannot flush", &staged))?;
    let kept = if target.exists() {
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let kept = with_suffix(&target, &format!(".before-restore-{stamp}"));
        // The old database's last writes may still be in its WAL: fold them
        // in first, so the kept copy is whole on its own.
        checkpoint(&target).await?;
        std::fs::rename(&target, &kept).map_err(io("cannot move aside", &target))?;
        Some(kept)
    } else {
        None
    };
    for side in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(with_suffix(&target, side));
    }
    std::fs::rename(&staged, &target).map_err(io("cannot move the backup to", &target))?;
    Ok(kept)
}

/// Whether `path` is an intact Guild database this build can run.
pub async fn check(path: &Path) -> Result<(), BackupError> {
    let unusable = |reason: String| BackupError::Unusable {
        path: path.to_path_buf(),
        reason,
    };
    if !path.is_file() {
        return Err(unusable("there is no such file".into()));
    }
    let url = format!("sqlite://{}?mode=ro", path.display());
    let db = Database::connect(&url)
        .await
        .map_err(|e| unusable(format!("it does not open as SQLite ({e})")))?;
    let outcome = async {
        let verdict = one_text(&db, "PRAGMA integrity_check")
            .await
            .map_err(|e| unusable(format!("it is not a SQLite database ({e})")))?;
        if verdict.as_deref() != Some("ok") {
            return Err(unusable(format!(
                "SQLite's integrity check failed: {}",
                verdict.unwrap_or_default()
            )));
        }
        let newest = one_text(&db, "SELECT MAX(version) FROM seaql_migrations")
            .await
            .map_err(|_| unusable("it is not a Guild database (no migrations table)".into()))?
            .ok_or_else(|| unusable("it is not a Guild database (no migrations)".into()))?;
        let known = Migrator::migrations().iter().any(|m| m.name() == newest);
        if !known {
            return Err(unusable(format!(
                "it was made by a newer Guild (migration {newest} is unknown to this build)"
            )));
        }
        Ok(())
    }
    .await;
    db.close().await?;
    outcome
}

/// The first column of the first row of `sql`, as text.
async fn one_text(db: &DatabaseConnection, sql: &str) -> Result<Option<String>, sea_orm::DbErr> {
    let row: Option<QueryResult> = db
        .query_one(Statement::from_string(DbBackend::Sqlite, sql))
        .await?;
    match row {
        Some(row) => row.try_get_by_index::<Option<String>>(0),
        None => Ok(None),
    }
}

/// Folds a database's WAL into its main file.
async fn checkpoint(path: &Path) -> Result<(), BackupError> {
    let db = Database::connect(format!("sqlite://{}", path.display())).await?;
    db.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
        .await?;
    db.close().await?;
    Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    name.into()
}
