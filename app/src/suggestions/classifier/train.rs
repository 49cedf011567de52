//! Training: TF-IDF features, per-role chi-squared feature selection, one
//! binary logistic regression per role with smartcore (one-vs-rest), then
//! per-role thresholds tuned for F1 on a tuning split carved from the
//! training data (the validation split is never seen), and a final fit on
//! all training data. Deterministic: fixed seed, fixed orders.

use super::data::Example;
use super::features::{SparseVec, Vectorizer, VocabularyLimits};
use super::metrics::{binary_f1, score};
use super::model::{ARTEFACT_VERSION, RoleModel, RoleWeights};
use crate::market::taxonomy::roles;
use smartcore::linalg::basic::arrays::Array;
use smartcore::linalg::basic::matrix::DenseMatrix;
use smartcore::linear::logistic_regression::{LogisticRegression, LogisticRegressionParameters};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Vocabulary bounds.
    pub limits: VocabularyLimits,
    /// Features each role's classifier uses (chosen by chi-squared).
    pub features_per_role: usize,
    /// L2 penalty of the logistic regressions.
    pub alpha: f64,
    /// Train on the ESCO and O*NET rows too.
    pub use_open_data: bool,
    /// Share of the training data held out to tune thresholds.
    pub tuning_share: f64,
    /// Seed of the tuning split.
    pub seed: u64,
    /// Threads training roles in parallel.
    pub threads: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        Self {
            limits: VocabularyLimits::default(),
            features_per_role: 1_000,
            alpha: 1.0 / 16.0,
            use_open_data: false,
            tuning_share: 0.2,
            seed: 2026,
            threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
        }
    }
}

/// What training reports as it goes.
#[derive(Debug, Clone, Copy)]
pub enum Progress {
    /// A role's classifier finished in `stage` (1 = tuning fit, 2 = final fit).
    RoleDone {
        /// Which pass.
        stage: u8,
        /// Roles done in this pass.
        done: usize,
        /// Roles in all.
        total: usize,
    },
}

/// A fitted binary classifier: selected features, their weights, the bias.
struct Fitted {
    weights: SparseVec,
    bias: f32,
}

/// Chi-squared statistic of each feature against a binary label (feature
/// values taken as counts, as scikit-learn's `chi2` does).
pub fn chi2(rows: &[SparseVec], positive: &[bool], features: usize) -> Vec<f64> {
    let n = rows.len() as f64;
    let p = positive.iter().filter(|x| **x).count() as f64 / n.max(1.0);
    let (mut total, mut pos) = (vec![0.0f64; features], vec![0.0f64; features]);
    for (row, is_pos) in rows.iter().zip(positive) {
        for (i, v) in row {
            total[*i as usize] += f64::from(*v);
            if *is_pos {
                pos[*i as usize] += f64::from(*v);
            }
        }
    }
    (0..features)
        .map(|f| {
            let (t, o1) = (total[f], pos[f]);
            let (e1, e0) = (t * p, t * (1.0 - p));
            let o0 = t - o1;
            let a = if e1 > 0.0 {
                (o1 - e1).powi(2) / e1
            } else {
                0.0
            };
            let b = if e0 > 0.0 {
                (o0 - e0).powi(2) / e0
            } else {
                0.0
            };
            a + b
        })
        .collect()
}

/// The `k` best features by chi-squared (ties by index), ascending.
pub fn top_features(scores: &[f64], k: usize) -> Vec<u32> {
    let mut idx: Vec<u32> = (0..scores.len() as u32).collect();
    idx.sort_by(|a, b| {
        scores[*b as usize]
            .total_cmp(&scores[*a as usize])
            .then(a.cmp(b))
    });
    idx.truncate(k);
    idx.sort_unstable();
    idx
}

fn fit_role(
    rows: &[SparseVec],
    positive: &[bool],
    features: usize,
    opts: &TrainOptions,
) -> Result<Fitted, String> {
    if positive.iter().all(|p| *p) || !positive.iter().any(|p| *p) {
        return Ok(Fitted {
            weights: Vec::new(),
            bias: -10.0,
        });
    }
    let selected = top_features(&chi2(rows, positive, features), opts.features_per_role);
    let mut column = vec![u32::MAX; features];
    for (c, f) in selected.iter().enumerate() {
        column[*f as usize] = c as u32;
    }
    let k = selected.len();
    let mut dense = vec![0.0f64; rows.len() * k];
    for (r, row) in rows.iter().enumerate() {
        for (f, v) in row {
            let c = column[*f as usize];
            if c != u32::MAX {
                dense[r * k + c as usize] = f64::from(*v);
            }
        }
    }
    let x = DenseMatrix::new(rows.len(), k, dense, false).map_err(|e| e.to_string())?;
    let y: Vec<u32> = positive.iter().map(|p| u32::from(*p)).collect();
    let model = LogisticRegression::fit(
        &x,
        &y,
        LogisticRegressionParameters::default().with_alpha(opts.alpha),
    )
    .map_err(|e| e.to_string())?;
    let coefficients = model.coefficients();
    let weights = selected
        .iter()
        .enumerate()
        .map(|(c, f)| (*f, *coefficients.get((0, c)) as f32))
        .filter(|(_, w)| *w != 0.0)
        .collect();
    Ok(Fitted {
        weights,
        bias: *model.intercept().get((0, 0)) as f32,
    })
}

