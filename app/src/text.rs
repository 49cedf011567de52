//! Rules every free-text input follows, shared by all forms (and checked
//! again on the server):
//!
//! * no NUL or other control characters (PostgreSQL refuses NUL, and
//!   controls have no place in what people read); multi-line text keeps
//!   newlines and tabs;
//! * names and titles ([`line`]) may not carry bidirectional overrides or
//!   isolates, which can make text read differently from what it is
//!   (`"\u{202E}gpj.exe"` shows as "exe.jpg"), and lose invisible
//!   characters (zero-width spaces, soft hyphens, byte-order marks) that
//!   make two names look alike; joiners stay, since scripts and emoji need
//!   them;
//! * lengths are counted in characters, with a clear message past the limit.

/// The longest value any single form field may carry, whatever it is; the
/// server refuses longer fields before they reach a server function.
pub const MAX_FIELD_CHARS: usize = 20_000;

/// Bidirectional embedding, override and isolate controls.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that show nothing and only make look-alikes: zero-width
/// spaces, soft hyphens, word joiners, byte-order marks and the invisible
/// direction marks (LRM, RLM, ALM).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{2060}'
            ..='\u{2064}' | '\u{FEFF}'
    )
}

/// Whether `value` holds a character no text field accepts: NUL or another
/// control character other than newline, carriage return and tab.
pub fn has_forbidden_control(value: &str) -> bool {
    value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

fn check_length(value: &str, max: usize) -> Result<(), String> {
    if value.chars().count() > max {
        Err(format!(
            "Keep this under {} characters.",
            crate::market::money::group_thousands(max as u64)
        ))
    } else {
        Ok(())
    }
}

/// Multi-line text (descriptions, letters, bios): trimmed, at most `max`
/// characters, no control characters but newlines and tabs. An empty value
/// is an error when `required` holds its message.
pub fn text(raw: &str, max: usize, required: Option<&'static str>) -> Result<String, String> {
    if has_forbidden_control(raw) {
        return Err("Remove the control characters from this text.".into());
    }
    checked(raw.trim().to_string(), max, required)
}

/// `value` if it is within `max` characters; an empty value is an error
/// when `required` holds its message.
fn checked(value: String, max: usize, required: Option<&'static str>) -> Result<String, String> {
    if value.is_empty() {
        return required.map_or(Ok(value), |message| Err(message.to_string()));
    }
    check_length(&value, max)?;
    Ok(value)
}

/// A single line others see as a name or title: whitespace runs become one
/// space, invisible characters are dropped, and control or bidirectional
/// override characters are refused.
pub fn line(raw: &str, max: usize, required: Option<&'static str>) -> Result<String, String> {
    if raw.chars().any(|c| c.is_control() && !c.is_whitespace()) {
        return Err("Remove the control characters from this text.".into());
    }
    if raw.chars().any(is_bidi_control) {
        return Err("Remove the text-direction control characters.".into());
    }
    let visible: String = raw.chars().filter(|c| !is_invisible(*c)).collect();
    checked(
        visible.split_whitespace().collect::<Vec<_>>().join(" "),
        max,
        required,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_limits_count_characters() {
        assert_eq!(text("  hi ", 5, None).unwrap(), "hi");
        assert!(text("", 5, Some("Required.")).is_err());
        assert!(text("ééééééé", 5, None).is_err());
        assert_eq!(
            text(&"x".repeat(20_001), 20_000, None).unwrap_err(),
            "Keep this under 20,000 characters."
        );
    }

    #[test]
    fn text_keeps_newlines_and_refuses_nul_and_controls() {
        assert_eq!(
            text("line one\r\n\tline two", 100, None).unwrap(),
            "line one\r\n\tline two"
        );
        assert!(text("a\0b", 100, None).is_err());
        assert!(text("a\u{7}b", 100, None).is_err());
        assert!(text("a\u{85}b", 100, None).is_err());
    }

    #[test]
    fn lines_refuse_direction_overrides() {
        for spoof in ["\u{202E}gpj.exe", "a\u{2066}b\u{2069}", "x\u{202A}y"] {
            assert!(line(spoof, 100, None).is_err(), "{spoof:?} passed");
        }
    }

    #[test]
    fn lines_drop_invisible_characters_but_keep_joiners() {
        assert_eq!(line("ad\u{200B}min", 100, None).unwrap(), "admin");
        assert_eq!(line("ad\u{200F}min\u{061C}", 100, None).unwrap(), "admin");
        assert_eq!(
            line("\u{FEFF}Ada  Lovelace\u{00AD}", 100, None).unwrap(),
            "Ada Lovelace"
        );
        assert_eq!(
            line("👩\u{200D}💻 dev", 100, None).unwrap(),
            "👩\u{200D}💻 dev"
        );
        assert!(line("\u{200B}\u{2060}", 100, Some("Required.")).is_err());
    }

    #[test]
    fn lines_collapse_whitespace_and_refuse_nul() {
        assert_eq!(line(" a \n b\t c ", 100, None).unwrap(), "a b c");
        assert!(line("a\0b", 100, None).is_err());
    }
}
