//! Guild's Leptos application: the page shell, routes and every domain's
//! components and server functions. Built with `ssr` for the server and with
//! `hydrate` for the browser (never both).

// Leptos views are nested generic types; without type erasure (release
// builds) the deepest pages need more than the default 128 levels.
#![recursion_limit = "256"]

pub mod accounts;
pub mod admin;
pub mod analytics;
pub mod boards;
pub mod chat;
pub mod contracts;
pub mod dashboard;
pub mod discovery;
#[cfg(feature = "ssr")]
pub mod entity;
pub mod error;
pub mod gigs;
pub mod health;
mod lazy_pages;
pub mod ledger;
pub mod live;
pub mod market;
pub mod messaging;
pub mod moderation;
pub mod notifications;
pub mod pages;
pub mod profiles;
pub mod proposals;
pub mod reviews;
mod routes;
#[cfg(feature = "ssr")]
pub mod search;
pub mod security;
#[cfg(feature = "ssr")]
pub mod state;
pub mod suggestions;
pub mod text;
pub mod ui;

pub use routes::{App, shell};
