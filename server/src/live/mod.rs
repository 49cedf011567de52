//! `/ws`: the live socket. The upgrade checks the session and the origin;
//! each socket then runs [`socket::run`] until it closes. Background tasks
//! close sockets whose sessions ended and prune the event log.

pub mod background;
pub mod frames;
pub mod redis_bus;
pub mod socket;
pub mod upgrade;

pub use upgrade::upgrade;
