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

/// Loads a role model artefact from a file; refuses one trained for another
/// version of the role taxonomy (its role ids could mean other roles).
pub fn load(path: &std::path::Path) -> Result<RoleModel, String> {
    let json = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let model = RoleModel::from_json(&json).map_err(|e| format!("{}: {e}", path.display()))?;
    let current = train::taxonomy_version();
    if model.taxonomy_version != current {
        return Err(format!(
            "{} was trained for taxonomy {}, but this build has {current}; retrain with `server roles train`",
            path.display(),
            model.taxonomy_version
        ));
    }
    Ok(model)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_matches_the_taxonomy() {
        assert_eq!(embedded().taxonomy_version, train::taxonomy_version());
        assert_eq!(
            embedded().roles.len(),
            crate::market::taxonomy::roles().len()
        );
    }

    #[test]
    fn a_model_for_another_taxonomy_is_refused() {
        let dir = std::env::temp_dir().join(format!("guild-model-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut other = embedded().clone();
        other.taxonomy_version = "48-roles-0000000000000000".into();
        let path = dir.join("other.json");
        std::fs::write(&path, other.to_json()).unwrap();
        assert!(load(&path).unwrap_err().contains("retrain"));
        std::fs::write(&path, embedded().to_json()).unwrap();
        assert!(load(&path).is_ok());
        assert!(load(&dir.join("missing.json")).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
