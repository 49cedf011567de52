//! Checks for profile fields that the server applies (and forms may echo).

/// Accepts only absolute `http`/`https` links with a host; anything else
/// (`javascript:`, `data:`, relative paths) is refused.
pub fn validate_link(raw: &str) -> Result<String, &'static str> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err("Enter a link.");
    }
    if raw.len() > 2048 {
        return Err("That link is too long.");
    }
    let url = url::Url::parse(raw).map_err(|_| "Enter a full link starting with https://")?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err("Only http and https links are allowed.");
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err("Enter a full link starting with https://");
    }
    Ok(url.to_string())
}

/// Parses an optional whole number within `range`.
pub fn number(raw: &str, range: std::ops::RangeInclusive<i32>) -> Result<Option<i32>, String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    match raw.parse::<i32>() {
        Ok(n) if range.contains(&n) => Ok(Some(n)),
        _ => Err(format!(
            "Enter a whole number from {} to {}.",
            range.start(),
            range.end()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_links_pass() {
        assert_eq!(
            validate_link(" https://github.com/ada/shop ").unwrap(),
            "https://github.com/ada/shop"
        );
        assert!(validate_link("http://example.com").is_ok());
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,hi",
            "ftp://x.org/a",
            "/relative",
            "https://",
            "",
        ] {
            assert!(validate_link(bad).is_err(), "{bad} passed");
        }
    }

    #[test]
    fn numbers_stay_in_range() {
        assert_eq!(number("", 0..=60), Ok(None));
        assert_eq!(number("7", 0..=60), Ok(Some(7)));
        assert!(number("70", 0..=60).is_err());
        assert!(number("seven", 0..=60).is_err());
    }
}
