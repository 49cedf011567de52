//! Indexes shaped after discovery's queries: one matching the default order
//! (best rated first, unrated last), so sorting 100,000 profiles by rating
//! reads the index instead of sorting (PostgreSQL needs `NULLS LAST` spelled
//! out; SQLite puts NULLs last in descending order already), one covering
//! rate ranges in a currency, and one for filtering by country.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let rating = match m.get_database_backend() {
            DbBackend::Postgres => "rating_avg DESC NULLS LAST",
            _ => "rating_avg DESC",
        };
        m.get_connection()
            .execute_unprepared(&format!(
                "DROP INDEX IF EXISTS idx_fp_status_rating; \
                 CREATE INDEX IF NOT EXISTS idx_fp_rank ON freelancer_profiles (status, {rating}, review_count DESC); \
                 CREATE INDEX IF NOT EXISTS idx_fp_currency_rate ON freelancer_profiles (status, currency, hourly_rate_cents); \
                 CREATE INDEX IF NOT EXISTS idx_fp_country ON freelancer_profiles (status, country);"
            ))
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.get_connection()
            .execute_unprepared(
                "DROP INDEX IF EXISTS idx_fp_rank; DROP INDEX IF EXISTS idx_fp_currency_rate; DROP INDEX IF EXISTS idx_fp_country; \
                 CREATE INDEX IF NOT EXISTS idx_fp_status_rating ON freelancer_profiles (status, rating_avg);",
            )
            .await?;
        Ok(())
    }
}
