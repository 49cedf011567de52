//! Onboarding steps: each validates its fields, saves them to the draft and
//! records progress; the last one submits the profile for approval.

use super::moderation::public_text_digest;
use super::repo;
use crate::entity::freelancer_profile;
use crate::error::{AppError, FormErrors};
use crate::market::countries::normalise_country;
use crate::market::languages::canonical_language;
use crate::market::money::{CURRENCIES, parse_amount};
use crate::market::skills::parse_skill_list;
use crate::market::taxonomy;
use crate::market::{
    Availability, FreelancerKind, Level, Proficiency, ProfileStatus, TeachingFormat,
};
use crate::profiles::inputs::{CredentialInput, LanguageInput, MAX_ROWS, PortfolioInput};
use crate::profiles::model::{CredentialEntry, LanguageEntry, PortfolioEntry};
use crate::profiles::steps::{self, Step};
use crate::profiles::validate::{number, validate_link};
use crate::search::index::index_freelancer;
use crate::text::{line, text};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, DatabaseConnection, DatabaseTransaction, TransactionTrait,
};

/// Most roles per profile.
pub const MAX_ROLES: usize = 3;

/// The caller's profile row, or an error telling them to start onboarding.
pub async fn profile_of(
    db: &DatabaseConnection,
    user_id: i32,
) -> Result<freelancer_profile::Model, AppError> {
    repo::find_row(db, user_id).await?.ok_or(AppError::NotFound)
}

fn kind_of(row: &freelancer_profile::Model) -> FreelancerKind {
    FreelancerKind::parse(&row.kind).unwrap_or(FreelancerKind::Freelance)
}

fn completed(row: &freelancer_profile::Model, step: Step) -> i32 {
    steps::position(kind_of(row), step).map_or(0, |i| i as i32 + 1)
}

/// Commits a step: progress is recorded, and the next step is returned. An
/// approved profile whose public text no longer matches what an admin
/// approved goes back to review (and leaves discovery until approved).
async fn finish(
    txn: DatabaseTransaction,
    row: freelancer_profile::Model,
    active: freelancer_profile::ActiveModel,
    step: Step,
) -> Result<Step, AppError> {
    let saved = repo::update_row(&txn, active, completed(&row, step)).await?;
    if saved.status == ProfileStatus::Approved.as_str() {
        if public_text_digest(&txn, &saved).await? != saved.approved_digest {
            let mut back: freelancer_profile::ActiveModel = saved.clone().into();
            back.status = Set(ProfileStatus::Pending.as_str().into());
            back.submitted_at = Set(Some(crate::accounts::server::now()));
            back.update(&txn).await?;
        }
        index_freelancer(&txn, saved.user_id).await?;
    }
    txn.commit().await?;
    Ok(steps::next(kind_of(&saved), step))
}

/// Step 1 for coaches: teaching mode, format and levels.
pub async fn save_teaching(
    db: &DatabaseConnection,
    user_id: i32,
    kind: &str,
    format: &str,
    levels: &[String],
) -> Result<Step, AppError> {
    let row = profile_of(db, user_id).await?;
    let mut errors = FormErrors::new();
    let kind = FreelancerKind::parse(kind).filter(|k| k.teaches());
    if kind.is_none() {
        errors.add(
            "kind",
            "Choose whether you only coach or also take project work.",
        );
    }
    let format = TeachingFormat::parse(format);
    if format.is_none() {
        errors.add("teaching_format", "Choose how you teach.");
    }
    let levels: Vec<Level> = levels.iter().filter_map(|l| Level::parse(l)).collect();
    if levels.is_empty() {
        errors.add("levels", "Choose at least one level you teach.");
    }
    errors.into_result()?;
    let txn = db.begin().await?;
    let mut active: freelancer_profile::ActiveModel = row.clone().into();
    active.kind = Set(kind.unwrap_or(FreelancerKind::Coaching).as_str().into());
    active.teaching_format = Set(format.map(|f| f.as_str().to_string()).unwrap_or_default());
    active.teaching_levels = Set(levels
        .iter()
        .map(|l| l.as_str())
        .collect::<Vec<_>>()
        .join(","));
    finish(txn, row, active, Step::Teaching).await
}

