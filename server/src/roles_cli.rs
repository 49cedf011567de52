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

fn predict(model: &RoleModel) -> Result<(), CliError> {
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let input: PredictInput = serde_json::from_str(&line)
            .map_err(|e| CliError::Refused(format!("bad input line ({e}): {line}")))?;
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
        serde_json::to_writer(&mut stdout, &out).map_err(|e| CliError::Refused(e.to_string()))?;
        stdout.write_all(b"\n")?;
        stdout.flush()?;
    }
    Ok(())
}
