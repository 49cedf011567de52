//! Account security: the sessions page, password change, two-factor
//! sign-in (TOTP with recovery codes), downloading my data and deleting my
//! account.

pub mod api;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
