//! Who may write to whom, and opening direct conversations under that rule
//! (the chat itself is in [`crate::chat`]).

pub mod api;
#[cfg(feature = "ssr")]
pub mod server;
