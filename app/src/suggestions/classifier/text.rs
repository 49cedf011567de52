//! Turning need statements into tokens: lower-casing, a few technology names
//! kept intact (C++, C#, .NET), stop words dropped, English Snowball
//! stemming, word bigrams, and character n-grams for typo tolerance.

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::LazyLock;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Words that say nothing about the role ("i need someone to help me").
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "for", "with", "at", "by",
    "from", "is", "are", "was", "were", "be", "been", "am", "i", "me", "my", "we", "our", "you",
    "your", "it", "its", "this", "that", "these", "those", "im", "can", "could", "would", "will",
    "just", "need", "needs", "want", "looking", "someone", "somebody", "help", "please", "hi",
    "hello", "get", "got", "have", "has", "had", "do", "does", "did", "so", "some", "any",
];

/// Lower-cases and rewrites technology names that punctuation would break.
pub fn normalise(text: &str) -> String {
    text.to_lowercase()
        .replace("c++", " cplusplus ")
        .replace("c#", " csharp ")
        .replace(".net", " dotnet ")
}

/// Stemmed content words, in order.
pub fn words(text: &str) -> Vec<String> {
    normalise(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(w))
        .map(|w| STEMMER.stem(w).into_owned())
        .collect()
}

/// Word unigrams and bigrams (`web`, `web_shop`).
pub fn word_features(text: &str) -> Vec<String> {
    let words = words(text);
    let bigrams = words.windows(2).map(|w| format!("{}_{}", w[0], w[1]));
    let mut out = words.clone();
    out.extend(bigrams);
    out
}

/// Character 3-, 4- and 5-grams of each ASCII word of three or more
/// letters, with `<` and `>` marking the word's edges. Each starts with `#`
/// so it can never be mistaken for a word feature.
pub fn char_features(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in text
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
    {
        if word.len() < 3 {
            continue;
        }
        let marked: Vec<char> = format!("<{word}>").chars().collect();
        for n in 3..=5 {
            out.extend(marked.windows(n).map(|w| {
                std::iter::once('#')
                    .chain(w.iter().copied())
                    .collect::<String>()
            }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_stemmed_and_stop_words_dropped() {
        assert_eq!(
            words("I need someone to edit my videos!"),
            ["edit", "video"]
        );
        assert_eq!(
            words("Baking cakes & selling them online"),
            ["bake", "cake", "sell", "them", "onlin"]
        );
    }

    #[test]
    fn technology_names_survive() {
        assert_eq!(
            words("C++ and C# on .NET"),
            ["cplusplus", "csharp", "dotnet"]
        );
    }

    #[test]
    fn bigrams_follow_word_order() {
        assert_eq!(word_features("web shop"), ["web", "shop", "web_shop"]);
    }

    #[test]
    fn char_ngrams_mark_word_edges_and_tolerate_typos() {
        let grams = char_features("Wesbite");
        assert!(grams.contains(&"#<we".to_string()));
        assert!(grams.contains(&"#ite>".to_string()));
        assert!(grams.contains(&"#web".to_string()) || grams.contains(&"#wes".to_string()));
        assert!(
            !grams.iter().any(|g| !g.starts_with('#')),
            "never a bare word"
        );
        let typo: std::collections::HashSet<_> = char_features("wesbite").into_iter().collect();
        let right: std::collections::HashSet<_> = char_features("website").into_iter().collect();
        assert!(
            typo.intersection(&right).count() >= 4,
            "a typo keeps several n-grams"
        );
        assert!(char_features("ok to").is_empty());
    }
}
