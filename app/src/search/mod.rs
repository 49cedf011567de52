//! Full-text search behind one module, in each database's own engine:
//! SQLite FTS5 (`MATCH`, `bm25`) or PostgreSQL (`tsvector`,
//! `to_tsquery` with prefix terms, `ts_rank`). Callers never see the difference.
//! Indexes are kept up to date by the services that change profiles and gigs.

pub mod cache;
pub mod gigs;
pub mod index;
pub mod sql;
pub mod talent;

use cache::{Generation, ListingCache};
use std::sync::LazyLock;

/// Moves on whenever a gig or its proposals change.
pub static GIGS_CHANGED: Generation = Generation::new();
/// Moves on whenever a profile's search entry or rating changes.
pub static TALENT_CHANGED: Generation = Generation::new();

/// Cached pages of the gig board (their viewer-independent summaries and
/// the total).
pub static GIG_PAGES: LazyLock<ListingCache<(Vec<crate::gigs::model::GigSummary>, u64)>> =
    LazyLock::new(|| ListingCache::new(&GIGS_CHANGED));

/// Cached pages of "Find talent" (viewer-independent cards and the total).
pub static TALENT_PAGES: LazyLock<ListingCache<(Vec<crate::profiles::model::TalentCard>, u64)>> =
    LazyLock::new(|| ListingCache::new(&TALENT_CHANGED));

/// Turns what a person typed into a safe FTS5 query: every word becomes a
/// quoted prefix term, all required (`"web"* "shop"*`). `None` when nothing
/// searchable is left.
pub fn fts5_query(text: &str) -> Option<String> {
    let terms: Vec<String> = words(text).map(|w| format!("\"{w}\"*")).collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// The searchable words of `text` (letters and digits), at most 12.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .take(12)
}

/// The PostgreSQL `to_tsquery` text: every word a required prefix term
/// (`web:* & shop:*`). Words hold only letters and digits, so the query
/// syntax can't be broken by user input.
pub fn pg_query(text: &str) -> Option<String> {
    let terms: Vec<String> = words(text).map(|w| format!("{w}:*")).collect();
    (!terms.is_empty()).then(|| terms.join(" & "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts5_queries_quote_every_word() {
        assert_eq!(
            fts5_query("Web shop!").as_deref(),
            Some("\"web\"* \"shop\"*")
        );
        assert_eq!(
            fts5_query("\" OR 1=1 --").as_deref(),
            Some("\"or\"* \"1\"* \"1\"*")
        );
        assert_eq!(fts5_query("  ?! "), None);
    }

    #[test]
    fn postgres_queries_are_prefix_terms() {
        assert_eq!(
            pg_query("React & Figma!").as_deref(),
            Some("react:* & figma:*")
        );
        assert_eq!(pg_query("' | !x"), Some("x:*".into()));
    }
}
