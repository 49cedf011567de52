//! `cargo xtask bench-board`: the board benchmark on the release build. A
//! board of 5,000 cards over 8 columns is made with `server big-board`,
//! then `end2end/bench/board.mjs` drives headless Chromium: time until the
//! board is interactive (cold and cached), what the page transfers, and
//! how long a move by one member takes to appear on another member's open
//! board. Results go to docs/benchmarks.md by hand, with the date.

use crate::live::{Instance, fresh_dir, server_env};
use crate::process::{run as run_cmd, workspace_root};
use crate::server::{binary, with_site_env};
use crate::steps::step;
use std::process::Command;

/// `cargo xtask bench-board`.
pub fn bench_board() -> Result<(), String> {
    crate::run::build(true)?;
    crate::tools::ensure_all(&crate::tools::Needs {
        release: true,
        browser: true,
    })?;
    let _s = step("Board: 5,000 cards over 8 columns, SQLite, release", None);
    let dir = fresh_dir("bench-board")?;
    let env = server_env(&format!(
        "sqlite://{}?mode=rwc",
        dir.join("guild.db").display()
    ));
    let board = dir.join("board.json");
    let root = workspace_root();
    let mut make = Command::new(binary(&root, true));
    with_site_env(&mut make, &root, true);
    make.args(["big-board", "--cards", "5000", "--columns", "8", "--out"])
        .arg(&board)
        .envs(env.iter().cloned());
    run_cmd(&mut make)?;
    let server = Instance::new(&dir, true, "board")?;
    server.launch(&env, true)?;
    let mut bench = Command::new("node");
    bench
        .current_dir(root.join("end2end"))
        .arg("bench/board.mjs")
        .arg(&server.origin)
        .arg(&board);
    let result = run_cmd(&mut bench);
    server.stop();
    result
}
