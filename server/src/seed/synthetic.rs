//! Generates realistic-looking approved freelancers and open gigs in bulk,
//! built from the demo data's names, places and skills, for benchmarks.
//! Profiles get no reviews (ratings only ever come from real reviews).

use crate::demo::data::DemoData;
use app::accounts::server::now;
use app::entity::{
    freelancer_profile, gig, gig_role, gig_skill, profile_role, profile_skill, skill, user,
    user_language,
};
use app::market::taxonomy::roles;
use app::search::sql::SqlBuilder;
use indicatif::{ProgressBar, ProgressStyle};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, TransactionTrait,
};
use std::collections::{BTreeMap, HashMap};

/// Rows written per transaction.
const BATCH: usize = 400;
const DAY: i64 = 86_400;

/// Word pools taken from the demo data.
struct Pools {
    first_names: Vec<String>,
    last_names: Vec<String>,
    places: Vec<(String, String)>,
    skills_by_role: BTreeMap<String, Vec<String>>,
    languages: Vec<String>,
}

impl Pools {
    fn from_demo(data: &DemoData) -> Self {
        let mut first_names = Vec::new();
        let mut last_names = Vec::new();
        let mut places = Vec::new();
        let mut skills_by_role: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut languages = Vec::new();
        for f in &data.freelancers {
            let mut parts = f.display_name.split_whitespace();
            if let (Some(first), Some(last)) = (parts.next(), parts.next_back()) {
                first_names.push(first.to_string());
                last_names.push(last.to_string());
            }
            places.push((f.city.clone(), f.country.clone()));
            for role in &f.roles {
                let pool = skills_by_role.entry(role.clone()).or_default();
                for s in &f.skills {
                    if !pool.contains(s) {
                        pool.push(s.clone());
                    }
                }
            }
            for l in &f.languages {
                if !languages.contains(&l.language) {
                    languages.push(l.language.clone());
                }
            }
        }
        for g in &data.gigs {
            for role in &g.roles {
                let pool = skills_by_role.entry(role.clone()).or_default();
                for s in &g.skills {
                    if !pool.contains(s) {
                        pool.push(s.clone());
                    }
                }
            }
        }
        Self {
            first_names,
            last_names,
            places,
            skills_by_role,
            languages,
        }
    }
}

/// How many rows of each kind were written.
#[derive(Debug, Default, Clone, Copy)]
pub struct SyntheticCounts {
    /// Approved freelancers.
    pub freelancers: usize,
    /// Open gigs.
    pub gigs: usize,
}

