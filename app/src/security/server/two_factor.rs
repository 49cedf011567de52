//! Two-factor sign-in with TOTP (RFC 6238: SHA-1, 6 digits, 30-second
//! steps, one step of clock drift either way). A code is accepted once: the
//! account keeps the last step used and a conditional update refuses that
//! step or an older one. Ten recovery codes, stored as SHA-256 hashes, each
//! work once. Code checks are throttled like passwords.

use crate::accounts::model::CurrentUser;
use crate::accounts::server::repo::{self, audit};
use crate::accounts::server::service::{network_of, too_many};
use crate::accounts::server::session::{self, Device, keys};
use crate::accounts::server::throttle::ThrottleKey;
use crate::accounts::server::{now, suspension};
use crate::entity::{recovery_code, user};
use crate::error::{AppError, FormErrors};
use crate::security::model::{Enrolment, TwoFactorStatus};
use crate::state::AppState;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    TransactionTrait,
};
use sha2::{Digest, Sha256};
use totp_rs::{Algorithm, Secret, TOTP};
use tower_sessions::Session;

/// Seconds per code.
pub const STEP_SECS: u64 = 30;
/// How long after the password the code may come.
pub const PENDING_SECS: i64 = 300;
/// Recovery codes given at enrolment.
pub const RECOVERY_CODES: usize = 10;
/// The session key of an enrolment not confirmed yet (its secret, base32).
const ENROLMENT: &str = "totp_enrolment";
/// Letters of recovery codes (no look-alikes).
const CODE_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

fn field(name: &str, message: &str) -> AppError {
    let mut errors = FormErrors::new();
    errors.add(name, message);
    AppError::Invalid(errors)
}

fn wrong_code(message: &str) -> AppError {
    let mut errors = FormErrors::new();
    errors.add("code", message);
    AppError::InvalidCredentials(errors.with_form(message))
}

fn totp_for(secret_base32: &str, account: &str) -> Result<TOTP, AppError> {
    let bytes = Secret::Encoded(secret_base32.to_string())
        .to_bytes()
        .map_err(|e| AppError::internal(format!("stored TOTP secret: {e:?}")))?;
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        STEP_SECS,
        bytes,
        Some("Guild".into()),
        account.to_string(),
    )
    .map_err(|e| AppError::internal(format!("TOTP: {e}")))
}

/// The step whose code is `code` (the current one or its neighbours).
pub fn matching_step(totp: &TOTP, code: &str, at: u64) -> Option<u64> {
    let step = at / STEP_SECS;
    [step, step.saturating_sub(1), step + 1]
        .into_iter()
        .find(|s| totp.generate(s * STEP_SECS) == code)
}

