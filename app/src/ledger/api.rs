//! `/api/admin/ledger`: the platform ledger for super admins.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One ledger entry as the page and the CSV show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerRow {
    /// Entry number.
    pub id: i32,
    /// Unix seconds.
    pub created_at: i64,
    /// The contract.
    pub contract_id: i32,
    /// The contract's title.
    pub contract_title: String,
    /// The client's username.
    pub client: String,
    /// The freelancer's username.
    pub freelancer: String,
    /// Amount in cents.
    pub amount_cents: i64,
    /// ISO currency code.
    pub currency: String,
}

/// The total of one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrencyTotal {
    /// ISO currency code.
    pub currency: String,
    /// Sum in cents.
    pub amount_cents: i64,
    /// How many entries.
    pub entries: u64,
}

/// A page of the ledger: the newest entries that match, and totals over
/// all that match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerPage {
    /// Newest first, at most [`PAGE_ROWS`].
    pub rows: Vec<LedgerRow>,
    /// Per currency, over every matching entry.
    pub totals: Vec<CurrencyTotal>,
}

/// Entries the page shows (the CSV has them all).
pub const PAGE_ROWS: u64 = 200;

/// The ledger filtered by month, currency, contract and person. Super admins only.
#[server(prefix = "/api", endpoint = "admin/ledger")]
pub async fn platform_ledger(
    month: Option<String>,
    currency: Option<String>,
    contract: Option<String>,
    person: Option<String>,
) -> Result<LedgerPage, AppError> {
    use crate::accounts::model::Role;
    crate::accounts::server::guard::require_role(Role::SuperAdmin).await?;
    let filter = super::filter::LedgerQuery {
        month,
        currency,
        contract,
        person,
    }
    .check()?;
    let state = crate::state::app_state()?;
    super::server::page(&state.db, &filter).await
}
