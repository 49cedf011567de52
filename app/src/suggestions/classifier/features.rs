//! TF-IDF features with a bounded vocabulary: sublinear term frequency,
//! smoothed inverse document frequency, and L2 normalisation per block
//! (words, characters), the character block down-weighted, then overall.

use super::text::{char_features, word_features};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A sparse vector: (feature index, value), sorted by index.
pub type SparseVec = Vec<(u32, f32)>;

/// How the vocabulary is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct VocabularyLimits {
    /// Most word features (unigrams and bigrams), by corpus frequency.
    pub max_words: usize,
    /// Most character n-gram features.
    pub max_chars: usize,
    /// A word feature must appear in at least this many documents.
    pub min_df_words: usize,
    /// A character feature must appear in at least this many documents.
    pub min_df_chars: usize,
    /// Weight of the character block relative to the word block.
    pub char_weight: f32,
}

impl Default for VocabularyLimits {
    fn default() -> Self {
        Self {
            max_words: 8_000,
            max_chars: 8_000,
            min_df_words: 2,
            min_df_chars: 3,
            char_weight: 0.5,
        }
    }
}

/// The fitted vocabulary: terms (words first, then characters) and their idf.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vectorizer {
    /// Every term; indexes below `word_count` are word features.
    pub terms: Vec<String>,
    /// Inverse document frequency per term.
    pub idf: Vec<f32>,
    /// How many of `terms` are word features.
    pub word_count: usize,
    /// Weight of the character block.
    pub char_weight: f32,
    #[serde(skip)]
    index: HashMap<String, u32>,
}

fn select(docs: &[Vec<String>], min_df: usize, max: usize) -> Vec<(String, usize)> {
    let mut df: HashMap<&str, usize> = HashMap::new();
    let mut tf: HashMap<&str, usize> = HashMap::new();
    for doc in docs {
        let mut seen: Vec<&str> = doc.iter().map(String::as_str).collect();
        for t in &seen {
            *tf.entry(t).or_default() += 1;
        }
        seen.sort_unstable();
        seen.dedup();
        for t in seen {
            *df.entry(t).or_default() += 1;
        }
    }
    let mut terms: Vec<(&str, usize)> = df.into_iter().filter(|(_, d)| *d >= min_df).collect();
    terms.sort_by(|a, b| tf[b.0].cmp(&tf[a.0]).then(a.0.cmp(b.0)));
    terms.truncate(max);
    terms.sort_by(|a, b| a.0.cmp(b.0));
    terms.into_iter().map(|(t, d)| (t.to_string(), d)).collect()
}

fn idf(n: usize, df: usize) -> f32 {
    (((1 + n) as f64 / (1 + df) as f64).ln() + 1.0) as f32
}

impl Vectorizer {
    /// Fits the vocabulary and idf on `texts`.
    pub fn fit(texts: &[String], limits: &VocabularyLimits) -> Self {
        let word_docs: Vec<Vec<String>> = texts.iter().map(|t| word_features(t)).collect();
        let char_docs: Vec<Vec<String>> = texts.iter().map(|t| char_features(t)).collect();
        let words = select(&word_docs, limits.min_df_words, limits.max_words);
        let chars = select(&char_docs, limits.min_df_chars, limits.max_chars);
        let n = texts.len();
        let word_count = words.len();
        let (mut terms, mut idfs) = (Vec::new(), Vec::new());
        for (t, d) in words.into_iter().chain(chars) {
            terms.push(t);
            idfs.push(idf(n, d));
        }
        let mut v = Self {
            terms,
            idf: idfs,
            word_count,
            char_weight: limits.char_weight,
            index: HashMap::new(),
        };
        v.build_index();
        v
    }

    /// Rebuilds the term lookup (after deserialising).
    pub fn build_index(&mut self) {
        self.index = self
            .terms
            .iter()
            .enumerate()
            .map(|(i, t)| (t.clone(), i as u32))
            .collect();
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether there are no features.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    fn block(&self, tokens: Vec<String>, chars: bool) -> SparseVec {
        let mut counts: HashMap<u32, u32> = HashMap::new();
        for t in tokens {
            if let Some(&i) = self.index.get(&t) {
                let is_char = i as usize >= self.word_count;
                if is_char == chars {
                    *counts.entry(i).or_default() += 1;
                }
            }
        }
        let mut v: SparseVec = counts
            .into_iter()
            .map(|(i, c)| (i, (1.0 + (c as f32).ln()) * self.idf[i as usize]))
            .collect();
        normalise(&mut v);
        v
    }

    /// The TF-IDF vector of `text`.
    pub fn transform(&self, text: &str) -> SparseVec {
        let mut v = self.block(word_features(text), false);
        let mut c = self.block(char_features(text), true);
        for (_, x) in c.iter_mut() {
            *x *= self.char_weight;
        }
        v.append(&mut c);
        normalise(&mut v);
        v.sort_unstable_by_key(|(i, _)| *i);
        v
    }
}

/// Scales `v` to unit length (unless it is zero).
pub fn normalise(v: &mut SparseVec) {
    let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, x) in v.iter_mut() {
            *x /= norm;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Vec<String> {
        [
            "build a website for my bakery",
            "website for a cafe",
            "fix my leaking tap",
            "tap leaking under sink",
        ]
        .map(String::from)
        .to_vec()
    }

    /// A vectorizer over the test corpus keeping every term.
    fn fitted() -> Vectorizer {
        Vectorizer::fit(
            &corpus(),
            &VocabularyLimits {
                min_df_words: 1,
                min_df_chars: 1,
                ..Default::default()
            },
        )
    }

    #[test]
    fn vectors_are_unit_length_and_sorted() {
        let v = fitted();
        let x = v.transform("website for a bakery");
        let norm: f32 = x.iter().map(|(_, v)| v * v).sum();
        assert!((norm - 1.0).abs() < 1e-5);
        assert!(x.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn rarer_terms_weigh_more() {
        let v = fitted();
        let idf_of = |t: &str| v.idf[v.terms.iter().position(|x| x == t).unwrap()];
        assert!(idf_of("bakeri") > idf_of("websit"));
    }

    #[test]
    fn the_vocabulary_is_bounded_and_min_df_applies() {
        let limits = VocabularyLimits {
            max_words: 3,
            max_chars: 5,
            min_df_words: 2,
            min_df_chars: 2,
            char_weight: 0.5,
        };
        let v = Vectorizer::fit(&corpus(), &limits);
        assert!(v.word_count <= 3);
        assert!(v.len() - v.word_count <= 5);
        assert!(
            !v.terms[..v.word_count].contains(&"bakeri".to_string()),
            "seen once, below min_df"
        );
    }

    #[test]
    fn unknown_text_is_the_zero_vector() {
        let v = Vectorizer::fit(&corpus(), &VocabularyLimits::default());
        assert!(v.transform("zzz qqq").is_empty());
    }
}
