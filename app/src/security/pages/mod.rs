//! Account security pages: `/settings/security` (password, two-factor
//! sign-in, my data), `/settings/sessions` and the sign-in code step.

pub mod code;
pub mod security;
pub mod sessions;
