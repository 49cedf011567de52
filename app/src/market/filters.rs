//! Parsing the search filters "Find talent" and the gig board share: role,
//! skills, country and an amount range with its currency. Each problem is
//! reported against its query parameter (server only).

use super::countries::normalise_country;
use super::money::{CURRENCIES, parse_amount};
use super::skills::parse_skill_list;
use super::taxonomy;
use crate::error::FormErrors;

/// The longest search text, in characters.
pub const MAX_SEARCH_CHARS: usize = 200;

/// A search text: `None` when empty; longer than [`MAX_SEARCH_CHARS`] is an
/// error on `q`.
pub fn search_text(raw: &str, errors: &mut FormErrors) -> Option<String> {
    let text = raw.trim();
    if text.chars().count() > MAX_SEARCH_CHARS {
        errors.add("q", "Keep your search under 200 characters.");
        return None;
    }
    (!text.is_empty()).then(|| text.to_string())
}

/// A role filter: `None` for any role; an id outside the taxonomy is an
/// error on `role`.
pub fn role(raw: &str, errors: &mut FormErrors) -> Option<String> {
    match raw.trim() {
        "" => None,
        r if taxonomy::role(r).is_some() => Some(r.to_string()),
        _ => {
            errors.add("role", "Unknown role.");
            None
        }
    }
}

/// A skills filter: the slugs of a comma-separated list (errors on `skills`).
pub fn skills(raw: &str, errors: &mut FormErrors) -> Vec<String> {
    parse_skill_list(raw)
        .map_err(|m| errors.add("skills", m))
        .unwrap_or_default()
        .into_iter()
        .map(|(_, slug)| slug)
        .collect()
}

/// A country filter: `None` for anywhere (errors on `country`).
pub fn country(raw: &str, errors: &mut FormErrors) -> Option<String> {
    normalise_country(raw)
        .map_err(|m| errors.add("country", m))
        .ok()
        .filter(|c| !c.is_empty())
}

/// An amount range (an hourly rate or a budget) in cents, with its currency.
#[derive(Debug, PartialEq)]
pub struct AmountRange {
    /// The lower bound, if given.
    pub min: Option<i64>,
    /// The upper bound, if given.
    pub max: Option<i64>,
    /// The currency: the one chosen, or USD when a bound is given without one.
    pub currency: Option<String>,
}

/// Parses the bounds `(parameter, raw value)` of an amount range and its
/// currency (errors on `currency`); the maximum may not be below the minimum.
pub fn amount_range(
    min: (&str, &str),
    max: (&str, &str),
    currency: &str,
    errors: &mut FormErrors,
) -> AmountRange {
    let mut bound = |(field, raw): (&str, &str)| {
        (!raw.trim().is_empty())
            .then(|| parse_amount(raw).map_err(|m| errors.add(field, m)).ok())
            .flatten()
    };
    let (low, high) = (bound(min), bound(max));
    if let (Some(low), Some(high)) = (low, high)
        && high < low
    {
        errors.add(max.0, "The maximum can't be below the minimum.");
    }
    let currency = match currency.trim() {
        "" => (low.is_some() || high.is_some()).then(|| "USD".to_string()),
        c if CURRENCIES.contains(&c) => Some(c.to_string()),
        _ => {
            errors.add("currency", "Unknown currency.");
            None
        }
    };
    AmountRange {
        min: low,
        max: high,
        currency,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bound_without_a_currency_means_usd() {
        let mut errors = FormErrors::new();
        let range = amount_range(("min", "20"), ("max", ""), "", &mut errors);
        assert_eq!(
            range,
            AmountRange {
                min: Some(2000),
                max: None,
                currency: Some("USD".into())
            }
        );
        assert!(errors.into_result().is_ok());
        let mut errors = FormErrors::new();
        let range = amount_range(("min", ""), ("max", ""), "", &mut errors);
        assert_eq!(range.currency, None);
    }

    #[test]
    fn a_reversed_range_and_unknown_values_are_field_errors() {
        let mut errors = FormErrors::new();
        amount_range(("min", "50"), ("max", "10"), "XYZ", &mut errors);
        assert_eq!(role("wizard", &mut errors), None);
        assert_eq!(
            role(" web-developer ", &mut errors).as_deref(),
            Some("web-developer")
        );
        let error = errors.into_result().unwrap_err();
        for field in ["max", "currency", "role"] {
            assert!(error.field(field).is_some(), "{field}: {error:?}");
        }
        assert!(error.field("min").is_none());
    }
}
