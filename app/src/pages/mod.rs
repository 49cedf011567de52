//! Top-level pages that belong to no single domain.

pub mod landing;
pub mod not_found;
