//! Shared building blocks of the interface.

pub mod avatar;
pub mod fields;
pub mod form;
pub mod format;
pub mod layout;
pub mod title;
pub mod widgets;
