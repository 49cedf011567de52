//! ISO 3166-1 alpha-2 countries with short English names (`app/data/countries.csv`).

use std::sync::LazyLock;

static COUNTRIES: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    csv::Reader::from_reader(include_str!("../../data/countries.csv").as_bytes())
        .deserialize::<(String, String)>()
        .collect::<Result<Vec<_>, _>>()
        .expect("countries.csv is valid")
});

/// Every country as (code, name), sorted by name.
pub fn countries() -> &'static [(String, String)] {
    &COUNTRIES
}

/// The name of a country code, if known.
pub fn country_name(code: &str) -> Option<&'static str> {
    COUNTRIES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code))
        .map(|(_, n)| n.as_str())
}

/// Normalises a submitted country code (`""` stays empty).
pub fn normalise_country(code: &str) -> Result<String, &'static str> {
    let code = code.trim().to_ascii_uppercase();
    if code.is_empty() || country_name(&code).is_some() {
        Ok(code)
    } else {
        Err("Choose a country from the list.")
    }
}

/// "City, Country" for display, skipping empty parts.
pub fn place(city: &str, country: &str) -> String {
    let country = country_name(country).unwrap_or(country);
    [city.trim(), country]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_map_to_friendly_names() {
        assert_eq!(country_name("gb"), Some("United Kingdom"));
        assert_eq!(country_name("NG"), Some("Nigeria"));
        assert!(countries().len() > 240);
        assert_eq!(place("Lagos", "NG"), "Lagos, Nigeria");
        assert_eq!(place("", "DE"), "Germany");
        assert!(normalise_country("xx").is_err());
    }
}
