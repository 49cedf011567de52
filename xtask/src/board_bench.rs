//! `cargo xtask bench-board [--against DIR]`: the board benchmark on the
//! release build. A board of 5,000 cards over 8 columns is made with
//! `server big-board`, then `end2end/bench/board.mjs` drives headless
//! Chromium: time until the board is interactive (cold and cached), what
//! the page transfers, and how long a move by one member takes to appear
//! on another member's open board. Results go to docs/benchmarks.md by
//! hand, with the date.
//!
//! `--against DIR` also measures an earlier build saved in DIR (its
//! `server` binary, the `hash.txt` beside it and its `site/`, copied from
//! `target/release` and `target/site`), side by side: both servers run at
//! once, each on its own fresh database, and the rounds alternate between
//! them, so the machine's noise falls on both alike.

use crate::live::{Instance, fresh_dir, server_env};
use crate::process::{run as run_cmd, workspace_root};
use crate::server::{binary, with_site_env};
use crate::steps::step;
use std::path::PathBuf;
use std::process::Command;

/// Rounds per build when comparing two builds.
const ROUNDS: usize = 2;

/// A build to measure: its name in the output, its server and its site.
struct Build {
    name: &'static str,
    server: PathBuf,
    site: PathBuf,
}

/// `cargo xtask bench-board [--against DIR]`.
pub fn bench_board(args: &[String]) -> Result<(), String> {
    let against = match args {
        [] => None,
        [flag, dir] if flag == "--against" => Some(PathBuf::from(dir)),
        _ => return Err("usage: cargo xtask bench-board [--against DIR]".into()),
    };
    crate::run::build(true)?;
    crate::tools::ensure_all(&crate::tools::Needs {
        release: true,
        browser: true,
    })?;
    let root = workspace_root();
    let mut builds = vec![Build {
        name: "this build",
        server: binary(&root, true),
        site: root.join("target/site"),
    }];
    if let Some(dir) = against {
        let dir = std::fs::canonicalize(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for needed in ["server", "hash.txt", "site"] {
            if !dir.join(needed).exists() {
                return Err(format!("{} has no {needed}", dir.display()));
            }
        }
        builds.push(Build {
            name: "earlier build",
            server: dir.join("server"),
            site: dir.join("site"),
        });
    }
    let _s = step("Board: 5,000 cards over 8 columns, SQLite, release", None);
    let mut running = Vec::new();
    for (i, build) in builds.iter().enumerate() {
        let dir = fresh_dir(&format!("bench-board-{i}"))?;
        let mut env = server_env(&format!(
            "sqlite://{}?mode=rwc",
            dir.join("guild.db").display()
        ));
        env.push(("LEPTOS_SITE_ROOT".into(), build.site.display().to_string()));
        let board = dir.join("board.json");
        let mut make = Command::new(&build.server);
        with_site_env(&mut make, &root, true);
        make.args(["big-board", "--cards", "5000", "--columns", "8", "--out"])
            .arg(&board)
            .envs(env.iter().cloned());
        run_cmd(&mut make)?;
        let server = Instance::of_binary(&dir, &build.server, "board")?;
        server.launch(&env, true)?;
        running.push((build.name, server, board));
    }
    let rounds = if running.len() > 1 { ROUNDS } else { 1 };
    let mut result = Ok(());
    'rounds: for round in 1..=rounds {
        for (name, server, board) in &running {
            println!("--- {name}, round {round} of {rounds}");
            let mut bench = Command::new("node");
            bench
                .current_dir(root.join("end2end"))
                .arg("bench/board.mjs")
                .arg(&server.origin)
                .arg(board);
            result = run_cmd(&mut bench);
            if result.is_err() {
                break 'rounds;
            }
        }
    }
    for (_, server, _) in &running {
        server.stop();
    }
    result
}
