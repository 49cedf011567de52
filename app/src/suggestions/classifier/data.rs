//! The labelled need statements in the repository (`app/data/roles/`).

use std::path::{Path, PathBuf};

/// One labelled example.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// The need statement.
    pub text: String,
    /// Its true role ids.
    pub roles: Vec<String>,
}

/// The data folder (`app/data/roles`).
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/roles")
}

/// Reads a `text,roles` CSV (roles separated by `;`).
pub fn read(path: &Path) -> Result<Vec<Example>, String> {
    let mut reader =
        csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("{}: {e}", path.display()))?;
        let roles: Vec<String> = record[1]
            .split(';')
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(String::from)
            .collect();
        if !roles.is_empty() {
            out.push(Example {
                text: record[0].to_string(),
                roles,
            });
        }
    }
    Ok(out)
}

fn read_all(dir: &Path, prefix: &str) -> Result<Vec<Example>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".csv"))
        })
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        out.extend(read(&f)?);
    }
    Ok(out)
}

/// The splits.
#[derive(Debug, Clone)]
pub struct Splits {
    /// Hand-written training needs and one description per role.
    pub train: Vec<Example>,
    /// Occupation labels, descriptions and task statements (ESCO, O*NET).
    pub open: Vec<Example>,
    /// The validation split (never trained on).
    pub valid: Vec<Example>,
    /// A second held-out set written blind to the training data (never trained on).
    pub probe: Vec<Example>,
}

/// Loads every split from `dir` (usually [`data_dir`]).
pub fn load(dir: &Path) -> Result<Splits, String> {
    let needs = dir.join("needs");
    let mut train = read_all(&needs, "train-")?;
    let mut open = Vec::new();
    for file in ["open/esco.csv", "open/onet.csv"] {
        let path = dir.join(file);
        if path.exists() {
            open.extend(read(&path)?);
        }
    }
    for role in crate::market::taxonomy::roles() {
        train.push(Example {
            text: format!("{}: {}", role.name, role.covers),
            roles: vec![role.id.clone()],
        });
    }
    let probe_path = needs.join("probe.csv");
    Ok(Splits {
        train,
        open,
        valid: read_all(&needs, "valid-")?,
        probe: if probe_path.exists() {
            read(&probe_path)?
        } else {
            Vec::new()
        },
    })
}
