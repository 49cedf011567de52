//! `cargo xtask lint`: formatting and clippy for every package and feature set.

use crate::process::{run, workspace_root};
use crate::steps::step;
use std::process::Command;

/// Runs `cargo fmt --check` and clippy (server side and WebAssembly side) with `-D warnings`.
pub fn lint() -> Result<(), String> {
    let root = workspace_root();
    let runs: [(&str, &[&str]); 3] = [
        ("Formatting", &["fmt", "--all", "--", "--check"]),
        (
            "Clippy: server side (app with ssr, server, migrations, xtask)",
            &[
                "clippy",
                "-p",
                "app",
                "-p",
                "server",
                "-p",
                "migrations",
                "-p",
                "xtask",
                "--features",
                "app/ssr",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        ),
        (
            "Clippy: browser side (app with hydrate, frontend)",
            &[
                "clippy",
                "-p",
                "frontend",
                "-p",
                "app",
                "--target",
                "wasm32-unknown-unknown",
                "--target-dir",
                "target/front",
                "--",
                "-D",
                "warnings",
            ],
        ),
    ];
    for (title, args) in runs {
        let _s = step(title, None);
        run(Command::new("cargo")
            .args(args)
            .current_dir(&root)
            .env("RUSTFLAGS", crate::test::DEBUG_RUSTFLAGS))?;
    }
    Ok(())
}
