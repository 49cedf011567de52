//! Discovery search latency over 100,000 freelancers on SQLite.
//!
//! `cargo bench -p server --bench discovery` seeds a temporary database with
//! `server seed`'s generator (100,000 approved freelancers, 50,000 gigs), then
//! runs a mix of "Find talent" queries through the same function the page
//! and the public API use (search plus card loading) and prints p50/p95 per
//! query and overall. `GUILD_BENCH_DB=path/to.db` reuses a seeded file;
//! `GUILD_BENCH_FREELANCERS` changes the size.

use app::discovery::model::TalentFilters;
use app::discovery::server::search_talent;
use std::time::Instant;
use support::{ms, percentile};

mod support;

const WARMUP: usize = 5;
const RUNS: usize = 60;

fn filters(pairs: &[(&str, &str)]) -> TalentFilters {
    let mut f = TalentFilters::default();
    for (k, v) in pairs {
        let v = v.to_string();
        match *k {
            "q" => f.q = v,
            "role" => f.role = v,
            "skills" => f.skills = v,
            "min_rate" => f.min_rate = v,
            "max_rate" => f.max_rate = v,
            "language" => f.language = v,
            "country" => f.country = v,
            "kind" => f.kind = v,
            "sort" => f.sort = v,
            "page" => f.page = v,
            other => panic!("unknown filter {other}"),
        }
    }
    f
}

#[tokio::main]
async fn main() {
    let (_dir, db, size) = support::seeded_database().await;

    let queries: Vec<(&str, TalentFilters)> = vec![
        ("text: wordpress", filters(&[("q", "wordpress")])),
        (
            "text: wedding photography",
            filters(&[("q", "wedding photography")]),
        ),
        ("text prefix: calc", filters(&[("q", "calc")])),
        ("role: web-developer", filters(&[("role", "web-developer")])),
        (
            "role + skill: ui-ux-designer, Figma",
            filters(&[("role", "ui-ux-designer"), ("skills", "Figma")]),
        ),
        ("skill: Python", filters(&[("skills", "Python")])),
        (
            "rate 20–40 USD",
            filters(&[("min_rate", "20"), ("max_rate", "40")]),
        ),
        (
            "language + country: Spanish, MX",
            filters(&[("language", "Spanish"), ("country", "MX")]),
        ),
        (
            "coaches speaking French",
            filters(&[("kind", "coaching"), ("language", "French")]),
        ),
        ("all, sort by rate", filters(&[("sort", "rate_asc")])),
        ("all, sort by rating", filters(&[("sort", "rating")])),
        (
            "text + role + rate: react",
            filters(&[
                ("q", "react"),
                ("role", "frontend-developer"),
                ("max_rate", "80"),
            ]),
        ),
        (
            "role, page 50",
            filters(&[("role", "web-developer"), ("page", "50")]),
        ),
    ];

    println!(
        "\nDiscovery latency over {size} freelancers (SQLite, {RUNS} runs each, search + 20 cards):\n"
    );
    println!("| query | matches | p50 ms | p95 ms |");
    println!("|---|---:|---:|---:|");
    let mut all = Vec::new();
    for (name, f) in &queries {
        for _ in 0..WARMUP {
            search_talent(&db, None, f, 20).await.expect("search");
        }
        let mut times = Vec::with_capacity(RUNS);
        let mut total = 0;
        for _ in 0..RUNS {
            let started = Instant::now();
            let page = search_talent(&db, None, f, 20).await.expect("search");
            times.push(started.elapsed());
            total = page.total;
        }
        times.sort();
        println!(
            "| {name} | {total} | {} | {} |",
            ms(percentile(&times, 0.5)),
            ms(percentile(&times, 0.95))
        );
        all.extend(times);
    }
    all.sort();
    println!(
        "| **all queries** | | **{}** | **{}** |",
        ms(percentile(&all, 0.5)),
        ms(percentile(&all, 0.95))
    );
}
