//! The accounts HTTP surface: `/api/auth/*` server functions (form-encoded in, JSON out).

use super::model::CurrentUser;
use crate::error::AppError;
use leptos::prelude::*;

/// Where to go after signing in: a local path from `next`, or the dashboard.
///
/// `next` must be a path on this site as a browser would read it: it starts
/// with one `/`, holds no whitespace, control characters or backslashes
/// (browsers drop tabs and newlines and read `\\` as `/`, which would turn
/// `/\t/evil.example` into `//evil.example`), and after resolving dot
/// segments it must still be a path on this site (`/..//evil.example`
/// resolves to `//evil.example`). Leptos' error parameters (`__path`,
/// `__err`) are dropped, so a link cannot make the page after log-in show
/// words of its own in an error box. The answer is the normalised path,
/// query and fragment.
pub fn safe_next(next: Option<&str>) -> String {
    const DEFAULT: &str = "/dashboard";
    let Some(next) = next else {
        return DEFAULT.into();
    };
    let plain = next
        .chars()
        .all(|c| !c.is_whitespace() && !c.is_control() && c != '\\');
    if !plain || !next.starts_with('/') || next.starts_with("//") {
        return DEFAULT.into();
    }
    let base = url::Url::parse("http://guild.invalid/").expect("static base URL");
    match base.join(next) {
        Ok(mut url) if url.origin() == base.origin() => {
            drop_error_params(&mut url);
            let local = &url[url::Position::BeforePath..];
            if local.starts_with("//") {
                DEFAULT.into()
            } else {
                local.to_string()
            }
        }
        _ => DEFAULT.into(),
    }
}

/// Removes Leptos' server-function error parameters from `url`'s query.
fn drop_error_params(url: &mut url::Url) {
    let is_error = |k: &str| k == "__path" || k == "__err";
    if !url.query_pairs().any(|(k, _)| is_error(&k)) {
        return;
    }
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !is_error(k))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
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
    let parts = use_context::<http::request::Parts>()
        .ok_or_else(|| AppError::internal("no request parts"))?;
    let input = service::SignupInput {
        email,
        username,
        display_name,
        password,
        wants_client: wants_client.is_some(),
        wants_freelancer: wants_freelancer.is_some(),
    };
    let user = service::signup(&state, &session, &parts, &input).await?;
    leptos_axum::redirect("/dashboard");
    Ok(user)
}

/// Logs in with an email or username; redirects to `next` (a local path) or
/// the dashboard. With two-factor sign-in on it answers `null` and redirects
/// to `/login/code`, where the code completes the sign-in.
#[server(prefix = "/api", endpoint = "auth/login")]
pub async fn login(
    identifier: String,
    password: String,
    next: Option<String>,
) -> Result<Option<CurrentUser>, AppError> {
    use super::server::{service, session};
    let state = crate::state::app_state()?;
    let session = session::current_session().await?;
    let parts = use_context::<http::request::Parts>()
        .ok_or_else(|| AppError::internal("no request parts"))?;
    let user = service::login(&state, &session, &parts, &identifier, &password).await?;
    let next = safe_next(next.as_deref());
    if user.is_some() {
        leptos_axum::redirect(&next);
    } else {
        let next = url::form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>();
        leptos_axum::redirect(&format!("/login/code?next={next}"));
    }
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
        assert_eq!(safe_next(Some("/gigs/4#proposals")), "/gigs/4#proposals");
        assert_eq!(
            safe_next(Some("/suggest?need=a%20b")),
            "/suggest?need=a%20b"
        );
        assert_eq!(safe_next(Some("/a/../gigs")), "/gigs");
        assert_eq!(safe_next(None), "/dashboard");
    }

    #[test]
    fn next_never_leaves_the_site() {
        for bad in [
            "//evil.example",
            "https://evil.example",
            "http:evil.example",
            "javascript:alert(1)",
            "evil.example",
            "",
            "/\\evil.example",
            "\\\\evil.example",
            "/\t/evil.example/phish",
            "/\n/evil.example",
            "/\r/evil.example",
            "\t//evil.example",
            " //evil.example",
            "/ /evil.example",
            "/\u{0}/evil.example",
            "/\u{85}/evil.example",
            "/\u{2028}/evil.example",
            "/..//evil.example",
            "/./..//evil.example/x",
            "/%2e%2e//evil.example",
        ] {
            let got = safe_next(Some(bad));
            assert_eq!(got, "/dashboard", "{bad:?} gave {got:?}");
        }
    }

    #[test]
    fn error_parameters_never_survive() {
        assert_eq!(
            safe_next(Some("/gigs/new?__path=%2Fapi%2Fgigs%2Fsave&__err=eyJ9")),
            "/gigs/new"
        );
        assert_eq!(
            safe_next(Some("/gigs?q=shop&__err=eyJ9&page=2")),
            "/gigs?q=shop&page=2"
        );
    }

    #[test]
    fn encoded_separators_stay_inside_the_path() {
        assert_eq!(safe_next(Some("/%09/evil.example")), "/%09/evil.example");
        assert_eq!(
            safe_next(Some("/%2F%2Fevil.example")),
            "/%2F%2Fevil.example"
        );
        assert_eq!(safe_next(Some("/%5Cevil.example")), "/%5Cevil.example");
    }
}
