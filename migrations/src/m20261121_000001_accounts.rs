//! Accounts, their mode switches, the audit log and the session store.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .if_not_exists()
                    .col(pk_auto(Users::Id))
                    .col(string_len_uniq(Users::Email, 254))
                    .col(string_len_uniq(Users::Username, 30))
                    .col(string_len(Users::DisplayName, 80))
                    .col(string_len(Users::PasswordHash, 255))
                    .col(boolean(Users::HasClient).default(false))
                    .col(boolean(Users::HasFreelancer).default(false))
                    .col(string_len(Users::ActiveMode, 16))
                    .col(boolean(Users::IsAdmin).default(false))
                    .col(boolean(Users::IsSuperAdmin).default(false))
                    .col(big_integer(Users::CreatedAt))
                    .col(big_integer(Users::UpdatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ModeSwitches::Table)
                    .if_not_exists()
                    .col(pk_auto(ModeSwitches::Id))
                    .col(integer(ModeSwitches::UserId))
                    .col(string_len(ModeSwitches::FromMode, 16))
                    .col(string_len(ModeSwitches::ToMode, 16))
                    .col(big_integer(ModeSwitches::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ModeSwitches::Table, ModeSwitches::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_mode_switches_user")
                    .table(ModeSwitches::Table)
                    .col(ModeSwitches::UserId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .if_not_exists()
                    .col(pk_auto(AuditLog::Id))
                    .col(integer_null(AuditLog::ActorId))
                    .col(string_len(AuditLog::Action, 64))
                    .col(integer_null(AuditLog::TargetUserId))
                    .col(text(AuditLog::Detail).default(""))
                    .col(big_integer(AuditLog::CreatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Sessions::Table)
                    .if_not_exists()
                    .col(string_len(Sessions::Id, 64).primary_key())
                    .col(integer_null(Sessions::UserId))
                    .col(text(Sessions::Data))
                    .col(big_integer(Sessions::ExpiresAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_sessions_user")
                    .table(Sessions::Table)
                    .col(Sessions::UserId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_sessions_expires")
                    .table(Sessions::Table)
                    .col(Sessions::ExpiresAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Sessions::Table.into_iden(),
            AuditLog::Table.into_iden(),
            ModeSwitches::Table.into_iden(),
            Users::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
pub(crate) enum Users {
    Table,
    Id,
    Email,
    Username,
    DisplayName,
    PasswordHash,
    HasClient,
    HasFreelancer,
    ActiveMode,
    IsAdmin,
    IsSuperAdmin,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ModeSwitches {
    Table,
    Id,
    UserId,
    FromMode,
    ToMode,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    ActorId,
    Action,
    TargetUserId,
    Detail,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Id,
    UserId,
    Data,
    ExpiresAt,
}
