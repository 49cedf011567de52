//! Amounts are integer cents with a three-letter currency code.

/// Currencies Guild prices in.
pub const CURRENCIES: &[&str] = &["USD", "EUR", "GBP", "CAD", "AUD"];

/// The symbol shown before an amount, or the code and a space.
pub fn symbol(currency: &str) -> String {
    match currency {
        "USD" => "$".into(),
        "EUR" => "€".into(),
        "GBP" => "£".into(),
        "CAD" => "CA$".into(),
        "AUD" => "A$".into(),
        other => format!("{other} "),
    }
}

/// `4550, "USD"` → `$45.50`; whole amounts drop the cents (`$45`).
pub fn format_money(cents: i64, currency: &str) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let whole = group_thousands(abs / 100);
    let rest = abs % 100;
    if rest == 0 {
        format!("{sign}{}{whole}", symbol(currency))
    } else {
        format!("{sign}{}{whole}.{rest:02}", symbol(currency))
    }
}

/// `20000` as `20,000`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Parses an amount typed by a person (`45`, `45.5`, `1,200.00`) into cents.
pub fn parse_amount(input: &str) -> Result<i64, &'static str> {
    let cleaned: String = input
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != ' ')
        .collect();
    let cleaned = cleaned.trim_start_matches(['$', '€', '£']);
    if cleaned.is_empty() {
        return Err("Enter an amount.");
    }
    let (whole, fraction) = cleaned.split_once('.').unwrap_or((cleaned, ""));
    if whole.is_empty() && fraction.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !fraction.chars().all(|c| c.is_ascii_digit())
        || fraction.len() > 2
    {
        return Err("Enter an amount like 45 or 45.50.");
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| "That amount is too large.")?
    };
    let cents: i64 = format!("{fraction:0<2}").parse().unwrap_or(0);
    let total = whole
        .checked_mul(100)
        .and_then(|w| w.checked_add(cents))
        .ok_or("That amount is too large.")?;
    if total > 10_000_000_000 {
        return Err("That amount is too large.");
    }
    Ok(total)
}

/// Cents as a plain decimal for form fields (`4550` → `45.50`, `4500` → `45`).
pub fn amount_input(cents: i64) -> String {
    if cents % 100 == 0 {
        (cents / 100).to_string()
    } else {
        format!("{}.{:02}", cents / 100, cents % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_symbol_and_grouping() {
        assert_eq!(format_money(4550, "USD"), "$45.50");
        assert_eq!(format_money(12_000_000, "EUR"), "€120,000");
        assert_eq!(format_money(5, "GBP"), "£0.05");
        assert_eq!(format_money(1000, "CHF"), "CHF 10");
    }

    #[test]
    fn parses_what_people_type() {
        assert_eq!(parse_amount("45"), Ok(4500));
        assert_eq!(parse_amount(" 1,200.5 "), Ok(120_050));
        assert_eq!(parse_amount("$30"), Ok(3000));
        assert!(parse_amount("").is_err());
        assert!(parse_amount("12.345").is_err());
        assert!(parse_amount("ten").is_err());
        assert!(parse_amount("-5").is_err());
        assert!(parse_amount("99999999999999").is_err());
    }

    #[test]
    fn inputs_round_trip() {
        assert_eq!(parse_amount(&amount_input(4550)), Ok(4550));
        assert_eq!(amount_input(4500), "45");
    }
}
