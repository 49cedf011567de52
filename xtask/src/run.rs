//! `cargo xtask run`: build and serve Guild with demo data.

use crate::process::{run as run_cmd, workspace_root};
use crate::server::{binary, with_site_env};
use crate::steps::step;
use crate::tools::{Needs, ensure_all, path_with_tools};
use std::process::Command;

/// Installs what is missing, builds, migrates, seeds demo data into an empty
/// database and serves on `LEPTOS_SITE_ADDR` until interrupted.
pub fn run(release: bool) -> Result<(), String> {
    ensure_all(&Needs {
        release,
        browser: false,
    })?;
    build_site(release)?;
    let root = workspace_root();
    let _s = step(
        "Starting Guild (migrations, first-run demo data, then serving)",
        None,
    );
    let mut cmd = Command::new(binary(&root, release));
    with_site_env(&mut cmd, &root, release);
    cmd.args(["serve", "--seed-demo"]);
    run_cmd(&mut cmd)
}

/// `cargo xtask build [--release]`: installs what is missing and builds the
/// site (CI builds the release site so a broken production build fails).
pub fn build(release: bool) -> Result<(), String> {
    ensure_all(&Needs {
        release,
        browser: false,
    })?;
    build_site(release)
}

/// Builds the server and the WebAssembly front end with cargo-leptos.
pub fn build_site(release: bool) -> Result<(), String> {
    let _s = step(
        &format!(
            "Building Guild ({})",
            if release { "release" } else { "debug" }
        ),
        Some("the first build takes several minutes"),
    );
    let mut cmd = Command::new("cargo");
    cmd.args(["leptos", "build"])
        .current_dir(workspace_root())
        .env("PATH", path_with_tools());
    // Lazy routes are split into their own WebAssembly chunks; the code
    // they generate needs the splitter in every build, debug included.
    cmd.arg("--split");
    if release {
        // Precompressed .br/.gz siblings of every bundle, served as they are.
        cmd.args(["--release", "--precompress"]);
    }
    run_cmd(&mut cmd)
}
