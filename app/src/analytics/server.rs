//! The analytics, computed with SQL aggregates: one `GROUP BY` per series
//! (bucket index computed in SQL, so no rows reach Rust), one for money per
//! currency and one for the funnel. Works on SQLite and PostgreSQL alike.

use super::model::{Analytics, DAILY_UP_TO, Funnel, MoneySeries, Series};
use crate::accounts::server::now;
use crate::error::AppError;
use sea_orm::{ConnectionTrait, FromQueryResult, Statement, Value};
use std::collections::BTreeMap;

const DAY: i64 = 86_400;

/// A counted series: its key, title, table, time column, time unit (1 for
/// seconds, 1000 for milliseconds) and extra condition.
struct Spec {
    key: &'static str,
    label: &'static str,
    table: &'static str,
    column: &'static str,
    millis: bool,
    condition: &'static str,
}

const SPECS: &[Spec] = &[
    Spec {
        key: "signups_client",
        label: "Sign-ups: clients and students",
        table: "users",
        column: "created_at",
        millis: false,
        condition: "has_client = TRUE AND has_freelancer = FALSE",
    },
    Spec {
        key: "signups_freelancer",
        label: "Sign-ups: freelancers and coaches",
        table: "users",
        column: "created_at",
        millis: false,
        condition: "has_freelancer = TRUE AND has_client = FALSE",
    },
    Spec {
        key: "signups_both",
        label: "Sign-ups: both sides",
        table: "users",
        column: "created_at",
        millis: false,
        condition: "has_client = TRUE AND has_freelancer = TRUE",
    },
    Spec {
        key: "profiles_approved",
        label: "Profiles approved",
        table: "freelancer_profiles",
        column: "reviewed_at",
        millis: false,
        condition: "status = 'approved'",
    },
    Spec {
        key: "gigs_posted",
        label: "Gigs posted",
        table: "gigs",
        column: "created_at",
        millis: false,
        condition: "kind = 'project' AND status <> 'draft'",
    },
    Spec {
        key: "requests_posted",
        label: "Learning requests posted",
        table: "gigs",
        column: "created_at",
        millis: false,
        condition: "kind = 'lesson' AND status <> 'draft'",
    },
    Spec {
        key: "proposals_sent",
        label: "Proposals sent",
        table: "proposals",
        column: "created_at",
        millis: false,
        condition: "",
    },
    Spec {
        key: "contracts_started",
        label: "Contracts started",
        table: "contracts",
        column: "created_at",
        millis: false,
        condition: "",
    },
    Spec {
        key: "contracts_completed",
        label: "Contracts completed",
        table: "contracts",
        column: "completed_at",
        millis: false,
        condition: "",
    },
    Spec {
        key: "messages",
        label: "Messages",
        table: "messages",
        column: "created_at",
        millis: true,
        condition: "kind = 'text'",
    },
    Spec {
        key: "suggestions",
        label: "Suggestion requests",
        table: "suggestions",
        column: "created_at",
        millis: false,
        condition: "",
    },
    Spec {
        key: "suggestions_confident",
        label: "… answered with a confident role",
        table: "suggestions",
        column: "created_at",
        millis: false,
        condition: "roles <> ''",
    },
];

#[derive(FromQueryResult)]
struct Bucket {
    b: i64,
    n: i64,
}

#[derive(FromQueryResult)]
struct MoneyBucket {
    b: i64,
    currency: String,
    n: i64,
}

#[derive(FromQueryResult)]
struct FunnelRow {
    gigs: i64,
    with_proposal: i64,
    with_contract: i64,
    with_review: i64,
}

fn statement(db: &impl ConnectionTrait, sql: String, values: Vec<Value>) -> Statement {
    Statement::from_sql_and_values(db.get_database_backend(), sql, values)
}

