//! What the account security pages show.

use serde::{Deserialize, Serialize};

/// One signed-in session of the user, as the sessions page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    /// An opaque name for the session (never its id, which is a secret).
    pub handle: String,
    /// Browser and system, e.g. "Firefox 133 on Linux".
    pub device: String,
    /// The network it signed in from, approximately (e.g. "203.0.113.x").
    pub ip: String,
    /// When it signed in (Unix seconds).
    pub created_at: i64,
    /// When it was last used (Unix seconds, to the minute).
    pub last_seen: i64,
    /// The session of this request.
    pub current: bool,
}

/// The account's two-factor state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorStatus {
    /// Whether sign-in asks for a code.
    pub enabled: bool,
    /// Recovery codes not used yet.
    pub recovery_codes_left: u32,
}

/// An enrolment in progress: the secret to put into an authenticator app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    /// The secret in base32, to type in.
    pub secret: String,
    /// The `otpauth://` address the QR code holds.
    pub url: String,
    /// The QR code as an SVG document.
    pub qr_svg: String,
}
