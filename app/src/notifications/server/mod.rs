//! Notifications on the server: raising them inside the services' own
//! transactions, preferences, and each user's inbox.

pub mod inbox;
pub mod prefs;
pub mod raise;

pub use raise::{Notice, notify, notify_admins, raise};