/// The analytics of the last `days` days (today included).
pub async fn analytics(db: &impl ConnectionTrait, days: i64) -> Result<Analytics, AppError> {
    let bucket_days = if days > DAILY_UP_TO { 7 } else { 1 };
    let today = now().div_euclid(DAY);
    let start = (today - days + 1) * DAY;
    let end = (today + 1) * DAY;
    let width = bucket_days * DAY;
    let buckets = usize::try_from((days + bucket_days - 1) / bucket_days).unwrap_or(0);
    let bounds = |millis: bool| -> Vec<Value> {
        let scale = if millis { 1000 } else { 1 };
        vec![
            (start * scale).into(),
            (end * scale).into(),
            (width * scale).into(),
        ]
    };
    let mut series = Vec::with_capacity(SPECS.len());
    for spec in SPECS {
        let extra = if spec.condition.is_empty() {
            String::new()
        } else {
            format!(" AND {}", spec.condition)
        };
        let column = spec.column;
        let sql = format!(
            "SELECT ({column} - $1) / $3 AS b, COUNT(*) AS n FROM {table} \
             WHERE {column} >= $1 AND {column} < $2{extra} GROUP BY ({column} - $1) / $3",
            table = spec.table
        );
        let rows = Bucket::find_by_statement(statement(db, sql, bounds(spec.millis)))
            .all(db)
            .await?;
        let mut values = vec![0; buckets];
        for row in rows {
            if let Some(slot) = usize::try_from(row.b).ok().and_then(|b| values.get_mut(b)) {
                *slot += row.n;
            }
        }
        series.push(Series {
            key: spec.key.into(),
            label: spec.label.into(),
            values,
        });
    }
    let money_rows = MoneyBucket::find_by_statement(statement(
        db,
        "SELECT (created_at - $1) / $3 AS b, currency, CAST(SUM(amount_cents) AS BIGINT) AS n \
         FROM ledger_entries WHERE created_at >= $1 AND created_at < $2 \
         GROUP BY (created_at - $1) / $3, currency"
            .into(),
        bounds(false),
    ))
    .all(db)
    .await?;
    let mut money: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for row in money_rows {
        let values = money
            .entry(row.currency)
            .or_insert_with(|| vec![0; buckets]);
        if let Some(slot) = usize::try_from(row.b).ok().and_then(|b| values.get_mut(b)) {
            *slot += row.n;
        }
    }
    let funnel = FunnelRow::find_by_statement(statement(
        db,
        "SELECT COUNT(*) AS gigs, \
           CAST(COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM proposals p WHERE p.gig_id = g.id) THEN 1 ELSE 0 END), 0) AS BIGINT) AS with_proposal, \
           CAST(COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM contracts c WHERE c.gig_id = g.id) THEN 1 ELSE 0 END), 0) AS BIGINT) AS with_contract, \
           CAST(COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM contracts c JOIN reviews r ON r.contract_id = c.id WHERE c.gig_id = g.id) THEN 1 ELSE 0 END), 0) AS BIGINT) AS with_review \
         FROM gigs g WHERE g.created_at >= $1 AND g.created_at < $2 AND g.status <> 'draft'"
            .into(),
        vec![start.into(), end.into()],
    ))
    .one(db)
    .await?
    .map(|f| Funnel {
        gigs: f.gigs,
        with_proposal: f.with_proposal,
        with_contract: f.with_contract,
        with_review: f.with_review,
    })
    .unwrap_or_default();
    Ok(Analytics {
        days,
        bucket_days,
        start,
        series,
        money: money
            .into_iter()
            .map(|(currency, values)| MoneySeries { currency, values })
            .collect(),
        funnel,
    })
}

/// The analytics as CSV: one row per bucket, a column per series and per
/// currency (in cents).
pub fn to_csv(a: &Analytics) -> Result<String, AppError> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["bucket_start".to_string()];
    header.extend(a.series.iter().map(|s| s.key.clone()));
    header.extend(
        a.money
            .iter()
            .map(|m| format!("approved_cents_{}", m.currency)),
    );
    out.write_record(&header).map_err(AppError::internal)?;
    for i in 0..a.buckets() {
        let day = chrono::DateTime::from_timestamp(a.bucket_start(i), 0)
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        let mut record = vec![day];
        record.extend(a.series.iter().map(|s| s.values[i].to_string()));
        record.extend(a.money.iter().map(|m| m.values[i].to_string()));
        out.write_record(&record).map_err(AppError::internal)?;
    }
    String::from_utf8(out.into_inner().map_err(AppError::internal)?).map_err(AppError::internal)
}
