//! What the data-set benches share: a SQLite file seeded with `server
//! seed`'s generator, and percentiles in milliseconds.

use sea_orm::DatabaseConnection;
use server::config::Config;
use std::time::{Duration, Instant};

/// A migrated SQLite database holding at least `GUILD_BENCH_FREELANCERS`
/// (default 100,000) approved freelancers and half as many gigs: the file
/// `GUILD_BENCH_DB` when set (kept for the next run), else a temporary one
/// (the returned directory; keep it alive while the database is used),
/// and that size.
pub async fn seeded_database() -> (tempfile::TempDir, DatabaseConnection, usize) {
    let size: usize = std::env::var("GUILD_BENCH_FREELANCERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = std::env::var("GUILD_BENCH_DB")
        .unwrap_or_else(|_| dir.path().join("bench.db").display().to_string());
    let url = format!("sqlite://{path}?mode=rwc");
    let config =
        Config::from_lookup(|k| (k == "DATABASE_URL").then(|| url.clone())).expect("config");
    let db = server::db::connect(&config).await.expect("connect");
    server::db::migrate(&db).await.expect("migrate");

    use sea_orm::{EntityTrait, PaginatorTrait};
    let existing = app::entity::freelancer_profile::Entity::find()
        .count(&db)
        .await
        .expect("count") as usize;
    if existing < size {
        let started = Instant::now();
        server::seed::synthetic::seed(&db, size - existing, size / 2, true)
            .await
            .expect("seed");
        println!(
            "seeded {} freelancers and {} gigs in {:.1}s",
            size - existing,
            size / 2,
            started.elapsed().as_secs_f64()
        );
    }
    (dir, db, size)
}

/// The `p` percentile (0–1) of `sorted`.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx]
}

/// Milliseconds with two decimals.
pub fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}
