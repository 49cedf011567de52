//! Reading and writing profiles and their lists.

use crate::accounts::server::now;
use crate::entity::{
    client_profile, credential, freelancer_profile, portfolio_item, profile_role, profile_skill,
    skill, user, user_language,
};
use crate::error::{AppError, FormErrors};
use crate::market::{
    Availability, FreelancerKind, Level, Proficiency, ProfileStatus, TeachingFormat,
};
use crate::profiles::model::{
    ClientProfile, CredentialEntry, FreelancerProfile, LanguageEntry, PortfolioEntry,
};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder,
};

/// The stored freelancer profile row, if any.
pub async fn find_row(
    db: &impl ConnectionTrait,
    user_id: i32,
) -> Result<Option<freelancer_profile::Model>, AppError> {
    Ok(freelancer_profile::Entity::find_by_id(user_id)
        .one(db)
        .await?)
}

/// Creates a draft profile of `kind` for `user_id`, or changes the kind of an existing one.
pub async fn ensure_profile(
    db: &impl ConnectionTrait,
    user_id: i32,
    kind: FreelancerKind,
) -> Result<freelancer_profile::Model, AppError> {
    let now = now();
    if let Some(row) = find_row(db, user_id).await? {
        if row.kind == kind.as_str() {
            return Ok(row);
        }
        let mut active: freelancer_profile::ActiveModel = row.into();
        active.kind = Set(kind.as_str().into());
        active.updated_at = Set(now);
        return Ok(active.update(db).await?);
    }
    Ok(freelancer_profile::ActiveModel {
        user_id: Set(user_id),
        kind: Set(kind.as_str().into()),
        tagline: Set(String::new()),
        bio: Set(String::new()),
        city: Set(String::new()),
        country: Set(String::new()),
        hourly_rate_cents: Set(None),
        currency: Set("USD".into()),
        availability: Set(String::new()),
        years_experience: Set(0),
        experience: Set(String::new()),
        teaching_format: Set(String::new()),
        teaching_levels: Set(String::new()),
        status: Set(ProfileStatus::Draft.as_str().into()),
        rejection_reason: Set(String::new()),
        onboarding_step: Set(0),
        rating_avg: Set(None),
        review_count: Set(0),
        submitted_at: Set(None),
        reviewed_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        revision: Set(0),
        approved_digest: Set(String::new()),
        hidden_at: Set(None),
    }
    .insert(db)
    .await?)
}

/// Saves changes to the profile row, records onboarding progress and bumps
/// the revision (an admin's decision applies to the revision they saw). The
/// write applies only to the revision `active` was read at: a save made
/// meanwhile (another tab) is a conflict, never silently merged.
pub async fn update_row(
    db: &impl ConnectionTrait,
    mut active: freelancer_profile::ActiveModel,
    completed_steps: i32,
) -> Result<freelancer_profile::Model, AppError> {
    fn read<V>(value: &sea_orm::ActiveValue<V>) -> V
    where
        V: Copy + Default + Into<sea_orm::Value>,
    {
        match value {
            sea_orm::ActiveValue::Set(v) | sea_orm::ActiveValue::Unchanged(v) => *v,
            sea_orm::ActiveValue::NotSet => V::default(),
        }
    }
    let (user_id, revision) = (read(&active.user_id), read(&active.revision));
    active.onboarding_step = Set(read(&active.onboarding_step).max(completed_steps));
    active.revision = Set(revision + 1);
    active.updated_at = Set(now());
    let updated = freelancer_profile::Entity::update_many()
        .set(active)
        .filter(freelancer_profile::Column::UserId.eq(user_id))
        .filter(freelancer_profile::Column::Revision.eq(revision))
        .exec(db)
        .await?;
    if updated.rows_affected != 1 {
        return Err(AppError::Conflict(FormErrors::new().with_form(
            "Your profile was changed at the same time in another window. Reload it and try again.",
        )));
    }
    find_row(db, user_id).await?.ok_or(AppError::NotFound)
}

