//! Demo data for a first run, so a newcomer sees a living marketplace.
//! Seeded only into an empty database; prints the demo logins.

use crate::cli::CliError;
use app::accounts::server::service::{SignupInput, create_account};
use app::entity::user;
use app::state::AppState;
use sea_orm::{EntityTrait, PaginatorTrait};

/// The password of every demo account (not on the common-password list).
pub const DEMO_PASSWORD: &str = "guild-demo-2026";

/// A demo account: email, username, display name, client side, freelancer side.
const DEMO_ACCOUNTS: &[(&str, &str, &str, bool, bool)] = &[
    ("maya@demo.guild", "maya", "Maya Chen", true, false),
    ("diego@demo.guild", "diego", "Diego Alvarez", false, true),
    ("sam@demo.guild", "sam", "Sam Okafor", true, true),
];

/// One printed login.
#[derive(Debug, Clone)]
pub struct DemoLogin {
    /// Email to log in with.
    pub email: String,
    /// What the account can do.
    pub sides: &'static str,
}

/// Seeds the demo accounts when there are no accounts at all; returns the
/// logins it created (empty when the database already had data).
pub async fn seed_if_empty(state: &AppState) -> Result<Vec<DemoLogin>, CliError> {
    if user::Entity::find().count(&state.db).await? > 0 {
        return Ok(Vec::new());
    }
    let mut logins = Vec::new();
    for &(email, username, display_name, client, freelancer) in DEMO_ACCOUNTS {
        let input = SignupInput {
            email: email.into(),
            username: username.into(),
            display_name: display_name.into(),
            password: DEMO_PASSWORD.into(),
            wants_client: client,
            wants_freelancer: freelancer,
        };
        create_account(state, &input, false).await?;
        logins.push(DemoLogin {
            email: email.into(),
            sides: match (client, freelancer) {
                (true, true) => "client/student and freelancer/coach",
                (true, false) => "client/student",
                _ => "freelancer/coach",
            },
        });
    }
    Ok(logins)
}

/// Seeds if empty and prints what was created.
pub async fn seed_and_report(state: &AppState) -> Result<(), CliError> {
    let logins = seed_if_empty(state).await?;
    if logins.is_empty() {
        println!("Database already has accounts; demo data not added.");
        return Ok(());
    }
    println!("Demo data added. Log in with any of these (password: {DEMO_PASSWORD}):");
    for login in logins {
        println!("  {:<22} {}", login.email, login.sides);
    }
    Ok(())
}
