//! sea-orm entities: one module per table (server only).

pub mod audit_log;
pub mod client_profile;
pub mod contract;
pub mod conversation;
pub mod credential;
pub mod freelancer_profile;
pub mod gig;
pub mod gig_invitation;
pub mod gig_role;
pub mod gig_skill;
pub mod ledger_entry;
pub mod milestone;
pub mod mode_switch;
pub mod portfolio_item;
pub mod profile_role;
pub mod profile_skill;
pub mod proposal;
pub mod review;
pub mod role;
pub mod saved_gig;
pub mod saved_talent;
pub mod session;
pub mod skill;
pub mod suggestion;
pub mod user;
pub mod user_language;