/// Fits one classifier per role on `examples`, in parallel.
fn fit_all(
    examples: &[Example],
    vectorizer: &Vectorizer,
    role_ids: &[String],
    opts: &TrainOptions,
    stage: u8,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Vec<Fitted>, String> {
    let rows: Vec<SparseVec> = examples
        .iter()
        .map(|e| vectorizer.transform(&e.text))
        .collect();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<Fitted, String>>>> =
        Mutex::new((0..role_ids.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..opts.threads.max(1) {
            scope.spawn(|| {
                loop {
                    let r = next.fetch_add(1, Ordering::Relaxed);
                    if r >= role_ids.len() {
                        break;
                    }
                    let positive: Vec<bool> = examples
                        .iter()
                        .map(|e| e.roles.contains(&role_ids[r]))
                        .collect();
                    let fitted = fit_role(&rows, &positive, vectorizer.len(), opts);
                    results.lock().expect("results lock")[r] = Some(fitted);
                    let d = done.fetch_add(1, Ordering::Relaxed) + 1;
                    progress(Progress::RoleDone {
                        stage,
                        done: d,
                        total: role_ids.len(),
                    });
                }
            });
        }
    });
    results
        .into_inner()
        .expect("results lock")
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err("a role was not trained".into())))
        .collect()
}

/// Splits examples deterministically into (fit, tune).
fn split(examples: &[Example], share: f64, seed: u64) -> (Vec<Example>, Vec<Example>) {
    let mut order: Vec<usize> = (0..examples.len()).collect();
    fastrand::Rng::with_seed(seed).shuffle(&mut order);
    let cut = ((1.0 - share) * examples.len() as f64).round() as usize;
    let pick = |idx: &[usize]| idx.iter().map(|i| examples[*i].clone()).collect::<Vec<_>>();
    (pick(&order[..cut]), pick(&order[cut..]))
}

/// The threshold in 0.05..0.95 (step 0.025) with the best F1.
fn best_threshold(scores: &[f32], truth: &[bool]) -> (f32, f64) {
    (0..=36)
        .map(|s| 0.05 + 0.025 * s as f32)
        .map(|t| {
            (
                t,
                binary_f1(truth, &scores.iter().map(|p| *p >= t).collect::<Vec<_>>()),
            )
        })
        .fold(
            (0.5, -1.0),
            |best, cur| if cur.1 > best.1 { cur } else { best },
        )
}

fn assemble(
    vectorizer: Vectorizer,
    role_ids: &[String],
    fitted: Vec<Fitted>,
    thresholds: &[f32],
    fallback: f32,
    relative: f32,
) -> RoleModel {
    RoleModel {
        version: ARTEFACT_VERSION,
        taxonomy_version: taxonomy_version(),
        vectorizer,
        roles: role_ids
            .iter()
            .zip(fitted)
            .zip(thresholds)
            .map(|((role, f), t)| RoleWeights {
                role: role.clone(),
                bias: f.bias,
                weights: f.weights,
                threshold: *t,
            })
            .collect(),
        fallback_threshold: fallback,
        relative_threshold: relative,
    }
}

/// A fingerprint of the taxonomy (FNV-1a of its ids and names).
pub fn taxonomy_version() -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for role in roles() {
        for b in role.id.bytes().chain(role.name.bytes()).chain([0]) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{}-roles-{hash:016x}", roles().len())
}

