//! Normalising and checking sign-up fields (shared, so forms can hint early;
//! the server always checks again).

/// Lower-cases and trims an email, or explains what is wrong with it.
pub fn normalise_email(raw: &str) -> Result<String, &'static str> {
    let email = raw.trim().to_lowercase();
    if email.is_empty() {
        return Err("Enter your email address.");
    }
    if email.len() > 254 || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("Enter a valid email address.");
    }
    let Some((local, domain)) = email.split_once('@') else {
        return Err("Enter a valid email address.");
    };
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !domain.contains('@');
    if local.is_empty() || local.len() > 64 || !domain_ok {
        return Err("Enter a valid email address.");
    }
    Ok(email)
}

/// Usernames nobody may take: they would read as official.
const RESERVED_USERNAMES: &[&str] = &[
    "admin",
    "administrator",
    "api",
    "guild",
    "help",
    "login",
    "logout",
    "me",
    "moderator",
    "root",
    "signup",
    "staff",
    "support",
    "system",
];

/// Lower-cases and checks a username: 3–30 of `a-z 0-9 _ -`, starting with a letter or digit.
pub fn normalise_username(raw: &str) -> Result<String, &'static str> {
    let name = raw.trim().to_lowercase();
    let len = name.chars().count();
    if len < 3 {
        return Err("Use at least 3 characters.");
    }
    if len > 30 {
        return Err("Use at most 30 characters.");
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
    {
        return Err("Use only letters, digits, '_' and '-'.");
    }
    if !name.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Err("Start with a letter or a digit.");
    }
    if RESERVED_USERNAMES.contains(&name.as_str()) {
        return Err("That username is reserved.");
    }
    Ok(name)
}

/// Trims a display name and checks it is 1–80 printable characters, with no
/// direction overrides or invisible look-alike characters.
pub fn normalise_display_name(raw: &str) -> Result<String, String> {
    crate::text::line(raw, 80, Some("Enter the name others will see."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_and_lower_cased() {
        assert_eq!(
            normalise_email("  Ada@Example.COM ").unwrap(),
            "ada@example.com"
        );
    }

    #[test]
    fn malformed_emails_are_refused() {
        for bad in [
            "",
            "ada",
            "ada@",
            "@example.com",
            "ada@example",
            "a da@example.com",
            "ada@.com",
            "ada@example..com",
        ] {
            assert!(normalise_email(bad).is_err(), "{bad:?} passed");
        }
    }

    #[test]
    fn usernames_follow_the_rules() {
        assert_eq!(normalise_username(" Ada_L ").unwrap(), "ada_l");
        assert!(normalise_username("ab").is_err());
        assert!(normalise_username(&"a".repeat(31)).is_err());
        assert!(normalise_username("ada lovelace").is_err());
        assert!(normalise_username("_ada").is_err());
        assert!(normalise_username("Admin").is_err());
    }

    #[test]
    fn display_names_collapse_spaces() {
        assert_eq!(
            normalise_display_name("  Ada   Lovelace ").unwrap(),
            "Ada Lovelace"
        );
        assert!(normalise_display_name("   ").is_err());
        assert!(normalise_display_name(&"x".repeat(81)).is_err());
    }
}
