//! What the analytics page shows: daily (or weekly) counts over a range,
//! money approved per currency, the funnel and the classifier's share of
//! confident answers.

use serde::{Deserialize, Serialize};

/// The ranges the page offers, in days.
pub const RANGES: [i64; 4] = [7, 30, 90, 365];

/// Ranges longer than this are shown per week.
pub const DAILY_UP_TO: i64 = 90;

/// One counted thing per bucket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Series {
    /// Its name in the CSV, e.g. `proposals_sent`.
    pub key: String,
    /// Its title on the page.
    pub label: String,
    /// One value per bucket, oldest first.
    pub values: Vec<i64>,
}

impl Series {
    /// The sum over the range.
    pub fn total(&self) -> i64 {
        self.values.iter().sum()
    }
}

/// Money approved through milestones in one currency (cents per bucket).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoneySeries {
    /// ISO currency code.
    pub currency: String,
    /// Cents per bucket, oldest first.
    pub values: Vec<i64>,
}

/// Gigs posted in the range and how far they got.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Funnel {
    /// Gigs and learning requests posted.
    pub gigs: i64,
    /// … that received a proposal.
    pub with_proposal: i64,
    /// … that became a contract.
    pub with_contract: i64,
    /// … whose contract was reviewed.
    pub with_review: i64,
}

/// The analytics of a range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Analytics {
    /// The range in days.
    pub days: i64,
    /// Days per bucket (1, or 7 for long ranges).
    pub bucket_days: i64,
    /// The first day of the range (Unix seconds at 00:00 UTC).
    pub start: i64,
    /// The counted series.
    pub series: Vec<Series>,
    /// Money per currency.
    pub money: Vec<MoneySeries>,
    /// The funnel.
    pub funnel: Funnel,
}

impl Analytics {
    /// How many buckets the range has.
    pub fn buckets(&self) -> usize {
        self.series.first().map_or(0, |s| s.values.len())
    }

    /// The first day of bucket `i` (Unix seconds).
    pub fn bucket_start(&self, i: usize) -> i64 {
        self.start + i as i64 * self.bucket_days * 86_400
    }

    /// The series named `key`.
    pub fn series(&self, key: &str) -> Option<&Series> {
        self.series.iter().find(|s| s.key == key)
    }

    /// The share (0–100) of suggestion requests answered with a confident
    /// role, if there were any.
    pub fn confident_share(&self) -> Option<f64> {
        let asked = self.series("suggestions")?.total();
        let confident = self.series("suggestions_confident")?.total();
        (asked > 0).then(|| confident as f64 * 100.0 / asked as f64)
    }
}

/// The range `raw` names, if it is one the page offers (default 30).
pub fn parse_range(raw: Option<&str>) -> Option<i64> {
    match raw.map(str::trim).filter(|r| !r.is_empty()) {
        None => Some(30),
        Some(r) => r.parse().ok().filter(|d| RANGES.contains(d)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_the_offered_ones() {
        assert_eq!(parse_range(None), Some(30));
        assert_eq!(parse_range(Some("365")), Some(365));
        assert_eq!(parse_range(Some("12")), None);
        assert_eq!(parse_range(Some("x")), None);
    }

    #[test]
    fn the_confident_share_needs_requests() {
        let series = |key: &str, values: Vec<i64>| Series {
            key: key.into(),
            label: key.into(),
            values,
        };
        let mut a = Analytics {
            days: 7,
            bucket_days: 1,
            start: 0,
            series: vec![
                series("suggestions", vec![0, 0]),
                series("suggestions_confident", vec![0, 0]),
            ],
            money: Vec::new(),
            funnel: Funnel::default(),
        };
        assert_eq!(a.confident_share(), None);
        a.series = vec![
            series("suggestions", vec![3, 1]),
            series("suggestions_confident", vec![2, 1]),
        ];
        assert_eq!(a.confident_share(), Some(75.0));
        assert_eq!(a.bucket_start(2), 2 * 86_400);
    }
}
