//! Reading profiles for their pages, with the access rules applied, and
//! the client profile form.

use super::{access, repo};
use crate::accounts::model::{CurrentUser, Role};
use crate::accounts::server::repo::find_by_username;
use crate::entity::{conversation, saved_talent};
use crate::error::{AppError, FormErrors};
use crate::market::ProfileStatus;
use crate::market::countries::normalise_country;
use crate::profiles::inputs::LanguageInput;
use crate::profiles::model::{ClientProfile, PublicProfilePage};
use crate::reviews::server::{average, visible_reviews_of};
use crate::text::{line, text};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, TransactionTrait,
};

/// Reviews shown on a profile page.
const PAGE_REVIEWS: u64 = 20;

/// The public page of `username`.
pub async fn public_profile(
    db: &DatabaseConnection,
    viewer: Option<&CurrentUser>,
    username: &str,
) -> Result<PublicProfilePage, AppError> {
    let account = find_by_username(db, username)
        .await?
        .ok_or(AppError::NotFound)?;
    let profile = repo::load_freelancer(db, account.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let is_own = viewer.is_some_and(|v| v.id == account.id);
    let is_admin = viewer.is_some_and(|v| v.has_role(Role::Admin));
    let shown =
        profile.status == ProfileStatus::Approved && access::publicly_shown(db, &account).await?;
    if !shown && !is_own && !is_admin {
        return Err(AppError::NotFound);
    }
    let reviews = visible_reviews_of(db, account.id, true, PAGE_REVIEWS).await?;
    let (saved, contacted) = match viewer {
        Some(v) => (
            saved_talent::Entity::find()
                .filter(saved_talent::Column::UserId.eq(v.id))
                .filter(saved_talent::Column::FreelancerId.eq(account.id))
                .count(db)
                .await?
                > 0,
            conversation::Entity::find()
                .filter(conversation::Column::ClientId.eq(v.id))
                .filter(conversation::Column::FreelancerId.eq(account.id))
                .count(db)
                .await?
                > 0,
        ),
        None => (false, false),
    };
    let can_contact = viewer.is_some_and(|v| v.has_client && !is_own) && shown;
    Ok(PublicProfilePage {
        profile,
        reviews,
        saved,
        signed_in: viewer.is_some(),
        is_own,
        can_contact,
        contacted,
    })
}

/// A client's profile if `viewer` may see it, else 404.
pub async fn client_profile(
    db: &DatabaseConnection,
    viewer: &CurrentUser,
    username: &str,
) -> Result<ClientProfile, AppError> {
    let account = find_by_username(db, username)
        .await?
        .ok_or(AppError::NotFound)?;
    let is_own = viewer.id == account.id;
    let allowed = is_own
        || viewer.has_role(Role::Admin)
        || (account.has_client && access::client_opened_to(db, account.id, viewer.id).await?);
    if !allowed || !account.has_client {
        return Err(AppError::NotFound);
    }
    let mut profile = repo::load_client(db, &account).await?;
    profile.reviews = visible_reviews_of(db, account.id, false, PAGE_REVIEWS).await?;
    profile.rating_avg = average(&profile.reviews);
    profile.is_own = is_own;
    Ok(profile)
}

/// Validates and saves the client/student profile form.
pub async fn save_client(
    db: &DatabaseConnection,
    user_id: i32,
    city: &str,
    country: &str,
    about: &str,
    learning_goals: &str,
    languages: &[LanguageInput],
) -> Result<(), AppError> {
    let mut errors = FormErrors::new();
    errors
        .keep("city", city)
        .keep("country", country)
        .keep("about", about)
        .keep("learning_goals", learning_goals);
    let city = line(city, 80, None)
        .map_err(|m| errors.add("city", m))
        .unwrap_or_default();
    let country = normalise_country(country)
        .map_err(|m| errors.add("country", m))
        .unwrap_or_default();
    let about = text(about, 2000, None)
        .map_err(|m| errors.add("about", m))
        .unwrap_or_default();
    let goals = text(learning_goals, 2000, None)
        .map_err(|m| errors.add("learning_goals", m))
        .unwrap_or_default();
    let entries = super::onboarding::validate_languages(languages, &mut errors);
    errors.into_result()?;
    let txn = db.begin().await?;
    repo::save_client(&txn, user_id, &city, &country, &about, &goals).await?;
    repo::set_languages(&txn, user_id, &entries).await?;
    txn.commit().await?;
    Ok(())
}
