//! Server side of gigs: validation, storage, visibility, moderation, cards.

pub mod cards;
pub mod moderation;
pub mod service;
pub mod validate;