/// Step: roles from the taxonomy (1 to 3).
pub async fn save_roles(
    db: &DatabaseConnection,
    user_id: i32,
    roles: &[String],
) -> Result<Step, AppError> {
    let row = profile_of(db, user_id).await?;
    let mut chosen: Vec<String> = Vec::new();
    for role in roles {
        if taxonomy::role(role).is_some() && !chosen.contains(role) {
            chosen.push(role.clone());
        }
    }
    let mut errors = FormErrors::new();
    if chosen.len() != roles.iter().collect::<std::collections::HashSet<_>>().len() {
        errors.add("roles", "Choose roles from the list.");
    } else if chosen.is_empty() {
        errors.add("roles", "Choose at least one role.");
    } else if chosen.len() > MAX_ROLES {
        errors.add("roles", format!("Choose at most {MAX_ROLES} roles."));
    }
    errors.into_result()?;
    let txn = db.begin().await?;
    repo::set_roles(&txn, user_id, &chosen).await?;
    let active: freelancer_profile::ActiveModel = row.clone().into();
    finish(txn, row, active, Step::Roles).await
}

/// Step: skills, comma-separated (1 to 15).
pub async fn save_skills(
    db: &DatabaseConnection,
    user_id: i32,
    skills: &str,
) -> Result<Step, AppError> {
    let row = profile_of(db, user_id).await?;
    let mut errors = FormErrors::new();
    errors.keep("skills", skills);
    let parsed = match parse_skill_list(skills) {
        Ok(list) if list.is_empty() => {
            errors.add("skills", "Add at least one skill.");
            Vec::new()
        }
        Ok(list) => list,
        Err(message) => {
            errors.add("skills", message);
            Vec::new()
        }
    };
    errors.into_result()?;
    let txn = db.begin().await?;
    repo::set_skills(&txn, user_id, &parsed).await?;
    let active: freelancer_profile::ActiveModel = row.clone().into();
    finish(txn, row, active, Step::Skills).await
}

/// What the experience step submits.
#[derive(Debug, Clone, Default)]
pub struct ExperienceInput {
    /// One line about them.
    pub tagline: String,
    /// About them.
    pub bio: String,
    /// City.
    pub city: String,
    /// ISO country code.
    pub country: String,
    /// Years of experience, as typed.
    pub years_experience: String,
    /// Past work.
    pub experience: String,
}

/// Step: tagline, bio, location and experience.
pub async fn save_experience(
    db: &DatabaseConnection,
    user_id: i32,
    input: &ExperienceInput,
) -> Result<Step, AppError> {
    let row = profile_of(db, user_id).await?;
    let mut errors = FormErrors::new();
    errors
        .keep("tagline", &input.tagline)
        .keep("bio", &input.bio)
        .keep("city", &input.city)
        .keep("country", &input.country)
        .keep("years_experience", &input.years_experience)
        .keep("experience", &input.experience);
    let tagline = line(
        &input.tagline,
        100,
        Some("Write one line that says what you do."),
    )
    .map_err(|m| errors.add("tagline", m))
    .ok();
    let bio = text(
        &input.bio,
        3000,
        Some("Tell clients about yourself in a few sentences."),
    )
    .map_err(|m| errors.add("bio", m))
    .ok();
    let city = line(&input.city, 80, None)
        .map_err(|m| errors.add("city", m))
        .ok();
    let country = match normalise_country(&input.country) {
        Ok(c) if c.is_empty() => {
            errors.add("country", "Choose your country.");
            None
        }
        Ok(c) => Some(c),
        Err(m) => {
            errors.add("country", m);
            None
        }
    };
    let years = number(&input.years_experience, 0..=60)
        .map_err(|m| errors.add("years_experience", m))
        .ok()
        .flatten()
        .unwrap_or(0);
    let experience = text(&input.experience, 3000, None)
        .map_err(|m| errors.add("experience", m))
        .ok();
    errors.into_result()?;
    let txn = db.begin().await?;
    let mut active: freelancer_profile::ActiveModel = row.clone().into();
    active.tagline = Set(tagline.unwrap_or_default());
    active.bio = Set(bio.unwrap_or_default());
    active.city = Set(city.unwrap_or_default());
    active.country = Set(country.unwrap_or_default());
    active.years_experience = Set(years);
    active.experience = Set(experience.unwrap_or_default());
    finish(txn, row, active, Step::Experience).await
}

