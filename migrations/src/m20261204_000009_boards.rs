//! Kanban boards: a board per hired team (a gig's contracts) and personal
//! boards, their members, columns and cards ordered by fractional ranks,
//! labels, assignees, checklists, comments, links and each card's activity.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A fractional rank: compared byte by byte (PostgreSQL gets the "C"
/// collation so `ORDER BY` agrees with SQLite and with Rust).
fn rank<T: IntoIden>(name: T, postgres: bool) -> ColumnDef {
    let mut col = ColumnDef::new(name);
    col.string_len(255).not_null();
    if postgres {
        col.extra("COLLATE \"C\"");
    }
    col.to_owned()
}

fn big_id<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name)
        .big_integer()
        .not_null()
        .auto_increment()
        .primary_key()
        .to_owned()
}

fn index(
    name: &str,
    table: impl IntoIden + 'static,
    cols: &[&'static str],
) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(table);
    for col in cols {
        index.col(Alias::new(*col));
    }
    index.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let postgres = m.get_database_backend() == sea_orm::DatabaseBackend::Postgres;
        m.create_table(
            Table::create()
                .table(Boards::Table)
                .col(pk_auto(Boards::Id))
                .col(string(Boards::Kind))
                .col(integer_null(Boards::GigId).unique_key())
                .col(integer(Boards::OwnerId))
                .col(string(Boards::Title))
                .col(big_integer(Boards::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(BoardMembers::Table)
                .col(integer(BoardMembers::BoardId))
                .col(integer(BoardMembers::UserId))
                .col(big_integer(BoardMembers::AddedAt))
                .primary_key(
                    Index::create()
                        .col(BoardMembers::BoardId)
                        .col(BoardMembers::UserId),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "idx_board_members_user",
            BoardMembers::Table,
            &["user_id", "board_id"],
        ))
        .await?;
        m.create_table(
            Table::create()
                .table(BoardColumns::Table)
                .col(pk_auto(BoardColumns::Id))
                .col(integer(BoardColumns::BoardId))
                .col(string(BoardColumns::Name))
                .col(rank(BoardColumns::Rank, postgres))
                .col(integer_null(BoardColumns::WipLimit))
                .col(boolean(BoardColumns::Archived).default(false))
                .col(integer(BoardColumns::Version).default(1))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "idx_board_columns_board",
            BoardColumns::Table,
            &["board_id", "rank"],
        ))
        .await?;
        m.create_table(
            Table::create()
                .table(Cards::Table)
                .col(pk_auto(Cards::Id))
                .col(integer(Cards::BoardId))
                .col(integer(Cards::ColumnId))
                .col(rank(Cards::Rank, postgres))
                .col(string(Cards::Title))
                .col(text(Cards::Description).default(""))
                .col(string_null(Cards::Cover))
                .col(string_null(Cards::DueOn))
                .col(integer_null(Cards::MilestoneId).unique_key())
                .col(string(Cards::State))
                .col(integer(Cards::Version).default(1))
                .col(integer(Cards::CreatedBy))
                .col(big_integer(Cards::CreatedAt))
                .col(big_integer(Cards::UpdatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "idx_cards_column_rank",
            Cards::Table,
            &["column_id", "state", "rank"],
        ))
        .await?;
        m.create_index(index(
            "idx_cards_board",
            Cards::Table,
            &["board_id", "state"],
        ))
        .await?;
        m.create_table(
            Table::create()
                .table(BoardLabels::Table)
                .col(pk_auto(BoardLabels::Id))
                .col(integer(BoardLabels::BoardId))
                .col(string(BoardLabels::Name))
                .col(string(BoardLabels::Color))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "idx_board_labels_board",
            BoardLabels::Table,
            &["board_id"],
        ))
        .await?;
        for (table, other) in [("card_labels", "label_id"), ("card_assignees", "user_id")] {
            m.create_table(
                Table::create()
                    .table(Alias::new(table))
                    .col(integer(Alias::new("card_id")))
                    .col(integer(Alias::new(other)))
                    .col(integer(Alias::new("board_id")))
                    .primary_key(
                        Index::create()
                            .col(Alias::new("card_id"))
                            .col(Alias::new(other)),
                    )
                    .to_owned(),
            )
            .await?;
            let name = format!("idx_{table}_board");
            m.create_index(index(&name, Alias::new(table), &["board_id"]))
                .await?;
        }
        m.create_table(
            Table::create()
                .table(ChecklistItems::Table)
                .col(pk_auto(ChecklistItems::Id))
                .col(integer(ChecklistItems::CardId))
                .col(string(ChecklistItems::Text))
                .col(boolean(ChecklistItems::Done).default(false))
                .col(rank(ChecklistItems::Rank, postgres))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "idx_checklist_items_card",
            ChecklistItems::Table,
            &["card_id", "rank"],
        ))
        .await?;
        m.create_table(
            Table::create()
                .table(CardComments::Table)
                .col(big_id(CardComments::Id))
                .col(integer(CardComments::CardId))
                .col(integer(CardComments::AuthorId))
                .col(text(CardComments::Body))
                .col(big_integer(CardComments::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "idx_card_comments_card",
            CardComments::Table,
            &["card_id", "id"],
        ))
        .await?;
        m.create_table(
            Table::create()
                .table(CardLinks::Table)
                .col(pk_auto(CardLinks::Id))
                .col(integer(CardLinks::CardId))
                .col(string_len(CardLinks::Url, 2048))
                .col(string(CardLinks::Title))
                .to_owned(),
        )
        .await?;
        m.create_index(index("idx_card_links_card", CardLinks::Table, &["card_id"]))
            .await?;
        m.create_table(
            Table::create()
                .table(CardActivity::Table)
                .col(big_id(CardActivity::Id))
                .col(integer(CardActivity::BoardId))
                .col(integer(CardActivity::CardId))
                .col(integer_null(CardActivity::ActorId))
                .col(text(CardActivity::Line))
                .col(big_integer(CardActivity::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "idx_card_activity_card",
            CardActivity::Table,
            &["card_id", "id"],
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "card_activity",
            "card_links",
            "card_comments",
            "checklist_items",
            "card_assignees",
            "card_labels",
            "board_labels",
            "cards",
            "board_columns",
            "board_members",
            "boards",
        ] {
            m.drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Boards {
    Table,
    Id,
    Kind,
    GigId,
    OwnerId,
    Title,
    CreatedAt,
}

#[derive(DeriveIden)]
enum BoardMembers {
    Table,
    BoardId,
    UserId,
    AddedAt,
}

#[derive(DeriveIden)]
enum BoardColumns {
    Table,
    Id,
    BoardId,
    Name,
    Rank,
    WipLimit,
    Archived,
    Version,
}

#[derive(DeriveIden)]
enum Cards {
    Table,
    Id,
    BoardId,
    ColumnId,
    Rank,
    Title,
    Description,
    Cover,
    DueOn,
    MilestoneId,
    State,
    Version,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum BoardLabels {
    Table,
    Id,
    BoardId,
    Name,
    Color,
}

#[derive(DeriveIden)]
enum ChecklistItems {
    Table,
    Id,
    CardId,
    Text,
    Done,
    Rank,
}

#[derive(DeriveIden)]
enum CardComments {
    Table,
    Id,
    CardId,
    AuthorId,
    Body,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CardLinks {
    Table,
    Id,
    CardId,
    Url,
    Title,
}

#[derive(DeriveIden)]
enum CardActivity {
    Table,
    Id,
    BoardId,
    CardId,
    ActorId,
    Line,
    CreatedAt,
}
