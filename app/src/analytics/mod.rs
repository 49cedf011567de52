//! Platform analytics for admins: sign-ups, approvals, gigs, proposals,
//! contracts, money, messages, suggestions and the funnel over a range, as
//! SVG charts rendered on the server, a table and a CSV download.

pub mod api;
pub mod chart;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
