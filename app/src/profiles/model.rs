//! Profile types shared by the server and the browser.

use crate::market::{
    Availability, FreelancerKind, Level, Proficiency, ProfileStatus, TeachingFormat,
};
use serde::{Deserialize, Serialize};

/// A language with how well it is spoken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageEntry {
    /// English name of the language.
    pub language: String,
    /// Proficiency.
    pub proficiency: Proficiency,
}

/// An education entry or certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CredentialEntry {
    /// `education` or `certificate`.
    pub kind: String,
    /// Degree or certificate name.
    pub title: String,
    /// School or issuer.
    pub institution: String,
    /// Year obtained.
    pub year: Option<i32>,
}

/// A portfolio link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortfolioEntry {
    /// What the work is.
    pub title: String,
    /// Where it lives (http or https only).
    pub url: String,
    /// A sentence about it.
    pub description: String,
    /// An optional preview image (http or https only).
    pub thumbnail_url: Option<String>,
}

impl PortfolioEntry {
    /// The site the link points to ("github.com"), for the generated thumbnail.
    pub fn host(&self) -> String {
        url::Url::parse(&self.url)
            .ok()
            .and_then(|u| {
                u.host_str()
                    .map(|h| h.trim_start_matches("www.").to_string())
            })
            .unwrap_or_default()
    }
}

/// A freelancer's or coach's whole profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FreelancerProfile {
    /// Account id.
    pub user_id: i32,
    /// Handle.
    pub username: String,
    /// Shown name.
    pub display_name: String,
    /// Freelance, coaching or both.
    pub kind: FreelancerKind,
    /// One line about them.
    pub tagline: String,
    /// A few paragraphs about them.
    pub bio: String,
    /// City.
    pub city: String,
    /// ISO country code.
    pub country: String,
    /// Hourly rate in cents.
    pub hourly_rate_cents: Option<i64>,
    /// Currency of the rate.
    pub currency: String,
    /// Time available.
    pub availability: Option<Availability>,
    /// Years of experience.
    pub years_experience: i32,
    /// Past work, briefly.
    pub experience: String,
    /// How a coach teaches.
    pub teaching_format: Option<TeachingFormat>,
    /// Levels a coach teaches.
    pub teaching_levels: Vec<Level>,
    /// Role ids, primary first.
    pub roles: Vec<String>,
    /// Skill names.
    pub skills: Vec<String>,
    /// Languages.
    pub languages: Vec<LanguageEntry>,
    /// Education and certificates.
    pub credentials: Vec<CredentialEntry>,
    /// Portfolio links.
    pub portfolio: Vec<PortfolioEntry>,
    /// Review status.
    pub status: ProfileStatus,
    /// Why an admin sent it back.
    pub rejection_reason: String,
    /// Onboarding steps completed.
    pub onboarding_step: i32,
    /// Average of visible reviews.
    pub rating_avg: Option<f64>,
    /// Number of visible reviews.
    pub review_count: i32,
    /// When the account was created (Unix seconds).
    pub member_since: i64,
}

/// A review as shown on a profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewView {
    /// The review's id (for reporting it).
    pub id: i32,
    /// Who wrote it.
    pub reviewer_name: String,
    /// Their handle.
    pub reviewer_username: String,
    /// 1–5 stars.
    pub rating: i32,
    /// What they wrote.
    pub body: String,
    /// The contract's title.
    pub contract_title: String,
    /// When it was written (Unix seconds).
    pub created_at: i64,
}

/// A public freelancer page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublicProfilePage {
    /// The profile.
    pub profile: FreelancerProfile,
    /// Visible reviews, newest first.
    pub reviews: Vec<ReviewView>,
    /// Whether the viewer bookmarked this freelancer.
    pub saved: bool,
    /// Whether someone is signed in.
    pub signed_in: bool,
    /// Whether the viewer is this freelancer.
    pub is_own: bool,
    /// Whether the viewer, as a client, may start a conversation.
    pub can_contact: bool,
    /// Whether a conversation with the viewer already exists.
    pub contacted: bool,
}

/// A client's or student's profile (private; see the access rule in the server).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientProfile {
    /// Account id.
    pub user_id: i32,
    /// Handle.
    pub username: String,
    /// Shown name.
    pub display_name: String,
    /// City.
    pub city: String,
    /// ISO country code.
    pub country: String,
    /// About them.
    pub about: String,
    /// For students: what they want to learn.
    pub learning_goals: String,
    /// Languages.
    pub languages: Vec<LanguageEntry>,
    /// When the account was created (Unix seconds).
    pub member_since: i64,
    /// Average rating from freelancers' visible reviews.
    pub rating_avg: Option<f64>,
    /// Visible reviews of this client.
    pub reviews: Vec<ReviewView>,
    /// Whether the viewer is this client.
    pub is_own: bool,
}

/// A freelancer as a search result or suggestion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TalentCard {
    /// Account id.
    pub user_id: i32,
    /// Handle.
    pub username: String,
    /// Shown name.
    pub display_name: String,
    /// One line about them.
    pub tagline: String,
    /// Freelance, coaching or both.
    pub kind: FreelancerKind,
    /// City.
    pub city: String,
    /// ISO country code.
    pub country: String,
    /// Hourly rate in cents.
    pub hourly_rate_cents: Option<i64>,
    /// Currency of the rate.
    pub currency: String,
    /// Average rating.
    pub rating_avg: Option<f64>,
    /// Number of visible reviews.
    pub review_count: i32,
    /// Role ids, primary first.
    pub roles: Vec<String>,
    /// Skill names.
    pub skills: Vec<String>,
    /// Whether the viewer bookmarked them.
    pub saved: bool,
}
