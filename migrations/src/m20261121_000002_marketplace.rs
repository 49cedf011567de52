//! The marketplace: taxonomy, profiles, gigs, proposals, contracts, the
//! earnings ledger, reviews, bookmarks and conversations.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The role taxonomy shipped with the app (`app/data/roles/roles.csv`).
const ROLES_CSV: &str = include_str!("../../app/data/roles/roles.csv");

fn fk(
    from: (impl IntoIden + 'static, impl IntoIden + 'static),
    to: (impl IntoIden + 'static, impl IntoIden + 'static),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

async fn index(
    m: &SchemaManager<'_>,
    name: &str,
    table: impl IntoIden + 'static,
    cols: &[&str],
    unique: bool,
) -> Result<(), DbErr> {
    let mut idx = Index::create();
    idx.name(name).table(table).if_not_exists();
    for col in cols {
        idx.col(Alias::new(*col));
    }
    if unique {
        idx.unique();
    }
    m.create_index(idx.to_owned()).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Roles::Table)
                .if_not_exists()
                .col(string_len(Roles::Id, 64).primary_key())
                .col(string_len(Roles::Name, 80))
                .col(string_len(Roles::Category, 32))
                .col(text(Roles::Covers))
                .col(integer(Roles::Position))
                .to_owned(),
        )
        .await?;
        seed_roles(m).await?;

        m.create_table(
            Table::create()
                .table(Skills::Table)
                .if_not_exists()
                .col(pk_auto(Skills::Id))
                .col(string_len(Skills::Name, 60))
                .col(string_len_uniq(Skills::Slug, 60))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(FreelancerProfiles::Table)
                .if_not_exists()
                .col(integer(FreelancerProfiles::UserId).primary_key())
                .col(string_len(FreelancerProfiles::Kind, 16))
                .col(string_len(FreelancerProfiles::Tagline, 120).default(""))
                .col(text(FreelancerProfiles::Bio).default(""))
                .col(string_len(FreelancerProfiles::City, 80).default(""))
                .col(string_len(FreelancerProfiles::Country, 2).default(""))
                .col(big_integer_null(FreelancerProfiles::HourlyRateCents))
                .col(string_len(FreelancerProfiles::Currency, 3).default("USD"))
                .col(string_len(FreelancerProfiles::Availability, 16).default(""))
                .col(integer(FreelancerProfiles::YearsExperience).default(0))
                .col(text(FreelancerProfiles::Experience).default(""))
                .col(string_len(FreelancerProfiles::TeachingFormat, 16).default(""))
                .col(string_len(FreelancerProfiles::TeachingLevels, 64).default(""))
                .col(string_len(FreelancerProfiles::Status, 16))
                .col(text(FreelancerProfiles::RejectionReason).default(""))
                .col(integer(FreelancerProfiles::OnboardingStep).default(0))
                .col(double_null(FreelancerProfiles::RatingAvg))
                .col(integer(FreelancerProfiles::ReviewCount).default(0))
                .col(big_integer_null(FreelancerProfiles::SubmittedAt))
                .col(big_integer_null(FreelancerProfiles::ReviewedAt))
                .col(big_integer(FreelancerProfiles::CreatedAt))
                .col(big_integer(FreelancerProfiles::UpdatedAt))
                .foreign_key(&mut fk(
                    (FreelancerProfiles::Table, FreelancerProfiles::UserId),
                    (Users::Table, Users::Id),
                ))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "idx_fp_status_rating",
            FreelancerProfiles::Table,
            &["status", "rating_avg"],
            false,
        )
        .await?;
        index(
            m,
            "idx_fp_status_rate",
            FreelancerProfiles::Table,
            &["status", "hourly_rate_cents"],
            false,
        )
        .await?;

        m.create_table(
            Table::create()
                .table(ProfileRoles::Table)
                .if_not_exists()
                .col(integer(ProfileRoles::UserId))
                .col(string_len(ProfileRoles::RoleId, 64))
                .col(integer(ProfileRoles::Position).default(0))
                .primary_key(
                    Index::create()
                        .col(ProfileRoles::UserId)
                        .col(ProfileRoles::RoleId),
                )
                .foreign_key(&mut fk(
                    (ProfileRoles::Table, ProfileRoles::UserId),
                    (Users::Table, Users::Id),
                ))
                .foreign_key(&mut fk(
                    (ProfileRoles::Table, ProfileRoles::RoleId),
                    (Roles::Table, Roles::Id),
                ))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "idx_profile_roles_role",
            ProfileRoles::Table,
            &["role_id", "user_id"],
            false,
        )
        .await?;

        m.create_table(
            Table::create()
                .table(ProfileSkills::Table)
                .if_not_exists()
                .col(integer(ProfileSkills::UserId))
                .col(integer(ProfileSkills::SkillId))
                .primary_key(
                    Index::create()
                        .col(ProfileSkills::UserId)
                        .col(ProfileSkills::SkillId),
                )
                .foreign_key(&mut fk(
                    (ProfileSkills::Table, ProfileSkills::UserId),
                    (Users::Table, Users::Id),
                ))
                .foreign_key(&mut fk(
                    (ProfileSkills::Table, ProfileSkills::SkillId),
                    (Skills::Table, Skills::Id),
                ))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "idx_profile_skills_skill",
            ProfileSkills::Table,
            &["skill_id", "user_id"],
            false,
        )
        .await?;

        m.create_table(
            Table::create()
                .table(UserLanguages::Table)
                .if_not_exists()
                .col(integer(UserLanguages::UserId))
                .col(string_len(UserLanguages::Language, 40))
                .col(string_len(UserLanguages::Proficiency, 16))
                .primary_key(
                    Index::create()
                        .col(UserLanguages::UserId)
                        .col(UserLanguages::Language),
                )
                .foreign_key(&mut fk(
                    (UserLanguages::Table, UserLanguages::UserId),
                    (Users::Table, Users::Id),
                ))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "idx_user_languages_language",
            UserLanguages::Table,
            &["language", "user_id"],
            false,
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Credentials::Table)
                .if_not_exists()
                .col(pk_auto(Credentials::Id))
                .col(integer(Credentials::UserId))
                .col(string_len(Credentials::Kind, 16))
                .col(string_len(Credentials::Title, 120))
                .col(string_len(Credentials::Institution, 120).default(""))
                .col(integer_null(Credentials::Year))
                .foreign_key(&mut fk(
                    (Credentials::Table, Credentials::UserId),
                    (Users::Table, Users::Id),
                ))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "idx_credentials_user",
            Credentials::Table,
            &["user_id"],
            false,
        )
        .await?;

        m.create_table(
            Table::create()
                .table(PortfolioItems::Table)
                .if_not_exists()
                .col(pk_auto(PortfolioItems::Id))
                .col(integer(PortfolioItems::UserId))
                .col(string_len(PortfolioItems::Title, 120))
                .col(string_len(PortfolioItems::Url, 2048))
                .col(text(PortfolioItems::Description).default(""))
                .col(string_len_null(PortfolioItems::ThumbnailUrl, 2048))
                .col(integer(PortfolioItems::Position).default(0))
                .foreign_key(&mut fk(
                    (PortfolioItems::Table, PortfolioItems::UserId),
                    (Users::Table, Users::Id),
                ))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "idx_portfolio_user",
            PortfolioItems::Table,
            &["user_id"],
            false,
        )
        .await?;

        m.create_table(
            Table::create()
                .table(ClientProfiles::Table)
                .if_not_exists()
                .col(integer(ClientProfiles::UserId).primary_key())
                .col(string_len(ClientProfiles::City, 80).default(""))
                .col(string_len(ClientProfiles::Country, 2).default(""))
                .col(text(ClientProfiles::About).default(""))
                .col(text(ClientProfiles::LearningGoals).default(""))
                .col(big_integer(ClientProfiles::CreatedAt))
                .col(big_integer(ClientProfiles::UpdatedAt))
                .foreign_key(&mut fk(
                    (ClientProfiles::Table, ClientProfiles::UserId),
                    (Users::Table, Users::Id),
                ))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Gigs::Table)
                .if_not_exists()
                .col(pk_auto(Gigs::Id))
                .col(integer(Gigs::OwnerId))
                .col(string_len(Gigs::Kind, 16))
                .col(string_len(Gigs::Title, 120))
                .col(text(Gigs::Description))
                .col(string_len(Gigs::BudgetType, 16))
                .col(big_integer(Gigs::BudgetMinCents))
                .col(big_integer(Gigs::BudgetMaxCents))
                .col(string_len(Gigs::Currency, 3))
                .col(string_len_null(Gigs::Deadline, 10))
                .col(string_len(Gigs::Visibility, 16))
                .col(boolean(Gigs::Remote).default(true))
                .col(string_len(Gigs::City, 80).default(""))
                .col(string_len(Gigs::Country, 2).default(""))
                .col(string_len(Gigs::Subject, 120).default(""))
                .col(string_len(Gigs::Level, 16).default(""))
                .col(text(Gigs::Goals).default(""))
                .col(integer_null(Gigs::SessionsWanted))
                .col(string_len(Gigs::Status, 16))
                .col(text(Gigs::RejectionReason).default(""))
                .col(big_integer(Gigs::CreatedAt))
                .col(big_integer(Gigs::UpdatedAt))
                .col(big_integer_null(Gigs::PublishedAt))
                .foreign_key(&mut fk(
                    (Gigs::Table, Gigs::OwnerId),
                    (Users::Table, Users::Id),
                ))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "idx_gigs_status_published",
            Gigs::Table,
            &["status", "published_at"],
            false,
        )
        .await?;
        index(m, "idx_gigs_owner", Gigs::Table, &["owner_id"], false).await?;

        m.create_table(
            Table::create()
                .table(GigRoles::Table)
                .if_not_exists()
                .col(integer(GigRoles::GigId))
                .col(string_len(GigRoles::RoleId, 64))
                .primary_key(Index::create().col(GigRoles::GigId).col(GigRoles::RoleId))
                .foreign_key(&mut fk(
                    (GigRoles::Table, GigRoles::GigId),
                    (Gigs::Table, Gigs::Id),
                ))
                .foreign_key(&mut fk(
                    (GigRoles::Table, GigRoles::RoleId),
                    (Roles::Table, Roles::Id),
                ))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "idx_gig_roles_role",
            GigRoles::Table,
            &["role_id", "gig_id"],
            false,
        )
        .await?;

        m.create_table(
            Table::create()
                .table(GigSkills::Table)
                .if_not_exists()
                .col(integer(GigSkills::GigId))
                .col(integer(GigSkills::SkillId))
                .primary_key(
                    Index::create()
                        .col(GigSkills::GigId)
                        .col(GigSkills::SkillId),
                )
                .foreign_key(&mut fk(
                    (GigSkills::Table, GigSkills::GigId),
                    (Gigs::Table, Gigs::Id),
                ))
                .foreign_key(&mut fk(
                    (GigSkills::Table, GigSkills::SkillId),
                    (Skills::Table, Skills::Id),
                ))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "idx_gig_skills_skill",
            GigSkills::Table,
            &["skill_id", "gig_id"],
            false,
        )
        .await?;

        m.create_table(
            Table::create()
                .table(SavedGigs::Table)
                .if_not_exists()
                .col(integer(SavedGigs::UserId))
                .col(integer(SavedGigs::GigId))
                .col(big_integer(SavedGigs::CreatedAt))
                .primary_key(Index::create().col(SavedGigs::UserId).col(SavedGigs::GigId))
                .foreign_key(&mut fk(
                    (SavedGigs::Table, SavedGigs::UserId),
                    (Users::Table, Users::Id),
                ))
                .foreign_key(&mut fk(
                    (SavedGigs::Table, SavedGigs::GigId),
                    (Gigs::Table, Gigs::Id),
                ))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(SavedTalent::Table)
                .if_not_exists()
                .col(integer(SavedTalent::UserId))
                .col(integer(SavedTalent::FreelancerId))
                .col(big_integer(SavedTalent::CreatedAt))
                .primary_key(
                    Index::create()
                        .col(SavedTalent::UserId)
                        .col(SavedTalent::FreelancerId),
                )
                .foreign_key(&mut fk(
                    (SavedTalent::Table, SavedTalent::UserId),
                    (Users::Table, Users::Id),
                ))
                .foreign_key(&mut fk(
                    (SavedTalent::Table, SavedTalent::FreelancerId),
                    (Users::Table, Users::Id),
                ))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Proposals::Table)
                .if_not_exists()
                .col(pk_auto(Proposals::Id))
                .col(integer(Proposals::GigId))
                .col(integer(Proposals::FreelancerId))
                .col(text(Proposals::CoverLetter))
                .col(string_len(Proposals::PriceType, 16))
                .col(big_integer(Proposals::AmountCents))
                .col(integer_null(Proposals::Sessions))
                .col(integer(Proposals::DurationDays))
                .col(string_len(Proposals::Status, 16))
                .col(text(Proposals::RejectionReason).default(""))
                .col(big_integer(Proposals::CreatedAt))
                .col(big_integer(Proposals::UpdatedAt))
                .foreign_key(&mut fk(
                    (Proposals::Table, Proposals::GigId),
                    (Gigs::Table, Gigs::Id),
                ))
                .foreign_key(&mut fk(
                    (Proposals::Table, Proposals::FreelancerId),
                    (Users::Table, Users::Id),
                ))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "idx_proposals_gig",
            Proposals::Table,
            &["gig_id", "status"],
            false,
        )
        .await?;
        index(
            m,
            "idx_proposals_freelancer",
            Proposals::Table,
            &["freelancer_id", "status"],
            false,
        )
        .await?;
        // One active proposal per gig and person, enforced by the database too.
        m.get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX IF NOT EXISTS ux_proposals_active ON proposals (gig_id, freelancer_id) \
                 WHERE status IN ('pending', 'shortlisted')",
            )
            .await?;

        m.create_table(
            Table::create()
                .table(Contracts::Table)
                .if_not_exists()
                .col(pk_auto(Contracts::Id))
                .col(integer(Contracts::GigId))
                .col(integer(Contracts::ProposalId).unique_key())
                .col(integer(Contracts::ClientId))
                .col(integer(Contracts::FreelancerId))
                .col(string_len(Contracts::Title, 120))
                .col(string_len(Contracts::PriceType, 16))
                .col(big_integer(Contracts::AmountCents))
                .col(string_len(Contracts::Currency, 3))
                .col(string_len(Contracts::Status, 16))
                .col(integer_null(Contracts::CancelRequestedBy))
                .col(big_integer(Contracts::CreatedAt))
                .col(big_integer_null(Contracts::CompletedAt))
                .col(big_integer_null(Contracts::CancelledAt))
                .foreign_key(&mut fk(
                    (Contracts::Table, Contracts::GigId),
                    (Gigs::Table, Gigs::Id),
                ))
                .foreign_key(&mut fk(
                    (Contracts::Table, Contracts::ProposalId),
                    (Proposals::Table, Proposals::Id),
                ))
                .foreign_key(&mut fk(
                    (Contracts::Table, Contracts::ClientId),
                    (Users::Table, Users::Id),
                ))
                .foreign_key(&mut fk(
                    (Contracts::Table, Contracts::FreelancerId),
                    (Users::Table, Users::Id),
                ))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "idx_contracts_client",
            Contracts::Table,
            &["client_id", "status"],
            false,
        )
        .await?;
        index(
            m,
            "idx_contracts_freelancer",
            Contracts::Table,
            &["freelancer_id", "status"],
            false,
        )
        .await?;
        index(m, "idx_contracts_gig", Contracts::Table, &["gig_id"], false).await?;

        m.create_table(
            Table::create()
                .table(Milestones::Table)
                .if_not_exists()
                .col(pk_auto(Milestones::Id))
                .col(integer(Milestones::ContractId))
                .col(integer(Milestones::Position))
                .col(string_len(Milestones::Title, 120))
                .col(big_integer(Milestones::AmountCents))
                .col(string_len_null(Milestones::DueDate, 10))
                .col(string_len(Milestones::Status, 16))
                .col(big_integer_null(Milestones::SubmittedAt))
                .col(big_integer_null(Milestones::ApprovedAt))
                .foreign_key(&mut fk(
                    (Milestones::Table, Milestones::ContractId),
                    (Contracts::Table, Contracts::Id),
                ))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "idx_milestones_contract",
            Milestones::Table,
            &["contract_id", "position"],
            false,
        )
        .await?;

        m.create_table(
            Table::create()
                .table(LedgerEntries::Table)
                .if_not_exists()
                .col(pk_auto(LedgerEntries::Id))
                .col(integer(LedgerEntries::ContractId))
                .col(integer(LedgerEntries::MilestoneId).unique_key())
                .col(integer(LedgerEntries::FreelancerId))
                .col(integer(LedgerEntries::ClientId))
                .col(big_integer(LedgerEntries::AmountCents))
                .col(string_len(LedgerEntries::Currency, 3))
                .col(big_integer(LedgerEntries::CreatedAt))
                .foreign_key(&mut fk(
                    (LedgerEntries::Table, LedgerEntries::ContractId),
                    (Contracts::Table, Contracts::Id),
                ))
                .foreign_key(&mut fk(
                    (LedgerEntries::Table, LedgerEntries::MilestoneId),
                    (Milestones::Table, Milestones::Id),
                ))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "idx_ledger_freelancer",
            LedgerEntries::Table,
            &["freelancer_id", "created_at"],
            false,
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Reviews::Table)
                .if_not_exists()
                .col(pk_auto(Reviews::Id))
                .col(integer(Reviews::ContractId))
                .col(integer(Reviews::ReviewerId))
                .col(integer(Reviews::RevieweeId))
                .col(integer(Reviews::Rating))
                .col(text(Reviews::Body))
                .col(big_integer(Reviews::CreatedAt))
                .col(big_integer(Reviews::VisibleAt))
                .foreign_key(&mut fk(
                    (Reviews::Table, Reviews::ContractId),
                    (Contracts::Table, Contracts::Id),
                ))
                .foreign_key(&mut fk(
                    (Reviews::Table, Reviews::ReviewerId),
                    (Users::Table, Users::Id),
                ))
                .foreign_key(&mut fk(
                    (Reviews::Table, Reviews::RevieweeId),
                    (Users::Table, Users::Id),
                ))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "ux_reviews_contract_reviewer",
            Reviews::Table,
            &["contract_id", "reviewer_id"],
            true,
        )
        .await?;
        index(
            m,
            "idx_reviews_reviewee",
            Reviews::Table,
            &["reviewee_id", "visible_at"],
            false,
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Conversations::Table)
                .if_not_exists()
                .col(pk_auto(Conversations::Id))
                .col(integer(Conversations::ClientId))
                .col(integer(Conversations::FreelancerId))
                .col(integer(Conversations::StartedBy))
                .col(big_integer(Conversations::CreatedAt))
                .foreign_key(&mut fk(
                    (Conversations::Table, Conversations::ClientId),
                    (Users::Table, Users::Id),
                ))
                .foreign_key(&mut fk(
                    (Conversations::Table, Conversations::FreelancerId),
                    (Users::Table, Users::Id),
                ))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "ux_conversations_pair",
            Conversations::Table,
            &["client_id", "freelancer_id"],
            true,
        )
        .await?;
        index(
            m,
            "idx_conversations_freelancer",
            Conversations::Table,
            &["freelancer_id"],
            false,
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "conversations",
            "reviews",
            "ledger_entries",
            "milestones",
            "contracts",
            "proposals",
            "saved_talent",
            "saved_gigs",
            "gig_skills",
            "gig_roles",
            "gigs",
            "client_profiles",
            "portfolio_items",
            "credentials",
            "user_languages",
            "profile_skills",
            "profile_roles",
            "freelancer_profiles",
            "skills",
            "roles",
        ] {
            m.drop_table(
                Table::drop()
                    .table(Alias::new(table))
                    .if_exists()
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}

async fn seed_roles(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let mut reader = csv::Reader::from_reader(ROLES_CSV.as_bytes());
    let mut insert = Query::insert();
    insert.into_table(Roles::Table).columns([
        Roles::Id,
        Roles::Name,
        Roles::Category,
        Roles::Covers,
        Roles::Position,
    ]);
    for (position, record) in reader.records().enumerate() {
        let record = record.map_err(|e| DbErr::Migration(format!("roles.csv: {e}")))?;
        insert.values_panic([
            record[0].into(),
            record[1].into(),
            record[2].into(),
            record[3].into(),
            (position as i32).into(),
        ]);
    }
    insert.on_conflict(OnConflict::column(Roles::Id).do_nothing().to_owned());
    m.exec_stmt(insert).await
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Roles {
    Table,
    Id,
    Name,
    Category,
    Covers,
    Position,
}

#[derive(DeriveIden)]
enum Skills {
    Table,
    Id,
    Name,
    Slug,
}

#[derive(DeriveIden)]
enum FreelancerProfiles {
    Table,
    UserId,
    Kind,
    Tagline,
    Bio,
    City,
    Country,
    HourlyRateCents,
    Currency,
    Availability,
    YearsExperience,
    Experience,
    TeachingFormat,
    TeachingLevels,
    Status,
    RejectionReason,
    OnboardingStep,
    RatingAvg,
    ReviewCount,
    SubmittedAt,
    ReviewedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ProfileRoles {
    Table,
    UserId,
    RoleId,
    Position,
}

#[derive(DeriveIden)]
enum ProfileSkills {
    Table,
    UserId,
    SkillId,
}

#[derive(DeriveIden)]
enum UserLanguages {
    Table,
    UserId,
    Language,
    Proficiency,
}

#[derive(DeriveIden)]
enum Credentials {
    Table,
    Id,
    UserId,
    Kind,
    Title,
    Institution,
    Year,
}

#[derive(DeriveIden)]
enum PortfolioItems {
    Table,
    Id,
    UserId,
    Title,
    Url,
    Description,
    ThumbnailUrl,
    Position,
}

#[derive(DeriveIden)]
enum ClientProfiles {
    Table,
    UserId,
    City,
    Country,
    About,
    LearningGoals,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Gigs {
    Table,
    Id,
    OwnerId,
    Kind,
    Title,
    Description,
    BudgetType,
    BudgetMinCents,
    BudgetMaxCents,
    Currency,
    Deadline,
    Visibility,
    Remote,
    City,
    Country,
    Subject,
    Level,
    Goals,
    SessionsWanted,
    Status,
    RejectionReason,
    CreatedAt,
    UpdatedAt,
    PublishedAt,
}

#[derive(DeriveIden)]
enum GigRoles {
    Table,
    GigId,
    RoleId,
}

#[derive(DeriveIden)]
enum GigSkills {
    Table,
    GigId,
    SkillId,
}

#[derive(DeriveIden)]
enum SavedGigs {
    Table,
    UserId,
    GigId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum SavedTalent {
    Table,
    UserId,
    FreelancerId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Proposals {
    Table,
    Id,
    GigId,
    FreelancerId,
    CoverLetter,
    PriceType,
    AmountCents,
    Sessions,
    DurationDays,
    Status,
    RejectionReason,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Contracts {
    Table,
    Id,
    GigId,
    ProposalId,
    ClientId,
    FreelancerId,
    Title,
    PriceType,
    AmountCents,
    Currency,
    Status,
    CancelRequestedBy,
    CreatedAt,
    CompletedAt,
    CancelledAt,
}

#[derive(DeriveIden)]
enum Milestones {
    Table,
    Id,
    ContractId,
    Position,
    Title,
    AmountCents,
    DueDate,
    Status,
    SubmittedAt,
    ApprovedAt,
}

#[derive(DeriveIden)]
enum LedgerEntries {
    Table,
    Id,
    ContractId,
    MilestoneId,
    FreelancerId,
    ClientId,
    AmountCents,
    Currency,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Reviews {
    Table,
    Id,
    ContractId,
    ReviewerId,
    RevieweeId,
    Rating,
    Body,
    CreatedAt,
    VisibleAt,
}

#[derive(DeriveIden)]
enum Conversations {
    Table,
    Id,
    ClientId,
    FreelancerId,
    StartedBy,
    CreatedAt,
}
