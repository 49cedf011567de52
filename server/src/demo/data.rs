//! The demo data files (`server/data/demo/*.json`), parsed.

use serde::Deserialize;

/// A language line.
#[derive(Debug, Clone, Deserialize)]
pub struct LanguageSeed {
    /// Language name.
    pub language: String,
    /// Proficiency name.
    pub proficiency: String,
}

/// An education or certificate line.
#[derive(Debug, Clone, Deserialize)]
pub struct CredentialSeed {
    /// `education` or `certificate`.
    pub kind: String,
    /// Title.
    pub title: String,
    /// Institution.
    pub institution: String,
    /// Year.
    pub year: Option<i32>,
}

/// A portfolio link.
#[derive(Debug, Clone, Deserialize)]
pub struct PortfolioSeed {
    /// Title.
    pub title: String,
    /// Link.
    pub url: String,
    /// Description.
    pub description: String,
}

/// A freelancer or coach.
#[derive(Debug, Clone, Deserialize)]
pub struct FreelancerSeed {
    /// Username.
    pub username: String,
    /// Display name.
    pub display_name: String,
    /// `freelance`, `coaching` or `both`.
    pub kind: String,
    /// Tagline.
    pub tagline: String,
    /// Bio.
    pub bio: String,
    /// City.
    pub city: String,
    /// ISO country code.
    pub country: String,
    /// Whole currency units per hour.
    pub hourly_rate: i64,
    /// Currency.
    pub currency: String,
    /// Role ids, primary first.
    pub roles: Vec<String>,
    /// Skills.
    pub skills: Vec<String>,
    /// Languages.
    pub languages: Vec<LanguageSeed>,
    /// Availability name.
    pub availability: String,
    /// Years of experience.
    pub years_experience: i32,
    /// Experience summary.
    pub experience: String,
    /// Education and certificates.
    #[serde(default)]
    pub education: Vec<CredentialSeed>,
    /// Portfolio.
    #[serde(default)]
    pub portfolio: Vec<PortfolioSeed>,
    /// Teaching format (coaches).
    #[serde(default)]
    pub teaching_format: Option<String>,
    /// Levels taught (coaches).
    #[serde(default)]
    pub teaching_levels: Vec<String>,
}

/// A client or student.
#[derive(Debug, Clone, Deserialize)]
pub struct ClientSeed {
    /// Username.
    pub username: String,
    /// Display name (absent for the demo logins, which exist already).
    #[serde(default)]
    pub display_name: String,
    /// City.
    pub city: String,
    /// ISO country code.
    pub country: String,
    /// About.
    pub about: String,
    /// Learning goals.
    #[serde(default)]
    pub learning_goals: String,
    /// Languages.
    pub languages: Vec<LanguageSeed>,
}

/// A budget.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BudgetSeed {
    /// One amount.
    Fixed {
        /// Whole units.
        amount: i64,
    },
    /// Hourly range.
    Hourly {
        /// Whole units.
        min: i64,
        /// Whole units.
        max: i64,
    },
    /// Per lesson session.
    PerSession {
        /// Whole units.
        amount: i64,
    },
}

/// A gig or learning request.
#[derive(Debug, Clone, Deserialize)]
pub struct GigSeed {
    /// Owner's username.
    pub owner: String,
    /// `project` or `lesson`.
    pub kind: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Role ids.
    pub roles: Vec<String>,
    /// Skills.
    pub skills: Vec<String>,
    /// Budget.
    pub budget: BudgetSeed,
    /// Currency.
    pub currency: String,
    /// Days until the deadline.
    pub deadline_days: i64,
    /// Remote.
    pub remote: bool,
    /// City.
    pub city: String,
    /// Country.
    pub country: String,
    /// Lesson subject.
    #[serde(default)]
    pub subject: String,
    /// Lesson level.
    #[serde(default)]
    pub level: String,
    /// Lesson goals.
    #[serde(default)]
    pub goals: String,
    /// Sessions wanted.
    #[serde(default)]
    pub sessions_wanted: Option<i32>,
}

/// A review text.
#[derive(Debug, Clone, Deserialize)]
pub struct ReviewSeed {
    /// Stars.
    pub rating: i32,
    /// `client` or `freelancer`.
    pub from: String,
    /// Text.
    pub text: String,
}

/// The extra profiles and gigs of the demo logins.
#[derive(Debug, Clone, Deserialize)]
pub struct DemoAccounts {
    /// Freelancer profiles of demo logins.
    pub freelancers: Vec<FreelancerSeed>,
    /// Client profiles of demo logins.
    pub clients: Vec<ClientSeed>,
    /// Gigs of demo logins.
    pub gigs: Vec<GigSeed>,
}

/// Everything in `server/data/demo`.
#[derive(Debug, Clone)]
pub struct DemoData {
    /// Freelancers and coaches.
    pub freelancers: Vec<FreelancerSeed>,
    /// Clients and students.
    pub clients: Vec<ClientSeed>,
    /// Gigs.
    pub gigs: Vec<GigSeed>,
    /// Review texts.
    pub reviews: Vec<ReviewSeed>,
    /// The demo logins' own data.
    pub accounts: DemoAccounts,
}

impl DemoData {
    /// Parses the embedded files.
    pub fn load() -> Result<Self, serde_json::Error> {
        Ok(Self {
            freelancers: serde_json::from_str(include_str!("../../data/demo/freelancers.json"))?,
            clients: serde_json::from_str(include_str!("../../data/demo/clients.json"))?,
            gigs: serde_json::from_str(include_str!("../../data/demo/gigs.json"))?,
            reviews: serde_json::from_str(include_str!("../../data/demo/reviews.json"))?,
            accounts: serde_json::from_str(include_str!("../../data/demo/demo_accounts.json"))?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_files_parse_and_are_big_enough() {
        let data = DemoData::load().expect("demo data parses");
        assert!(data.freelancers.len() >= 150);
        assert!(data.gigs.len() >= 60);
        assert!(data.reviews.iter().any(|r| r.from == "freelancer"));
    }
}
