//! Guild's Leptos application: the page shell, routes and every domain's
//! components and server functions. Built with `ssr` for the server and with
//! `hydrate` for the browser (never both).

pub mod accounts;
pub mod admin;
#[cfg(feature = "ssr")]
pub mod entity;
pub mod error;
pub mod pages;
mod routes;
#[cfg(feature = "ssr")]
pub mod state;
pub mod ui;

pub use routes::{App, shell};
