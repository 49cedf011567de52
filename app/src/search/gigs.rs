//! Searching the gig board (open, public gigs).

use super::sql::SqlBuilder;
use super::{fts5_query, pg_query};
use crate::accounts::server::suspension::shown_sql;
use crate::market::{GigKind, GigSort};
use sea_orm::{ConnectionTrait, DbErr, FromQueryResult};

/// A validated gig-board query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GigQuery {
    /// Free text over title, description, skills and roles.
    pub text: Option<String>,
    /// Project or lesson.
    pub kind: Option<GigKind>,
    /// A role id.
    pub role: Option<String>,
    /// Skill keys; every one must match.
    pub skills: Vec<String>,
    /// The budget must reach at least this (cents).
    pub min_budget_cents: Option<i64>,
    /// The budget must start at most at this (cents).
    pub max_budget_cents: Option<i64>,
    /// Currency the budget filter applies to.
    pub currency: Option<String>,
    /// Opened at or after this Unix time.
    pub posted_since: Option<i64>,
    /// Only remote gigs.
    pub remote_only: bool,
    /// ISO country code (on-site gigs there, plus remote ones unless `remote_only`).
    pub country: Option<String>,
    /// Ordering.
    pub sort: Option<GigSort>,
    /// Rows to skip.
    pub offset: u64,
    /// Rows to return.
    pub limit: u64,
}

#[derive(Debug, FromQueryResult)]
struct Hit {
    id: i32,
}

#[derive(Debug, FromQueryResult)]
struct Count {
    n: i64,
}

fn from_where(b: &mut SqlBuilder, q: &GigQuery) {
    let text = q.text.as_deref().and_then(|t| {
        if b.is_postgres() {
            pg_query(t)
        } else {
            fts5_query(t)
        }
    });
    match text {
        Some(text) if b.is_postgres() => {
            let p = b.bind(text);
            b.push(&format!(
                " FROM gigs g JOIN gig_search m ON m.gig_id = g.id AND m.document @@ to_tsquery('english', {p}) WHERE"
            ));
        }
        Some(text) => {
            let p = b.bind(text);
            b.push(&format!(
                " FROM (SELECT rowid AS gig_id FROM gig_search WHERE gig_search MATCH {p}) m CROSS JOIN gigs g \
                 WHERE g.id = m.gig_id AND"
            ));
        }
        None => {
            b.push(" FROM gigs g WHERE");
        }
    }
    b.push(" g.status = 'open' AND g.visibility = 'public'");
    b.push(&shown_sql("g", "owner_id"));
    if let Some(kind) = q.kind {
        b.push_bound(" AND g.kind = {}", kind.as_str());
    }
    if let Some(role) = &q.role {
        b.push_bound(
            " AND g.id IN (SELECT gig_id FROM gig_roles WHERE role_id = {})",
            role.clone(),
        );
    }
    for slug in &q.skills {
        b.push_bound(
            " AND g.id IN (SELECT gs.gig_id FROM gig_skills gs JOIN skills s ON s.id = gs.skill_id WHERE s.slug = {})",
            slug.clone(),
        );
    }
    if q.min_budget_cents.is_some() || q.max_budget_cents.is_some() {
        if let Some(currency) = &q.currency {
            b.push_bound(" AND g.currency = {}", currency.clone());
        }
        if let Some(min) = q.min_budget_cents {
            b.push_bound(" AND g.budget_max_cents >= {}", min);
        }
        if let Some(max) = q.max_budget_cents {
            b.push_bound(" AND g.budget_min_cents <= {}", max);
        }
    }
    if let Some(since) = q.posted_since {
        b.push_bound(" AND g.published_at >= {}", since);
    }
    if q.remote_only {
        b.push(" AND g.remote = TRUE");
    }
    if let Some(country) = &q.country {
        if q.remote_only {
            b.push_bound(" AND g.country = {}", country.clone());
        } else {
            b.push_bound(" AND (g.remote = TRUE OR g.country = {})", country.clone());
        }
    }
}

/// The matching gigs' ids in order, and how many match in all.
pub async fn search(db: &impl ConnectionTrait, q: &GigQuery) -> Result<(Vec<i32>, u64), DbErr> {
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
    b.push("SELECT g.id");
    from_where(&mut b, q);
    let order = match q.sort.unwrap_or(GigSort::Newest) {
        GigSort::Newest => "g.published_at DESC",
        GigSort::BudgetDesc => "g.budget_max_cents DESC",
        GigSort::BudgetAsc => "g.budget_min_cents ASC",
    };
    b.push(&format!(" ORDER BY {order}, g.id DESC"));
    let limit = b.bind(q.limit as i64);
    let offset = b.bind(q.offset as i64);
    b.push(&format!(" LIMIT {limit} OFFSET {offset}"));
    let ids = Hit::find_by_statement(b.build())
        .all(db)
        .await?
        .into_iter()
        .map(|h| h.id)
        .collect();
    Ok((ids, total))
}
