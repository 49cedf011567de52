//! System health for super admins: version, uptime, database, pool,
//! sockets, Redis, the email outbox and recent server errors
//! (`/admin/health`).

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
