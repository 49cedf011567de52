//! The signed-in home: one dashboard per mode.

pub mod api;
pub mod charts;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
