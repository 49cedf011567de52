//! Discovery of approved freelancers and coaches.

use super::sql::SqlBuilder;
use super::{fts5_query, pg_query};
use crate::accounts::server::suspension::shown_sql;
use crate::market::{FreelancerKind, TalentSort};
use sea_orm::{ConnectionTrait, DbErr, FromQueryResult};

/// A validated discovery query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TalentQuery {
    /// Free text over name, tagline, bio, skills and roles.
    pub text: Option<String>,
    /// A role id.
    pub role: Option<String>,
    /// Skill keys (lower-case); every one must match.
    pub skills: Vec<String>,
    /// Lowest hourly rate in cents.
    pub min_rate_cents: Option<i64>,
    /// Highest hourly rate in cents.
    pub max_rate_cents: Option<i64>,
    /// The currency rates are compared in (profiles in other currencies are left out).
    pub currency: Option<String>,
    /// Lowest average rating.
    pub min_rating: Option<f64>,
    /// A spoken language.
    pub language: Option<String>,
    /// ISO country code.
    pub country: Option<String>,
    /// City (case-insensitive).
    pub city: Option<String>,
    /// Freelance or coaching (profiles of kind `both` match either).
    pub kind: Option<FreelancerKind>,
    /// Ordering.
    pub sort: Option<TalentSort>,
    /// Rows to skip.
    pub offset: u64,
    /// Rows to return.
    pub limit: u64,
}

#[derive(Debug, FromQueryResult)]
struct Hit {
    user_id: i32,
}

#[derive(Debug, FromQueryResult)]
struct Count {
    n: i64,
}

/// Builds `FROM … WHERE …` (without ordering) and returns whether a text
/// match is joined (its score column is then `m.score`).
///
/// Filters on other tables are `IN (…)` subqueries, which both engines turn
/// into one index lookup instead of a probe per profile. On SQLite the text
/// match is the outer loop (`CROSS JOIN` fixes the order), so the FTS5 query
/// runs once rather than once per profile.
fn from_where(b: &mut SqlBuilder, q: &TalentQuery) -> bool {
    let text = q.text.as_deref().and_then(|t| {
        if b.is_postgres() {
            pg_query(t)
        } else {
            fts5_query(t)
        }
    });
    let has_text = text.is_some();
    let shown = shown_sql("fp", "user_id");
    match text {
        Some(text) if b.is_postgres() => {
            let p = b.bind(text);
            b.push(&format!(
                " FROM freelancer_profiles fp JOIN (SELECT user_id, ts_rank(document, to_tsquery('english', {p})) AS score \
                 FROM freelancer_search WHERE document @@ to_tsquery('english', {p})) m ON m.user_id = fp.user_id \
                 WHERE fp.status = 'approved'{shown}"
            ));
        }
        Some(text) => {
            let p = b.bind(text);
            b.push(&format!(
                " FROM (SELECT rowid AS user_id, -bm25(freelancer_search, 10.0, 5.0, 2.0, 6.0, 8.0) AS score \
                 FROM freelancer_search WHERE freelancer_search MATCH {p}) m CROSS JOIN freelancer_profiles fp \
                 WHERE fp.user_id = m.user_id AND fp.status = 'approved'{shown}"
            ));
        }
        None => {
            b.push(&format!(
                " FROM freelancer_profiles fp WHERE fp.status = 'approved'{shown}"
            ));
        }
    }
    if let Some(role) = &q.role {
        b.push_bound(
            " AND fp.user_id IN (SELECT user_id FROM profile_roles WHERE role_id = {})",
            role.clone(),
        );
    }
    for slug in &q.skills {
        b.push_bound(
            " AND fp.user_id IN (SELECT ps.user_id FROM profile_skills ps JOIN skills s ON s.id = ps.skill_id WHERE s.slug = {})",
            slug.clone(),
        );
    }
    if q.min_rate_cents.is_some() || q.max_rate_cents.is_some() {
        if let Some(currency) = &q.currency {
            b.push_bound(" AND fp.currency = {}", currency.clone());
        }
        if let Some(min) = q.min_rate_cents {
            b.push_bound(" AND fp.hourly_rate_cents >= {}", min);
        }
        if let Some(max) = q.max_rate_cents {
            b.push_bound(" AND fp.hourly_rate_cents <= {}", max);
        }
    }
    if let Some(rating) = q.min_rating {
        b.push_bound(" AND fp.rating_avg >= {}", rating);
    }
    if let Some(language) = &q.language {
        b.push_bound(
            " AND fp.user_id IN (SELECT user_id FROM user_languages WHERE language = {})",
            language.clone(),
        );
    }
    if let Some(country) = &q.country {
        b.push_bound(" AND fp.country = {}", country.clone());
    }
    if let Some(city) = &q.city {
        b.push_bound(" AND lower(fp.city) = {}", city.to_lowercase());
    }
    match q.kind {
        Some(FreelancerKind::Freelance) => {
            b.push(" AND fp.kind IN ('freelance', 'both')");
        }
        Some(FreelancerKind::Coaching) => {
            b.push(" AND fp.kind IN ('coaching', 'both')");
        }
        _ => {}
    }
    has_text
}

/// The matching freelancers' ids in order, and how many match in all.
pub async fn search(db: &impl ConnectionTrait, q: &TalentQuery) -> Result<(Vec<i32>, u64), DbErr> {
    let backend = db.get_database_backend();

    let mut count = SqlBuilder::new(backend);
    count.push("SELECT COUNT(*) AS n");
    from_where(&mut count, q);
    let total = Count::find_by_statement(count.build())
        .one(db)
        .await?
        .map_or(0, |c| c.n.max(0) as u64);
    if total == 0 {
        return Ok((Vec::new(), 0));
    }

    let mut b = SqlBuilder::new(backend);
    b.push("SELECT fp.user_id");
    let has_text = from_where(&mut b, q);
    // Matches the `idx_fp_rank` index: best rated first, unrated last.
    let by_rating = "fp.rating_avg DESC NULLS LAST, fp.review_count DESC";
    let order = match q.sort.unwrap_or(TalentSort::Relevance) {
        TalentSort::Relevance if has_text => format!("m.score DESC, {by_rating}"),
        TalentSort::Relevance | TalentSort::Rating => by_rating.to_string(),
        TalentSort::RateAsc => "fp.hourly_rate_cents ASC".into(),
        TalentSort::RateDesc => "fp.hourly_rate_cents DESC".into(),
    };
    b.push(&format!(" ORDER BY {order}, fp.user_id ASC"));
    let limit = b.bind(q.limit as i64);
    let offset = b.bind(q.offset as i64);
    b.push(&format!(" LIMIT {limit} OFFSET {offset}"));
    let ids = Hit::find_by_statement(b.build())
        .all(db)
        .await?
        .into_iter()
        .map(|h| h.user_id)
        .collect();
    Ok((ids, total))
}
