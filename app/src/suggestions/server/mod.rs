//! Server side of suggestions: the need box, history, matching and invitations.

pub mod invitations;
pub mod matching;
pub mod service;
