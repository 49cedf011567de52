//! Demo accounts and their profiles.

use super::data::{ClientSeed, FreelancerSeed};
use app::accounts::server::{now, repo as accounts};
use app::entity::freelancer_profile;
use app::error::AppError;
use app::market::{FreelancerKind, Proficiency, ProfileStatus};
use app::profiles::model::{CredentialEntry, LanguageEntry, PortfolioEntry};
use app::profiles::server::repo;
use app::profiles::steps::flow;
use app::search::index::index_freelancer;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};

/// Languages of a seed, skipping unknown proficiencies.
pub fn languages(seeds: &[super::data::LanguageSeed]) -> Vec<LanguageEntry> {
    seeds
        .iter()
        .filter_map(|l| {
            Some(LanguageEntry {
                language: l.language.clone(),
                proficiency: Proficiency::parse(&l.proficiency)?,
            })
        })
        .collect()
}

/// Creates an account with the shared demo password hash.
pub async fn account(
    db: &impl ConnectionTrait,
    username: &str,
    display_name: &str,
    password_hash: &str,
    client: bool,
    freelancer: bool,
) -> Result<app::entity::user::Model, AppError> {
    accounts::insert(
        db,
        accounts::NewUser {
            email: format!("{username}@demo.guild"),
            username: username.to_string(),
            display_name: display_name.to_string(),
            password_hash: password_hash.to_string(),
            has_client: client,
            has_freelancer: freelancer,
            is_super_admin: false,
        },
    )
    .await
    .map_err(|e| e.err().unwrap_or(AppError::Internal))
}

/// Gives `user_id` an approved freelancer profile from `seed` and indexes it.
pub async fn freelancer_profile(
    db: &impl ConnectionTrait,
    user_id: i32,
    seed: &FreelancerSeed,
) -> Result<(), AppError> {
    let kind = FreelancerKind::parse(&seed.kind).unwrap_or(FreelancerKind::Freelance);
    let row = repo::ensure_profile(db, user_id, kind).await?;
    let now = now();
    let mut active: freelancer_profile::ActiveModel = row.into();
    active.tagline = Set(seed.tagline.clone());
    active.bio = Set(seed.bio.clone());
    active.city = Set(seed.city.clone());
    active.country = Set(seed.country.clone());
    active.hourly_rate_cents = Set(Some(seed.hourly_rate * 100));
    active.currency = Set(seed.currency.clone());
    active.availability = Set(seed.availability.clone());
    active.years_experience = Set(seed.years_experience);
    active.experience = Set(seed.experience.clone());
    if kind.teaches() {
        active.teaching_format = Set(seed
            .teaching_format
            .clone()
            .unwrap_or_else(|| "online".into()));
        let levels = if seed.teaching_levels.is_empty() {
            vec!["beginner".to_string(), "intermediate".to_string()]
        } else {
            seed.teaching_levels.clone()
        };
        active.teaching_levels = Set(levels.join(","));
    }
    active.status = Set(ProfileStatus::Approved.as_str().into());
    active.onboarding_step = Set(flow(kind).len() as i32);
    active.submitted_at = Set(Some(now));
    active.reviewed_at = Set(Some(now));
    active.updated_at = Set(now);
    active.update(db).await?;
    repo::set_roles(db, user_id, &seed.roles).await?;
    let skills: Vec<(String, String)> = seed
        .skills
        .iter()
        .map(|s| (s.clone(), s.to_lowercase()))
        .collect();
    repo::set_skills(db, user_id, &skills).await?;
    repo::set_languages(db, user_id, &languages(&seed.languages)).await?;
    let credentials: Vec<CredentialEntry> = seed
        .education
        .iter()
        .map(|c| CredentialEntry {
            kind: c.kind.clone(),
            title: c.title.clone(),
            institution: c.institution.clone(),
            year: c.year,
        })
        .collect();
    repo::set_credentials(db, user_id, &credentials).await?;
    let portfolio: Vec<PortfolioEntry> = seed
        .portfolio
        .iter()
        .map(|p| PortfolioEntry {
            title: p.title.clone(),
            url: p.url.clone(),
            description: p.description.clone(),
            thumbnail_url: None,
        })
        .collect();
    repo::set_portfolio(db, user_id, &portfolio).await?;
    approve_as_seeded(db, user_id).await?;
    index_freelancer(db, user_id).await?;
    Ok(())
}

/// Records the seeded profile's public text as the approved version, as an
/// admin's approval would.
async fn approve_as_seeded(db: &impl ConnectionTrait, user_id: i32) -> Result<(), AppError> {
    let row = repo::find_row(db, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let digest = app::profiles::server::moderation::public_text_digest(db, &row).await?;
    let mut active: freelancer_profile::ActiveModel = row.into();
    active.approved_digest = Set(digest);
    active.update(db).await?;
    Ok(())
}

/// Saves a client profile from `seed`.
pub async fn client_profile(
    db: &impl ConnectionTrait,
    user_id: i32,
    seed: &ClientSeed,
) -> Result<(), AppError> {
    repo::save_client(
        db,
        user_id,
        &seed.city,
        &seed.country,
        &seed.about,
        &seed.learning_goals,
    )
    .await?;
    repo::set_languages(db, user_id, &languages(&seed.languages)).await
}
