//! Moderation: people report profiles, gigs, reviews and messages; admins
//! work through one queue (reports, approvals, hidden content), hide and
//! restore content, warn and suspend accounts; every admin action is in
//! the audit log.

pub mod api;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
