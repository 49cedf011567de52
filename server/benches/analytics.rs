//! The analytics page's queries over the large synthetic data set.
//!
//! `cargo bench -p server --bench analytics` seeds a temporary SQLite
//! database with `server seed`'s generator (100,000 freelancers, 50,000
//! gigs), then times `app::analytics::server::analytics` — every query the
//! page makes — for each range and prints p50/p95. `GUILD_BENCH_DB=path`
//! reuses a seeded file; `GUILD_BENCH_FREELANCERS` changes the size.

use std::time::Instant;
use support::{ms, percentile};

mod support;

const WARMUP: usize = 3;
const RUNS: usize = 25;

#[tokio::main]
async fn main() {
    let (_dir, db, _) = support::seeded_database().await;
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
            ms(percentile(&times, 0.5)),
            ms(percentile(&times, 0.95))
        );
    }
}
