//! `cargo xtask bench`: builds the release site, starts it on a temporary
//! database with the demo marketplace, and measures throughput and latency
//! of the pages and endpoints below with `wrk` (Debian's package), plus the
//! size of every bundle as served (raw, gzip, brotli). Prints a table to
//! paste into `docs/benchmarks.md`. `GUILD_BENCH_DATABASE_URL` points it at
//! another database (an empty PostgreSQL one, say); `GUILD_BENCH_SECONDS`
//! sets how long each target runs (default 10).

use crate::process::workspace_root;
use crate::run::build_site;
use crate::server::RunningServer;
use crate::steps::step;
use crate::tools::{Needs, ensure_all, ensure_wrk};
use std::path::Path;
use std::process::Command;

/// What one target asks for.
struct Target {
    label: &'static str,
    method: &'static str,
    path: String,
    body: Option<&'static str>,
}

/// What `wrk` reported for one target.
struct Measured {
    rps: f64,
    p50_ms: f64,
    p99_ms: f64,
    bytes_per_response: f64,
    errors: u64,
}

/// Runs the benchmark.
pub fn bench() -> Result<(), String> {
    ensure_all(&Needs {
        release: true,
        browser: false,
    })?;
    ensure_wrk()?;
    build_site(true)?;
    let root = workspace_root();
    let data_dir = root.join("target/bench-data");
    let _ = std::fs::remove_dir_all(&data_dir);
    std::fs::create_dir_all(&data_dir).map_err(|e| format!("cannot create {data_dir:?}: {e}"))?;
    let database_url = std::env::var("GUILD_BENCH_DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}?mode=rwc", data_dir.join("guild.db").display()));
    let seconds: u64 = std::env::var("GUILD_BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let _s = step("Benchmark: release server, demo data, wrk -t2 -c64", None);
    let server = RunningServer::start_release(&root, &database_url)?;
    let pkg = root.join("target/site/pkg");
    let css = bundle_name(&pkg, ".css").unwrap_or_else(|| "guild.css".into());
    let lua = data_dir.join("suggest.lua");
    std::fs::write(&lua, SUGGEST_LUA).map_err(|e| e.to_string())?;
    let targets = [
        target("404 page (the shell, no data)", "/no-such-page"),
        target("/ landing", "/"),
        target("/gigs (gig board)", "/gigs"),
        target("/talent?role=web-developer", "/talent?role=web-developer"),
        target(
            "/api/v1/freelancers?role=web-developer",
            "/api/v1/freelancers?role=web-developer",
        ),
        Target {
            label: "/api/suggest/roles",
            method: "POST",
            path: "/api/suggest/roles".into(),
            body: Some("text"),
        },
        target("CSS bundle", &format!("/pkg/{css}")),
    ];
    println!(
        "\n| request | rps | p50 ms | p99 ms | bytes/response | errors |\n|---|---:|---:|---:|---:|---:|"
    );
    for t in &targets {
        let script = t.body.map(|_| lua.as_path());
        run_wrk(&server.base_url, t, script, 2)?;
        let m = run_wrk(&server.base_url, t, script, seconds)?;
        println!(
            "| {} {} | {:.0} | {:.2} | {:.2} | {:.0} | {} |",
            t.method, t.label, m.rps, m.p50_ms, m.p99_ms, m.bytes_per_response, m.errors
        );
    }
    drop(server);
    print_sizes(&pkg)
}

fn target(label: &'static str, path: &str) -> Target {
    Target {
        label,
        method: "GET",
        path: path.into(),
        body: None,
    }
}

/// The body of the suggestion request (an anonymous visitor, as from the
/// landing page's need box).
const SUGGEST_LUA: &str = r#"wrk.method = "POST"
wrk.body = "text=my+bakery+needs+a+website+where+people+can+order+cakes"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Accept"] = "application/json"
wrk.headers["Sec-Fetch-Site"] = "same-origin"
"#;

