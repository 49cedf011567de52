//! Boards on the server: membership checks, loading, changes and the
//! boards that follow a hired team.

pub mod access;
pub mod load;
pub mod milestones;
pub mod service;
pub mod team;
