//! Server side of moderation: filing reports, the admin queue, admin
//! actions and the audit log.

pub mod actions;
pub mod audit;
pub mod queue;
pub mod reports;