/// Step: education and certificates (optional, up to eight).
pub async fn save_education(
    db: &DatabaseConnection,
    user_id: i32,
    rows: &[CredentialInput],
) -> Result<Step, AppError> {
    let row = profile_of(db, user_id).await?;
    let mut errors = FormErrors::new();
    let mut entries = Vec::new();
    for (i, input) in rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.is_blank())
        .take(MAX_ROWS)
    {
        let field = |name: &str| format!("credentials[{i}][{name}]");
        errors
            .keep(&field("title"), &input.title)
            .keep(&field("institution"), &input.institution)
            .keep(&field("year"), &input.year)
            .keep(&field("kind"), &input.kind);
        let kind = if input.kind == "certificate" {
            "certificate"
        } else {
            "education"
        };
        let title = line(&input.title, 120, Some("Name the degree or certificate."))
            .map_err(|m| errors.add(&field("title"), m))
            .ok();
        let institution = line(&input.institution, 120, None)
            .map_err(|m| errors.add(&field("institution"), m))
            .ok();
        let year = number(&input.year, 1950..=2100)
            .map_err(|m| errors.add(&field("year"), m))
            .ok()
            .flatten();
        if let (Some(title), Some(institution)) = (title, institution) {
            entries.push(CredentialEntry {
                kind: kind.into(),
                title,
                institution,
                year,
            });
        }
    }
    errors.into_result()?;
    let txn = db.begin().await?;
    repo::set_credentials(&txn, user_id, &entries).await?;
    let active: freelancer_profile::ActiveModel = row.clone().into();
    finish(txn, row, active, Step::Education).await
}

/// Checks language rows; problems go into `errors` under `languages[i][…]`.
pub fn validate_languages(rows: &[LanguageInput], errors: &mut FormErrors) -> Vec<LanguageEntry> {
    let mut entries: Vec<LanguageEntry> = Vec::new();
    for (i, input) in rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.is_blank())
        .take(MAX_ROWS)
    {
        let field = |name: &str| format!("languages[{i}][{name}]");
        errors
            .keep(&field("language"), &input.language)
            .keep(&field("proficiency"), &input.proficiency);
        let Some(language) = canonical_language(&input.language) else {
            errors.add(&field("language"), "Choose a language from the list.");
            continue;
        };
        let Some(proficiency) = Proficiency::parse(&input.proficiency) else {
            errors.add(&field("proficiency"), "Choose how well you speak it.");
            continue;
        };
        if entries.iter().any(|e| e.language == language) {
            errors.add(&field("language"), "This language is listed twice.");
            continue;
        }
        entries.push(LanguageEntry {
            language: language.into(),
            proficiency,
        });
    }
    entries
}

/// Step: languages (at least one).
pub async fn save_languages(
    db: &DatabaseConnection,
    user_id: i32,
    rows: &[LanguageInput],
) -> Result<Step, AppError> {
    let row = profile_of(db, user_id).await?;
    let mut errors = FormErrors::new();
    let entries = validate_languages(rows, &mut errors);
    if entries.is_empty() && errors.is_empty() {
        errors.add("languages", "Add at least one language you work in.");
    }
    errors.into_result()?;
    let txn = db.begin().await?;
    repo::set_languages(&txn, user_id, &entries).await?;
    let active: freelancer_profile::ActiveModel = row.clone().into();
    finish(txn, row, active, Step::Languages).await
}

/// Step: portfolio links (optional, up to eight; http and https only).
pub async fn save_portfolio(
    db: &DatabaseConnection,
    user_id: i32,
    rows: &[PortfolioInput],
) -> Result<Step, AppError> {
    let row = profile_of(db, user_id).await?;
    let mut errors = FormErrors::new();
    let mut entries = Vec::new();
    for (i, input) in rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.is_blank())
        .take(MAX_ROWS)
    {
        let field = |name: &str| format!("portfolio[{i}][{name}]");
        errors
            .keep(&field("title"), &input.title)
            .keep(&field("url"), &input.url)
            .keep(&field("description"), &input.description)
            .keep(&field("thumbnail_url"), &input.thumbnail_url);
        let title = line(&input.title, 120, Some("Give this work a title."))
            .map_err(|m| errors.add(&field("title"), m))
            .ok();
        let url = validate_link(&input.url)
            .map_err(|m| errors.add(&field("url"), m))
            .ok();
        let description = text(&input.description, 500, None)
            .map_err(|m| errors.add(&field("description"), m))
            .ok();
        let thumbnail = if input.thumbnail_url.trim().is_empty() {
            Some(None)
        } else {
            validate_link(&input.thumbnail_url)
                .map(Some)
                .map_err(|m| errors.add(&field("thumbnail_url"), m))
                .ok()
        };
        if let (Some(title), Some(url), Some(description), Some(thumbnail_url)) =
            (title, url, description, thumbnail)
        {
            entries.push(PortfolioEntry {
                title,
                url,
                description,
                thumbnail_url,
            });
        }
    }
    errors.into_result()?;
    let txn = db.begin().await?;
    repo::set_portfolio(&txn, user_id, &entries).await?;
    let active: freelancer_profile::ActiveModel = row.clone().into();
    finish(txn, row, active, Step::Portfolio).await
}

