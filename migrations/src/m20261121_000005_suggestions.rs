//! Suggestion history (per user, never a shared file) and gig invitations.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Suggestions::Table)
                .if_not_exists()
                .col(pk_auto(Suggestions::Id))
                .col(integer(Suggestions::UserId))
                .col(text(Suggestions::Text))
                .col(text(Suggestions::Roles))
                .col(big_integer(Suggestions::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Suggestions::Table, Suggestions::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .if_not_exists()
                .name("idx_suggestions_user")
                .table(Suggestions::Table)
                .col(Suggestions::UserId)
                .col(Suggestions::CreatedAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(GigInvitations::Table)
                .if_not_exists()
                .col(integer(GigInvitations::GigId))
                .col(integer(GigInvitations::FreelancerId))
                .col(big_integer(GigInvitations::CreatedAt))
                .primary_key(
                    Index::create()
                        .col(GigInvitations::GigId)
                        .col(GigInvitations::FreelancerId),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(GigInvitations::Table, GigInvitations::GigId)
                        .to(Gigs::Table, Gigs::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(GigInvitations::Table, GigInvitations::FreelancerId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .if_not_exists()
                .name("idx_gig_invitations_freelancer")
                .table(GigInvitations::Table)
                .col(GigInvitations::FreelancerId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(
            Table::drop()
                .table(GigInvitations::Table)
                .if_exists()
                .to_owned(),
        )
        .await?;
        m.drop_table(
            Table::drop()
                .table(Suggestions::Table)
                .if_exists()
                .to_owned(),
        )
        .await
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Gigs {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Suggestions {
    Table,
    Id,
    UserId,
    Text,
    Roles,
    CreatedAt,
}

#[derive(DeriveIden)]
enum GigInvitations {
    Table,
    GigId,
    FreelancerId,
    CreatedAt,
}
