//! Demo gigs, proposals, contracts, earnings and reviews, made through the
//! same services the app uses so every rule holds.

use super::data::{BudgetSeed, DemoData, FreelancerSeed, GigSeed};
use app::accounts::model::CurrentUser;
use app::accounts::server::now;
use app::entity::{contract, gig, ledger_entry, milestone, proposal, review};
use app::error::AppError;
use app::gigs::model::GigInput;
use app::market::money::amount_input;
use app::proposals::model::{MilestoneInput, ProposalInput};
use app::search::index::index_gig;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use std::collections::HashMap;

const DAY: i64 = 86_400;

/// The gig form a seed fills in.
fn gig_input(seed: &GigSeed) -> GigInput {
    let (budget_type, min, max) = match seed.budget {
        BudgetSeed::Fixed { amount } => ("fixed", amount, None),
        BudgetSeed::Hourly { min, max } => ("hourly", min, Some(max)),
        BudgetSeed::PerSession { amount } => ("per_session", amount, None),
    };
    let deadline = chrono::DateTime::from_timestamp(now() + seed.deadline_days * DAY, 0)
        .map(|d| d.date_naive().to_string())
        .unwrap_or_default();
    GigInput {
        kind: seed.kind.clone(),
        title: seed.title.clone(),
        description: seed.description.clone(),
        roles: seed.roles.clone(),
        skills: seed.skills.join(", "),
        budget_type: budget_type.into(),
        budget_min: min.to_string(),
        budget_max: max.map(|m| m.to_string()).unwrap_or_default(),
        currency: seed.currency.clone(),
        deadline,
        visibility: "public".into(),
        remote: if seed.remote {
            "on".into()
        } else {
            String::new()
        },
        city: seed.city.clone(),
        country: seed.country.clone(),
        subject: seed.subject.clone(),
        level: seed.level.clone(),
        goals: seed.goals.clone(),
        sessions_wanted: seed
            .sessions_wanted
            .map(|s| s.to_string())
            .unwrap_or_default(),
    }
}

/// Posts a gig through the service, then opens it as if an admin approved it
/// `age_days` ago.
async fn post_gig(
    db: &DatabaseConnection,
    owner: &CurrentUser,
    seed: &GigSeed,
    age_days: i64,
) -> Result<i32, AppError> {
    let id = app::gigs::server::service::save(db, owner, None, &gig_input(seed), true).await?;
    let opened = now() - age_days * DAY;
    let row = app::gigs::server::service::find(db, id).await?;
    let approved = app::gigs::server::moderation::stored_digest(db, &row).await?;
    gig::Entity::update_many()
        .col_expr(gig::Column::Status, Expr::value("open"))
        .col_expr(gig::Column::ApprovedDigest, Expr::value(approved))
        .col_expr(gig::Column::PublishedAt, Expr::value(opened))
        .col_expr(gig::Column::CreatedAt, Expr::value(opened - DAY))
        .filter(gig::Column::Id.eq(id))
        .exec(db)
        .await?;
    index_gig(db, id).await?;
    Ok(id)
}

fn first_name(display: &str) -> &str {
    display.split_whitespace().next().unwrap_or(display)
}

/// A cover letter in the freelancer's own words (their experience and bio).
fn cover_letter(freelancer: &FreelancerSeed, owner_name: &str, gig: &GigSeed) -> String {
    let first_bio_sentence = freelancer
        .bio
        .split(". ")
        .next()
        .unwrap_or(&freelancer.bio)
        .trim_end_matches('.');
    format!(
        "Hi {}, {}. {} For \"{}\" I'd start with a short call to agree on priorities, then share progress every few days so nothing surprises you.",
        first_name(owner_name),
        first_bio_sentence,
        freelancer.experience,
        gig.title
    )
}

/// The proposal a freelancer sends on a gig.
fn proposal_input(
    freelancer: &FreelancerSeed,
    owner_name: &str,
    gig: &GigSeed,
    variation: i64,
) -> ProposalInput {
    let (price_type, amount, sessions) = match gig.budget {
        BudgetSeed::Fixed { amount } => (
            "fixed",
            (amount * (90 + variation * 5) / 100).max(5),
            String::new(),
        ),
        BudgetSeed::Hourly { min, max } => (
            "hourly",
            freelancer.hourly_rate.clamp(min, max),
            String::new(),
        ),
        BudgetSeed::PerSession { amount } => (
            "per_session",
            amount,
            gig.sessions_wanted.unwrap_or(4).to_string(),
        ),
    };
    ProposalInput {
        cover_letter: cover_letter(freelancer, owner_name, gig),
        price_type: price_type.into(),
        amount: amount.to_string(),
        sessions,
        duration_days: gig.deadline_days.clamp(3, 60).to_string(),
    }
}

