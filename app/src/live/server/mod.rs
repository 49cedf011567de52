//! The live layer on the server: the hub of open sockets, the per-user
//! event log, and the send rate.

pub mod hub;
pub mod log;
pub mod rate;
