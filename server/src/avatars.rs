//! `GET /avatars/{username}.svg`: a generated avatar (initials on a colour
//! picked from the username), so no external image service is needed.

use app::accounts::model::initials;
use app::accounts::server::repo::find_by_identifier;
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

/// The SVG for a person.
pub fn svg(display_name: &str, username: &str) -> String {
    let colour = COLOURS[colour_index(username) as usize % COLOURS.len()];
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"96\" height=\"96\" viewBox=\"0 0 96 96\" role=\"img\" aria-label=\"{name}\">\
         <rect width=\"96\" height=\"96\" rx=\"48\" fill=\"{colour}\"/>\
         <text x=\"48\" y=\"58\" font-family=\"system-ui, sans-serif\" font-size=\"34\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#fff\">{initials}</text></svg>",
        name = escape(display_name),
        initials = escape(&initials(display_name)),
    )
}

/// Serves the avatar of `{username}.svg`.
pub async fn avatar(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some(username) = file.strip_suffix(".svg").filter(|u| !u.contains('@')) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match find_by_identifier(&state.db, username).await {
        Ok(Some(user)) => (
            [
                (header::CONTENT_TYPE, "image/svg+xml"),
                (header::CACHE_CONTROL, "public, max-age=3600"),
            ],
            svg(&user.display_name, &user.username),
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped() {
        let out = svg("<Ada> & \"Bob\"", "ada");
        assert!(out.contains("&lt;Ada&gt; &amp; &quot;Bob&quot;"));
        assert!(out.starts_with("<svg"));
    }
}
