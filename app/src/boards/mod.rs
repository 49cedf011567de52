//! Boards: a live kanban per hired team and personal boards, with columns,
//! cards ordered by fractional ranks, versions against lost edits, and a
//! "Move…" form beside drag and drop.

pub mod api;
pub mod card_api;
pub mod card_model;
pub mod card_page;
pub mod column_api;
pub mod column_page;
#[cfg(feature = "hydrate")]
mod drag;
mod live_board;
#[cfg(feature = "ssr")]
pub mod markdown;
#[cfg(feature = "ssr")]
pub mod mentions;
pub mod model;
pub mod pages;
pub mod presence;
#[cfg(feature = "ssr")]
pub mod rank;
#[cfg(feature = "ssr")]
pub mod server;
