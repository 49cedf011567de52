//! The JSON shapes of the public API.

use app::gigs::model::{GigDetail as AppGigDetail, GigSummary, Page};
use app::market::countries::place;
use app::market::taxonomy::role_name;
use app::profiles::model::{FreelancerProfile, TalentCard};
use serde::Serialize;
use utoipa::ToSchema;

/// An approved freelancer or coach.
#[derive(Debug, Serialize, ToSchema)]
pub struct FreelancerItem {
    /// Account id.
    pub id: i32,
    /// Display name.
    pub name: String,
    /// Handle, used in `/api/v1/freelancers/{username}`.
    pub username: String,
    /// One line about them.
    pub tagline: String,
    /// "City, Country".
    pub location: String,
    /// Hourly rate in `currency` (e.g. 45.5).
    pub hourly_rate: Option<f64>,
    /// ISO 4217 code.
    pub currency: String,
    /// Average of visible reviews (1–5), `null` when there are none.
    pub rating: Option<f64>,
    /// Number of visible reviews.
    pub review_count: i32,
    /// Role ids from the taxonomy, primary first.
    pub roles: Vec<String>,
    /// Skills.
    pub skills: Vec<String>,
    /// A generated SVG avatar.
    pub avatar_url: String,
}

/// A spoken language.
#[derive(Debug, Serialize, ToSchema)]
pub struct SpokenLanguage {
    /// Language.
    pub language: String,
    /// basic, conversational, fluent or native.
    pub proficiency: String,
}

/// A portfolio link.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortfolioLink {
    /// Title.
    pub title: String,
    /// Link (http or https).
    pub url: String,
    /// Description.
    pub description: String,
}

/// One freelancer with their full profile.
#[derive(Debug, Serialize, ToSchema)]
pub struct FreelancerDetail {
    /// The list fields.
    #[serde(flatten)]
    pub item: FreelancerItem,
    /// freelance, coaching or both.
    pub kind: String,
    /// About them.
    pub bio: String,
    /// Role names, primary first.
    pub role_names: Vec<String>,
    /// Languages.
    pub languages: Vec<SpokenLanguage>,
    /// Portfolio links.
    pub portfolio: Vec<PortfolioLink>,
    /// Years of experience.
    pub years_experience: i32,
}

/// A page of freelancers.
#[derive(Debug, Serialize, ToSchema)]
pub struct FreelancerPage {
    /// Results.
    pub items: Vec<FreelancerItem>,
    /// Matches in all.
    pub total: u64,
    /// This page (from 1).
    pub page: u32,
    /// Results per page.
    pub per_page: u32,
    /// Number of pages.
    pub pages: u32,
}

/// A budget.
#[derive(Debug, Serialize, ToSchema)]
pub struct Budget {
    /// fixed, hourly or per_session.
    #[serde(rename = "type")]
    pub kind: String,
    /// Amount, or the lower bound of an hourly range.
    pub min: f64,
    /// Equal to `min` unless hourly.
    pub max: f64,
    /// ISO 4217 code.
    pub currency: String,
}

/// An open gig or learning request.
#[derive(Debug, Serialize, ToSchema)]
pub struct GigItem {
    /// Id.
    pub id: i32,
    /// project or lesson.
    pub kind: String,
    /// Title.
    pub title: String,
    /// The start of the description.
    pub excerpt: String,
    /// Budget.
    pub budget: Budget,
    /// Role ids.
    pub roles: Vec<String>,
    /// Skills.
    pub skills: Vec<String>,
    /// Remote work.
    pub remote: bool,
    /// "City, Country" for on-site work.
    pub location: String,
    /// Deadline (YYYY-MM-DD).
    pub deadline: Option<String>,
    /// When it opened (Unix seconds).
    pub published_at: Option<i64>,
    /// Proposals received.
    pub proposal_count: i64,
}