fn run_wrk(
    base: &str,
    t: &Target,
    script: Option<&Path>,
    seconds: u64,
) -> Result<Measured, String> {
    let mut cmd = Command::new("wrk");
    cmd.args(["-t2", "-c64", &format!("-d{seconds}s"), "--latency"])
        .args(["-H", "Accept-Encoding: br, gzip"]);
    if let Some(script) = script {
        cmd.arg("-s").arg(script);
    }
    cmd.arg(format!("{base}{}", t.path));
    let out = cmd
        .output()
        .map_err(|e| format!("could not run wrk: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    parse_wrk(&text).ok_or_else(|| format!("could not read wrk's report:\n{text}"))
}

/// Reads `wrk --latency` output.
fn parse_wrk(text: &str) -> Option<Measured> {
    let field = |prefix: &str| {
        text.lines()
            .map(str::trim)
            .find_map(|l| l.strip_prefix(prefix))
            .map(str::trim)
    };
    let rps: f64 = field("Requests/sec:")?.parse().ok()?;
    let p50_ms = duration_ms(field("50%")?)?;
    let p99_ms = duration_ms(field("99%")?)?;
    let (requests, bytes) = text.lines().find_map(|l| {
        let (count, rest) = l.trim().split_once(" requests in ")?;
        let read = rest.split(", ").nth(1)?.strip_suffix(" read")?;
        Some((count.parse::<f64>().ok()?, size_bytes(read)?))
    })?;
    let errors = field("Non-2xx or 3xx responses:")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    Some(Measured {
        rps,
        p50_ms,
        p99_ms,
        bytes_per_response: if requests > 0.0 {
            bytes / requests
        } else {
            0.0
        },
        errors,
    })
}

/// `5.12ms`, `812.00us`, `1.20s` in milliseconds.
fn duration_ms(text: &str) -> Option<f64> {
    let split = text.find(|c: char| c.is_ascii_alphabetic())?;
    let (number, unit) = text.split_at(split);
    let n: f64 = number.parse().ok()?;
    Some(match unit {
        "us" => n / 1000.0,
        "ms" => n,
        "s" => n * 1000.0,
        "m" => n * 60_000.0,
        _ => return None,
    })
}

/// `50.00MB`, `812.12KB`, `300B` in bytes.
fn size_bytes(text: &str) -> Option<f64> {
    let split = text.find(|c: char| c.is_ascii_alphabetic())?;
    let (number, unit) = text.split_at(split);
    let n: f64 = number.parse().ok()?;
    let scale = match unit {
        "B" => 1.0,
        "KB" => 1024.0,
        "MB" => 1024.0 * 1024.0,
        "GB" => 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    };
    Some(n * scale)
}

/// The file in `pkg` whose name ends with `suffix` (hashed or not).
fn bundle_name(pkg: &Path, suffix: &str) -> Option<String> {
    std::fs::read_dir(pkg)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .find(|n| n.ends_with(suffix))
}

/// Prints raw, gzip and brotli sizes of every bundle (the compressed
/// siblings `--precompress` wrote, which is what the server sends).
fn print_sizes(pkg: &Path) -> Result<(), String> {
    let mut names: Vec<String> = std::fs::read_dir(pkg)
        .map_err(|e| format!("cannot list {pkg:?}: {e}"))?
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| !n.ends_with(".br") && !n.ends_with(".gz"))
        .collect();
    names.sort();
    let size = |name: &str| std::fs::metadata(pkg.join(name)).map(|m| m.len()).ok();
    let kb = |n: Option<u64>| n.map_or("–".into(), |n| format!("{:.1}", n as f64 / 1024.0));
    println!("\n| bundle | raw KB | gzip KB | brotli KB |\n|---|---:|---:|---:|");
    for name in names {
        println!(
            "| {name} | {} | {} | {} |",
            kb(size(&name)),
            kb(size(&format!("{name}.gz"))),
            kb(size(&format!("{name}.br")))
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "Running 10s test @ http://127.0.0.1:3000/gigs
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    93.12ms   10.00ms 200.00ms   90.00%
  Latency Distribution
     50%   92.50ms
     75%   95.00ms
     90%  100.00ms
     99%  812.00us
  6810 requests in 10.00s, 340.50MB read
  Non-2xx or 3xx responses: 12
Requests/sec:    681.00
Transfer/sec:     34.05MB
";

    #[test]
    fn wrk_reports_are_read() {
        let m = parse_wrk(SAMPLE).unwrap();
        assert_eq!(m.rps, 681.0);
        assert_eq!(m.p50_ms, 92.5);
        assert!((m.p99_ms - 0.812).abs() < 1e-9);
        assert_eq!(m.errors, 12);
        assert!((m.bytes_per_response - 340.5 * 1024.0 * 1024.0 / 6810.0).abs() < 1.0);
    }

    #[test]
    fn units_are_converted() {
        assert_eq!(duration_ms("1.50s"), Some(1500.0));
        assert_eq!(size_bytes("2.00KB"), Some(2048.0));
        assert_eq!(size_bytes("12B"), Some(12.0));
    }
}
