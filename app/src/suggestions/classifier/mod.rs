//! The role classifier (server only): need statement → suggested roles.

pub mod data;
pub mod features;
pub mod metrics;
pub mod model;
pub mod text;
pub mod train;

pub use model::{Prediction, RoleModel, RoleScore};

use std::sync::LazyLock;

/// The artefact shipped in the repository (`app/data/roles/model.json`),
/// written by `server roles train`.
static EMBEDDED: LazyLock<RoleModel> = LazyLock::new(|| {
    RoleModel::from_json(include_str!("../../../data/roles/model.json"))
        .expect("the shipped role model parses")
});

/// The shipped role model.
pub fn embedded() -> &'static RoleModel {
    &EMBEDDED
}

/// Loads a role model artefact from a file.
pub fn load(path: &std::path::Path) -> Result<RoleModel, String> {
    let json = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    RoleModel::from_json(&json).map_err(|e| format!("{}: {e}", path.display()))
}
