//! `cargo xtask chaos`: the live layer's chaos test (CI runs it): 20
//! clients chat (more than 1,000 messages) while their sockets drop at
//! random every 2–10 s and the server is killed with SIGKILL once and
//! restarted; every acknowledged message must reach its member exactly
//! once and in order.
//!
//! `cargo xtask bench-live`: the live layer's benchmarks on the release
//! build (idle sockets, chat throughput and latency, across two instances
//! with Redis); see docs/benchmarks.md.

use crate::process::{run as run_cmd, workspace_root};
use crate::server::{binary, free_port, with_site_env};
use crate::steps::step;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// One live server process started through `sh`, so the chaos tool can
/// restart it with the same command.
pub(crate) struct Instance {
    pub(crate) origin: String,
    start: String,
    pid_file: PathBuf,
}

impl Instance {
    pub(crate) fn new(dir: &Path, release: bool, name: &str) -> Result<Self, String> {
        Self::of_binary(dir, &binary(&workspace_root(), release), name)
    }

    /// An instance of a given server binary (an earlier build, say).
    pub(crate) fn of_binary(dir: &Path, bin: &Path, name: &str) -> Result<Self, String> {
        let port = free_port()?;
        let pid_file = dir.join(format!("{name}.pid"));
        let log = dir.join(format!("{name}.log"));
        let start = format!(
            "ulimit -n 65536 2>/dev/null || ulimit -n $(ulimit -Hn); LEPTOS_SITE_ADDR=127.0.0.1:{port} GUILD_PUBLIC_ORIGIN=http://127.0.0.1:{port} nohup {} serve >> {} 2>&1 & echo $! > {}",
            bin.display(),
            log.display(),
            pid_file.display()
        );
        Ok(Self {
            origin: format!("http://127.0.0.1:{port}"),
            start,
            pid_file,
        })
    }

