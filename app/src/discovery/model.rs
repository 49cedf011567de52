//! Discovery filters as they appear in the address bar.

use crate::market::TalentSort;
use serde::{Deserialize, Serialize};

/// Find-talent filters (all optional, as typed).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TalentFilters {
    /// Free text over name, tagline, bio and skills.
    pub q: String,
    /// Role id.
    pub role: String,
    /// Comma-separated skills (all required).
    pub skills: String,
    /// Lowest hourly rate.
    pub min_rate: String,
    /// Highest hourly rate.
    pub max_rate: String,
    /// Currency of the rate filter (default USD).
    pub currency: String,
    /// Lowest rating (1–5).
    pub min_rating: String,
    /// A spoken language.
    pub language: String,
    /// ISO country code.
    pub country: String,
    /// City.
    pub city: String,
    /// `freelance` or `coaching`.
    pub kind: String,
    /// Ordering.
    pub sort: String,
    /// 1-based page.
    pub page: String,
}

impl TalentFilters {
    /// The chosen ordering.
    pub fn sort(&self) -> TalentSort {
        TalentSort::parse(&self.sort).unwrap_or(TalentSort::Relevance)
    }

    /// The requested page (1 when absent or invalid).
    pub fn page(&self) -> u32 {
        self.page.parse().ok().filter(|p| *p >= 1).unwrap_or(1)
    }
}
