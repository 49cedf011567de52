//! Formatting dates and ratings for people.

/// `1795000000` → `"19 Nov 2026"` (UTC).
pub fn date(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .map(|d| d.format("%-d %b %Y").to_string())
        .unwrap_or_default()
}

/// Unix seconds as `"4 Dec 2026, 22:15 UTC"`.
pub fn date_time(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .map(|d| d.format("%-d %b %Y, %H:%M UTC").to_string())
        .unwrap_or_default()
}

/// `"2026-12-31"` → `"31 Dec 2026"`; anything else is returned as is.
pub fn day(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(|d| d.format("%-d %b %Y").to_string())
        .unwrap_or_else(|_| iso.to_string())
}

/// `"2026-07"` → `"Jul"`.
pub fn month_short(month: &str) -> String {
    chrono::NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d")
        .map(|d| d.format("%b").to_string())
        .unwrap_or_else(|_| month.to_string())
}

/// A rating with one decimal (`4.67` → `"4.7"`).
pub fn rating(value: f64) -> String {
    format!("{value:.1}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_naturally() {
        assert_eq!(date(1_795_000_000), "18 Nov 2026");
        assert_eq!(day("2026-12-31"), "31 Dec 2026");
        assert_eq!(day("soon"), "soon");
        assert_eq!(month_short("2026-07"), "Jul");
        assert_eq!(rating(4.666), "4.7");
    }
}