/// Inserts `freelancers` approved profiles and `gigs` open gigs (posted by
/// one client per ten gigs), indexing both for search. `progress` shows a bar.
pub async fn seed(
    db: &DatabaseConnection,
    freelancers: usize,
    gigs: usize,
    progress: bool,
) -> Result<SyntheticCounts, DbErr> {
    let data = DemoData::load().map_err(|e| DbErr::Custom(format!("demo data: {e}")))?;
    let pools = Pools::from_demo(&data);
    let bar = if progress {
        let bar = ProgressBar::new((freelancers + gigs) as u64);
        bar.set_style(
            ProgressStyle::with_template("{msg:>12} [{bar:40}] {pos}/{len} ({per_sec}, eta {eta})")
                .expect("valid template")
                .progress_chars("=> "),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let run = format!("{:x}", now() % 1_000_000);
    let skill_ids = ensure_skills(db, &pools).await?;
    let hash = app::accounts::server::password::hash_blocking("synthetic account, no login")
        .map_err(|e| DbErr::Custom(e.to_string()))?;
    let mut rng = fastrand::Rng::with_seed(7);

    bar.set_message("freelancers");
    let mut start = 0;
    while start < freelancers {
        let end = (start + BATCH).min(freelancers);
        freelancer_batch(db, &pools, &skill_ids, &hash, &run, start..end, &mut rng).await?;
        bar.inc((end - start) as u64);
        start = end;
    }

    bar.set_message("gigs");
    let clients = gigs.div_ceil(10);
    let client_ids = client_accounts(db, &pools, &hash, &run, clients, &mut rng).await?;
    let mut start = 0;
    while start < gigs {
        let end = (start + BATCH).min(gigs);
        gig_batch(db, &pools, &skill_ids, &client_ids, start..end, &mut rng).await?;
        bar.inc((end - start) as u64);
        start = end;
    }
    bar.set_message("approvals");
    let failed = |e: app::error::AppError| DbErr::Custom(format!("approved digests: {e:?}"));
    app::profiles::server::moderation::backfill_approved_digests(db)
        .await
        .map_err(failed)?;
    app::gigs::server::moderation::backfill_approved_digests(db)
        .await
        .map_err(failed)?;
    bar.finish_with_message("done");
    Ok(SyntheticCounts { freelancers, gigs })
}

async fn ensure_skills(
    db: &DatabaseConnection,
    pools: &Pools,
) -> Result<HashMap<String, i32>, DbErr> {
    let mut names: Vec<&String> = pools.skills_by_role.values().flatten().collect();
    names.sort();
    names.dedup_by(|a, b| a.to_lowercase() == b.to_lowercase());
    for chunk in names.chunks(500) {
        skill::Entity::insert_many(chunk.iter().map(|n| skill::ActiveModel {
            name: Set((*n).clone()),
            slug: Set(n.to_lowercase()),
            ..Default::default()
        }))
        .on_conflict(
            OnConflict::column(skill::Column::Slug)
                .do_nothing()
                .to_owned(),
        )
        .do_nothing()
        .exec(db)
        .await?;
    }
    Ok(skill::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.slug, s.id))
        .collect())
}

fn pick<'a, T>(rng: &mut fastrand::Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(..items.len())]
}

async fn ids_of(
    db: &impl ConnectionTrait,
    usernames: &[String],
) -> Result<HashMap<String, i32>, DbErr> {
    Ok(user::Entity::find()
        .filter(user::Column::Username.is_in(usernames.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.username, u.id))
        .collect())
}

fn account(
    username: &str,
    display: &str,
    hash: &str,
    client: bool,
    created: i64,
) -> user::ActiveModel {
    user::ActiveModel {
        email: Set(format!("{username}@synthetic.guild")),
        username: Set(username.to_string()),
        display_name: Set(display.to_string()),
        password_hash: Set(hash.to_string()),
        has_client: Set(client),
        has_freelancer: Set(!client),
        active_mode: Set(if client { "client" } else { "freelancer" }.into()),
        is_admin: Set(false),
        is_super_admin: Set(false),
        created_at: Set(created),
        updated_at: Set(created),
        ..Default::default()
    }
}

