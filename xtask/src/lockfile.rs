//! Reads package versions out of `Cargo.lock` without a TOML parser.

use std::path::Path;

/// The locked version of `package`, if `Cargo.lock` lists it exactly once
/// (when several versions are locked the newest one is returned).
pub fn locked_version(lock_text: &str, package: &str) -> Option<String> {
    let mut versions = Vec::new();
    let mut lines = lock_text.lines();
    while let Some(line) = lines.next() {
        if line.trim() == format!("name = \"{package}\"")
            && let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
                .and_then(|v| v.strip_suffix('"'))
        {
            versions.push(version.to_string());
        }
    }
    versions.into_iter().max_by(|a, b| compare_versions(a, b))
}

/// Reads `Cargo.lock` at `root` and returns the locked version of `package`.
pub fn locked_version_in(root: &Path, package: &str) -> Result<String, String> {
    let text = std::fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    locked_version(&text, package).ok_or_else(|| format!("{package} is not in Cargo.lock"))
}

fn compare_versions(a: &str, b: &str) -> std::cmp::Ordering {
    let parts = |v: &str| -> Vec<u64> {
        v.split(['.', '-', '+'])
            .map(|p| p.parse().unwrap_or(0))
            .collect()
    };
    parts(a).cmp(&parts(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.130"

[[package]]
name = "syn"
version = "1.0.109"

[[package]]
name = "syn"
version = "2.0.100"
"#;

    #[test]
    fn finds_the_exact_package_not_a_prefix() {
        assert_eq!(
            locked_version(LOCK, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
    }

    #[test]
    fn picks_the_newest_of_several_versions() {
        assert_eq!(locked_version(LOCK, "syn").as_deref(), Some("2.0.100"));
    }

    #[test]
    fn missing_package_is_none() {
        assert_eq!(locked_version(LOCK, "leptos"), None);
    }
}
