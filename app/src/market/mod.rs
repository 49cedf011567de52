//! Vocabulary shared by every marketplace domain: status enums, money,
//! the role taxonomy, countries, languages and skill names.

pub mod countries;
pub mod enums;
pub mod languages;
pub mod money;
pub mod skills;
pub mod taxonomy;

pub use enums::*;
