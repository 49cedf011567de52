//! The ledger's filters, as the page's form and the CSV link carry them.

use crate::error::{AppError, FormErrors};
use serde::{Deserialize, Serialize};

/// Filters as typed (every field optional; empty means "any").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerQuery {
    /// `YYYY-MM`.
    #[serde(default)]
    pub month: Option<String>,
    /// An ISO currency code, e.g. `USD`.
    #[serde(default)]
    pub currency: Option<String>,
    /// A contract's number.
    #[serde(default)]
    pub contract: Option<String>,
    /// A username, client or freelancer.
    #[serde(default)]
    pub person: Option<String>,
}

/// Filters after checking.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LedgerFilter {
    /// Unix seconds: from (inclusive) and to (exclusive).
    pub period: Option<(i64, i64)>,
    /// Upper-case currency code.
    pub currency: Option<String>,
    /// Contract id.
    pub contract: Option<i32>,
    /// Username.
    pub person: Option<String>,
}

fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// The first second of `month` (`YYYY-MM`) and of the month after, in UTC.
pub fn month_range(month: &str) -> Option<(i64, i64)> {
    let (year, month) = month.split_once('-')?;
    if year.len() != 4 || month.len() != 2 {
        return None;
    }
    let (year, month): (i32, u32) = (year.parse().ok()?, month.parse().ok()?);
    let start = chrono::NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        chrono::NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        chrono::NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    let secs = |d: chrono::NaiveDate| d.and_hms_opt(0, 0, 0).map(|t| t.and_utc().timestamp());
    Some((secs(start)?, secs(next)?))
}

impl LedgerQuery {
    /// Checks every field; a bad one gets its own message.
    pub fn check(&self) -> Result<LedgerFilter, AppError> {
        let mut errors = FormErrors::new();
        let period = given(&self.month).and_then(|m| {
            let range = month_range(m);
            if range.is_none() {
                errors.add("month", "Use a month like 2026-11.");
            }
            range
        });
        let currency = given(&self.currency).and_then(|c| {
            let ok = c.len() == 3 && c.chars().all(|ch| ch.is_ascii_alphabetic());
            if !ok {
                errors.add("currency", "Use a three-letter currency code, like USD.");
            }
            ok.then(|| c.to_ascii_uppercase())
        });
        let contract = given(&self.contract).and_then(|c| {
            let id = c
                .trim_start_matches('#')
                .parse::<i32>()
                .ok()
                .filter(|id| *id > 0);
            if id.is_none() {
                errors.add("contract", "Use a contract number, like 12.");
            }
            id
        });
        let person = given(&self.person).and_then(|p| {
            let name = p.trim_start_matches('@');
            let ok = name.len() <= 40
                && name
                    .chars()
                    .all(|ch| ch.is_ascii_alphanumeric() || ch == '_' || ch == '-');
            if !ok {
                errors.add("person", "Use a username, like maya.");
            }
            ok.then(|| name.to_ascii_lowercase())
        });
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        Ok(LedgerFilter {
            period,
            currency,
            contract,
            person,
        })
    }

    /// The query string that carries these filters (for the CSV link).
    pub fn to_query_string(&self) -> String {
        let pairs = [
            ("month", given(&self.month)),
            ("currency", given(&self.currency)),
            ("contract", given(&self.contract)),
            ("person", given(&self.person)),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)));
        url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_span_their_days_in_utc() {
        assert_eq!(month_range("2026-11"), Some((1_793_491_200, 1_796_083_200)));
        let (dec, jan) = month_range("2026-12").unwrap();
        assert_eq!(jan - dec, 31 * 86_400);
        assert_eq!(month_range("2026-13"), None);
        assert_eq!(month_range("26-11"), None);
        assert_eq!(month_range("november"), None);
    }

    #[test]
    fn each_bad_field_gets_its_own_message() {
        let query = LedgerQuery {
            month: Some("2026-13".into()),
            currency: Some("dollars".into()),
            contract: Some("x".into()),
            person: Some("<b>".into()),
        };
        let Err(AppError::Invalid(errors)) = query.check() else {
            panic!("refused");
        };
        for field in ["month", "currency", "contract", "person"] {
            assert!(errors.fields.contains_key(field), "{field}");
        }
        let fine = LedgerQuery {
            month: Some(" 2026-11 ".into()),
            currency: Some("usd".into()),
            contract: Some("#12".into()),
            person: Some("@Maya".into()),
        }
        .check()
        .expect("valid");
        assert_eq!(fine.currency.as_deref(), Some("USD"));
        assert_eq!(fine.contract, Some(12));
        assert_eq!(fine.person.as_deref(), Some("maya"));
        assert_eq!(
            LedgerQuery::default().check().unwrap(),
            LedgerFilter::default()
        );
    }
}
