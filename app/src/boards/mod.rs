//! Boards: a live kanban per hired team and personal boards, with columns,
//! cards ordered by fractional ranks, versions against lost edits, and a
//! "Move…" form beside drag and drop.

pub mod api;
#[cfg(feature = "hydrate")]
mod drag;
mod live_board;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod rank;
#[cfg(feature = "ssr")]
pub mod server;
