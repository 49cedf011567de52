//! The analytics page's queries over the large synthetic data set.
//!
//! `cargo bench -p server --bench analytics` seeds a temporary SQLite
//! database with `server seed`'s generator (100,000 freelancers, 50,000
//! gigs), then times `app::analytics::server::analytics` — every query the
//! page makes — for each range and prints p50/p95. `GUILD_BENCH_DB=path`
//! reuses a seeded file; `GUILD_BENCH_FREELANCERS` changes the size.

use server::config::Config;
use std::time::{Duration, Instant};

const WARMUP: usize = 3;
const RUNS: usize = 25;

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() {
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
    println!("range   p50 ms   p95 ms");
    for days in app::analytics::model::RANGES {
        for _ in 0..WARMUP {
            app::analytics::server::analytics(&db, days)
                .await
                .expect("analytics");
        }
        let mut times = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let started = Instant::now();
            let a = app::analytics::server::analytics(&db, days)
                .await
                .expect("analytics");
            times.push(started.elapsed());
            std::hint::black_box(a);
        }
        times.sort();
        println!(
            "{days:>4} d {:>8} {:>8}",
            ms(times[RUNS / 2]),
            ms(times[RUNS * 95 / 100])
        );
    }
}
