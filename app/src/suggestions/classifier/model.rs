//! The trained role model: a versioned artefact (vocabulary, idf, one sparse
//! logistic-regression weight vector per role, thresholds, taxonomy version)
//! and prediction, which is a sparse dot product per role.

use super::features::{SparseVec, Vectorizer};
use serde::{Deserialize, Serialize};

/// Format version of the artefact.
pub const ARTEFACT_VERSION: u32 = 1;
/// Most roles a user is shown.
pub const MAX_ROLES: usize = 4;
/// How many roles `ranked` lists.
pub const RANKED: usize = 5;

/// One role's binary classifier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleWeights {
    /// The role id.
    pub role: String,
    /// Intercept.
    pub bias: f32,
    /// (feature index, weight), sorted by index; features not listed weigh 0.
    pub weights: SparseVec,
    /// Probability at or above which the role is suggested.
    pub threshold: f32,
}

/// The artefact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleModel {
    /// Artefact format version.
    pub version: u32,
    /// SHA-like fingerprint of the taxonomy the model was trained on.
    pub taxonomy_version: String,
    /// Features.
    pub vectorizer: Vectorizer,
    /// One classifier per role, in taxonomy order.
    pub roles: Vec<RoleWeights>,
    /// Threshold used for roles too rare to tune one.
    pub fallback_threshold: f32,
    /// A role is only suggested if its probability is at least this share of
    /// the best role's (keeps weak runners-up out of confident answers).
    pub relative_threshold: f32,
}

/// A role and its probability.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleScore {
    /// The role id.
    pub role: String,
    /// Probability from the role's classifier.
    pub score: f32,
}

/// What the model says about a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prediction {
    /// The roles a user is shown (0 to 4), best first.
    pub roles: Vec<String>,
    /// The top five roles by probability, regardless of thresholds.
    pub ranked: Vec<RoleScore>,
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// The dot product of two index-sorted sparse vectors.
pub fn sparse_dot(a: &SparseVec, b: &SparseVec) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

impl RoleModel {
    /// Parses an artefact.
    pub fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        let mut model: Self = serde_json::from_str(json)?;
        model.vectorizer.build_index();
        Ok(model)
    }

    /// Serialises the artefact.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("the artefact serialises")
    }

    /// Probabilities of every role for an already vectorised text.
    pub fn probabilities(&self, x: &SparseVec) -> Vec<f32> {
        self.roles
            .iter()
            .map(|r| sigmoid(sparse_dot(x, &r.weights) + r.bias))
            .collect()
    }

    /// Picks the roles to show from per-role probabilities.
    pub fn decide(&self, probabilities: &[f32]) -> Prediction {
        let mut order: Vec<usize> = (0..probabilities.len()).collect();
        order.sort_by(|a, b| {
            probabilities[*b]
                .total_cmp(&probabilities[*a])
                .then(a.cmp(b))
        });
        let best = order.first().map_or(0.0, |i| probabilities[*i]);
        let roles = order
            .iter()
            .take(MAX_ROLES)
            .filter(|i| {
                let p = probabilities[**i];
                p >= self.roles[**i].threshold && p >= self.relative_threshold * best
            })
            .map(|i| self.roles[*i].role.clone())
            .collect();
        let ranked = order
            .iter()
            .take(RANKED)
            .map(|i| RoleScore {
                role: self.roles[*i].role.clone(),
                score: probabilities[*i],
            })
            .collect();
        Prediction { roles, ranked }
    }

    /// Predicts the roles for a need statement.
    pub fn predict(&self, text: &str) -> Prediction {
        let x = self.vectorizer.transform(text);
        self.decide(&self.probabilities(&x))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggestions::classifier::features::VocabularyLimits;

    fn tiny() -> RoleModel {
        let texts = ["website shop", "leaking tap"].map(String::from).to_vec();
        let vectorizer = Vectorizer::fit(
            &texts,
            &VocabularyLimits {
                min_df_words: 1,
                min_df_chars: 1,
                ..Default::default()
            },
        );
        let weight = |term: &str, w: f32| {
            (
                vectorizer.terms.iter().position(|t| t == term).unwrap() as u32,
                w,
            )
        };
        let roles = vec![
            RoleWeights {
                role: "web-developer".into(),
                bias: -1.0,
                weights: vec![weight("websit", 6.0)],
                threshold: 0.5,
            },
            RoleWeights {
                role: "plumber".into(),
                bias: -1.0,
                weights: vec![weight("tap", 6.0)],
                threshold: 0.5,
            },
        ];
        RoleModel {
            version: ARTEFACT_VERSION,
            taxonomy_version: "t".into(),
            vectorizer,
            roles,
            fallback_threshold: 0.5,
            relative_threshold: 0.3,
        }
    }

    #[test]
    fn sparse_dot_matches_on_indices() {
        assert_eq!(
            sparse_dot(&vec![(1, 2.0), (4, 1.0)], &vec![(0, 9.0), (4, 3.0)]),
            3.0
        );
    }

    #[test]
    fn predictions_rank_and_threshold() {
        let m = tiny();
        let p = m.predict("my website is broken");
        assert_eq!(p.roles, ["web-developer"]);
        assert_eq!(p.ranked[0].role, "web-developer");
        assert_eq!(p.ranked.len(), 2);
        assert!(
            m.predict("something else entirely").roles.is_empty(),
            "nothing confident"
        );
    }

    #[test]
    fn the_artefact_round_trips() {
        let m = tiny();
        let back = RoleModel::from_json(&m.to_json()).unwrap();
        assert_eq!(back.predict("leaking tap"), m.predict("leaking tap"));
        assert_eq!(back.roles, m.roles);
    }
}
