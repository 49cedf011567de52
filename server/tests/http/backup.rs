//! `server backup` and `server restore`: a backup taken while the server
//! writes holds every transaction committed before it began, and nothing
//! half-done; a restore checks the file before it replaces anything.

use super::support::TestApp;
use app::entity::live_event;
use sea_orm::{ActiveValue::Set, Database, EntityTrait, PaginatorTrait, QueryOrder};
use server::backup::{BackupError, backup, restore};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};

/// Whether this run is on SQLite (backup and restore are SQLite's; on
/// PostgreSQL they refuse, which is checked instead).
fn on_sqlite(app: &TestApp) -> bool {
    app.config.is_sqlite()
}

#[tokio::test]
async fn a_backup_under_write_load_restores_every_committed_row() {
    let app = TestApp::new().await;
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("guild-backup.db");
    if !on_sqlite(&app) {
        let refused = backup(&app.state.db, &file).await;
        assert!(
            matches!(refused, Err(BackupError::NotSqlite)),
            "{refused:?}"
        );
        return;
    }
    let mut client = app.client();
    let user = client.sign_up("ada", &["wants_client"]).await["id"]
        .as_i64()
        .expect("user id") as i32;
    // A writer commits one row at a time, numbered 1, 2, 3, …
    let committed = Arc::new(AtomicI64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (db, committed, stop) = (app.state.db.clone(), committed.clone(), stop.clone());
        tokio::spawn(async move {
            let mut seq = 0;
            while !stop.load(Ordering::SeqCst) {
                seq += 1;
                live_event::Entity::insert(live_event::ActiveModel {
                    user_id: Set(user),
                    seq: Set(seq),
                    payload: Set(format!("{{\"n\":{seq}}}")),
                    created_at: Set(seq),
                })
                .exec(&db)
                .await
                .expect("insert");
                committed.store(seq, Ordering::SeqCst);
            }
        })
    };
    while committed.load(Ordering::SeqCst) < 200 {
        tokio::task::yield_now().await;
    }
    let before = committed.load(Ordering::SeqCst);
    let bytes = backup(&app.state.db, &file).await.expect("backup");
    let after = committed.load(Ordering::SeqCst);
    stop.store(true, Ordering::SeqCst);
    writer.await.expect("writer");
    assert!(bytes > 0);
    assert!(after > before, "the writer went on during the backup");
    assert!(
        matches!(
            backup(&app.state.db, &file).await,
            Err(BackupError::Exists(_))
        ),
        "a backup never overwrites a file"
    );

    let target = dir.path().join("restored.db");
    let url = format!("sqlite://{}?mode=rwc", target.display());
    assert_eq!(restore(&file, &url).await.expect("restore"), None);
    let restored = Database::connect(&url).await.expect("open");
    let rows: Vec<i64> = live_event::Entity::find()
        .order_by_asc(live_event::Column::Seq)
        .all(&restored)
        .await
        .expect("rows")
        .into_iter()
        .map(|e| e.seq)
        .collect();
    let n = rows.len() as i64;
    assert!(
        n >= before,
        "every row committed before the backup: {n} < {before}"
    );
    assert!(n <= after, "nothing after it finished: {n} > {after}");
    assert_eq!(rows, (1..=n).collect::<Vec<_>>(), "no gaps: one instant");
    restored.close().await.expect("close");

    // Restoring over an existing database keeps the replaced one.
    let kept = restore(&file, &url)
        .await
        .expect("restore again")
        .expect("the replaced database is kept");
    let old = Database::connect(format!("sqlite://{}?mode=ro", kept.display()))
        .await
        .expect("open the kept one");
    assert_eq!(
        live_event::Entity::find().count(&old).await.expect("count"),
        n as u64
    );
}

#[tokio::test]
async fn a_damaged_or_foreign_file_is_refused_and_nothing_is_replaced() {
    let dir = tempfile::tempdir().expect("dir");
    let target = dir.path().join("guild.db");
    let url = format!("sqlite://{}?mode=rwc", target.display());
    std::fs::write(&target, b"the database in use").expect("write");

    let missing = restore(&dir.path().join("nope.db"), &url).await;
    assert!(
        matches!(missing, Err(BackupError::Unusable { .. })),
        "{missing:?}"
    );

    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, vec![7u8; 8192]).expect("write");
    let refused = restore(&junk, &url).await;
    assert!(
        matches!(refused, Err(BackupError::Unusable { .. })),
        "{refused:?}"
    );

    let foreign = dir.path().join("foreign.db");
    let other = Database::connect(format!("sqlite://{}?mode=rwc", foreign.display()))
        .await
        .expect("create");
    sea_orm::ConnectionTrait::execute_unprepared(&other, "CREATE TABLE notes (body TEXT)")
        .await
        .expect("table");
    other.close().await.expect("close");
    let refused = restore(&foreign, &url).await;
    let message = refused.expect_err("not Guild's").to_string();
    assert!(message.contains("not a Guild database"), "{message}");

    assert_eq!(
        std::fs::read(&target).expect("read"),
        b"the database in use",
        "the database in use is untouched"
    );
    let postgres = restore(&junk, "postgres://guild@127.0.0.1/guild").await;
    assert!(
        matches!(postgres, Err(BackupError::NotSqlite)),
        "{postgres:?}"
    );
}
