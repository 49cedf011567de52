//! Account types shared by the server and the browser.

use serde::{Deserialize, Serialize};

/// Which side of the market an account is acting on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Hiring freelancers or, when learning, booking coaches ("student").
    Client,
    /// Working on gigs or, when teaching, coaching students ("coach").
    Freelancer,
}

impl Mode {
    /// Both modes, client first.
    pub const ALL: [Mode; 2] = [Mode::Client, Mode::Freelancer];

    /// The stored and submitted name.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Client => "client",
            Mode::Freelancer => "freelancer",
        }
    }

    /// Parses a stored or submitted name.
    pub fn parse(value: &str) -> Option<Self> {
        match value.trim() {
            "client" => Some(Mode::Client),
            "freelancer" => Some(Mode::Freelancer),
            _ => None,
        }
    }

    /// How the mode is shown: both the hiring and the learning name.
    pub fn label(self) -> &'static str {
        match self {
            Mode::Client => "Client · Student",
            Mode::Freelancer => "Freelancer · Coach",
        }
    }

    /// The other side.
    pub fn other(self) -> Self {
        match self {
            Mode::Client => Mode::Freelancer,
            Mode::Freelancer => Mode::Client,
        }
    }
}

/// A capability beyond the two market sides, granted only by a super admin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// Moderates users and content, sees analytics.
    Admin,
    /// Grants and revokes admin; created from the command line.
    SuperAdmin,
}

/// The signed-in account, as the client sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    /// Account id.
    pub id: i32,
    /// Lower-cased email.
    pub email: String,
    /// Lower-cased handle, unique.
    pub username: String,
    /// The name shown to others.
    pub display_name: String,
    /// Holds the client/student side.
    pub has_client: bool,
    /// Holds the freelancer/coach side.
    pub has_freelancer: bool,
    /// The side the account is acting on now.
    pub active_mode: Mode,
    /// Can moderate.
    pub is_admin: bool,
    /// Can grant admin.
    pub is_super_admin: bool,
}

impl CurrentUser {
    /// Whether the account holds `mode`.
    pub fn holds(&self, mode: Mode) -> bool {
        match mode {
            Mode::Client => self.has_client,
            Mode::Freelancer => self.has_freelancer,
        }
    }

    /// Whether the account has `role`; a super admin is also an admin.
    pub fn has_role(&self, role: Role) -> bool {
        match role {
            Role::Admin => self.is_admin || self.is_super_admin,
            Role::SuperAdmin => self.is_super_admin,
        }
    }

    /// Up to two initials for the avatar.
    pub fn initials(&self) -> String {
        initials(&self.display_name)
    }
}

/// Up to two upper-case initials of a name ("Ada Lovelace" → "AL").
pub fn initials(name: &str) -> String {
    let mut words = name.split_whitespace().filter_map(|w| w.chars().next());
    let first = words.next();
    let last = words.next_back();
    first
        .into_iter()
        .chain(last)
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(admin: bool, super_admin: bool) -> CurrentUser {
        CurrentUser {
            id: 1,
            email: "a@b.co".into(),
            username: "ada".into(),
            display_name: "Ada Lovelace".into(),
            has_client: true,
            has_freelancer: false,
            active_mode: Mode::Client,
            is_admin: admin,
            is_super_admin: super_admin,
        }
    }

    #[test]
    fn role_guard_logic() {
        assert!(!user(false, false).has_role(Role::Admin));
        assert!(user(true, false).has_role(Role::Admin));
        assert!(!user(true, false).has_role(Role::SuperAdmin));
        assert!(user(false, true).has_role(Role::Admin));
        assert!(user(false, true).has_role(Role::SuperAdmin));
    }

    #[test]
    fn holds_only_the_modes_it_has() {
        let u = user(false, false);
        assert!(u.holds(Mode::Client));
        assert!(!u.holds(Mode::Freelancer));
    }

    #[test]
    fn modes_round_trip_their_names() {
        for mode in Mode::ALL {
            assert_eq!(Mode::parse(mode.as_str()), Some(mode));
            assert_eq!(mode.other().other(), mode);
        }
        assert_eq!(Mode::parse("admin"), None);
    }

    #[test]
    fn initials_take_first_and_last_word() {
        assert_eq!(initials("Ada Lovelace"), "AL");
        assert_eq!(initials("grace brewster murray hopper"), "GH");
        assert_eq!(initials("Zoë"), "Z");
        assert_eq!(initials("  "), "");
    }
}
