//! `server roles train | eval | predict`: the role classifier's command line.

use crate::cli::CliError;
use app::suggestions::classifier::data::{Example, data_dir, load as load_splits};
use app::suggestions::classifier::metrics::{Scores, score};
use app::suggestions::classifier::train::{Progress, TrainOptions, train};
use app::suggestions::classifier::{RoleModel, embedded, load};
use clap::Subcommand;
use indicatif::{ProgressBar, ProgressStyle};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::time::Instant;

/// Role classifier commands.
#[derive(Debug, Subcommand)]
pub enum RolesCommand {
    /// Train from the repository's data and write the artefact.
    Train {
        /// Where to write the artefact.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Also train on the ESCO and O*NET rows.
        #[arg(long)]
        open_data: bool,
        /// Features per role (chi-squared selection).
        #[arg(long, default_value_t = 1000)]
        features: usize,
        /// L2 penalty.
        #[arg(long, default_value_t = 1.0 / 16.0)]
        alpha: f64,
    },
    /// Print hit@1, hit@3 and micro precision/recall/F1 on the validation split.
    Eval {
        /// An artefact to evaluate instead of the shipped one.
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Read JSON lines {"id","text"} on stdin; write one JSON line per input.
    Predict {
        /// An artefact to use instead of the shipped one.
        #[arg(long)]
        model: Option<PathBuf>,
    },
}

fn model_from(path: Option<PathBuf>) -> Result<RoleModel, CliError> {
    match path.or_else(|| std::env::var_os("GUILD_ROLE_MODEL").map(PathBuf::from)) {
        Some(p) => load(&p).map_err(CliError::Refused),
        None => Ok(embedded().clone()),
    }
}

fn evaluate(model: &RoleModel, examples: &[Example]) -> Scores {
    let predictions: Vec<_> = examples.iter().map(|e| model.predict(&e.text)).collect();
    let truth: Vec<Vec<String>> = examples.iter().map(|e| e.roles.clone()).collect();
    score(&predictions, &truth)
}

fn print_scores(name: &str, s: &Scores) {
    println!(
        "{name:<10} n={:<5} hit@1={:.3} hit@3={:.3} precision={:.3} recall={:.3} micro-F1={:.3}",
        s.n, s.hit1, s.hit3, s.precision, s.recall, s.f1
    );
}

/// Runs a roles command.
pub fn run(command: RolesCommand) -> Result<(), CliError> {
    match command {
        RolesCommand::Train {
            out,
            open_data,
            features,
            alpha,
        } => {
            let splits = load_splits(&data_dir()).map_err(CliError::Refused)?;
            let mut examples = splits.train.clone();
            if open_data {
                examples.extend(splits.open.iter().cloned());
            }
            let opts = TrainOptions {
                features_per_role: features,
                alpha,
                use_open_data: open_data,
                ..Default::default()
            };
            println!(
                "Training on {} examples ({} threads, {} features per role{}).",
                examples.len(),
                opts.threads,
                features,
                if open_data {
                    ", with ESCO and O*NET rows"
                } else {
                    ""
                }
            );
            let bar = ProgressBar::new(2 * 49);
            bar.set_style(
                ProgressStyle::with_template("{msg:>14} [{bar:40}] {pos}/{len} roles ({elapsed})")
                    .expect("valid template")
                    .progress_chars("=> "),
            );
            bar.set_message("tuning fit");
            let started = Instant::now();
            let model = train(&examples, &opts, &|p| match p {
                Progress::RoleDone { stage, .. } => {
                    bar.set_message(if stage == 1 {
                        "tuning fit"
                    } else {
                        "final fit"
                    });
                    bar.inc(1);
                }
            })
            .map_err(CliError::Refused)?;
            bar.finish_and_clear();
            let path = out.unwrap_or_else(|| data_dir().join("model.json"));
            std::fs::write(&path, model.to_json())?;
            println!(
                "Trained in {:.1}s; wrote {}.",
                started.elapsed().as_secs_f64(),
                path.display()
            );
            print_scores("validation", &evaluate(&model, &splits.valid));
            if !splits.probe.is_empty() {
                print_scores("probe", &evaluate(&model, &splits.probe));
            }
            Ok(())
        }
        RolesCommand::Eval { model } => {
            let model = model_from(model)?;
            let splits = load_splits(&data_dir()).map_err(CliError::Refused)?;
            print_scores("validation", &evaluate(&model, &splits.valid));
            if !splits.probe.is_empty() {
                print_scores("probe", &evaluate(&model, &splits.probe));
            }
            Ok(())
        }
        RolesCommand::Predict { model } => predict(&model_from(model)?),
    }
}

#[derive(Deserialize)]
struct PredictInput {
    id: serde_json::Value,
    text: String,
}

#[derive(Serialize)]
struct PredictOutput<'a> {
    id: &'a serde_json::Value,
    roles: &'a [String],
    ranked: Vec<Ranked<'a>>,
}