/// Trains the role model on `examples`.
pub fn train(
    examples: &[Example],
    opts: &TrainOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<RoleModel, String> {
    let role_ids: Vec<String> = roles().iter().map(|r| r.id.clone()).collect();
    let texts = |ex: &[Example]| ex.iter().map(|e| e.text.clone()).collect::<Vec<_>>();

    // Pass 1: fit on most of the data, tune thresholds on the rest.
    let (fit_part, tune_part) = split(examples, opts.tuning_share, opts.seed);
    let vectorizer = Vectorizer::fit(&texts(&fit_part), &opts.limits);
    let fitted = fit_all(&fit_part, &vectorizer, &role_ids, opts, 1, progress)?;
    let draft = assemble(
        vectorizer,
        &role_ids,
        fitted,
        &vec![0.5; role_ids.len()],
        0.5,
        0.0,
    );
    let probs: Vec<Vec<f32>> = tune_part
        .iter()
        .map(|e| draft.probabilities(&draft.vectorizer.transform(&e.text)))
        .collect();
    let column = |r: usize| probs.iter().map(|p| p[r]).collect::<Vec<f32>>();
    let truth = |r: usize| {
        tune_part
            .iter()
            .map(|e| e.roles.contains(&role_ids[r]))
            .collect::<Vec<bool>>()
    };
    let all_scores: Vec<f32> = (0..role_ids.len()).flat_map(column).collect();
    let all_truth: Vec<bool> = (0..role_ids.len()).flat_map(truth).collect();
    let (fallback, _) = best_threshold(&all_scores, &all_truth);
    let thresholds: Vec<f32> = (0..role_ids.len())
        .map(|r| {
            let t = truth(r);
            if t.iter().filter(|x| **x).count() >= 5 {
                best_threshold(&column(r), &t).0
            } else {
                fallback
            }
        })
        .collect();
    let mut tuned = draft;
    for (role, t) in tuned.roles.iter_mut().zip(&thresholds) {
        role.threshold = *t;
    }
    let gold: Vec<Vec<String>> = tune_part.iter().map(|e| e.roles.clone()).collect();
    let relative = [0.0f32, 0.2, 0.3, 0.4, 0.5, 0.6]
        .into_iter()
        .map(|r| {
            tuned.relative_threshold = r;
            (
                r,
                score(
                    &probs.iter().map(|p| tuned.decide(p)).collect::<Vec<_>>(),
                    &gold,
                )
                .f1,
            )
        })
        .fold(
            (0.0, -1.0),
            |best, cur| if cur.1 > best.1 { cur } else { best },
        )
        .0;

    // Pass 2: the final model on all training data, with the tuned thresholds.
    let vectorizer = Vectorizer::fit(&texts(examples), &opts.limits);
    let fitted = fit_all(examples, &vectorizer, &role_ids, opts, 2, progress)?;
    Ok(assemble(
        vectorizer,
        &role_ids,
        fitted,
        &thresholds,
        fallback,
        relative,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chi2_prefers_features_that_separate_the_classes() {
        let rows = vec![
            vec![(0, 1.0), (1, 1.0)],
            vec![(0, 1.0)],
            vec![(1, 1.0)],
            vec![(1, 1.0)],
        ];
        let positive = [true, true, false, false];
        let s = chi2(&rows, &positive, 2);
        assert!(s[0] > s[1]);
        assert_eq!(top_features(&s, 1), [0]);
    }

    #[test]
    fn thresholds_maximise_f1() {
        let (t, f) = best_threshold(&[0.9, 0.8, 0.3, 0.1], &[true, true, false, false]);
        assert!(t > 0.3 && t <= 0.8, "{t}");
        assert_eq!(f, 1.0);
    }

    #[test]
    fn the_split_is_deterministic() {
        let ex: Vec<Example> = (0..10)
            .map(|i| Example {
                text: i.to_string(),
                roles: vec![],
            })
            .collect();
        assert_eq!(split(&ex, 0.2, 1).1, split(&ex, 0.2, 1).1);
        assert_eq!(split(&ex, 0.2, 1).1.len(), 2);
    }

    #[test]
    fn a_tiny_model_learns_two_roles() {
        let mut ex = Vec::new();
        for t in [
            "website for my shop",
            "fix my website",
            "new website please",
            "online store website",
            "website redesign",
        ] {
            ex.push(Example {
                text: t.into(),
                roles: vec!["web-developer".into()],
            });
        }
        for t in [
            "leaking tap",
            "pipe burst under sink",
            "toilet leaking",
            "tap dripping all night",
            "blocked drain pipe",
        ] {
            ex.push(Example {
                text: t.into(),
                roles: vec!["plumber".into()],
            });
        }
        let opts = TrainOptions {
            limits: VocabularyLimits {
                min_df_words: 1,
                min_df_chars: 1,
                ..Default::default()
            },
            features_per_role: 50,
            tuning_share: 0.2,
            threads: 1,
            ..Default::default()
        };
        let model = train(&ex, &opts, &|_| {}).expect("trains");
        assert_eq!(model.roles.len(), 49);
        assert_eq!(
            model.predict("my website is down").ranked[0].role,
            "web-developer"
        );
        assert_eq!(
            model.predict("water leaking from the pipe").ranked[0].role,
            "plumber"
        );
    }
}
