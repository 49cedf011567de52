//! Contracts: milestones, completion, cancellation by agreement and the
//! earnings ledger.

pub mod api;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
