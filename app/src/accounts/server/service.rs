//! Account use cases: sign up, log in, switch mode, grant admin.

use super::client_ip::client_ip;
use super::password_policy::check_password;
use super::repo::{self, NewUser, Taken};
use super::session::{self, Device};
use super::suspension;
use super::throttle::ThrottleKey;
use crate::accounts::model::{CurrentUser, Mode};
use crate::accounts::validate::{normalise_display_name, normalise_email, normalise_username};
use crate::error::{AppError, FormErrors};
use crate::state::AppState;
use tower_sessions::Session;

/// A sign-up form as submitted.
#[derive(Debug, Clone, Default)]
pub struct SignupInput {
    /// Email as typed.
    pub email: String,
    /// Username as typed.
    pub username: String,
    /// Display name as typed.
    pub display_name: String,
    /// Password as typed.
    pub password: String,
    /// Wants to hire or learn.
    pub wants_client: bool,
    /// Wants to work or teach.
    pub wants_freelancer: bool,
}

/// A validated account, ready to store (password not yet hashed).
#[derive(Debug, Clone)]
pub struct ValidSignup {
    /// Normalised email.
    pub email: String,
    /// Normalised username.
    pub username: String,
    /// Normalised display name.
    pub display_name: String,
    /// The password, which passed the policy.
    pub password: String,
    /// Holds the client side.
    pub has_client: bool,
    /// Holds the freelancer side.
    pub has_freelancer: bool,
}

/// Checks every field and reports all problems at once.
pub fn validate_signup(input: &SignupInput) -> Result<ValidSignup, AppError> {
    let mut errors = FormErrors::new();
    errors
        .keep("email", &input.email)
        .keep("username", &input.username)
        .keep("display_name", &input.display_name);
    let email = normalise_email(&input.email)
        .map_err(|m| errors.add("email", m))
        .ok();
    let username = normalise_username(&input.username)
        .map_err(|m| errors.add("username", m))
        .ok();
    let display_name = normalise_display_name(&input.display_name)
        .map_err(|m| errors.add("display_name", m))
        .ok();
    if let Err(problem) = check_password(
        &input.password,
        &[&input.email, &input.username, &input.display_name],
    ) {
        errors.add("password", problem.message());
    }
    if !input.wants_client && !input.wants_freelancer {
        errors.add(
            "sides",
            "Choose at least one: hiring/learning or working/teaching.",
        );
    }
    match (email, username, display_name) {
        (Some(email), Some(username), Some(display_name)) if errors.is_empty() => Ok(ValidSignup {
            email,
            username,
            display_name,
            password: input.password.clone(),
            has_client: input.wants_client,
            has_freelancer: input.wants_freelancer,
        }),
        _ => Err(AppError::Invalid(errors)),
    }
}

fn taken_error(taken: &[Taken], input: &SignupInput) -> AppError {
    let mut errors = FormErrors::new();
    errors
        .keep("email", &input.email)
        .keep("username", &input.username)
        .keep("display_name", &input.display_name);
    for t in taken {
        match t {
            Taken::Email => errors.add(
                "email",
                "An account with this email already exists. Log in instead?",
            ),
            Taken::Username => errors.add("username", "This username is taken. Try another."),
        };
    }
    AppError::Conflict(errors)
}

/// Creates an account (hashing on the blocking pool) without signing in.
/// A sign-up from the web names the client's `network`: valid sign-ups
/// from one network are throttled before anything is looked up (so the
/// "already taken" answer cannot be used to test many emails) or hashed.
pub async fn create_account(
    state: &AppState,
    input: &SignupInput,
    is_super_admin: bool,
    network: Option<ThrottleKey>,
) -> Result<CurrentUser, AppError> {
    let valid = validate_signup(input)?;
    if let Some(network) = network {
        state.throttles.signup.take(&[network]).map_err(too_many)?;
    }
    let taken = repo::taken(&state.db, &valid.email, &valid.username).await?;
    if !taken.is_empty() {
        return Err(taken_error(&taken, input));
    }
    let password_hash = state.hasher.hash(valid.password).await?;
    let new = NewUser {
        email: valid.email,
        username: valid.username,
        display_name: valid.display_name,
        password_hash,
        has_client: valid.has_client,
        has_freelancer: valid.has_freelancer,
        is_super_admin,
    };
    match repo::insert(&state.db, new).await {
        Ok(model) => {
            if is_super_admin {
                repo::audit(
                    &state.db,
                    None,
                    "super_admin.create",
                    Some(model.id),
                    "command line",
                )
                .await?;
            }
            Ok(repo::to_current(&model))
        }
        Err(Ok(taken)) => Err(taken_error(&taken, input)),
        Err(Err(e)) => Err(e),
    }
}

/// The error for a throttled request.
pub fn too_many(wait: std::time::Duration) -> AppError {
    AppError::TooManyRequests {
        retry_after_secs: wait.as_secs().max(1),
    }
}

/// The throttle key of the requesting client's network.
pub fn network_of(state: &AppState, parts: &http::request::Parts) -> ThrottleKey {
    client_ip(parts, state.trusted_proxies).map_or(ThrottleKey::Network(0), ThrottleKey::network)
}

/// Creates an account and signs it in under a fresh session id.
pub async fn signup(
    state: &AppState,
    session: &Session,
    parts: &http::request::Parts,
    input: &SignupInput,
) -> Result<CurrentUser, AppError> {
    let user = create_account(state, input, false, Some(network_of(state, parts))).await?;
    session::start(session, user.id, &Device::of(parts, state.trusted_proxies)).await?;
    tracing::info!(user_id = user.id, "account created");
    Ok(user)
}

