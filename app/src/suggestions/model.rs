//! Suggestion types shared by the server and the browser.

use crate::gigs::model::GigSummary;
use crate::profiles::model::TalentCard;
use serde::{Deserialize, Serialize};

/// A role with the model's confidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuggestedRole {
    /// Role id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Category id.
    pub category: String,
    /// Probability (0–1).
    pub score: f32,
}

impl SuggestedRole {
    /// The confidence as a whole percentage.
    pub fn percent(&self) -> u32 {
        (self.score * 100.0).round().clamp(0.0, 100.0) as u32
    }
}

/// What a need statement suggests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NeedSuggestion {
    /// The statement.
    pub text: String,
    /// Roles confident enough to show (0 to 4), best first.
    pub roles: Vec<SuggestedRole>,
    /// The top five roles regardless of confidence.
    pub ranked: Vec<SuggestedRole>,
    /// Approved freelancers and coaches who best match, for the top roles.
    pub talent: Vec<TalentCard>,
    /// Skills mentioned in the statement that Guild knows.
    pub skills: Vec<String>,
    /// The history entry, for signed-in users.
    pub history_id: Option<i32>,
}

impl NeedSuggestion {
    /// Whether any role was confident enough to suggest.
    pub fn confident(&self) -> bool {
        !self.roles.is_empty()
    }
}

/// A past suggestion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryItem {
    /// Id.
    pub id: i32,
    /// The statement.
    pub text: String,
    /// Suggested role ids.
    pub roles: Vec<String>,
    /// When (Unix seconds).
    pub created_at: i64,
}

/// A gig recommended to a freelancer, with why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GigRecommendation {
    /// The gig.
    pub gig: GigSummary,
    /// Fit score (higher is better).
    pub score: f32,
    /// Short reasons ("matches: React, Figma", "budget fits your rate").
    pub reasons: Vec<String>,
    /// The owner invited this freelancer.
    pub invited: bool,
}

/// A freelancer suggested to a gig's owner, with why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TalentSuggestion {
    /// The freelancer.
    pub card: TalentCard,
    /// Fit score (higher is better).
    pub score: f32,
    /// Short reasons.
    pub reasons: Vec<String>,
    /// Already invited.
    pub invited: bool,
}
