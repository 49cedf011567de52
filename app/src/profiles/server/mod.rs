//! Server side of profiles: storage, onboarding use cases, access rules.

pub mod access;
pub mod cards;
pub mod moderation;
pub mod onboarding;
pub mod repo;
pub mod review;
pub mod view;
