//! `/api/profiles/*` and `/api/onboarding/*` server functions.

use super::inputs::{CredentialInput, LanguageInput, PortfolioInput};
use super::model::{ClientProfile, FreelancerProfile, PublicProfilePage};
use crate::error::AppError;
use leptos::prelude::*;

/// The signed-in user's freelancer/coach profile, if they started one.
#[server(prefix = "/api", endpoint = "profiles/me")]
pub async fn my_freelancer_profile() -> Result<Option<FreelancerProfile>, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::repo::load_freelancer(&state.db, user.id).await
}

/// Starts (or resumes) onboarding as a `freelance`, `coaching` or `both`
/// profile; adds the freelancer side to the account if it lacks it.
#[server(prefix = "/api", endpoint = "onboarding/start")]
pub async fn start_onboarding(kind: String) -> Result<(), AppError> {
    use crate::accounts::model::Mode;
    use crate::market::FreelancerKind;
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    let Some(kind) = FreelancerKind::parse(&kind) else {
        let mut e = crate::error::FormErrors::new();
        e.add("kind", "Choose freelancing, coaching or both.");
        return Err(AppError::Invalid(e));
    };
    if user.active_mode != Mode::Freelancer || !user.has_freelancer {
        let session = crate::accounts::server::session::current_session().await?;
        crate::accounts::server::service::add_mode(&state, &session, &user, Mode::Freelancer)
            .await?;
    }
    let row = super::server::repo::ensure_profile(&state.db, user.id, kind).await?;
    leptos_axum::redirect(&super::steps::resume(kind, row.onboarding_step).href());
    Ok(())
}

/// The caller's id after checking they hold the freelancer side.
#[cfg(feature = "ssr")]
async fn freelancer_id() -> Result<i32, AppError> {
    let user =
        crate::accounts::server::guard::require_mode(crate::accounts::model::Mode::Freelancer)
            .await?;
    Ok(user.id)
}

/// Redirects to the onboarding step after a save.
#[cfg(feature = "ssr")]
fn go_to(step: super::steps::Step) {
    leptos_axum::redirect(&step.href());
}

/// Coach step 1: teaching mode (`coaching` or `both`), format and levels.
#[server(prefix = "/api", endpoint = "onboarding/teaching")]
pub async fn save_teaching(
    kind: String,
    teaching_format: String,
    #[server(default)] levels: Vec<String>,
) -> Result<(), AppError> {
    let id = freelancer_id().await?;
    let state = crate::state::app_state()?;
    go_to(
        super::server::onboarding::save_teaching(&state.db, id, &kind, &teaching_format, &levels)
            .await?,
    );
    Ok(())
}

/// Step: roles (1–3 role ids).
#[server(prefix = "/api", endpoint = "onboarding/roles")]
pub async fn save_roles(#[server(default)] roles: Vec<String>) -> Result<(), AppError> {
    let id = freelancer_id().await?;
    let state = crate::state::app_state()?;
    go_to(super::server::onboarding::save_roles(&state.db, id, &roles).await?);
    Ok(())
}

/// Step: skills, comma-separated.
#[server(prefix = "/api", endpoint = "onboarding/skills")]
pub async fn save_skills(skills: String) -> Result<(), AppError> {
    let id = freelancer_id().await?;
    let state = crate::state::app_state()?;
    go_to(super::server::onboarding::save_skills(&state.db, id, &skills).await?);
    Ok(())
}

/// Step: tagline, bio, location and experience.
#[server(prefix = "/api", endpoint = "onboarding/experience")]
pub async fn save_experience(
    tagline: String,
    bio: String,
    #[server(default)] city: String,
    #[server(default)] country: String,
    #[server(default)] years_experience: String,
    #[server(default)] experience: String,
) -> Result<(), AppError> {
    let id = freelancer_id().await?;
    let state = crate::state::app_state()?;
    let input = super::server::onboarding::ExperienceInput {
        tagline,
        bio,
        city,
        country,
        years_experience,
        experience,
    };
    go_to(super::server::onboarding::save_experience(&state.db, id, &input).await?);
    Ok(())
}

/// Step: education and certificates.
#[server(prefix = "/api", endpoint = "onboarding/education")]
pub async fn save_education(
    #[server(default)] credentials: Vec<CredentialInput>,
) -> Result<(), AppError> {
    let id = freelancer_id().await?;
    let state = crate::state::app_state()?;
    go_to(super::server::onboarding::save_education(&state.db, id, &credentials).await?);
    Ok(())
}

/// Step: languages.
#[server(prefix = "/api", endpoint = "onboarding/languages")]
pub async fn save_languages(
    #[server(default)] languages: Vec<LanguageInput>,
) -> Result<(), AppError> {
    let id = freelancer_id().await?;
    let state = crate::state::app_state()?;
    go_to(super::server::onboarding::save_languages(&state.db, id, &languages).await?);
    Ok(())
}

