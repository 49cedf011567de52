//! Demo data for a first run, so a newcomer sees a living marketplace:
//! freelancers and coaches across all 49 roles, clients and students, open
//! gigs and learning requests, proposals, contracts in every state, earnings,
//! reviews and conversations. Seeded only into an empty database; prints the demo logins.

mod boards;
mod chat;
pub mod data;
mod market;
mod moderation;
mod people;

use crate::cli::CliError;
use app::accounts::model::CurrentUser;
use app::accounts::server::repo::to_current;
use app::entity::user;
use app::state::AppState;
use data::DemoData;
use sea_orm::{EntityTrait, PaginatorTrait, TransactionTrait};
use std::collections::HashMap;

/// The password of every demo account (not on the common-password list).
pub const DEMO_PASSWORD: &str = "guild-demo-2026";

/// The logins printed after seeding: email, what the account can do.
pub const DEMO_LOGINS: &[(&str, &str)] = &[
    (
        "maya@demo.guild",
        "client with gigs, proposals and a finished contract",
    ),
    (
        "diego@demo.guild",
        "web developer with proposals, contracts and earnings",
    ),
    (
        "sam@demo.guild",
        "both sides: language coach and guitar student",
    ),
];

/// What was seeded.
#[derive(Debug, Clone, Copy, Default)]
pub struct Seeded {
    /// Approved freelancers and coaches.
    pub freelancers: usize,
    /// Clients and students.
    pub clients: usize,
    /// Marketplace activity.
    pub market: market::MarketCounts,
    /// Conversations and messages.
    pub chat: chat::ChatCounts,
    /// Team boards filled in.
    pub boards: boards::BoardCounts,
    /// Reports and warnings for the admin pages.
    pub moderation: moderation::ModerationCounts,
}

/// Seeds the demo marketplace when there are no accounts at all; `None` when
/// the database already had data.
pub async fn seed_if_empty(state: &AppState) -> Result<Option<Seeded>, CliError> {
    if user::Entity::find().count(&state.db).await? > 0 {
        return Ok(None);
    }
    let data = DemoData::load().map_err(|e| CliError::Refused(format!("demo data: {e}")))?;
    // One hash for every demo account: they share a password, and hashing
    // two hundred times would only slow the first start down.
    let hash = state.hasher.hash(DEMO_PASSWORD.to_string()).await?;
    let mut users: HashMap<String, CurrentUser> = HashMap::new();
    let mut seeded = Seeded::default();

    let txn = state.db.begin().await?;
    for (username, name, client, freelancer) in [
        ("maya", "Maya Chen", true, false),
        ("diego", "Diego Alvarez", false, true),
        ("sam", "Sam Okafor", true, true),
    ] {
        let model = people::account(&txn, username, name, &hash, client, freelancer).await?;
        users.insert(username.to_string(), to_current(&model));
    }
    for seed in data.freelancers.iter() {
        let model =
            people::account(&txn, &seed.username, &seed.display_name, &hash, false, true).await?;
        people::freelancer_profile(&txn, model.id, seed).await?;
        users.insert(seed.username.clone(), to_current(&model));
        seeded.freelancers += 1;
    }
    for seed in &data.accounts.freelancers {
        let id = users
            .get(&seed.username)
            .map(|u| u.id)
            .ok_or(app::error::AppError::NotFound)?;
        people::freelancer_profile(&txn, id, seed).await?;
        seeded.freelancers += 1;
    }
    for seed in data.clients.iter() {
        let model =
            people::account(&txn, &seed.username, &seed.display_name, &hash, true, false).await?;
        people::client_profile(&txn, model.id, seed).await?;
        users.insert(seed.username.clone(), to_current(&model));
        seeded.clients += 1;
    }
    for seed in &data.accounts.clients {
        let id = users
            .get(&seed.username)
            .map(|u| u.id)
            .ok_or(app::error::AppError::NotFound)?;
        people::client_profile(&txn, id, seed).await?;
    }
    txn.commit().await?;

    seeded.market = market::seed(&state.db, &state.live, &data, &users).await?;
    seeded.chat = chat::seed(state, &users).await?;
    seeded.boards = boards::seed(state, &users).await?;
    seeded.moderation = moderation::seed(state, &users).await?;
    Ok(Some(seeded))
}

/// Seeds if empty and prints what was created and how to log in.
pub async fn seed_and_report(state: &AppState) -> Result<(), CliError> {
    let Some(seeded) = seed_if_empty(state).await? else {
        println!("Database already has accounts; demo data not added.");
        return Ok(());
    };
    println!(
        "Demo data added: {} freelancers and coaches, {} clients and students, {} gigs, {} proposals, {} contracts, {} reviews, {} conversations with {} messages, {} team boards with {} cards, {} open reports and {} warned account.",
        seeded.freelancers,
        seeded.clients,
        seeded.market.gigs,
        seeded.market.proposals,
        seeded.market.contracts,
        seeded.market.reviews,
        seeded.chat.conversations,
        seeded.chat.messages,
        seeded.boards.boards,
        seeded.boards.cards,
        seeded.moderation.open_reports,
        seeded.moderation.warned
    );
    println!(
        "Log in with any of these (password: {DEMO_PASSWORD}), or any demo username@demo.guild:"
    );
    for (email, what) in DEMO_LOGINS {
        println!("  {email:<20} {what}");
    }
    Ok(())
}
