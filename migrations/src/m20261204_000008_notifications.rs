//! Notifications with read state, per-kind preferences, and the email
//! outbox (kept until SMTP is configured and the mail is sent).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn big_id<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name)
        .big_integer()
        .not_null()
        .auto_increment()
        .primary_key()
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Notifications::Table)
                .col(big_id(Notifications::Id))
                .col(integer(Notifications::UserId))
                .col(string(Notifications::Kind))
                .col(text(Notifications::Title))
                .col(text(Notifications::Body))
                .col(string(Notifications::Link))
                .col(string_null(Notifications::GroupKey))
                .col(integer(Notifications::Count).default(1))
                .col(big_integer_null(Notifications::ReadAt))
                .col(big_integer(Notifications::CreatedAt))
                .col(big_integer(Notifications::UpdatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_notifications_user")
                .table(Notifications::Table)
                .col(Notifications::UserId)
                .col(Notifications::Id)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(NotificationPrefs::Table)
                .col(integer(NotificationPrefs::UserId))
                .col(string(NotificationPrefs::Kind))
                .col(boolean(NotificationPrefs::InApp))
                .col(string(NotificationPrefs::Email))
                .primary_key(
                    Index::create()
                        .col(NotificationPrefs::UserId)
                        .col(NotificationPrefs::Kind),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(EmailOutbox::Table)
                .col(big_id(EmailOutbox::Id))
                .col(integer(EmailOutbox::UserId))
                .col(string(EmailOutbox::ToAddress))
                .col(text(EmailOutbox::Subject))
                .col(text(EmailOutbox::Body))
                .col(boolean(EmailOutbox::Daily))
                .col(big_integer(EmailOutbox::SendAfter))
                .col(big_integer_null(EmailOutbox::SentAt))
                .col(integer(EmailOutbox::Attempts).default(0))
                .col(text_null(EmailOutbox::LastError))
                .col(big_integer(EmailOutbox::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_email_outbox_due")
                .table(EmailOutbox::Table)
                .col(EmailOutbox::SentAt)
                .col(EmailOutbox::SendAfter)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in ["email_outbox", "notification_prefs", "notifications"] {
            m.drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Notifications {
    Table,
    Id,
    UserId,
    Kind,
    Title,
    Body,
    Link,
    GroupKey,
    Count,
    ReadAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum NotificationPrefs {
    Table,
    UserId,
    Kind,
    InApp,
    Email,
}

#[derive(DeriveIden, Clone, Copy)]
enum EmailOutbox {
    Table,
    Id,
    UserId,
    ToAddress,
    Subject,
    Body,
    Daily,
    SendAfter,
    SentAt,
    Attempts,
    LastError,
    CreatedAt,
}
