//! Moderation pages: the admin queue, the audit log, the admin navigation
//! with its counts, and the "Report" button.

pub mod audit;
pub mod nav;
pub mod queue;
pub mod report;
