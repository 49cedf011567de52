//! Chat: direct and team conversations, live over the socket, with
//! history, unread counts, "Seen", typing, edits, deletes, search and reports.

pub mod api;
pub mod components;
pub mod markup;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
