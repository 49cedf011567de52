//! Gig pages: the board, a gig's page, the post/edit form and saved gigs.

pub mod board;
pub mod card;
pub mod detail;
pub mod form;
pub mod saved;
