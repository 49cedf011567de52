//! Raw form inputs of the profile forms (validated on the server).

use serde::{Deserialize, Serialize};

/// Most rows of each list on a profile (languages, credentials, portfolio).
pub const MAX_ROWS: usize = 8;

/// One language row as submitted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LanguageInput {
    /// Language name.
    pub language: String,
    /// Proficiency name.
    pub proficiency: String,
}

/// One education/certificate row as submitted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CredentialInput {
    /// `education` or `certificate`.
    pub kind: String,
    /// Degree or certificate.
    pub title: String,
    /// School or issuer.
    pub institution: String,
    /// Year, as typed.
    pub year: String,
}

/// One portfolio row as submitted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PortfolioInput {
    /// Title.
    pub title: String,
    /// Link.
    pub url: String,
    /// Description.
    pub description: String,
    /// Optional preview image link.
    pub thumbnail_url: String,
}

impl LanguageInput {
    /// Whether the row was left empty.
    pub fn is_blank(&self) -> bool {
        self.language.trim().is_empty()
    }
}

impl CredentialInput {
    /// Whether the row was left empty.
    pub fn is_blank(&self) -> bool {
        self.title.trim().is_empty()
            && self.institution.trim().is_empty()
            && self.year.trim().is_empty()
    }
}

impl PortfolioInput {
    /// Whether the row was left empty.
    pub fn is_blank(&self) -> bool {
        self.title.trim().is_empty()
            && self.url.trim().is_empty()
            && self.description.trim().is_empty()
            && self.thumbnail_url.trim().is_empty()
    }
}
