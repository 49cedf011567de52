//! Double-blind reviews after completed contracts, and ratings computed from them.

pub mod api;
#[cfg(feature = "ssr")]
pub mod server;

/// Days after completion during which both sides may review.
pub const REVIEW_WINDOW_DAYS: i64 = 14;
