//! Notifications: raised by the services where things happen, stored per
//! user with read state, pushed live to every open tab (the header bell),
//! listed in the notification centre, and emailed through an outbox
//! according to each user's preferences.

pub mod api;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