    pub(crate) fn launch(&self, env: &[(String, String)], release: bool) -> Result<(), String> {
        let mut cmd = Command::new("sh");
        with_site_env(&mut cmd, &workspace_root(), release);
        cmd.args(["-c", &self.start]).envs(env.iter().cloned());
        run_cmd(&mut cmd)?;
        let addr = self.origin.trim_start_matches("http://").to_string();
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(60) {
            if std::net::TcpStream::connect(&addr).is_ok() {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        Err(format!("the server at {} did not start", self.origin))
    }

    fn pid(&self) -> String {
        std::fs::read_to_string(&self.pid_file)
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    pub(crate) fn stop(&self) {
        let _ = Command::new("kill").arg(self.pid()).status();
    }
}

pub(crate) fn server_env(database_url: &str) -> Vec<(String, String)> {
    [
        ("DATABASE_URL", database_url),
        ("RUST_LOG", "warn"),
        // The tool sends far faster than a person; the limits themselves
        // are tested over HTTP and the socket.
        ("GUILD_WS_SEND_BURST", "100000"),
        ("GUILD_WS_SEND_PER_SEC", "100000"),
        ("GUILD_WS_MAX_PER_IP", "1000000"),
        ("GUILD_WS_MAX_PER_USER", "64"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

fn mint(
    dir: &Path,
    env: &[(String, String)],
    release: bool,
    users: usize,
) -> Result<PathBuf, String> {
    let out = dir.join(format!("sessions-{users}.json"));
    let mut cmd = Command::new(binary(&workspace_root(), release));
    with_site_env(&mut cmd, &workspace_root(), release);
    cmd.args(["load-sessions", "--users", &users.to_string(), "--out"])
        .arg(&out)
        .envs(env.iter().cloned());
    run_cmd(&mut cmd)?;
    Ok(out)
}

fn load_tool(release: bool) -> PathBuf {
    workspace_root()
        .join("target")
        .join(if release { "release" } else { "debug" })
        .join("live-load")
}

pub(crate) fn fresh_dir(name: &str) -> Result<PathBuf, String> {
    let dir = workspace_root().join("target").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(dir)
}

fn build_bins(release: bool) -> Result<(), String> {
    let mut cmd = Command::new("cargo");
    cmd.current_dir(workspace_root())
        .args(["build", "-p", "server", "--bins"]);
    if release {
        cmd.arg("--release");
    } else {
        cmd.env("RUSTFLAGS", crate::test::DEBUG_RUSTFLAGS);
    }
    run_cmd(&mut cmd)
}

/// `cargo xtask chaos`.
pub fn chaos() -> Result<(), String> {
    let _s = step(
        "Chaos: 20 clients, dropped sockets, one SIGKILL and restart",
        None,
    );
    build_bins(false)?;
    let dir = fresh_dir("chaos")?;
    let env = server_env(&format!(
        "sqlite://{}?mode=rwc",
        dir.join("guild.db").display()
    ));
    let sessions = mint(&dir, &env, false, 20)?;
    let server = Instance::new(&dir, false, "server")?;
    server.launch(&env, false)?;
    let mut cmd = Command::new(load_tool(false));
    with_site_env(&mut cmd, &workspace_root(), false);
    cmd.args(["--mode", "chaos", "--origin", &server.origin, "--sessions"])
        .arg(&sessions)
        .args(["--rate", "60", "--seconds", "24", "--restart"])
        .arg(format!("{}:{}", server.pid_file.display(), server.start))
        .envs(env.iter().cloned());
    let result = run_cmd(&mut cmd);
    server.stop();
    result.map_err(|_| "the chaos test lost, repeated or reordered messages".into())
}

/// `cargo xtask bench-live`: needs the release site (`cargo xtask build
/// --release`); PostgreSQL and Redis figures when `GUILD_BENCH_PG_URL` and
/// `GUILD_BENCH_REDIS_URL` are set.
pub fn bench_live() -> Result<(), String> {
    crate::run::build(true)?;
    build_bins(true)?;
    let dir = fresh_dir("bench-live")?;
    let sqlite = format!("sqlite://{}?mode=rwc", dir.join("guild.db").display());

    let tool = |args: &[&str], env: &[(String, String)]| -> Result<(), String> {
        let mut cmd = Command::new("sh");
        let line = format!(
            "ulimit -n 65536 2>/dev/null || ulimit -n $(ulimit -Hn); exec {} {}",
            load_tool(true).display(),
            args.join(" ")
        );
        cmd.args(["-c", &line]).envs(env.iter().cloned());
        run_cmd(&mut cmd)
    };

    {
        // 1,240 users × 16 = 19,840 sockets: this sandbox's hard limit of
        // 20,000 open files (not raisable without root's CAP_SYS_RESOURCE)
        // must also hold the server's database and listener files.
        let _s = step("Idle sockets: 19,840 (1,240 users × 16), SQLite", None);
        let env = server_env(&sqlite);
        let sessions = mint(&dir, &env, true, 1_240)?;
        let server = Instance::new(&dir, true, "idle")?;
        server.launch(&env, true)?;
        let result = tool(
            &[
                "--mode idle",
                &format!("--origin {}", server.origin),
                &format!("--sessions {}", sessions.display()),
                "--sockets-per-user 16",
                "--seconds 10",
                &format!("--server-pid {}", server.pid()),
            ],
            &env,
        );
        server.stop();
        result?;
    }
    let chat =
        |label: &str, database_url: &str, redis: Option<&str>, rate: u32| -> Result<(), String> {
            let _s = step(label, None);
            let mut env = server_env(database_url);
            if let Some(url) = redis {
                env.push(("GUILD_REDIS_URL".into(), url.into()));
            }
            let sessions = mint(&dir, &env, true, 2_000)?;
            let first = Instance::new(&dir, true, "chat-a")?;
            first.launch(&env, true)?;
            let second = match redis {
                Some(_) => {
                    let second = Instance::new(&dir, true, "chat-b")?;
                    second.launch(&env, true)?;
                    Some(second)
                }
                None => None,
            };
            let mut args = vec![
                "--mode chat".to_string(),
                format!("--origin {}", first.origin),
                format!("--sessions {}", sessions.display()),
                format!("--rate {rate}"),
                "--seconds 20".to_string(),
                format!("--server-pid {}", first.pid()),
            ];
            if let Some(second) = &second {
                args.push(format!("--origin2 {}", second.origin));
            }
            let refs: Vec<&str> = args.iter().map(String::as_str).collect();
            let result = tool(&refs, &env);
            first.stop();
            if let Some(second) = second {
                second.stop();
            }
            result
        };
    chat(
        "Chat: 1,000 pairs at 5,000 messages/s, SQLite",
        &sqlite,
        None,
        5_000,
    )?;
    if let Ok(pg) = std::env::var("GUILD_BENCH_PG_URL") {
        chat(
            "Chat: 1,000 pairs at 5,000 messages/s, PostgreSQL",
            &pg,
            None,
            5_000,
        )?;
        if let Ok(redis) = std::env::var("GUILD_BENCH_REDIS_URL") {
            chat(
                "Chat across two instances (PostgreSQL + Redis), 2,000 messages/s",
                &pg,
                Some(&redis),
                2_000,
            )?;
        }
    }
    Ok(())
}
