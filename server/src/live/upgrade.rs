//! The WebSocket upgrade: a state-changing request, so it needs a signed-in
//! session (401) and an `Origin` equal to the public origin (403), and the
//! per-user and per-address socket caps (429).

use app::accounts::server::client_ip::client_ip;
use app::accounts::server::guard::user_of_session;
use app::live::protocol::MAX_FRAME_BYTES;
use app::live::server::hub::Refusal;
use app::state::AppState;
use axum::extract::ws::WebSocketUpgrade;
use axum::extract::{FromRequestParts, State};
use axum::response::{IntoResponse, Response};
use http::request::Parts;
use http::{StatusCode, header};
use std::net::{IpAddr, Ipv4Addr};
use std::sync::Arc;
use tower_sessions::Session;

/// What the upgrade handler needs beyond the app state.
#[derive(Clone, Debug)]
pub struct UpgradeRules {
    /// The origin browsers reach Guild at (`GUILD_PUBLIC_ORIGIN`).
    pub public_origin: Arc<str>,
    /// Reverse proxies in front (for the client's address).
    pub trusted_proxies: usize,
}

fn origin_allowed(parts: &Parts, public_origin: &str) -> bool {
    parts
        .headers
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|origin| {
            origin
                .trim_end_matches('/')
                .eq_ignore_ascii_case(public_origin)
        })
}

/// `GET /ws`: upgrades a signed-in, same-origin request to the live socket.
pub async fn upgrade(
    State(state): State<AppState>,
    rules: axum::Extension<UpgradeRules>,
    request: axum::extract::Request,
) -> Response {
    let (mut parts, _body) = request.into_parts();
    if !origin_allowed(&parts, &rules.public_origin) {
        return (StatusCode::FORBIDDEN, "Cross-site socket refused.").into_response();
    }
    let Ok(session) = Session::from_request_parts(&mut parts, &state).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let user = match user_of_session(&state.db, &session).await {
        Ok(Some(user)) => user,
        Ok(None) => return (StatusCode::UNAUTHORIZED, "Log in first.").into_response(),
        Err(e) => {
            return (
                StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
                e.to_string(),
            )
                .into_response();
        }
    };
    let Some(session_id) = session.id() else {
        return (StatusCode::UNAUTHORIZED, "Log in first.").into_response();
    };
    let ip = client_ip(&parts, rules.trusted_proxies).unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    let ws = match WebSocketUpgrade::from_request_parts(&mut parts, &state).await {
        Ok(ws) => ws,
        Err(rejection) => return rejection.into_response(),
    };
    let connection = match state.live.register(user.id, &session_id.to_string(), ip) {
        Ok(connection) => connection,
        Err(Refusal::TooManyForUser) => {
            return (StatusCode::TOO_MANY_REQUESTS, "Too many open tabs.").into_response();
        }
        Err(Refusal::TooManyForAddress) => {
            return (
                StatusCode::TOO_MANY_REQUESTS,
                "Too many connections from your network.",
            )
                .into_response();
        }
    };
    ws
        // axum's default 128 KiB read buffer per socket would cost 2.5 GB
        // for 20,000 idle sockets; frames are small.
        .read_buffer_size(1024)
        .write_buffer_size(0)
        .max_message_size(MAX_FRAME_BYTES)
        .max_frame_size(MAX_FRAME_BYTES)
        .on_upgrade(move |socket| super::socket::run(socket, state, user, connection))
}
