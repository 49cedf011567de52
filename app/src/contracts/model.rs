//! Contract types shared by the server and the browser.

use crate::market::{ContractStatus, MilestoneStatus, PriceType};
use crate::profiles::model::ReviewView;
use serde::{Deserialize, Serialize};

/// One milestone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MilestoneView {
    /// Id.
    pub id: i32,
    /// What is delivered.
    pub title: String,
    /// Amount in cents.
    pub amount_cents: i64,
    /// `YYYY-MM-DD`.
    pub due_date: Option<String>,
    /// Lifecycle status.
    pub status: MilestoneStatus,
}

/// A person on a contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    /// Account id.
    pub id: i32,
    /// Handle.
    pub username: String,
    /// Shown name.
    pub display_name: String,
}

/// The viewer's side of a contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContractSide {
    /// The gig's owner.
    Client,
    /// The hired freelancer or coach.
    Freelancer,
    /// An admin looking on.
    Admin,
}

/// A contract with its milestones, for its page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContractView {
    /// Id.
    pub id: i32,
    /// The gig.
    pub gig_id: i32,
    /// Title (the gig's).
    pub title: String,
    /// The client or student.
    pub client: Party,
    /// The freelancer or coach.
    pub freelancer: Party,
    /// How the proposal was priced.
    pub price_type: PriceType,
    /// Sum of the milestones, in cents.
    pub amount_cents: i64,
    /// Approved so far, in cents.
    pub paid_cents: i64,
    /// Currency.
    pub currency: String,
    /// Lifecycle status.
    pub status: ContractStatus,
    /// Who asked to cancel, if anyone.
    pub cancel_requested_by: Option<i32>,
    /// Created (Unix seconds).
    pub created_at: i64,
    /// Completed (Unix seconds).
    pub completed_at: Option<i64>,
    /// Milestones in order.
    pub milestones: Vec<MilestoneView>,
    /// The viewer's side.
    pub side: ContractSide,
    /// The viewer's account id.
    pub viewer_id: i32,
    /// Whether the viewer may review the other party now.
    pub can_review: bool,
    /// Whether the viewer already reviewed.
    pub reviewed: bool,
    /// Until when reviews may be written (Unix seconds).
    pub review_deadline: Option<i64>,
    /// The reviews on this contract that are visible.
    pub visible_reviews: Vec<ReviewView>,
    /// The team conversation, when the viewer is in it.
    pub conversation_id: Option<i32>,
    /// The team board, when the viewer is on it.
    pub board_id: Option<i32>,
}

/// A contract in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContractSummary {
    /// Id.
    pub id: i32,
    /// Title.
    pub title: String,
    /// The other party's name.
    pub other_name: String,
    /// The other party's handle.
    pub other_username: String,
    /// The viewer's side.
    pub side: ContractSide,
    /// Lifecycle status.
    pub status: ContractStatus,
    /// Total in cents.
    pub amount_cents: i64,
    /// Approved so far in cents.
    pub paid_cents: i64,
    /// Currency.
    pub currency: String,
    /// The next milestone not yet approved.
    pub next_milestone: Option<String>,
}

/// Earnings in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrencyEarnings {
    /// Currency.
    pub currency: String,
    /// Earned this calendar month (UTC), in cents.
    pub this_month_cents: i64,
    /// Earned in all, in cents.
    pub total_cents: i64,
}

/// Earned per month (for the chart), in the freelancer's main currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthEarnings {
    /// `YYYY-MM`.
    pub month: String,
    /// Cents earned.
    pub cents: i64,
}

/// Earned per contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractEarnings {
    /// Contract id.
    pub contract_id: i32,
    /// Title.
    pub title: String,
    /// Currency.
    pub currency: String,
    /// Approved so far, in cents.
    pub earned_cents: i64,
    /// Contract total, in cents.
    pub total_cents: i64,
}

/// A freelancer's earnings from the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Earnings {
    /// Totals per currency.
    pub by_currency: Vec<CurrencyEarnings>,
    /// The currency most was earned in.
    pub main_currency: String,
    /// The last six months in the main currency, oldest first.
    pub monthly: Vec<MonthEarnings>,
    /// Per contract, most recent first.
    pub per_contract: Vec<ContractEarnings>,
}
