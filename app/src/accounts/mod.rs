//! Accounts: sign-up, log-in, sessions, the two market modes and capabilities.

pub mod api;
pub mod components;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
pub mod validate;

pub use model::{CurrentUser, Mode, Role};
