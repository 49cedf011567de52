//! Shared building blocks of the interface.

pub mod avatar;
pub mod form;
pub mod layout;
