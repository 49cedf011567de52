//! Server side of account security: sessions, password change, two-factor
//! sign-in, data export and account deletion.

pub mod deletion;
pub mod export;
pub mod password;
pub mod sessions;
pub mod two_factor;
