//! Proposals on gigs, and accepting them into contracts.

pub mod api;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
