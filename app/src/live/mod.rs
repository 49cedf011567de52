//! The live layer: one WebSocket per tab carrying logged events (resumable
//! by sequence number) and ephemeral signals on subscribed topics. The
//! protocol is shared by the browser, the server and the load tool.

#[cfg(feature = "hydrate")]
pub mod client;
pub mod context;
pub mod protocol;
#[cfg(feature = "ssr")]
pub mod server;
pub mod status;
