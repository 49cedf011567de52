//! Full-text search indexes for talent and gigs, in each database's own
//! engine: SQLite FTS5 virtual tables, PostgreSQL tsvector columns with GIN
//! indexes. The application keeps them up to date (`app::search`).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const SQLITE_UP: &str = "
CREATE VIRTUAL TABLE IF NOT EXISTS freelancer_search USING fts5(
    name, tagline, bio, skills, roles,
    tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3');
CREATE VIRTUAL TABLE IF NOT EXISTS gig_search USING fts5(
    title, description, skills, roles,
    tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3');
";

const POSTGRES_UP: &str = "
CREATE TABLE IF NOT EXISTS freelancer_search (
    user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    document TSVECTOR NOT NULL);
CREATE INDEX IF NOT EXISTS idx_freelancer_search ON freelancer_search USING GIN (document);
CREATE TABLE IF NOT EXISTS gig_search (
    gig_id INTEGER PRIMARY KEY REFERENCES gigs (id) ON DELETE CASCADE,
    document TSVECTOR NOT NULL);
CREATE INDEX IF NOT EXISTS idx_gig_search ON gig_search USING GIN (document);
";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let sql = match m.get_database_backend() {
            sea_orm_migration::sea_orm::DbBackend::Postgres => POSTGRES_UP,
            _ => SQLITE_UP,
        };
        m.get_connection().execute_unprepared(sql).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.get_connection()
            .execute_unprepared(
                "DROP TABLE IF EXISTS freelancer_search; DROP TABLE IF EXISTS gig_search;",
            )
            .await?;
        Ok(())
    }
}
