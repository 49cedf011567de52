//! Administration: users and capabilities (moderation tools grow here).

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
