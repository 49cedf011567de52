//! The ledger's queries: one filtered select for the rows, one `GROUP BY`
//! for the totals, and the CSV.

use super::api::{CurrencyTotal, LedgerPage, LedgerRow, PAGE_ROWS};
use super::filter::LedgerFilter;
use crate::entity::{contract, ledger_entry, user};
use crate::error::AppError;
use sea_orm::sea_query::{Alias, Expr, Query, SelectStatement};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::collections::HashMap;

/// The entries `filter` keeps, as a condition on `ledger_entries`.
fn condition(filter: &LedgerFilter) -> Condition {
    let mut all = Condition::all();
    if let Some((from, to)) = filter.period {
        all = all
            .add(ledger_entry::Column::CreatedAt.gte(from))
            .add(ledger_entry::Column::CreatedAt.lt(to));
    }
    if let Some(currency) = &filter.currency {
        all = all.add(ledger_entry::Column::Currency.eq(currency.clone()));
    }
    if let Some(contract) = filter.contract {
        all = all.add(ledger_entry::Column::ContractId.eq(contract));
    }
    if let Some(person) = &filter.person {
        let ids: SelectStatement = Query::select()
            .column(user::Column::Id)
            .from(user::Entity)
            .and_where(Expr::col(user::Column::Username).eq(person.clone()))
            .to_owned();
        all = all.add(
            Condition::any()
                .add(ledger_entry::Column::ClientId.in_subquery(ids.clone()))
                .add(ledger_entry::Column::FreelancerId.in_subquery(ids)),
        );
    }
    all
}

#[derive(Debug, FromQueryResult)]
struct Total {
    currency: String,
    amount: i64,
    entries: i64,
}

/// The newest matching entries (at most `limit`), with names and titles.
pub async fn rows(
    db: &impl ConnectionTrait,
    filter: &LedgerFilter,
    limit: Option<u64>,
) -> Result<Vec<LedgerRow>, AppError> {
    let mut select = ledger_entry::Entity::find()
        .filter(condition(filter))
        .order_by_desc(ledger_entry::Column::CreatedAt)
        .order_by_desc(ledger_entry::Column::Id);
    if let Some(limit) = limit {
        select = select.limit(limit);
    }
    let entries = select.all(db).await?;
    let people: Vec<i32> = entries
        .iter()
        .flat_map(|e| [e.client_id, e.freelancer_id])
        .collect();
    let mut contracts: Vec<i32> = entries.iter().map(|e| e.contract_id).collect();
    contracts.sort_unstable();
    contracts.dedup();
    let names = crate::chat::server::repo::names(db, &people).await?;
    let titles: HashMap<i32, String> = contract::Entity::find()
        .select_only()
        .column(contract::Column::Id)
        .column(contract::Column::Title)
        .filter(contract::Column::Id.is_in(contracts))
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let name = |id: i32| {
        names
            .get(&id)
            .map_or_else(|| "deleted user".into(), |(username, _)| username.clone())
    };
    Ok(entries
        .into_iter()
        .map(|e| LedgerRow {
            id: e.id,
            created_at: e.created_at,
            contract_id: e.contract_id,
            contract_title: titles.get(&e.contract_id).cloned().unwrap_or_default(),
            client: name(e.client_id),
            freelancer: name(e.freelancer_id),
            amount_cents: e.amount_cents,
            currency: e.currency,
        })
        .collect())
}

/// Totals per currency over every matching entry (one `GROUP BY`).
pub async fn totals(
    db: &impl ConnectionTrait,
    filter: &LedgerFilter,
) -> Result<Vec<CurrencyTotal>, AppError> {
    let totals = ledger_entry::Entity::find()
        .select_only()
        .column(ledger_entry::Column::Currency)
        .column_as(
            Expr::col(ledger_entry::Column::AmountCents)
                .sum()
                .cast_as(Alias::new("BIGINT")),
            "amount",
        )
        .column_as(ledger_entry::Column::Id.count(), "entries")
        .filter(condition(filter))
        .group_by(ledger_entry::Column::Currency)
        .order_by_asc(ledger_entry::Column::Currency)
        .into_model::<Total>()
        .all(db)
        .await?;
    Ok(totals
        .into_iter()
        .map(|t| CurrencyTotal {
            currency: t.currency,
            amount_cents: t.amount,
            entries: u64::try_from(t.entries).unwrap_or(0),
        })
        .collect())
}

/// The page: the newest [`PAGE_ROWS`] and the totals.
pub async fn page(
    db: &impl ConnectionTrait,
    filter: &LedgerFilter,
) -> Result<LedgerPage, AppError> {
    Ok(LedgerPage {
        rows: rows(db, filter, Some(PAGE_ROWS)).await?,
        totals: totals(db, filter).await?,
    })
}

/// A text cell a spreadsheet will not run as a formula.
fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// Every matching entry as CSV (amounts in units with two decimals, dates
/// in UTC).
pub fn to_csv(rows: &[LedgerRow]) -> Result<String, AppError> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let internal = |e: csv::Error| AppError::internal(format!("ledger CSV: {e}"));
    out.write_record([
        "entry",
        "date",
        "contract",
        "contract_title",
        "client",
        "freelancer",
        "amount",
        "currency",
    ])
    .map_err(internal)?;
    for r in rows {
        let date = chrono::DateTime::from_timestamp(r.created_at, 0)
            .map(|d| d.format("%Y-%m-%d %H:%M:%S").to_string())
            .unwrap_or_default();
        let amount = format!(
            "{}.{:02}",
            r.amount_cents / 100,
            (r.amount_cents % 100).abs()
        );
        out.write_record([
            r.id.to_string(),
            date,
            r.contract_id.to_string(),
            cell(&r.contract_title),
            cell(&r.client),
            cell(&r.freelancer),
            amount,
            r.currency.clone(),
        ])
        .map_err(internal)?;
    }
    let bytes = out
        .into_inner()
        .map_err(|e| AppError::internal(format!("ledger CSV: {e}")))?;
    String::from_utf8(bytes).map_err(|e| AppError::internal(format!("ledger CSV: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_csv_has_units_dates_and_no_formulas() {
        let row = LedgerRow {
            id: 7,
            created_at: 1_793_491_200,
            contract_id: 3,
            contract_title: "=HYPERLINK(\"x\")".into(),
            client: "maya".into(),
            freelancer: "diego".into(),
            amount_cents: 123_405,
            currency: "USD".into(),
        };
        let csv = to_csv(&[row]).unwrap();
        let mut lines = csv.lines();
        assert_eq!(
            lines.next(),
            Some("entry,date,contract,contract_title,client,freelancer,amount,currency")
        );
        assert_eq!(
            lines.next(),
            Some("7,2026-11-01 00:00:00,3,\"'=HYPERLINK(\"\"x\"\")\",maya,diego,1234.05,USD")
        );
    }
}
