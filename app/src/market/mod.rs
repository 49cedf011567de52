//! Vocabulary shared by every marketplace domain: status enums, money,
//! the role taxonomy, countries, languages, skill names and search filters.

pub mod countries;
pub mod enums;
#[cfg(feature = "ssr")]
pub mod filters;
pub mod languages;
#[cfg(feature = "ssr")]
pub mod moderation;
pub mod money;
#[cfg(feature = "ssr")]
pub mod skill_catalog;
pub mod skills;
pub mod taxonomy;

pub use enums::*;