/// A code as typed: digits only for TOTP, lower-case letters and digits
/// for a recovery code (spaces and dashes dropped).
fn normalise(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn hash_code(normalised: &str) -> String {
    Sha256::digest(normalised.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn random_code() -> String {
    let mut bytes = [0u8; 10];
    OsRng.fill_bytes(&mut bytes);
    let letters: String = bytes
        .iter()
        .map(|b| CODE_ALPHABET[*b as usize % CODE_ALPHABET.len()] as char)
        .collect();
    format!("{}-{}", &letters[..5], &letters[5..])
}

/// Checks `code` for `account` and uses it up: a TOTP code for a step not
/// used before, or an unused recovery code. `Err` says why not.
pub async fn consume_code(
    db: &impl ConnectionTrait,
    account: &user::Model,
    code: &str,
) -> Result<(), AppError> {
    let code = normalise(code);
    if code.is_empty() {
        return Err(field(
            "code",
            "Enter the code from your app or a recovery code.",
        ));
    }
    if code.len() == 6 && code.chars().all(|c| c.is_ascii_digit()) {
        let totp = totp_for(&account.totp_secret, &account.username)?;
        let now = u64::try_from(now()).unwrap_or_default();
        let Some(step) = matching_step(&totp, &code, now) else {
            return Err(wrong_code(
                "That code didn't work. Check your app's clock and try the current code.",
            ));
        };
        let step = i64::try_from(step).unwrap_or(i64::MAX);
        let used = user::Entity::update_many()
            .col_expr(user::Column::TotpLastStep, Expr::value(step))
            .filter(user::Column::Id.eq(account.id))
            .filter(user::Column::TotpLastStep.lt(step))
            .exec(db)
            .await?;
        if used.rows_affected == 0 {
            return Err(wrong_code(
                "That code was already used. Wait for the next one.",
            ));
        }
        return Ok(());
    }
    let used = recovery_code::Entity::update_many()
        .col_expr(recovery_code::Column::UsedAt, Expr::value(now()))
        .filter(recovery_code::Column::UserId.eq(account.id))
        .filter(recovery_code::Column::CodeHash.eq(hash_code(&code)))
        .filter(recovery_code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    if used.rows_affected == 0 {
        return Err(wrong_code(
            "That code didn't work. A recovery code works only once.",
        ));
    }
    Ok(())
}

/// Completes a sign-in whose password was right: `code` must be a fresh
/// TOTP code or an unused recovery code (throttled like the password).
pub async fn complete_sign_in(
    state: &AppState,
    session: &Session,
    parts: &http::request::Parts,
    code: &str,
) -> Result<CurrentUser, AppError> {
    let pending: Option<(i32, i64)> = session.get(keys::PENDING_SECOND_FACTOR).await?;
    let Some((user_id, _)) = pending.filter(|(_, at)| now() - at <= PENDING_SECS) else {
        return Err(AppError::InvalidCredentials(
            FormErrors::new().with_form("Your sign-in timed out. Log in again."),
        ));
    };
    let account = repo::find_by_id(&state.db, user_id)
        .await?
        .filter(|a| a.totp_enabled_at.is_some())
        .ok_or(AppError::Unauthenticated)?;
    let who = ThrottleKey::Account(account.id);
    let network = network_of(state, parts);
    state
        .throttles
        .login
        .take(&[who, network])
        .map_err(too_many)?;
    consume_code(&state.db, &account, code).await?;
    state.throttles.login.reset(who);
    state.throttles.login.refund(network);
    if suspension::is_suspended(&account) {
        return Err(suspension::refusal(&account));
    }
    session::start(
        session,
        account.id,
        &Device::of(parts, state.trusted_proxies),
    )
    .await?;
    Ok(repo::to_current(&account))
}

/// Whether two-factor sign-in is on, and how many recovery codes are left.
pub async fn status(db: &impl ConnectionTrait, user_id: i32) -> Result<TwoFactorStatus, AppError> {
    let account = repo::find_by_id(db, user_id)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let left = recovery_code::Entity::find()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .filter(recovery_code::Column::UsedAt.is_null())
        .count(db)
        .await?;
    Ok(TwoFactorStatus {
        enabled: account.totp_enabled_at.is_some(),
        recovery_codes_left: u32::try_from(left).unwrap_or(u32::MAX),
    })
}

/// Starts an enrolment: a new secret (kept in the session until a code
/// confirms it), its `otpauth://` address and QR code.
pub async fn begin(
    db: &impl ConnectionTrait,
    session: &Session,
    user: &CurrentUser,
) -> Result<Enrolment, AppError> {
    if status(db, user.id).await?.enabled {
        return Err(AppError::Conflict(
            FormErrors::new().with_form("Two-factor sign-in is already on."),
        ));
    }
    let mut bytes = [0u8; 20];
    OsRng.fill_bytes(&mut bytes);
    let secret = Secret::Raw(bytes.to_vec()).to_encoded().to_string();
    session.insert(ENROLMENT, &secret).await?;
    enrolment(&secret, &user.username)
}

fn enrolment(secret: &str, username: &str) -> Result<Enrolment, AppError> {
    let url = totp_for(secret, username)?.get_url();
    let qr = qrcode::QrCode::new(url.as_bytes()).map_err(AppError::internal)?;
    let qr_svg = qr
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    Ok(Enrolment {
        secret: secret.to_string(),
        url,
        qr_svg,
    })
}

/// Confirms the enrolment with a code from the app; turns two-factor
/// sign-in on and returns the ten recovery codes (shown once).
pub async fn confirm(
    state: &AppState,
    session: &Session,
    user: &CurrentUser,
    code: &str,
) -> Result<Vec<String>, AppError> {
    let Some(secret) = session.get::<String>(ENROLMENT).await? else {
        return Err(field("code", "Start again: the set-up expired."));
    };
    state
        .throttles
        .login
        .take(&[ThrottleKey::Account(user.id)])
        .map_err(too_many)?;
    let totp = totp_for(&secret, &user.username)?;
    let now_secs = u64::try_from(now()).unwrap_or_default();
    let Some(step) = matching_step(&totp, &normalise(code), now_secs) else {
        return Err(field(
            "code",
            "That code didn't work. Enter the code your app shows now.",
        ));
    };
    let codes: Vec<String> = (0..RECOVERY_CODES).map(|_| random_code()).collect();
    let txn = state.db.begin().await?;
    let turned_on = user::Entity::update_many()
        .col_expr(user::Column::TotpSecret, Expr::value(secret))
        .col_expr(user::Column::TotpEnabledAt, Expr::value(now()))
        .col_expr(
            user::Column::TotpLastStep,
            Expr::value(i64::try_from(step).unwrap_or(i64::MAX)),
        )
        .filter(user::Column::Id.eq(user.id))
        .filter(user::Column::TotpEnabledAt.is_null())
        .exec(&txn)
        .await?;
    if turned_on.rows_affected == 0 {
        return Err(AppError::Conflict(
            FormErrors::new().with_form("Two-factor sign-in is already on."),
        ));
    }
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(user.id))
        .exec(&txn)
        .await?;
    recovery_code::Entity::insert_many(codes.iter().map(|c| recovery_code::ActiveModel {
        user_id: Set(user.id),
        code_hash: Set(hash_code(&normalise(c))),
        created_at: Set(now()),
        used_at: Set(None),
        ..Default::default()
    }))
    .exec(&txn)
    .await?;
    audit(&txn, Some(user.id), "2fa.enable", Some(user.id), "").await?;
    txn.commit().await?;
    session.remove::<String>(ENROLMENT).await?;
    Ok(codes)
}

/// Turns two-factor sign-in off: needs the password and a code.
pub async fn disable(
    state: &AppState,
    user: &CurrentUser,
    password: &str,
    code: &str,
) -> Result<(), AppError> {
    let account = repo::find_by_id(&state.db, user.id)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    if account.totp_enabled_at.is_none() {
        return Err(AppError::Conflict(
            FormErrors::new().with_form("Two-factor sign-in is already off."),
        ));
    }
    state
        .throttles
        .login
        .take(&[ThrottleKey::Account(user.id)])
        .map_err(too_many)?;
    if !state
        .hasher
        .verify(password.to_string(), Some(account.password_hash.clone()))
        .await?
    {
        return Err(field("password", "That isn't your password."));
    }
    consume_code(&state.db, &account, code).await?;
    let txn = state.db.begin().await?;
    user::Entity::update_many()
        .col_expr(user::Column::TotpSecret, Expr::value(""))
        .col_expr(
            user::Column::TotpEnabledAt,
            Expr::value(Option::<i64>::None),
        )
        .filter(user::Column::Id.eq(user.id))
        .exec(&txn)
        .await?;
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(user.id))
        .exec(&txn)
        .await?;
    audit(&txn, Some(user.id), "2fa.disable", Some(user.id), "").await?;
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_their_step_and_its_neighbours_only() {
        let secret = Secret::Raw(b"12345678901234567890".to_vec())
            .to_encoded()
            .to_string();
        let totp = totp_for(&secret, "ada").unwrap();
        // RFC 6238's SHA-1 test vector at T = 59 s (8 digits 94287082).
        assert_eq!(totp.generate(59), "287082");
        assert_eq!(matching_step(&totp, "287082", 59), Some(1));
        assert_eq!(matching_step(&totp, "287082", 61), Some(1));
        assert_eq!(matching_step(&totp, "287082", 200), None);
    }

    #[test]
    fn recovery_codes_are_random_readable_and_typed_loosely() {
        let a = random_code();
        assert_eq!(a.len(), 11);
        assert_ne!(a, random_code());
        assert_eq!(
            normalise(&a.to_uppercase().replace('-', " ")),
            normalise(&a)
        );
        assert_eq!(hash_code("abc").len(), 64);
    }
}
