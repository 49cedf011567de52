//! Boards on the server: membership checks, loading, changes and the
//! boards that follow a hired team.

pub mod access;
pub mod badges;
pub mod card_edit;
pub mod card_load;
pub mod columns;
pub mod comments;
pub mod load;
pub mod merge;
pub mod milestones;
pub mod service;
pub mod team;
