//! `cargo xtask test`: every Rust test, then the Playwright suite.

use crate::process::{describe, run as run_cmd, workspace_root};
use crate::run::build_site;
use crate::server::{E2E_ADMIN, E2E_ADMIN_PASSWORD, RunningServer, create_admin};
use crate::steps::step;
use crate::tools::{Needs, ensure_all};
use std::process::Command;

/// The flags cargo-leptos uses for debug builds. Tests use the same ones so
/// they reuse the dependencies the site build compiled instead of building
/// everything twice.
pub const DEBUG_RUSTFLAGS: &str = "--cfg erase_components";

/// Runs all suites; fails when any of them fails, after running the rest.
pub fn test() -> Result<(), String> {
    ensure_all(&Needs {
        release: false,
        browser: true,
    })?;
    let mut failures = Vec::new();
    // The site first: the Rust tests then find most dependencies compiled.
    if let Err(e) = browser_suite(false) {
        failures.push(e);
    }
    failures.extend(rust_suites());
    report(failures)
}

/// `cargo xtask test-release`: builds the release site (optimised, split
/// into lazy chunks, precompressed) and runs the Playwright suite against
/// it, so a production-only failure (type depth, hydration of split code)
/// fails CI.
pub fn test_release() -> Result<(), String> {
    ensure_all(&Needs {
        release: true,
        browser: true,
    })?;
    report(browser_suite(true).err().into_iter().collect())
}

/// `cargo xtask test-browser [args]`: only the Playwright suite against a
/// debug build, passing `args` to Playwright (a file filter, `--grep …`).
pub fn test_browser(args: &[String]) -> Result<(), String> {
    ensure_all(&Needs {
        release: false,
        browser: true,
    })?;
    report(browser_suite_with(false, args).err().into_iter().collect())
}

/// Runs only the Rust suites (against `DATABASE_URL` when it is set).
pub fn test_rust() -> Result<(), String> {
    report(rust_suites())
}

fn report(failures: Vec<String>) -> Result<(), String> {
    if failures.is_empty() {
        println!("\nAll suites passed.");
        Ok(())
    } else {
        Err(format!(
            "{} suite(s) failed:\n  {}",
            failures.len(),
            failures.join("\n  ")
        ))
    }
}

/// The Rust test commands: one cargo invocation per feature set, so shared
/// dependencies are compiled once (never `app` with both `ssr` and `hydrate`).
fn rust_suites() -> Vec<String> {
    let suites: [(&str, &[&str]); 2] = [
        ("Rust tests: xtask", &["test", "-p", "xtask"]),
        (
            "Rust tests: app (ssr) and server — unit, and integration over HTTP",
            &[
                "test",
                "-p",
                "app",
                "-p",
                "server",
                "--no-default-features",
                "--features",
                "app/ssr",
            ],
        ),
    ];
    let root = workspace_root();
    let mut failures = Vec::new();
    for (title, args) in suites {
        let _s = step(title, Some("compiles on first run"));
        let mut cmd = Command::new("cargo");
        cmd.args(args)
            .current_dir(&root)
            .env("RUSTFLAGS", DEBUG_RUSTFLAGS)
            .env("LEPTOS_OUTPUT_NAME", "guild");
        if let Err(e) = run_cmd(&mut cmd) {
            failures.push(e);
        }
    }
    failures
}

fn browser_suite(release: bool) -> Result<(), String> {
    browser_suite_with(release, &[])
}

fn browser_suite_with(release: bool, playwright_args: &[String]) -> Result<(), String> {
    build_site(release)?;
    let root = workspace_root();
    let data_dir = root.join("target/e2e-data");
    let _ = std::fs::remove_dir_all(&data_dir);
    std::fs::create_dir_all(&data_dir).map_err(|e| format!("cannot create {data_dir:?}: {e}"))?;
    let database_url = format!("sqlite://{}?mode=rwc", data_dir.join("guild.db").display());

    let _s = step(
        &format!(
            "Browser tests: Playwright against a fresh {} server",
            if release { "release" } else { "debug" }
        ),
        None,
    );
    let server = if release {
        RunningServer::start_release(&root, &database_url)?
    } else {
        RunningServer::start(&root, &database_url)?
    };
    create_admin(&root, &database_url, release)?;
    println!("    server at {}", server.base_url);
    let mut cmd = Command::new("npx");
    cmd.args(["playwright", "test"])
        .args(playwright_args)
        .current_dir(root.join("end2end"))
        .env("GUILD_BASE_URL", &server.base_url)
        .env("GUILD_E2E_ADMIN", E2E_ADMIN)
        .env("GUILD_E2E_ADMIN_PASSWORD", E2E_ADMIN_PASSWORD);
    let shown = describe(&cmd);
    let result = run_cmd(&mut cmd).map_err(|_| format!("`{shown}` reported failures"));
    drop(server);
    result
}
