//! The skills Guild shows to everyone (server only): names in use by an
//! approved freelancer or coach profile or by a gig an admin approved.
//! A skill someone typed into a draft, a pending profile or a gig still in
//! review appears nowhere else until an admin has seen it.
//!
//! The list changes only when an admin approves something, so it is kept in
//! memory: loaded on first use, dropped by [`SkillCatalog::invalidate`]
//! after each approval, and reloaded at most every [`REFRESH`] in any case
//! (an approved profile can also lose skills by being edited).

use crate::error::AppError;
use sea_orm::{ConnectionTrait, DatabaseConnection, FromQueryResult, Statement};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// The longest a loaded list is used before it is read again.
pub const REFRESH: Duration = Duration::from_secs(60);

/// A skill others may see, with how often approved profiles and gigs use it.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct KnownSkill {
    /// Display name, e.g. "React".
    pub name: String,
    /// Lower-case key, e.g. "react".
    pub slug: String,
    /// Approved profiles and gigs using it.
    pub uses: i64,
}

/// The approved skills, most used first.
const APPROVED_SKILLS: &str = "SELECT s.name AS name, s.slug AS slug, COUNT(*) AS uses FROM skills s \
     JOIN (SELECT ps.skill_id AS skill_id FROM profile_skills ps \
           JOIN freelancer_profiles f ON f.user_id = ps.user_id WHERE f.status = 'approved' \
           UNION ALL \
           SELECT gs.skill_id AS skill_id FROM gig_skills gs \
           JOIN gigs g ON g.id = gs.gig_id \
           WHERE g.status IN ('open', 'in_progress', 'completed', 'closed')) used \
       ON used.skill_id = s.id \
     GROUP BY s.id, s.name, s.slug \
     ORDER BY uses DESC, s.name";

type Loaded = (Instant, Arc<Vec<KnownSkill>>);

/// The in-memory list of approved skills.
#[derive(Debug, Default)]
pub struct SkillCatalog {
    loaded: RwLock<Option<Loaded>>,
}

impl SkillCatalog {
    /// An empty catalog; the list is read on first use.
    pub fn new() -> Self {
        Self::default()
    }

    /// The approved skills, read from the database when not loaded or stale.
    pub async fn skills(&self, db: &DatabaseConnection) -> Result<Arc<Vec<KnownSkill>>, AppError> {
        if let Some((at, list)) = self.loaded.read().expect("catalog lock").as_ref()
            && at.elapsed() < REFRESH
        {
            return Ok(list.clone());
        }
        let stmt = Statement::from_string(db.get_database_backend(), APPROVED_SKILLS);
        let list = Arc::new(KnownSkill::find_by_statement(stmt).all(db).await?);
        *self.loaded.write().expect("catalog lock") = Some((Instant::now(), list.clone()));
        Ok(list)
    }

    /// Drops the loaded list (after an approval), so the next use reads it again.
    pub fn invalidate(&self) {
        *self.loaded.write().expect("catalog lock") = None;
    }
}

/// Names matching `q` (prefix matches first, then most used), at most `limit`.
pub fn suggest(skills: &[KnownSkill], q: &str, limit: usize) -> Vec<String> {
    let q = q.trim().to_lowercase();
    if q.is_empty() || q.chars().count() > 40 {
        return Vec::new();
    }
    let mut hits: Vec<&KnownSkill> = skills.iter().filter(|s| s.slug.contains(&q)).collect();
    hits.sort_by_key(|s| (!s.slug.starts_with(&q), std::cmp::Reverse(s.uses)));
    hits.into_iter()
        .take(limit)
        .map(|s| s.name.clone())
        .collect()
}

/// Skills a statement mentions (whole words, any case), longest names
/// first, at most `max`.
pub fn mentioned(skills: &[KnownSkill], text: &str, max: usize) -> Vec<String> {
    let haystack = format!(
        " {} ",
        text.to_lowercase()
            .split(|c: char| !(c.is_alphanumeric() || "+#.".contains(c)))
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    );
    let mut found: Vec<String> = skills
        .iter()
        .filter(|s| s.slug.chars().count() >= 2 && haystack.contains(&format!(" {} ", s.slug)))
        .map(|s| s.name.clone())
        .collect();
    found.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    found.truncate(max);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skill(name: &str, uses: i64) -> KnownSkill {
        KnownSkill {
            name: name.into(),
            slug: name.to_lowercase(),
            uses,
        }
    }

    fn catalog() -> Vec<KnownSkill> {
        vec![
            skill("JavaScript", 9),
            skill("React", 7),
            skill("Java", 3),
            skill("React Native", 2),
            skill("C++", 1),
        ]
    }

    #[test]
    fn prefix_matches_come_first_then_the_most_used() {
        assert_eq!(suggest(&catalog(), "java", 8), ["JavaScript", "Java"]);
        assert_eq!(suggest(&catalog(), "act", 8), ["React", "React Native"]);
        assert_eq!(suggest(&catalog(), "re", 1), ["React"]);
        assert!(suggest(&catalog(), "  ", 8).is_empty());
    }

    #[test]
    fn statements_mention_whole_words_only() {
        let found = mentioned(&catalog(), "We need React Native and C++ experts", 8);
        assert_eq!(found, ["React Native", "React", "C++"]);
        assert!(mentioned(&catalog(), "javascripts everywhere", 8).is_empty());
    }
}
