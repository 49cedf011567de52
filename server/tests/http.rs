//! Integration tests over HTTP: the real router against a real database
//! (a temporary SQLite file, or a fresh PostgreSQL database when
//! `DATABASE_URL` is a postgres URL).

mod http {
    pub mod support;

    mod admin;
    mod auth;
    mod modes;
    mod pages;
    mod security;
}
