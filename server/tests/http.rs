//! Integration tests over HTTP: the real router against a real database
//! (a temporary SQLite file, or a fresh PostgreSQL database when
//! `DATABASE_URL` is a postgres URL).

mod http {
    pub mod support;

    mod account_security;
    mod admin;
    mod analytics;
    mod api_v1;
    mod auth;
    mod backup;
    mod board_cards;
    mod boards;
    mod chat;
    mod concurrency;
    mod contracts;
    mod discovery;
    mod forbidden;
    mod gigs;
    mod hardening;
    mod ledger;
    mod live;
    pub mod live_support;
    mod moderation;
    mod modes;
    mod notifications;
    mod onboarding;
    mod ops;
    mod pages;
    mod privacy;
    mod proposals;
    mod scale_out;
    mod security;
    mod smtp_sink;
    mod suggestions;
}
