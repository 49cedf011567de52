//! Languages people can list on their profiles.

/// Languages offered in forms (English names), most widely used first.
pub const LANGUAGES: &[&str] = &[
    "English",
    "Spanish",
    "French",
    "German",
    "Portuguese",
    "Italian",
    "Dutch",
    "Arabic",
    "Mandarin Chinese",
    "Cantonese",
    "Japanese",
    "Korean",
    "Hindi",
    "Urdu",
    "Bengali",
    "Punjabi",
    "Tamil",
    "Telugu",
    "Marathi",
    "Gujarati",
    "Russian",
    "Ukrainian",
    "Polish",
    "Czech",
    "Slovak",
    "Hungarian",
    "Romanian",
    "Bulgarian",
    "Serbian",
    "Croatian",
    "Greek",
    "Turkish",
    "Persian",
    "Hebrew",
    "Swahili",
    "Amharic",
    "Yoruba",
    "Igbo",
    "Hausa",
    "Zulu",
    "Afrikaans",
    "Somali",
    "Indonesian",
    "Malay",
    "Filipino",
    "Vietnamese",
    "Thai",
    "Burmese",
    "Khmer",
    "Nepali",
    "Sinhala",
    "Swedish",
    "Norwegian",
    "Danish",
    "Finnish",
    "Icelandic",
    "Estonian",
    "Latvian",
    "Lithuanian",
    "Catalan",
    "Basque",
    "Galician",
    "Irish",
    "Welsh",
    "Albanian",
    "Armenian",
    "Georgian",
    "Azerbaijani",
    "Kazakh",
    "Uzbek",
    "Mongolian",
    "Quechua",
    "Haitian Creole",
    "Sign Language (ASL)",
    "Sign Language (BSL)",
];

/// The canonical spelling of a language, if it is on the list.
pub fn canonical_language(name: &str) -> Option<&'static str> {
    let name = name.trim();
    LANGUAGES
        .iter()
        .copied()
        .find(|l| l.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_case_insensitively() {
        assert_eq!(canonical_language(" spanish "), Some("Spanish"));
        assert_eq!(canonical_language("Klingon"), None);
    }
}
