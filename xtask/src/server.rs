//! Starting a built Guild server for the browser tests.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// A Guild server started by xtask; killed when dropped.
pub struct RunningServer {
    child: Child,
    /// The origin the server answers on, e.g. `http://127.0.0.1:40123`.
    pub base_url: String,
}

/// A TCP port that was free a moment ago on loopback.
pub fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

/// Points a server command at the site cargo-leptos built under `target/site`.
pub fn with_site_env(cmd: &mut Command, root: &Path, release: bool) {
    cmd.current_dir(root)
        .env("LEPTOS_OUTPUT_NAME", "guild")
        .env("LEPTOS_SITE_ROOT", "target/site")
        .env("LEPTOS_SITE_PKG_DIR", "pkg")
        .env("LEPTOS_HASH_FILES", "true")
        .env("LEPTOS_ENV", if release { "PROD" } else { "DEV" });
}

/// The server binary cargo-leptos built.
pub fn binary(root: &Path, release: bool) -> PathBuf {
    root.join("target")
        .join(if release { "release" } else { "debug" })
        .join("server")
}

impl RunningServer {
    /// Starts the debug `server serve --seed-demo` on a free port with the
    /// database at `database_url`, and waits until `/healthz` answers.
    pub fn start(root: &Path, database_url: &str) -> Result<Self, String> {
        Self::start_built(root, database_url, false)
    }

    /// Like [`RunningServer::start`] with the release build.
    pub fn start_release(root: &Path, database_url: &str) -> Result<Self, String> {
        Self::start_built(root, database_url, true)
    }

    fn start_built(root: &Path, database_url: &str, release: bool) -> Result<Self, String> {
        let port = free_port()?;
        let addr = format!("127.0.0.1:{port}");
        let base_url = format!("http://{addr}");
        let mut cmd = Command::new(binary(root, release));
        with_site_env(&mut cmd, root, release);
        cmd.args(["serve", "--seed-demo"])
            .env("LEPTOS_SITE_ADDR", &addr)
            .env("GUILD_PUBLIC_ORIGIN", &base_url)
            .env("DATABASE_URL", database_url)
            // Every browser in the suite (and the benchmark's load) comes
            // from 127.0.0.1; per-address limits would stop the suite, not
            // an attacker. The throttles themselves are tested over HTTP.
            .env("GUILD_SIGNUP_BURST", "1000000000")
            .env("GUILD_SUGGEST_BURST", "1000000000")
            .env(
                "RUST_LOG",
                std::env::var("RUST_LOG").unwrap_or_else(|_| "warn".into()),
            );
        let child = cmd
            .spawn()
            .map_err(|e| format!("could not start the server: {e}"))?;
        let mut server = RunningServer { child, base_url };
        server.wait_until_healthy(&addr, Duration::from_secs(120))?;
        Ok(server)
    }

    fn wait_until_healthy(&mut self, addr: &str, limit: Duration) -> Result<(), String> {
        let started = Instant::now();
        while started.elapsed() < limit {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!("the server exited early ({status})"));
            }
            if healthz(addr) {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(250));
        }
        Err(format!(
            "the server did not answer /healthz within {limit:?}"
        ))
    }
}

fn healthz(addr: &str) -> bool {
    let Ok(mut stream) = TcpStream::connect(addr) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request = format!("GET /healthz HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).is_ok() && head.ends_with(b"200")
}

/// The administrator the browser tests log in as.
pub const E2E_ADMIN: &str = "e2e_admin";
/// Their password (only ever used against the throw-away test database).
pub const E2E_ADMIN_PASSWORD: &str = "e2e admin walks the board";

/// Creates the browser tests' super admin through the command line, as an
/// operator would (`server admin create-super-admin`, password on stdin).
pub fn create_admin(root: &Path, database_url: &str, release: bool) -> Result<(), String> {
    use std::process::Stdio;
    let mut cmd = Command::new(binary(root, release));
    with_site_env(&mut cmd, root, release);
    let mut child = cmd
        .args([
            "admin",
            "create-super-admin",
            "--email",
            "admin@e2e.test",
            "--username",
            E2E_ADMIN,
        ])
        .env("DATABASE_URL", database_url)
        .stdin(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not run create-super-admin: {e}"))?;
    if let Some(stdin) = child.stdin.as_mut() {
        stdin
            .write_all(format!("{E2E_ADMIN_PASSWORD}\n").as_bytes())
            .map_err(|e| format!("could not send the password: {e}"))?;
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("create-super-admin failed ({status})"))
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
