//! Guild's developer commands.
//!
//! * `cargo xtask run [--release]` installs what is missing, builds the site,
//!   migrates and seeds the database the first time, and serves Guild.
//! * `cargo xtask test` installs what is missing (browser included), runs every
//!   Rust test and the Playwright suite against a freshly built server.
//! * `cargo xtask test-release` runs the browser suite against the release
//!   build (CI does, so production-only failures are caught).
//! * `cargo xtask test-browser [playwright args]` runs only the Playwright
//!   suite against a debug build, e.g. `cargo xtask test-browser chat`.
//! * `cargo xtask test-rust` runs only the Rust tests (CI runs it again with
//!   `DATABASE_URL` pointing at PostgreSQL).
//! * `cargo xtask lint` checks formatting and runs clippy on both sides.
//! * `cargo xtask chaos` runs the live layer's chaos test (CI does).
//! * `cargo xtask bench-live` measures the live layer (release build).
//! * `cargo xtask bench-board` measures a 5,000-card board in headless
//!   Chromium (release build).
//! * `cargo xtask build [--release]` builds the site (CI checks the release build).
//! * `cargo xtask bench` measures a release server with `wrk` (see
//!   `docs/benchmarks.md`).

mod bench;
mod board_bench;
mod lint;
mod live;
mod lockfile;
mod process;
mod run;
mod server;
mod steps;
mod test;
mod tools;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <run [--release] | build [--release] | test | test-release | test-browser [args] | test-rust | lint | bench | bench-live | bench-board [--against DIR] | chaos | setup [--release] [--browser]>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| args.iter().any(|a| a == name);
    let outcome = match args.first().map(String::as_str) {
        Some("run") => run::run(flag("--release")),
        Some("build") => run::build(flag("--release")),
        Some("bench") => bench::bench(),
        Some("test") => test::test(),
        Some("test-release") => test::test_release(),
        Some("test-rust") => test::test_rust(),
        Some("test-browser") => test::test_browser(&args[1..]),
        Some("lint") => lint::lint(),
        Some("chaos") => live::chaos(),
        Some("bench-live") => live::bench_live(),
        Some("bench-board") => board_bench::bench_board(&args[1..]),
        Some("setup") => tools::ensure_all(&tools::Needs {
            release: flag("--release"),
            browser: flag("--browser"),
        }),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}