/// Milestones for accepting a proposal: sessions, or two halves of the price.
fn milestones(proposal: &proposal::Model, gig: &GigSeed) -> Vec<MilestoneInput> {
    match (proposal.sessions, &gig.budget) {
        (Some(n), _) => {
            let n = n.clamp(1, 10);
            vec![MilestoneInput {
                title: format!("{n} sessions"),
                amount: amount_input(proposal.amount_cents * i64::from(n)),
                due_date: String::new(),
            }]
        }
        (None, BudgetSeed::Hourly { .. }) => vec![MilestoneInput {
            title: "First 20 hours".into(),
            amount: amount_input(proposal.amount_cents * 20),
            due_date: String::new(),
        }],
        _ => {
            let half = proposal.amount_cents / 2;
            vec![
                MilestoneInput {
                    title: "First draft for feedback".into(),
                    amount: amount_input(half),
                    due_date: String::new(),
                },
                MilestoneInput {
                    title: "Final delivery".into(),
                    amount: amount_input(proposal.amount_cents - half),
                    due_date: String::new(),
                },
            ]
        }
    }
}

/// How far a demo contract gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// Every milestone approved long ago, both sides reviewed.
    ReviewedLongAgo,
    /// Completed two days ago; only the client has reviewed (still hidden).
    CompletedAwaitingReview,
    /// Under way, first milestone delivered.
    Active,
}

