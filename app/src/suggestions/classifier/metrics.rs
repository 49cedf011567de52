//! Evaluation: hit@k from the ranking, micro precision/recall/F1 from the
//! thresholded roles.

use super::model::Prediction;

/// Scores over a labelled set.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Scores {
    /// Examples evaluated.
    pub n: usize,
    /// Share whose top-ranked role is a true role.
    pub hit1: f64,
    /// Share with a true role among the top three.
    pub hit3: f64,
    /// Micro-averaged precision of the shown roles.
    pub precision: f64,
    /// Micro-averaged recall of the shown roles.
    pub recall: f64,
    /// Micro-averaged F1 of the shown roles.
    pub f1: f64,
}

/// Compares predictions with the true roles of each example.
pub fn score(predictions: &[Prediction], truth: &[Vec<String>]) -> Scores {
    let (mut hit1, mut hit3, mut tp, mut fp, mut fne) = (0, 0, 0, 0, 0);
    for (p, gold) in predictions.iter().zip(truth) {
        if p.ranked.first().is_some_and(|r| gold.contains(&r.role)) {
            hit1 += 1;
        }
        if p.ranked.iter().take(3).any(|r| gold.contains(&r.role)) {
            hit3 += 1;
        }
        let shown_true = p.roles.iter().filter(|r| gold.contains(r)).count();
        tp += shown_true;
        fp += p.roles.len() - shown_true;
        fne += gold.iter().filter(|g| !p.roles.contains(g)).count();
    }
    let n = predictions.len().max(1) as f64;
    let precision = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        0.0
    };
    let recall = if tp + fne > 0 {
        tp as f64 / (tp + fne) as f64
    } else {
        0.0
    };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Scores {
        n: predictions.len(),
        hit1: hit1 as f64 / n,
        hit3: hit3 as f64 / n,
        precision,
        recall,
        f1,
    }
}

/// F1 of binary decisions against binary truth.
pub fn binary_f1(truth: &[bool], decided: &[bool]) -> f64 {
    let (mut tp, mut fp, mut fne) = (0.0, 0.0, 0.0);
    for (t, d) in truth.iter().zip(decided) {
        match (t, d) {
            (true, true) => tp += 1.0,
            (false, true) => fp += 1.0,
            (true, false) => fne += 1.0,
            _ => {}
        }
    }
    if tp == 0.0 {
        0.0
    } else {
        2.0 * tp / (2.0 * tp + fp + fne)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggestions::classifier::model::RoleScore;

    fn prediction(ranked: &[&str], roles: &[&str]) -> Prediction {
        Prediction {
            roles: roles.iter().map(|r| r.to_string()).collect(),
            ranked: ranked
                .iter()
                .map(|r| RoleScore {
                    role: r.to_string(),
                    score: 0.5,
                })
                .collect(),
        }
    }

    #[test]
    fn hits_and_micro_f1() {
        let preds = [
            prediction(&["a", "b", "c"], &["a"]),
            prediction(&["x", "y", "b"], &["x", "y"]),
        ];
        let truth = [vec!["a".to_string()], vec!["b".to_string()]];
        let s = score(&preds, &truth);
        assert_eq!((s.hit1, s.hit3), (0.5, 1.0));
        assert!((s.precision - 1.0 / 3.0).abs() < 1e-9);
        assert!((s.recall - 0.5).abs() < 1e-9);
    }

    #[test]
    fn binary_f1_counts() {
        assert_eq!(binary_f1(&[true, false, true], &[true, true, false]), 0.5);
        assert_eq!(binary_f1(&[false], &[false]), 0.0);
    }
}
