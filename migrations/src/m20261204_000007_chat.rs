//! Live chat: conversations become direct (two people) or team (a gig's
//! client and every freelancer hired on it), with members, messages,
//! message reports, and a per-user event log that sockets resume from.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        for column in [
            string(Conversations::Kind).default("direct").to_owned(),
            integer_null(Conversations::GigId),
            big_integer(Conversations::LastMessageId)
                .default(0)
                .to_owned(),
            big_integer(Conversations::LastActivityAt)
                .default(0)
                .to_owned(),
        ] {
            m.alter_table(
                Table::alter()
                    .table(Conversations::Table)
                    .add_column(column)
                    .to_owned(),
            )
            .await?;
        }
        m.drop_index(
            Index::drop()
                .name("ux_conversations_pair")
                .table(Conversations::Table)
                .to_owned(),
        )
        .await?;
        // One direct conversation per pair, one team conversation per gig.
        m.get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX ux_conversations_direct_pair \
                 ON conversations (client_id, freelancer_id) WHERE kind = 'direct'",
            )
            .await?;
        m.create_index(
            Index::create()
                .name("ux_conversations_gig")
                .table(Conversations::Table)
                .col(Conversations::GigId)
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(ConversationMembers::Table)
                .col(integer(ConversationMembers::ConversationId))
                .col(integer(ConversationMembers::UserId))
                .col(big_integer(ConversationMembers::LastReadId).default(0))
                .col(big_integer(ConversationMembers::JoinedAt))
                .primary_key(
                    Index::create()
                        .col(ConversationMembers::ConversationId)
                        .col(ConversationMembers::UserId),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(
                            ConversationMembers::Table,
                            ConversationMembers::ConversationId,
                        )
                        .to(Conversations::Table, Conversations::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(ConversationMembers::Table, ConversationMembers::UserId)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_conversation_members_user")
                .table(ConversationMembers::Table)
                .col(ConversationMembers::UserId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Messages::Table)
                .col(
                    ColumnDef::new(Messages::Id)
                        .big_integer()
                        .not_null()
                        .auto_increment()
                        .primary_key(),
                )
                .col(integer(Messages::ConversationId))
                .col(integer_null(Messages::SenderId))
                .col(string_null(Messages::ClientId))
                .col(string(Messages::Kind))
                .col(text(Messages::Body))
                .col(big_integer(Messages::CreatedAt))
                .col(big_integer_null(Messages::EditedAt))
                .col(big_integer_null(Messages::DeletedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Messages::Table, Messages::ConversationId)
                        .to(Conversations::Table, Conversations::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_messages_conversation")
                .table(Messages::Table)
                .col(Messages::ConversationId)
                .col(Messages::Id)
                .to_owned(),
        )
        .await?;
        // A retried send (same sender, same client id) finds the first one.
        m.create_index(
            Index::create()
                .name("ux_messages_client_id")
                .table(Messages::Table)
                .col(Messages::SenderId)
                .col(Messages::ClientId)
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(MessageReports::Table)
                .col(pk_auto(MessageReports::Id))
                .col(big_integer(MessageReports::MessageId))
                .col(integer(MessageReports::ReporterId))
                .col(text(MessageReports::Reason))
                .col(big_integer(MessageReports::CreatedAt))
                .col(big_integer_null(MessageReports::ResolvedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(MessageReports::Table, MessageReports::MessageId)
                        .to(Messages::Table, Messages::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_message_reports_reporter")
                .table(MessageReports::Table)
                .col(MessageReports::MessageId)
                .col(MessageReports::ReporterId)
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(LiveCursors::Table)
                .col(integer(LiveCursors::UserId).primary_key())
                .col(big_integer(LiveCursors::LastSeq).default(0))
                .col(big_integer(LiveCursors::PrunedThrough).default(0))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(LiveEvents::Table)
                .col(integer(LiveEvents::UserId))
                .col(big_integer(LiveEvents::Seq))
                .col(text(LiveEvents::Payload))
                .col(big_integer(LiveEvents::CreatedAt))
                .primary_key(Index::create().col(LiveEvents::UserId).col(LiveEvents::Seq))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_live_events_created")
                .table(LiveEvents::Table)
                .col(LiveEvents::CreatedAt)
                .to_owned(),
        )
        .await?;

        // Every existing direct conversation gets its two members.
        m.get_connection()
            .execute_unprepared(
                "INSERT INTO conversation_members (conversation_id, user_id, last_read_id, joined_at) \
                 SELECT id, client_id, 0, created_at FROM conversations \
                 UNION SELECT id, freelancer_id, 0, created_at FROM conversations",
            )
            .await?;
        m.get_connection()
            .execute_unprepared("UPDATE conversations SET last_activity_at = created_at * 1000")
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "live_events",
            "live_cursors",
            "message_reports",
            "messages",
            "conversation_members",
        ] {
            m.drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        m.get_connection()
            .execute_unprepared("DROP INDEX ux_conversations_direct_pair")
            .await?;
        m.drop_index(
            Index::drop()
                .name("ux_conversations_gig")
                .table(Conversations::Table)
                .to_owned(),
        )
        .await?;
        for column in [
            Conversations::Kind,
            Conversations::GigId,
            Conversations::LastMessageId,
            Conversations::LastActivityAt,
        ] {
            m.alter_table(
                Table::alter()
                    .table(Conversations::Table)
                    .drop_column(column)
                    .to_owned(),
            )
            .await?;
        }
        m.create_index(
            Index::create()
                .name("ux_conversations_pair")
                .table(Conversations::Table)
                .col(Conversations::ClientId)
                .col(Conversations::FreelancerId)
                .unique()
                .to_owned(),
        )
        .await
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Conversations {
    Table,
    Id,
    ClientId,
    FreelancerId,
    Kind,
    GigId,
    LastMessageId,
    LastActivityAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ConversationMembers {
    Table,
    ConversationId,
    UserId,
    LastReadId,
    JoinedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Messages {
    Table,
    Id,
    ConversationId,
    SenderId,
    ClientId,
    Kind,
    Body,
    CreatedAt,
    EditedAt,
    DeletedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum MessageReports {
    Table,
    Id,
    MessageId,
    ReporterId,
    Reason,
    CreatedAt,
    ResolvedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum LiveCursors {
    Table,
    UserId,
    LastSeq,
    PrunedThrough,
}

#[derive(DeriveIden, Clone, Copy)]
enum LiveEvents {
    Table,
    UserId,
    Seq,
    Payload,
    CreatedAt,
}