/// Builds the marketplace: gigs, proposals on most of them, and contracts
/// in every state, with reviews and earnings spread over recent months.
pub async fn seed(
    db: &DatabaseConnection,
    hub: &app::live::server::hub::Hub,
    data: &DemoData,
    users: &HashMap<String, CurrentUser>,
) -> Result<MarketCounts, AppError> {
    let mut rng = fastrand::Rng::with_seed(2026);
    let freelancers: HashMap<&str, &FreelancerSeed> = data
        .freelancers
        .iter()
        .chain(&data.accounts.freelancers)
        .map(|f| (f.username.as_str(), f))
        .collect();
    let all_gigs: Vec<&GigSeed> = data.accounts.gigs.iter().chain(&data.gigs).collect();
    let mut counts = MarketCounts::default();
    let (mut client_reviews, mut freelancer_reviews, mut diego_gigs) = (0usize, 0usize, 0usize);

    for (i, seed) in all_gigs.iter().enumerate() {
        let owner = users.get(&seed.owner).ok_or(AppError::NotFound)?;
        let gig_id = post_gig(db, owner, seed, (i as i64 % 20) + 1).await?;
        counts.gigs += 1;
        let role = seed.roles.first().cloned().unwrap_or_default();
        let mut candidates: Vec<&FreelancerSeed> = freelancers
            .values()
            .copied()
            .filter(|f| f.roles.contains(&role) && f.username != seed.owner)
            .collect();
        candidates.sort_by(|a, b| a.username.cmp(&b.username));
        if seed.owner == "maya" && role == "web-developer" {
            candidates.retain(|f| f.username == "diego");
        } else {
            rng.shuffle(&mut candidates);
            // The demo login should have a full history: put Diego first on web work.
            if let Some(pos) = candidates.iter().position(|f| f.username == "diego") {
                let diego = candidates.remove(pos);
                candidates.insert(0, diego);
            }
        }
        if i % 6 == 5 {
            continue;
        }
        let mut proposal_ids = Vec::new();
        for (k, freelancer) in candidates.iter().take(3).enumerate() {
            let author = users.get(&freelancer.username).ok_or(AppError::NotFound)?;
            let input = proposal_input(freelancer, &owner.display_name, seed, k as i64);
            let id = app::proposals::server::submit(db, hub, author, gig_id, &input).await?;
            proposal_ids.push((id, author.clone()));
            counts.proposals += 1;
        }
        let diego_first =
            seed.owner != "maya" && candidates.first().is_some_and(|f| f.username == "diego");
        if diego_first {
            diego_gigs += 1;
        }
        let outcome = match (seed.owner.as_str(), role.as_str(), i) {
            ("maya", "web-developer", _) => None,
            _ if diego_first => [
                Outcome::ReviewedLongAgo,
                Outcome::Active,
                Outcome::ReviewedLongAgo,
            ]
            .get(diego_gigs - 1)
            .copied(),
            ("maya", "photographer", _) => Some(Outcome::ReviewedLongAgo),
            ("maya", "accountant", _) => Some(Outcome::Active),
            (_, _, n) if n % 4 == 1 => Some(Outcome::ReviewedLongAgo),
            (_, _, n) if n % 9 == 2 => Some(Outcome::CompletedAwaitingReview),
            (_, _, n) if n % 7 == 3 => Some(Outcome::Active),
            _ => None,
        };
        let Some(outcome) = outcome else { continue };
        let Some((proposal_id, freelancer)) = proposal_ids.first().cloned() else {
            continue;
        };
        let proposal = proposal::Entity::find_by_id(proposal_id)
            .one(db)
            .await?
            .ok_or(AppError::NotFound)?;
        let contract_id = app::proposals::server::accept(
            db,
            hub,
            owner,
            proposal_id,
            &milestones(&proposal, seed),
        )
        .await?;
        counts.contracts += 1;
        let steps = milestone::Entity::find()
            .filter(milestone::Column::ContractId.eq(contract_id))
            .all(db)
            .await?;
        if outcome == Outcome::Active {
            if let Some(first) = steps.first() {
                app::contracts::server::submit_milestone(db, hub, &freelancer, first.id).await?;
            }
            continue;
        }
        for step in &steps {
            app::contracts::server::submit_milestone(db, hub, &freelancer, step.id).await?;
            app::contracts::server::approve_milestone(db, hub, owner, step.id).await?;
        }
        let from_client: Vec<_> = data.reviews.iter().filter(|r| r.from == "client").collect();
        let from_freelancer: Vec<_> = data
            .reviews
            .iter()
            .filter(|r| r.from == "freelancer")
            .collect();
        let text = from_client[client_reviews % from_client.len()];
        client_reviews += 1;
        app::reviews::server::submit(
            db,
            hub,
            owner.id,
            contract_id,
            &text.rating.to_string(),
            &text.text,
        )
        .await?;
        counts.reviews += 1;
        let completed_at = if outcome == Outcome::ReviewedLongAgo {
            let reply = from_freelancer[freelancer_reviews % from_freelancer.len()];
            freelancer_reviews += 1;
            app::reviews::server::submit(
                db,
                hub,
                freelancer.id,
                contract_id,
                &reply.rating.to_string(),
                &reply.text,
            )
            .await?;
            counts.reviews += 1;
            now() - (20 + (i as i64 * 11) % 150) * DAY
        } else {
            now() - 2 * DAY
        };
        backdate(
            db,
            contract_id,
            completed_at,
            outcome == Outcome::ReviewedLongAgo,
        )
        .await?;
        app::reviews::server::refresh_rating(db, freelancer.id).await?;
    }
    Ok(counts)
}

/// Moves a completed contract, its earnings and reviews back in time.
async fn backdate(
    db: &DatabaseConnection,
    contract_id: i32,
    completed_at: i64,
    reviews_visible: bool,
) -> Result<(), AppError> {
    contract::Entity::update_many()
        .col_expr(contract::Column::CompletedAt, Expr::value(completed_at))
        .col_expr(
            contract::Column::CreatedAt,
            Expr::value(completed_at - 21 * DAY),
        )
        .filter(contract::Column::Id.eq(contract_id))
        .exec(db)
        .await?;
    ledger_entry::Entity::update_many()
        .col_expr(ledger_entry::Column::CreatedAt, Expr::value(completed_at))
        .filter(ledger_entry::Column::ContractId.eq(contract_id))
        .exec(db)
        .await?;
    let visible_at = if reviews_visible {
        completed_at + DAY
    } else {
        completed_at + 14 * DAY
    };
    review::Entity::update_many()
        .col_expr(review::Column::CreatedAt, Expr::value(completed_at + DAY))
        .col_expr(review::Column::VisibleAt, Expr::value(visible_at))
        .filter(review::Column::ContractId.eq(contract_id))
        .exec(db)
        .await?;
    Ok(())
}

/// What the marketplace seed created.
#[derive(Debug, Default, Clone, Copy)]
pub struct MarketCounts {
    /// Gigs and learning requests.
    pub gigs: usize,
    /// Proposals.
    pub proposals: usize,
    /// Contracts.
    pub contracts: usize,
    /// Reviews.
    pub reviews: usize,
}
