//! Trust and safety: one `reports` table for everything people report
//! (profiles, gigs, reviews and messages; the chat's `message_reports` move
//! into it), a `hidden_at` mark on content an admin hid, suspensions on
//! accounts, and audit entries that name the object and the reason.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Reports::Table)
                .col(pk_auto(Reports::Id))
                .col(integer(Reports::ReporterId))
                .col(string_len(Reports::Kind, 16))
                .col(big_integer(Reports::ObjectId))
                .col(string_len(Reports::Reason, 32))
                .col(text(Reports::Detail).default(""))
                .col(string_len(Reports::Status, 16).default("open"))
                .col(big_integer(Reports::CreatedAt))
                .col(big_integer_null(Reports::ResolvedAt))
                .col(integer_null(Reports::ResolvedBy))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_reports_status_created")
                .table(Reports::Table)
                .col(Reports::Status)
                .col(Reports::CreatedAt)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_reports_object")
                .table(Reports::Table)
                .col(Reports::Kind)
                .col(Reports::ObjectId)
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        // One open report per reporter and object (a partial index: both
        // engines support it, sea-query's builder does not).
        db.execute_unprepared(
            "CREATE UNIQUE INDEX ux_reports_one_open ON reports (reporter_id, kind, object_id) \
             WHERE status = 'open'",
        )
        .await?;
        db.execute_unprepared(
            "INSERT INTO reports (reporter_id, kind, object_id, reason, detail, status, created_at, resolved_at) \
             SELECT reporter_id, 'message', message_id, 'other', reason, \
                    CASE WHEN resolved_at IS NULL THEN 'open' ELSE 'dismissed' END, created_at / 1000, resolved_at / 1000 \
             FROM message_reports",
        )
        .await?;
        m.drop_table(
            Table::drop()
                .table(Alias::new("message_reports"))
                .to_owned(),
        )
        .await?;

        for table in [
            Hideable::Gigs,
            Hideable::FreelancerProfiles,
            Hideable::Reviews,
        ] {
            m.alter_table(
                Table::alter()
                    .table(table)
                    .add_column(big_integer_null(Hideable::HiddenAt))
                    .to_owned(),
            )
            .await?;
        }
        m.alter_table(
            Table::alter()
                .table(Users::Table)
                .add_column(big_integer_null(Users::SuspendedUntil))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Users::Table)
                .add_column(text(Users::SuspensionReason).default(""))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_users_suspended_until")
                .table(Users::Table)
                .col(Users::SuspendedUntil)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(AuditLog::Table)
                .add_column(string_len(AuditLog::ObjectKind, 16).default(""))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(AuditLog::Table)
                .add_column(big_integer_null(AuditLog::ObjectId))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(AuditLog::Table)
                .add_column(text(AuditLog::Reason).default(""))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_audit_log_created")
                .table(AuditLog::Table)
                .col(AuditLog::CreatedAt)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("idx_audit_log_created").to_owned())
            .await?;
        for column in [AuditLog::Reason, AuditLog::ObjectId, AuditLog::ObjectKind] {
            m.alter_table(
                Table::alter()
                    .table(AuditLog::Table)
                    .drop_column(column)
                    .to_owned(),
            )
            .await?;
        }
        m.drop_index(Index::drop().name("idx_users_suspended_until").to_owned())
            .await?;
        for column in [Users::SuspensionReason, Users::SuspendedUntil] {
            m.alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(column)
                    .to_owned(),
            )
            .await?;
        }
        for table in [
            Hideable::Gigs,
            Hideable::FreelancerProfiles,
            Hideable::Reviews,
        ] {
            m.alter_table(
                Table::alter()
                    .table(table)
                    .drop_column(Hideable::HiddenAt)
                    .to_owned(),
            )
            .await?;
        }
        m.drop_table(Table::drop().table(Reports::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Reports {
    Table,
    Id,
    ReporterId,
    Kind,
    ObjectId,
    Reason,
    Detail,
    Status,
    CreatedAt,
    ResolvedAt,
    ResolvedBy,
}

#[derive(DeriveIden, Clone, Copy)]
enum Hideable {
    Gigs,
    FreelancerProfiles,
    Reviews,
    HiddenAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
    SuspendedUntil,
    SuspensionReason,
}

#[derive(DeriveIden, Clone, Copy)]
enum AuditLog {
    Table,
    ObjectKind,
    ObjectId,
    Reason,
    CreatedAt,
}