/// One gig with its full description.
#[derive(Debug, Serialize, ToSchema)]
pub struct GigDetail {
    /// The list fields.
    #[serde(flatten)]
    pub item: GigItem,
    /// open, in_progress, completed or closed.
    pub status: String,
    /// Full description.
    pub description: String,
    /// Lesson subject.
    pub subject: String,
    /// Lesson level.
    pub level: Option<String>,
    /// Lesson goals.
    pub goals: String,
    /// Sessions wanted.
    pub sessions_wanted: Option<i32>,
}

/// A page of gigs.
#[derive(Debug, Serialize, ToSchema)]
pub struct GigPage {
    /// Results.
    pub items: Vec<GigItem>,
    /// Matches in all.
    pub total: u64,
    /// This page (from 1).
    pub page: u32,
    /// Results per page.
    pub per_page: u32,
    /// Number of pages.
    pub pages: u32,
}

/// The address of a freelancer's generated avatar.
pub fn avatar_url(username: &str) -> String {
    format!("/avatars/{username}.svg")
}

fn money(cents: i64) -> f64 {
    cents as f64 / 100.0
}

impl From<TalentCard> for FreelancerItem {
    fn from(c: TalentCard) -> Self {
        Self {
            id: c.user_id,
            location: place(&c.city, &c.country),
            avatar_url: avatar_url(&c.username),
            name: c.display_name,
            username: c.username,
            tagline: c.tagline,
            hourly_rate: c.hourly_rate_cents.map(money),
            currency: c.currency,
            rating: c.rating_avg,
            review_count: c.review_count,
            roles: c.roles,
            skills: c.skills,
        }
    }
}

impl From<FreelancerProfile> for FreelancerDetail {
    fn from(p: FreelancerProfile) -> Self {
        Self {
            item: FreelancerItem {
                id: p.user_id,
                name: p.display_name.clone(),
                username: p.username.clone(),
                tagline: p.tagline.clone(),
                location: place(&p.city, &p.country),
                hourly_rate: p.hourly_rate_cents.map(money),
                currency: p.currency.clone(),
                rating: p.rating_avg,
                review_count: p.review_count,
                roles: p.roles.clone(),
                skills: p.skills.clone(),
                avatar_url: avatar_url(&p.username),
            },
            kind: p.kind.as_str().into(),
            bio: p.bio,
            role_names: p.roles.iter().map(|r| role_name(r)).collect(),
            languages: p
                .languages
                .into_iter()
                .map(|l| SpokenLanguage {
                    language: l.language,
                    proficiency: l.proficiency.as_str().into(),
                })
                .collect(),
            portfolio: p
                .portfolio
                .into_iter()
                .map(|i| PortfolioLink {
                    title: i.title,
                    url: i.url,
                    description: i.description,
                })
                .collect(),
            years_experience: p.years_experience,
        }
    }
}

impl From<GigSummary> for GigItem {
    fn from(g: GigSummary) -> Self {
        Self {
            id: g.id,
            kind: g.kind.as_str().into(),
            title: g.title,
            excerpt: g.excerpt,
            budget: Budget {
                kind: g.budget_type.as_str().into(),
                min: money(g.budget_min_cents),
                max: money(g.budget_max_cents),
                currency: g.currency,
            },
            roles: g.roles,
            skills: g.skills,
            remote: g.remote,
            location: if g.remote {
                String::new()
            } else {
                place(&g.city, &g.country)
            },
            deadline: g.deadline,
            published_at: g.published_at,
            proposal_count: g.proposal_count,
        }
    }
}

impl From<AppGigDetail> for GigDetail {
    fn from(d: AppGigDetail) -> Self {
        let status = d.summary.status.as_str().to_string();
        Self {
            item: d.summary.into(),
            status,
            description: d.description,
            subject: d.subject,
            level: d.level.map(|l| l.as_str().to_string()),
            goals: d.goals,
            sessions_wanted: d.sessions_wanted,
        }
    }
}

/// Converts an app page into API fields.
pub fn page_parts<T, U: From<T>>(page: Page<T>) -> (Vec<U>, u64, u32, u32, u32) {
    let pages = page.pages();
    (
        page.items.into_iter().map(U::from).collect(),
        page.total,
        page.page,
        page.per_page,
        pages,
    )
}
