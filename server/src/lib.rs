//! Guild's server: configuration, database, sessions, middleware and the
//! router. `main.rs` is the command line around it; integration tests build
//! the same router with [`app`].

pub mod avatars;
pub mod backup;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod email;
pub mod live;
pub mod middleware;
pub mod ops;
pub mod public_api;
pub mod roles_cli;
pub mod router;
pub mod seed;
pub mod session_store;
pub mod state;
pub mod static_files;

pub use router::app;
