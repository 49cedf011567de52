//! The sessions page: every live session of a user with its device,
//! approximate network, sign-in time and last use, read from the session
//! records themselves (the device is written at sign-in); revoking one, or
//! all but the current one, deletes them and closes their sockets.

use crate::accounts::server::{now, session, session_keys};
use crate::entity::session as session_row;
use crate::error::{AppError, FormErrors};
use crate::live::server::hub::Hub;
use crate::security::model::SessionView;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use sha2::{Digest, Sha256};

/// The opaque name of a session shown to its owner (a session id is a
/// bearer secret and never leaves the cookie).
pub fn handle_of(session_id: &str) -> String {
    let digest = Sha256::digest(session_id.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// "Firefox 133 on Linux" from a user agent; "Unknown device" otherwise.
pub fn device_label(user_agent: &str) -> String {
    let Some(found) = woothee::parser::Parser::new().parse(user_agent) else {
        return "Unknown device".into();
    };
    if found.name == "UNKNOWN" {
        return "Unknown device".into();
    }
    let major = found.version.split('.').next().unwrap_or_default();
    let browser = if major.is_empty() || major == "UNKNOWN" {
        found.name.to_string()
    } else {
        format!("{} {major}", found.name)
    };
    if found.os == "UNKNOWN" {
        browser
    } else {
        format!("{browser} on {}", found.os)
    }
}

fn view_of(row: &session_row::Model, current: Option<&str>) -> SessionView {
    let data: serde_json::Value = serde_json::from_str(&row.data).unwrap_or_default();
    let number = |key: &str| data.get(key).and_then(serde_json::Value::as_i64);
    let text = |key: &str| {
        data.get(key)
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let created_at = number(session_keys::STARTED_AT).unwrap_or_default();
    let device = text(session_keys::USER_AGENT);
    SessionView {
        handle: handle_of(&row.id),
        device: if device.is_empty() {
            "Unknown device".into()
        } else {
            device_label(&device)
        },
        ip: match text(session_keys::NETWORK) {
            ip if ip.is_empty() => "unknown network".into(),
            ip => ip,
        },
        created_at,
        last_seen: number(session_keys::TOUCHED_AT).unwrap_or(created_at),
        current: current == Some(row.id.as_str()),
    }
}

async fn live_rows(
    db: &impl ConnectionTrait,
    user_id: i32,
) -> Result<Vec<session_row::Model>, AppError> {
    Ok(session_row::Entity::find()
        .filter(session_row::Column::UserId.eq(user_id))
        .filter(session_row::Column::ExpiresAt.gt(now()))
        .order_by_desc(session_row::Column::ExpiresAt)
        .all(db)
        .await?)
}

/// `user_id`'s live sessions, the current one first, then by last use.
pub async fn list(
    db: &impl ConnectionTrait,
    user_id: i32,
    current: Option<&str>,
) -> Result<Vec<SessionView>, AppError> {
    let mut views: Vec<SessionView> = live_rows(db, user_id)
        .await?
        .iter()
        .map(|row| view_of(row, current))
        .collect();
    views.sort_by_key(|v| (!v.current, -v.last_seen));
    Ok(views)
}

/// Ends the session named `handle` of `user_id` (not the current one: that
/// is "Log out").
pub async fn revoke(
    db: &impl ConnectionTrait,
    hub: &Hub,
    user_id: i32,
    handle: &str,
    current: Option<&str>,
) -> Result<(), AppError> {
    let row = live_rows(db, user_id)
        .await?
        .into_iter()
        .find(|row| handle_of(&row.id) == handle)
        .ok_or(AppError::NotFound)?;
    if current == Some(row.id.as_str()) {
        return Err(AppError::Invalid(
            FormErrors::new().with_form("This is the session you are using: log out instead."),
        ));
    }
    session::revoke_ids(db, hub, user_id, &[row.id]).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_are_named_by_browser_and_system() {
        let firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
        assert_eq!(device_label(firefox), "Firefox 133 on Linux");
        assert_eq!(device_label("not a browser at all"), "Unknown device");
    }

    #[test]
    fn handles_are_stable_and_do_not_reveal_the_id() {
        let id = "bm90LWEtcmVhbC1zZXNzaW9uLWlk";
        assert_eq!(handle_of(id), handle_of(id));
        assert_eq!(handle_of(id).len(), 16);
        assert!(!handle_of(id).contains(id));
    }
}
