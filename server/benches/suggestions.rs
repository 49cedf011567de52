//! Suggestion benchmarks: role prediction latency and an offline
//! evaluation of gig recommendations over the demo data.
//!
//! `cargo bench -p server --bench suggestions` prints:
//! - p50/p99 latency of `RoleModel::predict` (tokenise, TF-IDF, sparse dot
//!   products, thresholds) over every validation need, repeated;
//! - for every approved demo freelancer, their top 10 recommended gigs,
//!   scored against the gigs' own roles: precision@10 (relevant share of
//!   what is shown) and recall@10 (share of the open gigs in their roles
//!   that make the list), for the product's weights, for text only (the
//!   classifier and TF-IDF similarity, ignoring declared roles and skills)
//!   and for "newest open gigs" as a baseline;
//! - p50/p99 latency of one recommendation request on that data.
//!
//! Training time is printed by `server roles train`.

use app::entity::{freelancer_profile, gig, gig_role, profile_role, proposal};
use app::suggestions::classifier::{self, data};
use app::suggestions::server::matching::{Weights, recommend_gigs};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use server::config::Config;
use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

const PREDICT_ROUNDS: usize = 20;
const K: usize = 10;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn micros(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1e6)
}

fn prediction_latency() {
    let model = classifier::embedded();
    let splits = data::load(&data::data_dir()).expect("training data");
    let texts: Vec<&str> = splits.valid.iter().map(|e| e.text.as_str()).collect();
    for t in &texts {
        std::hint::black_box(model.predict(t));
    }
    let mut times = Vec::with_capacity(texts.len() * PREDICT_ROUNDS);
    for _ in 0..PREDICT_ROUNDS {
        for t in &texts {
            let started = Instant::now();
            std::hint::black_box(model.predict(t));
            times.push(started.elapsed());
        }
    }
    times.sort();
    let mean_chars = texts.iter().map(|t| t.chars().count()).sum::<usize>() / texts.len();
    println!(
        "Role prediction over {} validation needs x {PREDICT_ROUNDS} (mean {mean_chars} characters):",
        texts.len()
    );
    println!("| p50 µs | p99 µs | max µs |\n|---:|---:|---:|");
    println!(
        "| {} | {} | {} |\n",
        micros(percentile(&times, 0.5)),
        micros(percentile(&times, 0.99)),
        micros(*times.last().expect("timings"))
    );
}

async fn demo_database(dir: &std::path::Path) -> DatabaseConnection {
    let url = format!("sqlite://{}?mode=rwc", dir.join("demo.db").display());
    let config =
        Config::from_lookup(|k| (k == "DATABASE_URL").then(|| url.clone())).expect("config");
    let db = server::db::connect(&config).await.expect("connect");
    server::db::migrate(&db).await.expect("migrate");
    let options = leptos::config::LeptosOptions::builder()
        .output_name("guild")
        .build();
    let state = server::state::build(&config, options, db.clone()).expect("state");
    server::demo::seed_if_empty(&state)
        .await
        .expect("demo seed");
    db
}

/// One freelancer's recommended gig ids and the gigs relevant to them.
type Ranked = (Vec<i32>, HashSet<i32>);

/// Mean precision@K and recall@K of `lists` against each freelancer's relevant gigs.
fn precision_recall(lists: &[Ranked]) -> (f64, f64, f64) {
    let (mut p, mut r, mut shown) = (0.0, 0.0, 0.0);
    for (list, relevant) in lists {
        let hits = list.iter().filter(|g| relevant.contains(g)).count() as f64;
        p += if list.is_empty() {
            0.0
        } else {
            hits / list.len() as f64
        };
        r += hits / relevant.len().min(K) as f64;
        shown += list.len() as f64;
    }
    let n = lists.len() as f64;
    (p / n, r / n, shown / n)
}

async fn recommendation_quality() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = demo_database(dir.path()).await;
    let model = classifier::embedded();
    let open: Vec<gig::Model> = gig::Entity::find()
        .filter(gig::Column::Status.eq("open"))
        .filter(gig::Column::Visibility.eq("public"))
        .order_by_desc(gig::Column::PublishedAt)
        .all(&db)
        .await
        .expect("gigs");
    let mut gig_roles: HashMap<i32, HashSet<String>> = HashMap::new();
    for r in gig_role::Entity::find().all(&db).await.expect("gig roles") {
        gig_roles.entry(r.gig_id).or_default().insert(r.role_id);
    }
    let mut people_roles: HashMap<i32, HashSet<String>> = HashMap::new();
    for r in profile_role::Entity::find()
        .all(&db)
        .await
        .expect("profile roles")
    {
        people_roles.entry(r.user_id).or_default().insert(r.role_id);
    }
    let mut proposed: HashMap<i32, HashSet<i32>> = HashMap::new();
    for p in proposal::Entity::find().all(&db).await.expect("proposals") {
        proposed
            .entry(p.freelancer_id)
            .or_default()
            .insert(p.gig_id);
    }
    let people: Vec<i32> = freelancer_profile::Entity::find()
        .filter(freelancer_profile::Column::Status.eq("approved"))
        .all(&db)
        .await
        .expect("profiles")
        .into_iter()
        .map(|p| p.user_id)
        .collect();

    let variants = [
        ("product weights", Weights::default()),
        ("text only", Weights::text_only()),
    ];
    let mut results: Vec<(&str, Vec<Ranked>)> =
        variants.iter().map(|(n, _)| (*n, Vec::new())).collect();
    let mut baseline = Vec::new();
    let mut times = Vec::new();
    let mut evaluated = 0;
    for &user in &people {
        let roles = people_roles.get(&user).cloned().unwrap_or_default();
        let done = proposed.get(&user).cloned().unwrap_or_default();
        let available: Vec<&gig::Model> = open
            .iter()
            .filter(|g| g.owner_id != user && !done.contains(&g.id))
            .collect();
        let relevant: HashSet<i32> = available
            .iter()
            .map(|g| g.id)
            .filter(|g| gig_roles.get(g).is_some_and(|r| !r.is_disjoint(&roles)))
            .collect();
        if relevant.is_empty() {
            continue;
        }
        evaluated += 1;
        for ((_, weights), (_, lists)) in variants.iter().zip(results.iter_mut()) {
            let started = Instant::now();
            let list = recommend_gigs(&db, model, user, weights, K)
                .await
                .expect("recommend");
            times.push(started.elapsed());
            lists.push((
                list.into_iter().map(|r| r.gig.id).collect(),
                relevant.clone(),
            ));
        }
        let newest: Vec<i32> = available.iter().take(K).map(|g| g.id).collect();
        baseline.push((newest, relevant));
    }
    println!(
        "Gig recommendations over the demo data: {} open gigs, {evaluated} approved freelancers with at least one open gig in their roles they have not proposed on.",
        open.len()
    );
    println!("A recommendation is relevant when the gig lists one of the freelancer's roles.\n");
    println!("| ranking | precision@{K} | recall@{K} | gigs shown (mean) |\n|---|---:|---:|---:|");
    for (name, lists) in results
        .iter()
        .map(|(n, l)| (*n, l))
        .chain([("newest open gigs (baseline)", &baseline)])
    {
        let (p, r, shown) = precision_recall(lists);
        println!("| {name} | {p:.3} | {r:.3} | {shown:.1} |");
    }
    times.sort();
    println!(
        "\nOne recommendation request (SQLite, demo data): p50 {:.2} ms, p99 {:.2} ms.",
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.99).as_secs_f64() * 1e3
    );
}

#[tokio::main]
async fn main() {
    prediction_latency();
    recommendation_quality().await;
}