/// Step: hourly rate, currency and availability.
pub async fn save_rate(
    db: &DatabaseConnection,
    user_id: i32,
    rate: &str,
    currency: &str,
    availability: &str,
) -> Result<Step, AppError> {
    let row = profile_of(db, user_id).await?;
    let mut errors = FormErrors::new();
    errors
        .keep("hourly_rate", rate)
        .keep("currency", currency)
        .keep("availability", availability);
    let cents = match parse_amount(rate) {
        Ok(c) if !(100..=100_000).contains(&c) => {
            errors.add("hourly_rate", "Enter an hourly rate between 1 and 1,000.");
            None
        }
        Ok(c) => Some(c),
        Err(m) => {
            errors.add("hourly_rate", m);
            None
        }
    };
    if !CURRENCIES.contains(&currency) {
        errors.add("currency", "Choose a currency.");
    }
    let availability = Availability::parse(availability);
    if availability.is_none() {
        errors.add("availability", "Choose your availability.");
    }
    errors.into_result()?;
    let txn = db.begin().await?;
    let mut active: freelancer_profile::ActiveModel = row.clone().into();
    active.hourly_rate_cents = Set(cents);
    active.currency = Set(currency.into());
    active.availability = Set(availability
        .map(|a| a.as_str().to_string())
        .unwrap_or_default());
    finish(txn, row, active, Step::Rate).await
}

/// What a profile still lacks before it can be submitted, as (step, message).
pub async fn missing(
    db: &DatabaseConnection,
    user_id: i32,
) -> Result<Vec<(Step, &'static str)>, AppError> {
    let Some(profile) = repo::load_freelancer(db, user_id).await? else {
        return Err(AppError::NotFound);
    };
    let mut missing = Vec::new();
    if profile.kind.teaches()
        && (profile.teaching_format.is_none() || profile.teaching_levels.is_empty())
    {
        missing.push((Step::Teaching, "Say how and whom you teach."));
    }
    if profile.roles.is_empty() {
        missing.push((Step::Roles, "Choose at least one role."));
    }
    if profile.skills.is_empty() {
        missing.push((Step::Skills, "Add your skills."));
    }
    if profile.tagline.is_empty() || profile.bio.is_empty() || profile.country.is_empty() {
        missing.push((Step::Experience, "Add a tagline, a bio and your country."));
    }
    if profile.languages.is_empty() {
        missing.push((Step::Languages, "Add at least one language."));
    }
    if profile.hourly_rate_cents.is_none() || profile.availability.is_none() {
        missing.push((Step::Rate, "Set your rate and availability."));
    }
    Ok(missing)
}

/// Submits a complete profile for approval (approved profiles stay approved
/// while their public text is what an admin approved).
pub async fn submit(db: &DatabaseConnection, user_id: i32) -> Result<ProfileStatus, AppError> {
    let row = profile_of(db, user_id).await?;
    let missing = missing(db, user_id).await?;
    if !missing.is_empty() {
        let mut errors = FormErrors::new().with_form("Your profile isn't complete yet.");
        for (step, message) in missing {
            errors.add(step.slug(), message);
        }
        return Err(AppError::Invalid(errors));
    }
    if row.status == ProfileStatus::Approved.as_str()
        || row.status == ProfileStatus::Pending.as_str()
    {
        return Ok(ProfileStatus::parse(&row.status).unwrap_or(ProfileStatus::Pending));
    }
    let txn = db.begin().await?;
    let kind = kind_of(&row);
    let mut active: freelancer_profile::ActiveModel = row.clone().into();
    active.status = Set(ProfileStatus::Pending.as_str().into());
    active.submitted_at = Set(Some(crate::accounts::server::now()));
    repo::update_row(&txn, active, steps::flow(kind).len() as i32).await?;
    txn.commit().await?;
    Ok(ProfileStatus::Pending)
}