/// One synthetic freelancer before insertion.
struct Person {
    username: String,
    name: String,
    roles: Vec<String>,
    skills: Vec<String>,
    languages: Vec<(String, &'static str)>,
    city: String,
    country: String,
    rate: i64,
    years: i32,
    tagline: String,
    bio: String,
}

fn person(pools: &Pools, run: &str, n: usize, rng: &mut fastrand::Rng) -> Person {
    let all_roles = roles();
    let role = &all_roles[n % all_roles.len()];
    let mut role_ids = vec![role.id.clone()];
    if rng.u8(..4) == 0 {
        let second = pick(
            rng,
            all_roles
                .iter()
                .filter(|r| r.category == role.category)
                .collect::<Vec<_>>()
                .as_slice(),
        )
        .id
        .clone();
        if second != role.id {
            role_ids.push(second);
        }
    }
    let pool = pools
        .skills_by_role
        .get(&role.id)
        .cloned()
        .unwrap_or_default();
    let mut skills = pool.clone();
    rng.shuffle(&mut skills);
    skills.truncate(rng.usize(3..=7).min(pool.len()));
    let (city, country) = pick(rng, &pools.places).clone();
    let first = pick(rng, &pools.first_names).clone();
    let last = pick(rng, &pools.last_names).clone();
    let years = rng.i32(1..=25);
    let covers = role
        .covers
        .split(',')
        .take(2)
        .collect::<Vec<_>>()
        .join(",")
        .trim()
        .to_string();
    let tagline = format!("{} · {}", role.name, covers);
    let bio = format!(
        "I'm a {} based in {city} with {years} years of experience. I work on {}. Clients hire me for {}.",
        role.name.to_lowercase(),
        role.covers,
        if skills.is_empty() {
            role.name.clone()
        } else {
            skills.join(", ")
        }
    );
    let mut languages = vec![(
        "English".to_string(),
        if rng.bool() { "fluent" } else { "native" },
    )];
    let other = pick(rng, &pools.languages).clone();
    if other != "English" && rng.bool() {
        languages.push((other, "native"));
    }
    Person {
        username: format!("s{run}_{n}"),
        name: format!("{first} {last}"),
        roles: role_ids,
        skills,
        languages,
        city,
        country,
        rate: rng.i64(8..=150),
        years,
        tagline: tagline.chars().take(100).collect(),
        bio,
    }
}

async fn freelancer_batch(
    db: &DatabaseConnection,
    pools: &Pools,
    skill_ids: &HashMap<String, i32>,
    hash: &str,
    run: &str,
    range: std::ops::Range<usize>,
    rng: &mut fastrand::Rng,
) -> Result<(), DbErr> {
    let people: Vec<Person> = range.map(|n| person(pools, run, n, rng)).collect();
    let now = now();
    let txn = db.begin().await?;
    user::Entity::insert_many(people.iter().map(|p| {
        account(
            &p.username,
            &p.name,
            hash,
            false,
            now - rng.i64(0..900) * DAY,
        )
    }))
    .exec(&txn)
    .await?;
    let ids = ids_of(
        &txn,
        &people
            .iter()
            .map(|p| p.username.clone())
            .collect::<Vec<_>>(),
    )
    .await?;
    let id = |p: &Person| ids[&p.username];
    freelancer_profile::Entity::insert_many(people.iter().map(|p| {
        freelancer_profile::ActiveModel {
            user_id: Set(id(p)),
            kind: Set(if p.roles[0].ends_with("tutor")
                || p.roles[0].ends_with("teacher")
                || p.roles[0].ends_with("coach")
            {
                "coaching"
            } else {
                "freelance"
            }
            .into()),
            tagline: Set(p.tagline.clone()),
            bio: Set(p.bio.clone()),
            city: Set(p.city.clone()),
            country: Set(p.country.clone()),
            hourly_rate_cents: Set(Some(p.rate * 100)),
            currency: Set("USD".into()),
            availability: Set("part_time".into()),
            years_experience: Set(p.years),
            experience: Set(String::new()),
            teaching_format: Set(String::new()),
            teaching_levels: Set(String::new()),
            status: Set("approved".into()),
            rejection_reason: Set(String::new()),
            onboarding_step: Set(8),
            rating_avg: Set(None),
            review_count: Set(0),
            submitted_at: Set(Some(now)),
            reviewed_at: Set(Some(now)),
            created_at: Set(now),
            updated_at: Set(now),
            revision: Set(0),
            // Filled in below, as if an admin had approved the text.
            approved_digest: Set(String::new()),
            hidden_at: Set(None),
        }
    }))
    .exec(&txn)
    .await?;
    profile_role::Entity::insert_many(people.iter().flat_map(|p| {
        p.roles
            .iter()
            .enumerate()
            .map(move |(i, r)| profile_role::ActiveModel {
                user_id: Set(id(p)),
                role_id: Set(r.clone()),
                position: Set(i as i32),
            })
    }))
    .exec(&txn)
    .await?;
    let links: Vec<profile_skill::ActiveModel> = people
        .iter()
        .flat_map(|p| {
            p.skills.iter().filter_map(move |s| {
                Some(profile_skill::ActiveModel {
                    user_id: Set(id(p)),
                    skill_id: Set(*skill_ids.get(&s.to_lowercase())?),
                })
            })
        })
        .collect();
    if !links.is_empty() {
        profile_skill::Entity::insert_many(links).exec(&txn).await?;
    }
    user_language::Entity::insert_many(people.iter().flat_map(|p| {
        p.languages
            .iter()
            .map(move |(l, prof)| user_language::ActiveModel {
                user_id: Set(id(p)),
                language: Set(l.clone()),
                proficiency: Set((*prof).into()),
            })
    }))
    .exec(&txn)
    .await?;
    index_people(&txn, &people, &ids).await?;
    txn.commit().await
}

async fn index_people(
    db: &impl ConnectionTrait,
    people: &[Person],
    ids: &HashMap<String, i32>,
) -> Result<(), DbErr> {
    let mut b = SqlBuilder::new(db.get_database_backend());
    let role_names = |p: &Person| {
        p.roles
            .iter()
            .map(|r| app::market::taxonomy::role_name(r))
            .collect::<Vec<_>>()
            .join(" ")
    };
    if b.is_postgres() {
        b.push("INSERT INTO freelancer_search (user_id, document) VALUES ");
        for (i, p) in people.iter().enumerate() {
            let (id, name, roles, skills, tagline, bio) = (
                b.bind(ids[&p.username]),
                b.bind(p.name.clone()),
                b.bind(role_names(p)),
                b.bind(p.skills.join(" ")),
                b.bind(p.tagline.clone()),
                b.bind(p.bio.clone()),
            );
            b.push(&format!(
                "{}({id}, setweight(to_tsvector('english', {name}), 'A') || setweight(to_tsvector('english', {roles}), 'A') || \
                 setweight(to_tsvector('english', {skills}), 'B') || setweight(to_tsvector('english', {tagline}), 'B') || \
                 setweight(to_tsvector('english', {bio}), 'C'))",
                if i == 0 { "" } else { ", " }
            ));
        }
    } else {
        b.push("INSERT INTO freelancer_search (rowid, name, tagline, bio, skills, roles) VALUES ");
        for (i, p) in people.iter().enumerate() {
            let list = b.bind_list([
                sea_orm::Value::from(ids[&p.username]),
                p.name.clone().into(),
                p.tagline.clone().into(),
                p.bio.clone().into(),
                p.skills.join(" ").into(),
                role_names(p).into(),
            ]);
            b.push(&format!("{}({list})", if i == 0 { "" } else { ", " }));
        }
    }
    db.execute(b.build()).await?;
    Ok(())
}

async fn client_accounts(
    db: &DatabaseConnection,
    pools: &Pools,
    hash: &str,
    run: &str,
    count: usize,
    rng: &mut fastrand::Rng,
) -> Result<Vec<i32>, DbErr> {
    let mut ids = Vec::with_capacity(count);
    let now = now();
    for chunk in (0..count).collect::<Vec<_>>().chunks(BATCH) {
        let names: Vec<(String, String)> = chunk
            .iter()
            .map(|n| {
                (
                    format!("c{run}_{n}"),
                    format!(
                        "{} {}",
                        pick(rng, &pools.first_names),
                        pick(rng, &pools.last_names)
                    ),
                )
            })
            .collect();
        user::Entity::insert_many(names.iter().map(|(u, d)| account(u, d, hash, true, now)))
            .exec(db)
            .await?;
        ids.extend(
            ids_of(
                db,
                &names.iter().map(|(u, _)| u.clone()).collect::<Vec<_>>(),
            )
            .await?
            .into_values(),
        );
    }
    ids.sort_unstable();
    Ok(ids)
}

async fn gig_batch(
    db: &DatabaseConnection,
    pools: &Pools,
    skill_ids: &HashMap<String, i32>,
    clients: &[i32],
    range: std::ops::Range<usize>,
    rng: &mut fastrand::Rng,
) -> Result<(), DbErr> {
    let all_roles = roles();
    let now = now();
    let txn = db.begin().await?;
    let mut rows = Vec::new();
    let mut meta = Vec::new();
    for n in range {
        let role = &all_roles[rng.usize(..all_roles.len())];
        let lesson = role.category == "teaching";
        let mut skills = pools
            .skills_by_role
            .get(&role.id)
            .cloned()
            .unwrap_or_default();
        rng.shuffle(&mut skills);
        skills.truncate(3);
        let amount = if lesson {
            rng.i64(15..=60)
        } else {
            rng.i64(100..=8000)
        } * 100;
        let hourly = !lesson && rng.u8(..3) == 0;
        let title = format!(
            "{} needed: {}",
            role.name,
            role.covers.split(',').next().unwrap_or_default().trim()
        );
        let description = format!(
            "We're looking for a {} to help with {}. Experience with {} is a plus. Please share similar work in your proposal.",
            role.name.to_lowercase(),
            role.covers,
            if skills.is_empty() {
                "similar projects".to_string()
            } else {
                skills.join(", ")
            }
        );
        let published = now - rng.i64(0..90) * DAY - rng.i64(0..DAY);
        rows.push(gig::ActiveModel {
            owner_id: Set(clients[n % clients.len()]),
            kind: Set(if lesson { "lesson" } else { "project" }.into()),
            title: Set(title.chars().take(90).collect()),
            description: Set(description.clone()),
            budget_type: Set(if lesson {
                "per_session"
            } else if hourly {
                "hourly"
            } else {
                "fixed"
            }
            .into()),
            budget_min_cents: Set(if hourly { amount / 40 } else { amount }),
            budget_max_cents: Set(if hourly { amount / 20 } else { amount }),
            currency: Set("USD".into()),
            deadline: Set(None),
            visibility: Set("public".into()),
            remote: Set(rng.u8(..5) != 0),
            city: Set(String::new()),
            country: Set(pick(rng, &pools.places).1.clone()),
            subject: Set(if lesson {
                role.name.clone()
            } else {
                String::new()
            }),
            level: Set(if lesson {
                "beginner".into()
            } else {
                String::new()
            }),
            goals: Set(String::new()),
            sessions_wanted: Set(lesson.then_some(4)),
            status: Set("open".into()),
            rejection_reason: Set(String::new()),
            created_at: Set(published),
            updated_at: Set(published),
            published_at: Set(Some(published)),
            ..Default::default()
        });
        meta.push((role.clone(), skills, title, description));
    }
    let ids: Vec<i32> = gig::Entity::insert_many(rows)
        .exec_with_returning_many(&txn)
        .await?
        .into_iter()
        .map(|g| g.id)
        .collect();
    gig_role::Entity::insert_many(ids.iter().zip(&meta).map(|(id, (role, ..))| {
        gig_role::ActiveModel {
            gig_id: Set(*id),
            role_id: Set(role.id.clone()),
        }
    }))
    .exec(&txn)
    .await?;
    let links: Vec<gig_skill::ActiveModel> = ids
        .iter()
        .zip(&meta)
        .flat_map(|(id, (_, skills, ..))| {
            skills.iter().filter_map(move |s| {
                Some(gig_skill::ActiveModel {
                    gig_id: Set(*id),
                    skill_id: Set(*skill_ids.get(&s.to_lowercase())?),
                })
            })
        })
        .collect();
    if !links.is_empty() {
        gig_skill::Entity::insert_many(links).exec(&txn).await?;
    }
    for id in &ids {
        app::search::index::index_gig(&txn, *id).await?;
    }
    txn.commit().await
}
