//! Which passwords Guild accepts.

use std::collections::HashSet;
use std::sync::LazyLock;

/// Shortest accepted password, in characters.
pub const MIN_LEN: usize = 8;
/// Longest accepted password, in characters (bounds the hashing work).
pub const MAX_LEN: usize = 128;

/// The 10,000 most common passwords (zxcvbn's frequency list, MIT licence;
/// see `app/data/README.md`).
static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../../data/common-passwords.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
});

/// Why a password is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    /// Fewer than [`MIN_LEN`] characters.
    TooShort,
    /// More than [`MAX_LEN`] characters.
    TooLong,
    /// On the list of common passwords.
    Common,
    /// The same as the account's email, username or display name.
    SameAsIdentity,
}

impl PasswordProblem {
    /// The message shown next to the password field.
    pub fn message(self) -> String {
        match self {
            Self::TooShort => format!("Use at least {MIN_LEN} characters."),
            Self::TooLong => format!("Use at most {MAX_LEN} characters."),
            Self::Common => {
                "This password is too common; choose one that is harder to guess.".into()
            }
            Self::SameAsIdentity => {
                "Don't use your email, username or name as your password.".into()
            }
        }
    }
}

/// Checks `password` against the policy; `identity` holds the account's
/// email, username and display name.
pub fn check_password(password: &str, identity: &[&str]) -> Result<(), PasswordProblem> {
    let len = password.chars().count();
    if len < MIN_LEN {
        return Err(PasswordProblem::TooShort);
    }
    if len > MAX_LEN {
        return Err(PasswordProblem::TooLong);
    }
    let lowered = password.to_lowercase();
    if COMMON.contains(lowered.as_str()) {
        return Err(PasswordProblem::Common);
    }
    if identity
        .iter()
        .any(|part| !part.is_empty() && part.to_lowercase() == lowered)
    {
        return Err(PasswordProblem::SameAsIdentity);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_has_at_least_a_thousand_entries() {
        assert!(COMMON.len() >= 1_000, "only {} entries", COMMON.len());
    }

    #[test]
    fn length_bounds_count_characters_not_bytes() {
        assert_eq!(
            check_password("Ab3$xyz", &[]),
            Err(PasswordProblem::TooShort)
        );
        assert_eq!(check_password("Ab3$xyzq", &[]), Ok(()));
        assert_eq!(check_password(&"é".repeat(MAX_LEN), &[]), Ok(()));
        assert_eq!(
            check_password(&"é".repeat(MAX_LEN + 1), &[]),
            Err(PasswordProblem::TooLong)
        );
    }

    #[test]
    fn common_passwords_are_refused_whatever_their_case() {
        assert_eq!(
            check_password("password", &[]),
            Err(PasswordProblem::Common)
        );
        assert_eq!(
            check_password("PassWord1", &[]),
            Err(PasswordProblem::Common)
        );
        assert_eq!(
            check_password("baseball", &[]),
            Err(PasswordProblem::Common)
        );
    }

    #[test]
    fn identity_is_refused() {
        assert_eq!(
            check_password("ada.lovelace", &["ada@example.com", "Ada.Lovelace", "Ada"]),
            Err(PasswordProblem::SameAsIdentity)
        );
    }

    #[test]
    fn a_reasonable_passphrase_passes() {
        assert_eq!(check_password("copper kettle sings", &["ada"]), Ok(()));
    }
}
