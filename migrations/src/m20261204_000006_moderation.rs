//! Moderation keeps to what the admin saw: a revision number on gigs and
//! freelancer profiles (bumped by every edit, so an approval can name the
//! version it applies to), and the digest of the public text an admin last
//! approved (an edit that changes it sends the item back to review).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [Moderated::Gigs, Moderated::FreelancerProfiles] {
            // SQLite adds one column per ALTER TABLE.
            m.alter_table(
                Table::alter()
                    .table(table)
                    .add_column(integer(Moderated::Revision).default(0))
                    .to_owned(),
            )
            .await?;
            m.alter_table(
                Table::alter()
                    .table(table)
                    .add_column(string(Moderated::ApprovedDigest).default(""))
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [Moderated::Gigs, Moderated::FreelancerProfiles] {
            for column in [Moderated::Revision, Moderated::ApprovedDigest] {
                m.alter_table(Table::alter().table(table).drop_column(column).to_owned())
                    .await?;
            }
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Moderated {
    Gigs,
    FreelancerProfiles,
    Revision,
    ApprovedDigest,
}
