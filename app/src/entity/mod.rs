//! sea-orm entities: one module per table (server only).

pub mod audit_log;
pub mod mode_switch;
pub mod session;
pub mod user;
