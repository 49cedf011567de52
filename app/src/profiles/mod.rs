//! Freelancer/coach and client/student profiles, onboarding, and the public
//! profile pages.

pub mod api;
pub mod components;
pub mod inputs;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
pub mod steps;
pub mod validate;
