//! Gigs (projects) and learning requests (lessons): posting, approval,
//! the gig board with search and filters, and bookmarks.

pub mod api;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
