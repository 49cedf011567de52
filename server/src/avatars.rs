//! `GET /avatars/{username}.svg`: a generated avatar (initials on a colour
//! picked from the username), so no external image service is needed.
//!
//! An avatar reveals nothing a visitor may not see: only an approved
//! freelancer's or coach's avatar (whose name is public on their profile)
//! shows the initials of their display name; for every other username,
//! taken or not, the initials come from the username itself, with the same
//! status and headers, so the endpoint cannot tell who has an account.

use app::accounts::model::initials;
use app::accounts::server::repo::find_by_username;
use app::accounts::validate::normalise_username;
use app::error::AppError;
use app::profiles::server::access::is_approved_freelancer;
use app::state::AppState;
use app::ui::avatar::colour_index;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::{StatusCode, header};

/// Background colours, the same as the stylesheet's `.avatar--c*`.
const COLOURS: [&str; 8] = [
    "#4f46e5", "#0e7490", "#047857", "#b45309", "#be123c", "#7c3aed", "#1d4ed8", "#4d7c0f",
];

/// Escapes text for XML.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The SVG for a person: `label` is read out by screen readers, `shown`
/// are the initials drawn, and the colour comes from `username`.
pub fn svg(label: &str, shown: &str, username: &str) -> String {
    let colour = COLOURS[colour_index(username) as usize % COLOURS.len()];
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"96\" height=\"96\" viewBox=\"0 0 96 96\" role=\"img\" aria-label=\"{name}\">\
         <rect width=\"96\" height=\"96\" rx=\"48\" fill=\"{colour}\"/>\
         <text x=\"48\" y=\"58\" font-family=\"system-ui, sans-serif\" font-size=\"34\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#fff\">{initials}</text></svg>",
        name = escape(label),
        initials = escape(shown),
    )
}

/// Initials for a username on its own: its words split at `_` and `-`.
fn username_initials(username: &str) -> String {
    initials(&username.replace(['_', '-'], " "))
}

/// The public display name of `username`, if they are an approved
/// freelancer or coach.
async fn public_name(state: &AppState, username: &str) -> Result<Option<String>, AppError> {
    let Some(user) = find_by_username(&state.db, username).await? else {
        return Ok(None);
    };
    Ok(is_approved_freelancer(&state.db, user.id)
        .await?
        .then_some(user.display_name))
}

/// Serves the avatar of `{username}.svg`; anything that is not a
/// well-formed username gets 404 without a lookup.
pub async fn avatar(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some(username) = file
        .strip_suffix(".svg")
        .and_then(|u| normalise_username(u).ok())
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let (label, shown) = match public_name(&state, &username).await {
        Ok(Some(display_name)) => {
            let shown = initials(&display_name);
            (display_name, shown)
        }
        Ok(None) => (username.clone(), username_initials(&username)),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        svg(&label, &shown, &username),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped() {
        let out = svg("<Ada> & \"Bob\"", "A&", "ada");
        assert!(out.contains("&lt;Ada&gt; &amp; &quot;Bob&quot;"));
        assert!(out.starts_with("<svg"));
        assert!(out.contains(">A&amp;</text>"));
    }

    #[test]
    fn usernames_give_initials_of_their_parts() {
        assert_eq!(username_initials("maya_chen"), "MC");
        assert_eq!(username_initials("diego"), "D");
        assert_eq!(username_initials("sam-o-neill"), "SN");
    }
}
