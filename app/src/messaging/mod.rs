//! Who may write to whom (the chat itself lives in a later module).

pub mod api;
#[cfg(feature = "ssr")]
pub mod server;