/// Ids of `skills` (display name, key), creating the ones never used before.
pub async fn upsert_skills(
    db: &impl ConnectionTrait,
    skills: &[(String, String)],
) -> Result<Vec<i32>, AppError> {
    if skills.is_empty() {
        return Ok(Vec::new());
    }
    for (name, slug) in skills {
        skill::Entity::insert(skill::ActiveModel {
            name: Set(name.clone()),
            slug: Set(slug.clone()),
            ..Default::default()
        })
        .on_conflict(
            OnConflict::column(skill::Column::Slug)
                .do_nothing()
                .to_owned(),
        )
        .do_nothing()
        .exec(db)
        .await?;
    }
    let slugs: Vec<String> = skills.iter().map(|(_, s)| s.clone()).collect();
    let rows = skill::Entity::find()
        .filter(skill::Column::Slug.is_in(slugs.clone()))
        .all(db)
        .await?;
    Ok(slugs
        .iter()
        .filter_map(|slug| rows.iter().find(|r| &r.slug == slug).map(|r| r.id))
        .collect())
}

/// Replaces a profile's roles.
pub async fn set_roles(
    db: &impl ConnectionTrait,
    user_id: i32,
    roles: &[String],
) -> Result<(), AppError> {
    profile_role::Entity::delete_many()
        .filter(profile_role::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    if !roles.is_empty() {
        profile_role::Entity::insert_many(roles.iter().enumerate().map(|(i, role)| {
            profile_role::ActiveModel {
                user_id: Set(user_id),
                role_id: Set(role.clone()),
                position: Set(i as i32),
            }
        }))
        .exec(db)
        .await?;
    }
    Ok(())
}

/// Replaces a profile's skills.
pub async fn set_skills(
    db: &impl ConnectionTrait,
    user_id: i32,
    skills: &[(String, String)],
) -> Result<(), AppError> {
    let ids = upsert_skills(db, skills).await?;
    profile_skill::Entity::delete_many()
        .filter(profile_skill::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    if !ids.is_empty() {
        profile_skill::Entity::insert_many(ids.into_iter().map(|skill_id| {
            profile_skill::ActiveModel {
                user_id: Set(user_id),
                skill_id: Set(skill_id),
            }
        }))
        .exec(db)
        .await?;
    }
    Ok(())
}

/// Replaces an account's languages.
pub async fn set_languages(
    db: &impl ConnectionTrait,
    user_id: i32,
    languages: &[LanguageEntry],
) -> Result<(), AppError> {
    user_language::Entity::delete_many()
        .filter(user_language::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    if !languages.is_empty() {
        user_language::Entity::insert_many(languages.iter().map(|l| user_language::ActiveModel {
            user_id: Set(user_id),
            language: Set(l.language.clone()),
            proficiency: Set(l.proficiency.as_str().into()),
        }))
        .exec(db)
        .await?;
    }
    Ok(())
}

/// Replaces a profile's education and certificates.
pub async fn set_credentials(
    db: &impl ConnectionTrait,
    user_id: i32,
    credentials: &[CredentialEntry],
) -> Result<(), AppError> {
    credential::Entity::delete_many()
        .filter(credential::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    if !credentials.is_empty() {
        credential::Entity::insert_many(credentials.iter().map(|c| credential::ActiveModel {
            user_id: Set(user_id),
            kind: Set(c.kind.clone()),
            title: Set(c.title.clone()),
            institution: Set(c.institution.clone()),
            year: Set(c.year),
            ..Default::default()
        }))
        .exec(db)
        .await?;
    }
    Ok(())
}

/// Replaces a profile's portfolio.
pub async fn set_portfolio(
    db: &impl ConnectionTrait,
    user_id: i32,
    items: &[PortfolioEntry],
) -> Result<(), AppError> {
    portfolio_item::Entity::delete_many()
        .filter(portfolio_item::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    if !items.is_empty() {
        portfolio_item::Entity::insert_many(items.iter().enumerate().map(|(i, p)| {
            portfolio_item::ActiveModel {
                user_id: Set(user_id),
                title: Set(p.title.clone()),
                url: Set(p.url.clone()),
                description: Set(p.description.clone()),
                thumbnail_url: Set(p.thumbnail_url.clone()),
                position: Set(i as i32),
                ..Default::default()
            }
        }))
        .exec(db)
        .await?;
    }
    Ok(())
}

/// An account's languages.
pub async fn languages(
    db: &impl ConnectionTrait,
    user_id: i32,
) -> Result<Vec<LanguageEntry>, AppError> {
    Ok(user_language::Entity::find()
        .filter(user_language::Column::UserId.eq(user_id))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|l| {
            Some(LanguageEntry {
                language: l.language,
                proficiency: Proficiency::parse(&l.proficiency)?,
            })
        })
        .collect())
}

/// The names of a profile's skills, alphabetically.
pub async fn skill_names(db: &impl ConnectionTrait, user_id: i32) -> Result<Vec<String>, AppError> {
    let ids: Vec<i32> = profile_skill::Entity::find()
        .filter(profile_skill::Column::UserId.eq(user_id))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.skill_id)
        .collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(skill::Entity::find()
        .filter(skill::Column::Id.is_in(ids))
        .order_by_asc(skill::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.name)
        .collect())
}

/// Splits a stored comma list of levels.
fn levels(stored: &str) -> Vec<Level> {
    stored.split(',').filter_map(Level::parse).collect()
}

/// The whole freelancer profile of `user_id`, if there is one.
pub async fn load_freelancer(
    db: &impl ConnectionTrait,
    user_id: i32,
) -> Result<Option<FreelancerProfile>, AppError> {
    let Some(row) = find_row(db, user_id).await? else {
        return Ok(None);
    };
    let Some(account) = user::Entity::find_by_id(user_id).one(db).await? else {
        return Ok(None);
    };
    let roles = profile_role::Entity::find()
        .filter(profile_role::Column::UserId.eq(user_id))
        .order_by_asc(profile_role::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.role_id)
        .collect();
    let skills = skill_names(db, user_id).await?;
    let credentials = credential::Entity::find()
        .filter(credential::Column::UserId.eq(user_id))
        .order_by_asc(credential::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|c| CredentialEntry {
            kind: c.kind,
            title: c.title,
            institution: c.institution,
            year: c.year,
        })
        .collect();
    let portfolio = portfolio_item::Entity::find()
        .filter(portfolio_item::Column::UserId.eq(user_id))
        .order_by_asc(portfolio_item::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|p| PortfolioEntry {
            title: p.title,
            url: p.url,
            description: p.description,
            thumbnail_url: p.thumbnail_url,
        })
        .collect();
    Ok(Some(FreelancerProfile {
        user_id,
        username: account.username,
        display_name: account.display_name,
        kind: FreelancerKind::parse(&row.kind).unwrap_or(FreelancerKind::Freelance),
        tagline: row.tagline,
        bio: row.bio,
        city: row.city,
        country: row.country,
        hourly_rate_cents: row.hourly_rate_cents,
        currency: row.currency,
        availability: Availability::parse(&row.availability),
        years_experience: row.years_experience,
        experience: row.experience,
        teaching_format: TeachingFormat::parse(&row.teaching_format),
        teaching_levels: levels(&row.teaching_levels),
        roles,
        skills,
        languages: languages(db, user_id).await?,
        credentials,
        portfolio,
        status: ProfileStatus::parse(&row.status).unwrap_or(ProfileStatus::Draft),
        rejection_reason: row.rejection_reason,
        onboarding_step: row.onboarding_step,
        rating_avg: row.rating_avg,
        review_count: row.review_count,
        member_since: account.created_at,
    }))
}

/// The client profile of an account (empty fields when never filled in).
pub async fn load_client(
    db: &impl ConnectionTrait,
    account: &user::Model,
) -> Result<ClientProfile, AppError> {
    let row = client_profile::Entity::find_by_id(account.id)
        .one(db)
        .await?;
    let (city, country, about, learning_goals) = row
        .map(|r| (r.city, r.country, r.about, r.learning_goals))
        .unwrap_or_default();
    Ok(ClientProfile {
        user_id: account.id,
        username: account.username.clone(),
        display_name: account.display_name.clone(),
        city,
        country,
        about,
        learning_goals,
        languages: languages(db, account.id).await?,
        member_since: account.created_at,
        rating_avg: None,
        reviews: Vec::new(),
        is_own: false,
    })
}

/// Creates or replaces an account's client profile fields.
pub async fn save_client(
    db: &impl ConnectionTrait,
    user_id: i32,
    city: &str,
    country: &str,
    about: &str,
    learning_goals: &str,
) -> Result<(), AppError> {
    let now = now();
    client_profile::Entity::insert(client_profile::ActiveModel {
        user_id: Set(user_id),
        city: Set(city.into()),
        country: Set(country.into()),
        about: Set(about.into()),
        learning_goals: Set(learning_goals.into()),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(client_profile::Column::UserId)
            .update_columns([
                client_profile::Column::City,
                client_profile::Column::Country,
                client_profile::Column::About,
                client_profile::Column::LearningGoals,
                client_profile::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec(db)
    .await?;
    Ok(())
}
