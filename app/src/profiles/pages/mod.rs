//! Profile pages: onboarding, public freelancer pages, client pages.

pub mod client;
pub mod onboarding;
pub mod public;
mod steps;
