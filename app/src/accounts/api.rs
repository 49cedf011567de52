//! The accounts HTTP surface: `/api/auth/*` server functions (form-encoded in, JSON out).

use super::model::CurrentUser;
use crate::error::AppError;
use leptos::prelude::*;

/// Where to go after signing in: a local path from `next`, or the dashboard.
/// Anything that could leave the site (`//host`, `https://…`) is ignored.
pub fn safe_next(next: Option<&str>) -> String {
    match next.map(str::trim) {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') => {
            path.to_string()
        }
        _ => "/dashboard".to_string(),
    }
}

/// Reads a submitted mode name, or explains the field error.
#[cfg(feature = "ssr")]
fn parse_mode(value: &str) -> Result<super::model::Mode, AppError> {
    super::model::Mode::parse(value).ok_or_else(|| {
        let mut e = crate::error::FormErrors::new();
        e.add("mode", "Choose client or freelancer mode.");
        AppError::Invalid(e)
    })
}

/// Creates an account, signs it in and redirects to the dashboard.
/// `wants_client` / `wants_freelancer` are checkboxes (present = chosen).
#[server(prefix = "/api", endpoint = "auth/signup")]
pub async fn signup(
    email: String,
    username: String,
    display_name: String,
    password: String,
    wants_client: Option<String>,
    wants_freelancer: Option<String>,
) -> Result<CurrentUser, AppError> {
    use super::server::{service, session};
    let state = crate::state::app_state()?;
    let session = session::current_session().await?;
    let input = service::SignupInput {
        email,
        username,
        display_name,
        password,
        wants_client: wants_client.is_some(),
        wants_freelancer: wants_freelancer.is_some(),
    };
    let user = service::signup(&state, &session, &input).await?;
    leptos_axum::redirect("/dashboard");
    Ok(user)
}

/// Logs in with an email or username; redirects to `next` (a local path) or the dashboard.
#[server(prefix = "/api", endpoint = "auth/login")]
pub async fn login(
    identifier: String,
    password: String,
    next: Option<String>,
) -> Result<CurrentUser, AppError> {
    use super::server::{service, session};
    let state = crate::state::app_state()?;
    let session = session::current_session().await?;
    let parts = use_context::<http::request::Parts>()
        .ok_or_else(|| AppError::internal("no request parts"))?;
    let user = service::login(&state, &session, &parts, &identifier, &password).await?;
    leptos_axum::redirect(&safe_next(next.as_deref()));
    Ok(user)
}

/// Ends the session and redirects home.
#[server(prefix = "/api", endpoint = "auth/logout")]
pub async fn logout() -> Result<(), AppError> {
    use super::server::session;
    let session = session::current_session().await?;
    session::end(&session).await?;
    leptos_axum::redirect("/");
    Ok(())
}

/// Who is signed in: the user, or `null` for a visitor.
#[server(prefix = "/api", endpoint = "auth/me")]
pub async fn me() -> Result<Option<CurrentUser>, AppError> {
    super::server::guard::current_user().await
}

/// Switches the active mode (`client` or `freelancer`); refused (403) for a
/// mode the account does not hold. Every switch is logged.
#[server(prefix = "/api", endpoint = "auth/switch-mode")]
pub async fn switch_mode(mode: String) -> Result<CurrentUser, AppError> {
    use super::server::{guard, service, session};
    let user = guard::require_user().await?;
    let mode = parse_mode(&mode)?;
    let state = crate::state::app_state()?;
    let session = session::current_session().await?;
    service::switch_mode(&state, &session, &user, mode).await
}

/// Adds a side of the market to the account (e.g. a client starts freelancing)
/// and switches to it.
#[server(prefix = "/api", endpoint = "auth/add-mode")]
pub async fn add_mode(mode: String) -> Result<CurrentUser, AppError> {
    use super::server::{guard, service, session};
    let user = guard::require_user().await?;
    let mode = parse_mode(&mode)?;
    let state = crate::state::app_state()?;
    let session = session::current_session().await?;
    service::add_mode(&state, &session, &user, mode).await
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_site() {
        assert_eq!(safe_next(Some("/gigs?page=2")), "/gigs?page=2");
        assert_eq!(safe_next(Some("//evil.example")), "/dashboard");
        assert_eq!(safe_next(Some("https://evil.example")), "/dashboard");
        assert_eq!(safe_next(Some("/\\evil.example")), "/dashboard");
        assert_eq!(safe_next(None), "/dashboard");
    }
}
