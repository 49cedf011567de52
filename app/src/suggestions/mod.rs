//! Suggestions: a role classifier for plain-language needs, matching talent,
//! gig recommendations for freelancers and suggested talent for gig owners.

pub mod api;
#[cfg(feature = "ssr")]
pub mod classifier;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
