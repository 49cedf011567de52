//! The platform ledger ("billing logs"): every earning recorded when a
//! milestone is approved, filtered by month, currency, contract and person,
//! with totals per currency and a CSV export. Super admins only.

pub mod api;
pub mod filter;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