/// Step: portfolio links (http and https only).
#[server(prefix = "/api", endpoint = "onboarding/portfolio")]
pub async fn save_portfolio(
    #[server(default)] portfolio: Vec<PortfolioInput>,
) -> Result<(), AppError> {
    let id = freelancer_id().await?;
    let state = crate::state::app_state()?;
    go_to(super::server::onboarding::save_portfolio(&state.db, id, &portfolio).await?);
    Ok(())
}

/// Step: hourly rate, currency and availability.
#[server(prefix = "/api", endpoint = "onboarding/rate")]
pub async fn save_rate(
    hourly_rate: String,
    currency: String,
    #[server(default)] availability: String,
) -> Result<(), AppError> {
    let id = freelancer_id().await?;
    let state = crate::state::app_state()?;
    go_to(
        super::server::onboarding::save_rate(&state.db, id, &hourly_rate, &currency, &availability)
            .await?,
    );
    Ok(())
}

/// What the profile still lacks, as (step slug, message) pairs.
#[server(prefix = "/api", endpoint = "onboarding/missing")]
pub async fn onboarding_missing() -> Result<Vec<(String, String)>, AppError> {
    let id = freelancer_id().await?;
    let state = crate::state::app_state()?;
    Ok(super::server::onboarding::missing(&state.db, id)
        .await?
        .into_iter()
        .map(|(step, message)| (step.slug().to_string(), message.to_string()))
        .collect())
}

/// Submits the profile for approval and returns to the review step.
#[server(prefix = "/api", endpoint = "onboarding/submit")]
pub async fn submit_profile() -> Result<(), AppError> {
    let id = freelancer_id().await?;
    let state = crate::state::app_state()?;
    let status = super::server::onboarding::submit(&state.db, id).await?;
    if status == crate::market::ProfileStatus::Pending {
        crate::notifications::server::notify_admins(
            &state.db,
            &state.live,
            "A profile is waiting for review".into(),
            "/admin",
        )
        .await?;
    }
    leptos_axum::redirect("/onboarding/review");
    Ok(())
}

/// A freelancer's public page: approved profiles for everyone; others only
/// for their owner and admins (404 otherwise).
#[server(prefix = "/api", endpoint = "profiles/freelancer")]
pub async fn public_profile(username: String) -> Result<PublicProfilePage, AppError> {
    let viewer = crate::accounts::server::guard::current_user().await?;
    let state = crate::state::app_state()?;
    super::server::view::public_profile(&state.db, viewer.as_ref(), &username).await
}

/// A client's or student's profile: only for themselves, admins, and
/// freelancers they contacted or whose proposal they accepted (404 otherwise).
#[server(prefix = "/api", endpoint = "profiles/client")]
pub async fn get_client_profile(username: String) -> Result<ClientProfile, AppError> {
    let viewer = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::view::client_profile(&state.db, &viewer, &username).await
}

/// The signed-in user's client/student profile.
#[server(prefix = "/api", endpoint = "profiles/client/me")]
pub async fn my_client_profile() -> Result<ClientProfile, AppError> {
    let viewer =
        crate::accounts::server::guard::require_mode(crate::accounts::model::Mode::Client).await?;
    let state = crate::state::app_state()?;
    super::server::view::client_profile(&state.db, &viewer, &viewer.username).await
}

/// Saves the client/student profile (the one-page onboarding) and goes to the dashboard.
#[server(prefix = "/api", endpoint = "profiles/client/save")]
pub async fn save_client_profile(
    #[server(default)] city: String,
    #[server(default)] country: String,
    #[server(default)] about: String,
    #[server(default)] learning_goals: String,
    #[server(default)] languages: Vec<LanguageInput>,
) -> Result<(), AppError> {
    let user =
        crate::accounts::server::guard::require_mode(crate::accounts::model::Mode::Client).await?;
    let state = crate::state::app_state()?;
    super::server::view::save_client(
        &state.db,
        user.id,
        &city,
        &country,
        &about,
        &learning_goals,
        &languages,
    )
    .await?;
    leptos_axum::redirect("/dashboard");
    Ok(())
}

/// Skill names in use by approved profiles or approved gigs that start with
/// (or contain) `q`, most used first.
#[server(prefix = "/api", endpoint = "skills/suggest")]
pub async fn suggest_skills(q: String) -> Result<Vec<String>, AppError> {
    let state = crate::state::app_state()?;
    let skills = state.skills.skills(&state.db).await?;
    Ok(crate::market::skill_catalog::suggest(&skills, &q, 8))
}
