//! Board columns get an optional role, so the columns milestone cards
//! follow ("Review" for delivered work, "Done" for approved work) are found
//! however the team renames them; card comments record when they were last
//! edited. Existing columns named Review or Done take those roles.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(BoardColumns::Table)
                .add_column(ColumnDef::new(BoardColumns::Role).string_len(16).null())
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(CardComments::Table)
                .add_column(ColumnDef::new(CardComments::EditedAt).big_integer().null())
                .to_owned(),
        )
        .await?;
        for (name, role) in [("review", "review"), ("done", "done")] {
            m.exec_stmt(
                Query::update()
                    .table(BoardColumns::Table)
                    .value(BoardColumns::Role, role)
                    .and_where(Expr::expr(Func::lower(Expr::col(BoardColumns::Name))).eq(name))
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(CardComments::Table)
                .drop_column(CardComments::EditedAt)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(BoardColumns::Table)
                .drop_column(BoardColumns::Role)
                .to_owned(),
        )
        .await
    }
}

#[derive(DeriveIden)]
enum BoardColumns {
    Table,
    Name,
    Role,
}

#[derive(DeriveIden)]
enum CardComments {
    Table,
    EditedAt,
}
