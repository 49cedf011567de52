//! Suggestions: a role classifier for plain-language needs, matching talent,
//! and gig recommendations.

#[cfg(feature = "ssr")]
pub mod classifier;
