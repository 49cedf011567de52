//! "Find talent": searching approved freelancers and coaches, and saved talent.

pub mod api;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
