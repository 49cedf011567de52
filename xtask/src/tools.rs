//! Installs the tools Guild builds and tests with, when they are missing.

use crate::lockfile::locked_version_in;
use crate::process::{on_path, output, run, workspace_root};
use crate::steps::{note, step};
use std::path::PathBuf;
use std::process::Command;

/// The cargo-leptos release that builds with this machine's rustc (0.3.11 needs a newer one).
pub const CARGO_LEPTOS_VERSION: &str = "0.3.10";
/// npm's binaryen; Debian's older wasm-opt produces WebAssembly that fails to hydrate.
pub const BINARYEN_VERSION: &str = "132.0.0";
/// The browser the Playwright suite drives.
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// What the coming command needs besides the Rust toolchain.
pub struct Needs {
    /// An optimised build (needs wasm-opt).
    pub release: bool,
    /// The browser suite (needs npm packages and Chromium).
    pub browser: bool,
}

/// Installs everything `needs` asks for that is not there yet.
pub fn ensure_all(needs: &Needs) -> Result<(), String> {
    ensure_wasm_target()?;
    ensure_cargo_leptos()?;
    ensure_wasm_bindgen()?;
    if needs.release {
        ensure_wasm_opt()?;
    }
    if needs.browser {
        ensure_npm_packages()?;
        ensure_chromium()?;
    }
    Ok(())
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    let _s = step("Adding the wasm32-unknown-unknown target", None);
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn ensure_cargo_leptos() -> Result<(), String> {
    let version = output(Command::new("cargo").args(["leptos", "--version"])).unwrap_or_default();
    if version.ends_with(CARGO_LEPTOS_VERSION) {
        return Ok(());
    }
    let _s = step(
        &format!("Installing cargo-leptos {CARGO_LEPTOS_VERSION}"),
        Some("first time only; about 18 minutes on 2 cores"),
    );
    run(Command::new("cargo").args([
        "install",
        "cargo-leptos",
        "--version",
        CARGO_LEPTOS_VERSION,
        "--locked",
    ]))
}

fn ensure_wasm_bindgen() -> Result<(), String> {
    let root = workspace_root();
    if !root.join("Cargo.lock").exists() {
        let _s = step("Resolving dependencies (Cargo.lock)", None);
        run(Command::new("cargo")
            .arg("generate-lockfile")
            .current_dir(&root))?;
    }
    let wanted = locked_version_in(&root, "wasm-bindgen")?;
    let have = output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(wanted.as_str()) {
        return Ok(());
    }
    let _s = step(
        &format!("Installing wasm-bindgen-cli {wanted} (must equal Cargo.lock's wasm-bindgen)"),
        Some("first time only; about 4 minutes"),
    );
    // Not `--locked`: some releases' own lock files no longer build.
    run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &wanted]))
}

/// Where npm's binaryen is installed, inside the build directory.
pub fn binaryen_bin() -> PathBuf {
    workspace_root().join("target/tools/binaryen/node_modules/.bin")
}

fn ensure_wasm_opt() -> Result<(), String> {
    let bin = binaryen_bin();
    let have = output(Command::new(bin.join("wasm-opt")).arg("--version")).unwrap_or_default();
    if have.contains(&format!(
        "version {}",
        BINARYEN_VERSION.trim_end_matches(".0.0")
    )) {
        return Ok(());
    }
    let _s = step(
        &format!("Installing wasm-opt from npm's binaryen@{BINARYEN_VERSION}"),
        None,
    );
    let prefix = workspace_root().join("target/tools/binaryen");
    std::fs::create_dir_all(&prefix).map_err(|e| format!("cannot create {prefix:?}: {e}"))?;
    run(Command::new("npm")
        .args(["install", "--no-audit", "--no-fund", "--prefix"])
        .arg(&prefix)
        .arg(format!("binaryen@{BINARYEN_VERSION}")))
}

/// `PATH` with npm's wasm-opt first, so cargo-leptos uses it instead of downloading one.
pub fn path_with_tools() -> std::ffi::OsString {
    let mut paths = vec![binaryen_bin()];
    if let Some(existing) = std::env::var_os("PATH") {
        paths.extend(std::env::split_paths(&existing));
    }
    std::env::join_paths(paths).expect("PATH entries are valid")
}

fn ensure_npm_packages() -> Result<(), String> {
    let dir = workspace_root().join("end2end");
    let installed = ["@playwright/test", "@axe-core/playwright"]
        .iter()
        .all(|package| dir.join("node_modules").join(package).is_dir());
    if installed {
        return Ok(());
    }
    let _s = step("Installing the Playwright test runner (npm ci)", None);
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&dir)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))
}

fn ensure_chromium() -> Result<(), String> {
    ensure_debian_package(CHROMIUM, "chromium", "for the browser tests")
}

/// Installs Debian's `wrk` (the benchmark's load generator) when missing.
pub fn ensure_wrk() -> Result<(), String> {
    ensure_debian_package("/usr/bin/wrk", "wrk", "for the benchmark")
}

/// Installs Debian `package` (as root or through sudo) unless `path` exists.
fn ensure_debian_package(path: &str, package: &str, why: &str) -> Result<(), String> {
    if std::path::Path::new(path).exists() {
        return Ok(());
    }
    let _s = step(
        &format!("Installing Debian's {package} {why}"),
        Some("first time only; a few minutes"),
    );
    let root = output(Command::new("id").arg("-u")).as_deref() == Some("0");
    let apt = |args: &[&str]| {
        let mut cmd = if root {
            Command::new("apt-get")
        } else {
            note("not root: using sudo");
            let mut c = Command::new("sudo");
            c.arg("apt-get");
            c
        };
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut cmd)
    };
    if !root && !on_path("sudo") {
        return Err(format!(
            "{package} is missing and neither root nor sudo is available"
        ));
    }
    apt(&["update", "-qq"])?;
    apt(&["install", "-y", "-qq", package])
}
