//! Proposal types shared by the server and the browser.

use crate::gigs::model::price_label;
use crate::market::{GigKind, PriceType, ProposalStatus};
use serde::{Deserialize, Serialize};

/// Rows the accept form offers (the server accepts at most ten milestones).
pub const MAX_MILESTONE_ROWS: usize = 10;

/// A proposal as its gig's owner or its author sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposalView {
    /// Id.
    pub id: i32,
    /// The gig.
    pub gig_id: i32,
    /// The gig's title.
    pub gig_title: String,
    /// Project or lesson.
    pub gig_kind: GigKind,
    /// The author's account id.
    pub freelancer_id: i32,
    /// The author's handle.
    pub freelancer_username: String,
    /// The author's name.
    pub freelancer_name: String,
    /// The author's tagline.
    pub freelancer_tagline: String,
    /// The author's rating.
    pub freelancer_rating: Option<f64>,
    /// The author's review count.
    pub freelancer_reviews: i32,
    /// The cover letter.
    pub cover_letter: String,
    /// Fixed, hourly or per session.
    pub price_type: PriceType,
    /// Price in cents (per hour or per session where applicable).
    pub amount_cents: i64,
    /// The gig's currency.
    pub currency: String,
    /// Sessions offered (lessons).
    pub sessions: Option<i32>,
    /// Estimated duration in days.
    pub duration_days: i32,
    /// Lifecycle status.
    pub status: ProposalStatus,
    /// Why it was declined.
    pub rejection_reason: String,
    /// When it was sent (Unix seconds).
    pub created_at: i64,
    /// The contract it became, if accepted.
    pub contract_id: Option<i32>,
}

impl ProposalView {
    /// The price as people read it.
    pub fn price(&self) -> String {
        let base = price_label(
            self.price_type,
            self.amount_cents,
            self.amount_cents,
            &self.currency,
        );
        match (self.price_type, self.sessions) {
            (PriceType::PerSession, Some(n)) => format!("{base} × {n} sessions"),
            _ => base,
        }
    }

    /// The total a lesson or fixed proposal comes to, in cents.
    pub fn total_cents(&self) -> Option<i64> {
        match self.price_type {
            PriceType::Fixed => Some(self.amount_cents),
            PriceType::PerSession => self.sessions.map(|n| self.amount_cents * i64::from(n)),
            PriceType::Hourly => None,
        }
    }
}

/// A proposal form as submitted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProposalInput {
    /// Cover letter.
    pub cover_letter: String,
    /// `fixed`, `hourly` or `per_session`.
    pub price_type: String,
    /// Price.
    pub amount: String,
    /// Sessions (lessons).
    pub sessions: String,
    /// Estimated duration in days.
    pub duration_days: String,
}

/// One milestone row of the accept form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MilestoneInput {
    /// What is delivered.
    pub title: String,
    /// Amount.
    pub amount: String,
    /// `YYYY-MM-DD`.
    pub due_date: String,
}

impl MilestoneInput {
    /// Whether the row was left empty.
    pub fn is_blank(&self) -> bool {
        self.title.trim().is_empty()
            && self.amount.trim().is_empty()
            && self.due_date.trim().is_empty()
    }
}

/// Suggested milestones for accepting `proposal`: one per session for
/// lessons (up to ten), the whole amount for fixed prices, and an empty
/// amount for hourly work (the client states the budget).
pub fn suggested_milestones(proposal: &ProposalView) -> Vec<MilestoneInput> {
    let amount = crate::market::money::amount_input;
    match (proposal.price_type, proposal.sessions) {
        (PriceType::PerSession, Some(n)) if n <= 10 => (1..=n)
            .map(|i| MilestoneInput {
                title: format!("Session {i}"),
                amount: amount(proposal.amount_cents),
                due_date: String::new(),
            })
            .collect(),
        (PriceType::PerSession, Some(n)) => vec![MilestoneInput {
            title: format!("{n} sessions"),
            amount: amount(proposal.amount_cents * i64::from(n)),
            due_date: String::new(),
        }],
        (PriceType::Hourly, _) => vec![MilestoneInput {
            title: "Work as proposed".into(),
            amount: String::new(),
            due_date: String::new(),
        }],
        _ => vec![MilestoneInput {
            title: "Complete delivery".into(),
            amount: amount(proposal.amount_cents),
            due_date: String::new(),
        }],
    }
}
