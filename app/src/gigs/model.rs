//! Gig types shared by the server and the browser.

use crate::market::money::format_money;
use crate::market::{GigKind, GigSort, GigStatus, Level, PriceType, Visibility};
use serde::{Deserialize, Serialize};

/// A page of results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    /// This page's items.
    pub items: Vec<T>,
    /// Matches in all.
    pub total: u64,
    /// 1-based page number.
    pub page: u32,
    /// Items per page.
    pub per_page: u32,
}

impl<T> Page<T> {
    /// How many pages there are.
    pub fn pages(&self) -> u32 {
        (self.total.div_ceil(u64::from(self.per_page.max(1)))) as u32
    }
}

/// A budget or price as people read it: `$800 fixed`, `$25–45/hr`, `$30 per session`.
pub fn price_label(
    price_type: PriceType,
    min_cents: i64,
    max_cents: i64,
    currency: &str,
) -> String {
    match price_type {
        PriceType::Fixed => format!("{} fixed", format_money(min_cents, currency)),
        PriceType::Hourly if max_cents > min_cents => format!(
            "{}–{}/hr",
            format_money(min_cents, currency),
            format_money(max_cents, currency).trim_start_matches(|c: char| !c.is_ascii_digit())
        ),
        PriceType::Hourly => format!("{}/hr", format_money(min_cents, currency)),
        PriceType::PerSession => format!("{} per session", format_money(min_cents, currency)),
    }
}

/// A gig in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GigSummary {
    /// Id.
    pub id: i32,
    /// Project or lesson.
    pub kind: GigKind,
    /// Title.
    pub title: String,
    /// The start of the description.
    pub excerpt: String,
    /// How the budget is expressed.
    pub budget_type: PriceType,
    /// Budget (or its lower bound) in cents.
    pub budget_min_cents: i64,
    /// Upper bound in cents (equal to the minimum unless hourly).
    pub budget_max_cents: i64,
    /// Currency.
    pub currency: String,
    /// Role ids.
    pub roles: Vec<String>,
    /// Skill names.
    pub skills: Vec<String>,
    /// The poster's name.
    pub owner_name: String,
    /// The poster's handle.
    pub owner_username: String,
    /// Remote work.
    pub remote: bool,
    /// City (on-site gigs).
    pub city: String,
    /// ISO country code.
    pub country: String,
    /// Deadline (`YYYY-MM-DD`).
    pub deadline: Option<String>,
    /// Lifecycle status.
    pub status: GigStatus,
    /// When it opened (Unix seconds).
    pub published_at: Option<i64>,
    /// Proposals received (active or decided).
    pub proposal_count: i64,
    /// Whether the viewer bookmarked it.
    pub saved: bool,
}

/// A gig waiting for review, as the admin list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingGig {
    /// The gig as a card.
    pub gig: GigSummary,
    /// The revision shown; a decision applies to exactly this one.
    pub revision: i32,
}

impl GigSummary {
    /// The budget as people read it.
    pub fn budget(&self) -> String {
        price_label(
            self.budget_type,
            self.budget_min_cents,
            self.budget_max_cents,
            &self.currency,
        )
    }
}

/// Everything about one gig, for its page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GigDetail {
    /// The list fields.
    pub summary: GigSummary,
    /// Full description.
    pub description: String,
    /// Who may see it.
    pub visibility: Visibility,
    /// Lesson subject.
    pub subject: String,
    /// Lesson level.
    pub level: Option<Level>,
    /// Lesson goals.
    pub goals: String,
    /// Sessions wanted (lessons).
    pub sessions_wanted: Option<i32>,
    /// Why an admin sent it back.
    pub rejection_reason: String,
    /// The owner's account id.
    pub owner_id: i32,
    /// Whether someone is signed in.
    pub signed_in: bool,
    /// Whether the viewer owns it.
    pub is_owner: bool,
    /// Whether the viewer is an admin.
    pub viewer_is_admin: bool,
    /// The viewer's own active or accepted proposal, if any.
    pub my_proposal_id: Option<i32>,
    /// Whether the viewer may propose now, or why not.
    pub can_propose: Result<(), String>,
}

/// Gig-board filters as they appear in the address bar.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GigFilters {
    /// Free text.
    pub q: String,
    /// `project` or `lesson`.
    pub kind: String,
    /// Role id.
    pub role: String,
    /// Comma-separated skills.
    pub skills: String,
    /// Lowest budget.
    pub min_budget: String,
    /// Highest budget.
    pub max_budget: String,
    /// Currency of the budget filter.
    pub currency: String,
    /// Opened within this many days.
    pub posted_within: String,
    /// `on` for remote gigs only.
    pub remote: String,
    /// ISO country code.
    pub country: String,
    /// Ordering.
    pub sort: String,
    /// 1-based page.
    pub page: String,
}

impl GigFilters {
    /// The chosen ordering.
    pub fn sort(&self) -> GigSort {
        GigSort::parse(&self.sort).unwrap_or(GigSort::Newest)
    }

    /// The requested page (1 when absent or invalid).
    pub fn page(&self) -> u32 {
        self.page.parse().ok().filter(|p| *p >= 1).unwrap_or(1)
    }
}

/// A gig's fields as the edit form shows them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GigInput {
    /// `project` or `lesson`.
    pub kind: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Role ids.
    pub roles: Vec<String>,
    /// Comma-separated skills.
    pub skills: String,
    /// `fixed`, `hourly` or `per_session`.
    pub budget_type: String,
    /// Amount (or hourly minimum).
    pub budget_min: String,
    /// Hourly maximum.
    pub budget_max: String,
    /// Currency.
    pub currency: String,
    /// `YYYY-MM-DD`.
    pub deadline: String,
    /// `public` or `invite_only`.
    pub visibility: String,
    /// `on` when remote.
    pub remote: String,
    /// City.
    pub city: String,
    /// ISO country code.
    pub country: String,
    /// Lesson subject.
    pub subject: String,
    /// Lesson level.
    pub level: String,
    /// Lesson goals.
    pub goals: String,
    /// Sessions wanted.
    pub sessions_wanted: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budgets_read_naturally() {
        assert_eq!(
            price_label(PriceType::Fixed, 80_000, 80_000, "USD"),
            "$800 fixed"
        );
        assert_eq!(
            price_label(PriceType::Hourly, 2_500, 4_500, "EUR"),
            "€25–45/hr"
        );
        assert_eq!(
            price_label(PriceType::Hourly, 2_500, 2_500, "USD"),
            "$25/hr"
        );
        assert_eq!(
            price_label(PriceType::PerSession, 3_000, 3_000, "GBP"),
            "£30 per session"
        );
    }

    #[test]
    fn pages_round_up() {
        let page: Page<u8> = Page {
            items: vec![],
            total: 41,
            page: 1,
            per_page: 20,
        };
        assert_eq!(page.pages(), 3);
    }
}
