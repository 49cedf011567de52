//! Guild's database schema, applied in order by [`Migrator`].
//!
//! Every migration is written with sea-query's schema builder so the same
//! code creates the schema on SQLite and on PostgreSQL; where the two engines
//! differ (full-text search, for example) a migration branches on the backend.

pub use sea_orm_migration::prelude::*;

mod m20261121_000001_accounts;
mod m20261121_000002_marketplace;
mod m20261121_000003_search;
mod m20261121_000004_discovery_indexes;
mod m20261121_000005_suggestions;
mod m20261204_000006_moderation;
mod m20261204_000007_chat;
mod m20261204_000008_notifications;
mod m20261204_000009_boards;
mod m20261204_000010_board_roles;
mod m20261205_000011_trust;
mod m20261205_000012_two_factor;
mod m20261205_000013_analytics_indexes;
mod m20261205_000014_listing_indexes_cover_hidden;

/// Runs Guild's migrations.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261121_000001_accounts::Migration),
            Box::new(m20261121_000002_marketplace::Migration),
            Box::new(m20261121_000003_search::Migration),
            Box::new(m20261121_000004_discovery_indexes::Migration),
            Box::new(m20261121_000005_suggestions::Migration),
            Box::new(m20261204_000006_moderation::Migration),
            Box::new(m20261204_000007_chat::Migration),
            Box::new(m20261204_000008_notifications::Migration),
            Box::new(m20261204_000009_boards::Migration),
            Box::new(m20261204_000010_board_roles::Migration),
            Box::new(m20261205_000011_trust::Migration),
            Box::new(m20261205_000012_two_factor::Migration),
            Box::new(m20261205_000013_analytics_indexes::Migration),
            Box::new(m20261205_000014_listing_indexes_cover_hidden::Migration),
        ]
    }
}
