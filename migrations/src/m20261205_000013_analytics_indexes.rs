//! Indexes for the analytics page: each series counts rows of one table in
//! a time range, so each time column it reads gets an index (and the
//! funnel's lookups from a gig to its contracts and a contract to its
//! reviews get theirs).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (index, table, column).
const INDEXES: &[(&str, &str, &str)] = &[
    ("idx_users_created", "users", "created_at"),
    (
        "idx_freelancer_profiles_reviewed",
        "freelancer_profiles",
        "reviewed_at",
    ),
    ("idx_gigs_created", "gigs", "created_at"),
    ("idx_proposals_created", "proposals", "created_at"),
    ("idx_proposals_gig", "proposals", "gig_id"),
    ("idx_contracts_created", "contracts", "created_at"),
    ("idx_contracts_completed", "contracts", "completed_at"),
    ("idx_contracts_gig", "contracts", "gig_id"),
    ("idx_reviews_contract", "reviews", "contract_id"),
    ("idx_ledger_entries_created", "ledger_entries", "created_at"),
    ("idx_messages_created", "messages", "created_at"),
    ("idx_suggestions_created", "suggestions", "created_at"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, column) in INDEXES {
            m.create_index(
                Index::create()
                    .if_not_exists()
                    .name(*name)
                    .table(Alias::new(*table))
                    .col(Alias::new(*column))
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, _) in INDEXES {
            m.drop_index(
                Index::drop()
                    .if_exists()
                    .name(*name)
                    .table(Alias::new(*table))
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