#[derive(Serialize)]
struct Ranked<'a> {
    role: &'a str,
    score: f64,
}

/// One answer line: the prediction for `line`, or `{"id": …, "error": …}`
/// when the line is not `{"id": …, "text": "…"}` (the id is kept when it
/// can be read, so answers stay aligned with inputs).
fn answer(model: &RoleModel, line: &str) -> Result<String, String> {
    let input: PredictInput = match serde_json::from_str(line) {
        Ok(input) => input,
        Err(e) => {
            let id = serde_json::from_str::<serde_json::Value>(line)
                .ok()
                .and_then(|v| v.get("id").cloned())
                .unwrap_or(serde_json::Value::Null);
            let error = format!("expected {{\"id\": ..., \"text\": \"...\"}}: {e}");
            return Err(serde_json::json!({ "id": id, "error": error }).to_string());
        }
    };
    let p = model.predict(&input.text);
    let out = PredictOutput {
        id: &input.id,
        roles: &p.roles,
        ranked: p
            .ranked
            .iter()
            .map(|r| Ranked {
                role: &r.role,
                score: (f64::from(r.score) * 10_000.0).round() / 10_000.0,
            })
            .collect(),
    };
    Ok(serde_json::to_string(&out).expect("predictions serialise"))
}

/// Answers every input line in order, flushing each; bad lines get an
/// error line and a non-zero exit status once all input is read.
fn predict(model: &RoleModel) -> Result<(), CliError> {
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout().lock();
    let mut bad = 0;
    for (number, line) in stdin.lock().lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let out = answer(model, &line).unwrap_or_else(|error_line| {
            bad += 1;
            eprintln!("line {}: {error_line}", number + 1);
            error_line
        });
        stdout.write_all(out.as_bytes())?;
        stdout.write_all(b"\n")?;
        stdout.flush()?;
    }
    if bad > 0 {
        return Err(CliError::Refused(format!(
            "{bad} input line(s) could not be read"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_keep_the_id_and_report_bad_lines() {
        let model = embedded();
        let ok: serde_json::Value = serde_json::from_str(
            &answer(model, r#"{"id": 7, "text": "my son is failing algebra"}"#).unwrap(),
        )
        .unwrap();
        assert_eq!(ok["id"], 7);
        assert_eq!(ok["roles"][0], "math-tutor");
        assert_eq!(ok["ranked"].as_array().unwrap().len(), 5);

        let missing_text: serde_json::Value =
            serde_json::from_str(&answer(model, r#"{"id": "q1"}"#).unwrap_err()).unwrap();
        assert_eq!(missing_text["id"], "q1");
        assert!(missing_text["error"].as_str().unwrap().contains("text"));

        let garbage: serde_json::Value =
            serde_json::from_str(&answer(model, "garbage").unwrap_err()).unwrap();
        assert!(garbage["id"].is_null());
    }
}