/// The longest identifier looked up: an email has at most 254 characters.
const MAX_IDENTIFIER_CHARS: usize = 254;

/// Logs in by email or username. Unknown accounts and wrong passwords get the
/// same error, status and (through the dummy hash) timing. Failures drain
/// the throttle of the account (one bucket whether it was named by email or
/// username; an identifier without an account gets a bucket of its own, so
/// throttling looks the same either way) and of the client's network.
/// With two-factor sign-in on, the session only notes that the password was
/// right and `None` is returned: a code is due before anyone is signed in.
pub async fn login(
    state: &AppState,
    session: &Session,
    parts: &http::request::Parts,
    identifier: &str,
    password: &str,
) -> Result<Option<CurrentUser>, AppError> {
    let identifier = identifier.trim().to_lowercase();
    let mut echo = FormErrors::new();
    if identifier.chars().count() > MAX_IDENTIFIER_CHARS {
        echo.add("identifier", "Enter your email or username.");
        return Err(AppError::Invalid(echo));
    }
    echo.keep("identifier", &identifier);
    if identifier.is_empty() || password.is_empty() {
        if identifier.is_empty() {
            echo.add("identifier", "Enter your email or username.");
        }
        if password.is_empty() {
            echo.add("password", "Enter your password.");
        }
        return Err(AppError::Invalid(echo));
    }
    let account = repo::find_by_identifier(&state.db, &identifier).await?;
    let who = account.as_ref().map_or_else(
        || ThrottleKey::unknown(&identifier),
        |a| ThrottleKey::Account(a.id),
    );
    let network = network_of(state, parts);
    state
        .throttles
        .login
        .take(&[who, network])
        .map_err(too_many)?;
    let hash = account.as_ref().map(|a| a.password_hash.clone());
    if !state.hasher.verify(password.to_string(), hash).await? {
        return Err(AppError::InvalidCredentials(
            echo.with_form("Incorrect email, username or password."),
        ));
    }
    let account = account.ok_or(AppError::Internal)?;
    state.throttles.login.reset(who);
    state.throttles.login.refund(network);
    if suspension::is_suspended(&account) {
        return Err(suspension::refusal(&account));
    }
    if account.totp_enabled_at.is_some() {
        session::await_second_factor(session, account.id).await?;
        return Ok(None);
    }
    session::start(
        session,
        account.id,
        &Device::of(parts, state.trusted_proxies),
    )
    .await?;
    Ok(Some(repo::to_current(&account)))
}

/// Switches the active mode; refused for a mode the account does not hold.
pub async fn switch_mode(
    state: &AppState,
    session: &Session,
    user: &CurrentUser,
    to: Mode,
) -> Result<CurrentUser, AppError> {
    super::guard::authorize_mode(user, to)?;
    add_or_switch(state, session, user, to).await
}

/// Adds a side of the market to the account (if new) and makes it active.
pub async fn add_mode(
    state: &AppState,
    session: &Session,
    user: &CurrentUser,
    mode: Mode,
) -> Result<CurrentUser, AppError> {
    add_or_switch(state, session, user, mode).await
}

async fn add_or_switch(
    state: &AppState,
    session: &Session,
    user: &CurrentUser,
    to: Mode,
) -> Result<CurrentUser, AppError> {
    let model = repo::find_by_id(&state.db, user.id)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    if model.active_mode == to.as_str() && user.holds(to) {
        return Ok(repo::to_current(&model));
    }
    let updated = repo::switch_mode(&state.db, &model, to).await?;
    session::rotate(session).await?;
    tracing::info!(user_id = user.id, from = %model.active_mode, to = to.as_str(), "mode switched");
    Ok(repo::to_current(&updated))
}

/// Grants or revokes admin for `target_id`, then signs the target out
/// everywhere so their next session starts with the new capabilities.
pub async fn set_admin(
    state: &AppState,
    actor: &CurrentUser,
    target_id: i32,
    grant: bool,
) -> Result<CurrentUser, AppError> {
    let target = repo::find_by_id(&state.db, target_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if target.is_super_admin {
        return Err(AppError::Forbidden(
            "Super admins keep their admin rights.".into(),
        ));
    }
    let updated = repo::set_admin(&state.db, Some(actor.id), &target, grant).await?;
    session::revoke_all(&state.db, &state.live, target.id).await?;
    tracing::info!(
        actor = actor.id,
        target = target.id,
        grant,
        "admin capability changed"
    );
    Ok(repo::to_current(&updated))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> SignupInput {
        SignupInput {
            email: "Ada@Example.com".into(),
            username: "ada".into(),
            display_name: "Ada Lovelace".into(),
            password: "copper kettle sings".into(),
            wants_client: true,
            wants_freelancer: false,
        }
    }

    #[test]
    fn a_good_signup_is_normalised() {
        let v = validate_signup(&input()).unwrap();
        assert_eq!(v.email, "ada@example.com");
        assert!(v.has_client && !v.has_freelancer);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let bad = SignupInput {
            email: "nope".into(),
            username: "a".into(),
            display_name: " ".into(),
            password: "password".into(),
            wants_client: false,
            wants_freelancer: false,
        };
        let err = validate_signup(&bad).unwrap_err();
        for field in ["email", "username", "display_name", "password", "sides"] {
            assert!(err.field(field).is_some(), "no error for {field}");
        }
        assert_eq!(err.value("email").as_deref(), Some("nope"));
        assert_eq!(err.value("password"), None, "passwords are never echoed");
    }
}
