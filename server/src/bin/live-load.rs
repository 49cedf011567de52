//! `live-load`: the live layer's load tool. Opens one socket per minted
//! user (see `server load-sessions`), then, by mode:
//!
//! * `idle`: holds the sockets open and reports the server's memory;
//! * `chat`: once every socket is open, every pair chats at a total rate
//!   (so the connection storm is not measured as chat); reports delivery latency
//!   (send → seen by the other member) p50/p95/p99 and lost, duplicated
//!   and out-of-order messages, with the server's RSS and CPU;
//! * `chaos`: like chat, with sockets dropped at random every 2–10 s and the
//!   server killed (SIGKILL) and restarted once; every acknowledged message
//!   must reach its member exactly once and in order (exit 1 otherwise).
//!
//! It speaks the protocol in `docs/realtime.md`, like any other client.

use clap::{Parser, ValueEnum};
use futures_util::{SinkExt, StreamExt};
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, watch};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Mode {
    Idle,
    Chat,
    Chaos,
}

/// The live layer's load tool.
#[derive(Debug, Parser)]
#[command(name = "live-load")]
struct Args {
    /// What to do.
    #[arg(long, value_enum, default_value = "chat")]
    mode: Mode,
    /// The server's origin, e.g. http://127.0.0.1:3000.
    #[arg(long)]
    origin: String,
    /// A second instance's origin: every other user connects there (the
    /// pairs then talk across instances).
    #[arg(long)]
    origin2: Option<String>,
    /// The JSON written by `server load-sessions`.
    #[arg(long)]
    sessions: std::path::PathBuf,
    /// Sockets per user (idle mode).
    #[arg(long, default_value_t = 1)]
    sockets_per_user: usize,
    /// Messages per second, all pairs together (chat and chaos).
    #[arg(long, default_value_t = 1000.0)]
    rate: f64,
    /// How long to send, in seconds.
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// The server's process id, for its RSS and CPU.
    #[arg(long)]
    server_pid: Option<u32>,
    /// Chaos: a file holding the server's pid, rewritten on restart, and
    /// the command that restarts it (run with `sh -c`).
    #[arg(long)]
    restart: Option<String>,
}

#[derive(Debug, Deserialize, Clone)]
struct LoadUser {
    user_id: i32,
    cookie: String,
    conversation_id: i32,
    partner_id: i32,
}

type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

async fn open(origin: &str, cookie: &str) -> Result<Ws, String> {
    let url = format!("{}/ws", origin.replacen("http", "ws", 1));
    let mut request = url.into_client_request().map_err(|e| e.to_string())?;
    request
        .headers_mut()
        .insert("origin", origin.parse().map_err(|_| "origin")?);
    request
        .headers_mut()
        .insert("cookie", cookie.parse().map_err(|_| "cookie")?);
    let (ws, _) = tokio_tungstenite::connect_async(request)
        .await
        .map_err(|e| e.to_string())?;
    Ok(ws)
}

/// Opens a socket, says hello (resuming from `last_seq`) and subscribes to
/// the pair's conversation.
async fn connect(origin: &str, user: &LoadUser, last_seq: Option<i64>) -> Result<Ws, String> {
    let mut ws = open(origin, &user.cookie).await?;
    ws.send(Message::Text(
        json!({"type": "hello", "version": 1, "last_seq": last_seq})
            .to_string()
            .into(),
    ))
    .await
    .map_err(|e| e.to_string())?;
    ws.send(Message::Text(
        json!({"type": "subscribe", "topic": {"kind": "conversation", "id": user.conversation_id}})
            .to_string()
            .into(),
    ))
    .await
    .map_err(|e| e.to_string())?;
    Ok(ws)
}

fn server_usage(pid: Option<u32>) -> String {
    let Some(pid) = pid else {
        return "server pid not given".into();
    };
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let rss = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .unwrap_or("VmRSS: ?")
        .trim()
        .to_string();
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let ticks: u64 = fields.get(11).and_then(|u| u.parse().ok()).unwrap_or(0)
        + fields.get(12).and_then(|s| s.parse().ok()).unwrap_or(0);
    format!("{rss}, CPU {:.1} s", ticks as f64 / 100.0)
}

/// What one receiver saw from its partner: message numbers in arrival order.
#[derive(Default)]
struct Seen {
    numbers: Vec<u64>,
    latencies_us: Vec<u64>,
}

/// Per sender: the numbers of its acknowledged messages.
type Acked = Arc<Mutex<HashMap<i32, Vec<u64>>>>;
type Received = Arc<Mutex<HashMap<i32, Seen>>>;

fn percentile(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i] as f64 / 1000.0
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args = Args::parse();
    let users: Vec<LoadUser> = match std::fs::read(&args.sessions)
        .map_err(|e| e.to_string())
        .and_then(|b| serde_json::from_slice(&b).map_err(|e| e.to_string()))
    {
        Ok(users) => users,
        Err(e) => {
            eprintln!("sessions: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match args.mode {
        Mode::Idle => idle(&args, &users).await,
        Mode::Chat | Mode::Chaos => chat(&args, &users).await,
    }
}

async fn idle(args: &Args, users: &[LoadUser]) -> std::process::ExitCode {
    let before = server_usage(args.server_pid);
    let started = Instant::now();
    let mut sockets = Vec::new();
    let mut failed = 0;
    for user in users {
        for _ in 0..args.sockets_per_user {
            match connect(&args.origin, user, None).await {
                Ok(ws) => sockets.push(ws),
                Err(_) => failed += 1,
            }
        }
        if sockets.len() % 2000 == 0 {
            eprintln!("  {} sockets open", sockets.len());
        }
    }
    let opened = started.elapsed();
    // Drain what the server sent (welcome) so its queues are empty.
    for ws in &mut sockets {
        let _ = tokio::time::timeout(Duration::from_millis(1), ws.next()).await;
    }
    tokio::time::sleep(Duration::from_secs(args.seconds)).await;
    println!(
        "idle: {} sockets open ({} failed) in {:.1} s; server before: {before}; with the sockets held for {} s: {}",
        sockets.len(),
        failed,
        opened.as_secs_f64(),
        args.seconds,
        server_usage(args.server_pid)
    );
    std::process::ExitCode::SUCCESS
}

async fn chat(args: &Args, users: &[LoadUser]) -> std::process::ExitCode {
    let chaos = args.mode == Mode::Chaos;
    let start = Instant::now();
    let acked: Acked = Arc::default();
    let received: Received = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let errors = Arc::new(AtomicU64::new(0));
    let per_user_rate = args.rate / (users.len() as f64 / 2.0);
    let connected = Arc::new(AtomicUsize::new(0));
    let (go_tx, go) = watch::channel(None::<Instant>);
    let mut tasks = Vec::new();
    for (i, user) in users.iter().enumerate() {
        // One sender per pair (the even member), both members receive.
        let sends = i % 2 == 0;
        let user = user.clone();
        let origin = match (&args.origin2, i % 2) {
            (Some(second), 1) => second.clone(),
            _ => args.origin.clone(),
        };
        let (origin, acked, received, stop, errors, connected, go) = (
            origin,
            acked.clone(),
            received.clone(),
            stop.clone(),
            errors.clone(),
            connected.clone(),
            go.clone(),
        );
        let seconds = args.seconds;
        tasks.push(tokio::spawn(async move {
            run_user(
                user,
                origin,
                sends,
                per_user_rate,
                seconds,
                chaos,
                start,
                Start { connected, go },
                acked,
                received,
                stop,
                errors,
            )
            .await;
        }));
    }
    // Sending starts once every socket is open (or after 60 s).
    let waiting = Instant::now();
    while connected.load(Ordering::SeqCst) < users.len()
        && waiting.elapsed() < Duration::from_secs(60)
    {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let before = server_usage(args.server_pid);
    let _ = go_tx.send(Some(Instant::now()));
    let killer = if chaos {
        let restart = args.restart.clone();
        let seconds = args.seconds;
        Some(tokio::spawn(async move {
            tokio::time::sleep(Duration::from_secs(seconds / 2)).await;
            if let Some(restart) = restart {
                kill_and_restart(&restart).await;
            }
        }))
    } else {
        None
    };
    tokio::time::sleep(Duration::from_secs(args.seconds)).await;
    if let Some(k) = killer {
        let _ = k.await;
    }
    // Let the last messages arrive (and reconnecting clients resume): at
    // most 15 s, less once everything acknowledged was seen.
    let drained = Instant::now();
    while drained.elapsed() < Duration::from_secs(15) {
        tokio::time::sleep(Duration::from_millis(250)).await;
        let sent: usize = acked.lock().unwrap().values().map(Vec::len).sum();
        let seen: usize = received
            .lock()
            .unwrap()
            .values()
            .map(|r| r.numbers.len())
            .sum();
        if !chaos && seen >= sent && drained.elapsed() > Duration::from_secs(1) {
            break;
        }
    }
    stop.store(true, Ordering::SeqCst);
    for t in tasks {
        let _ = t.await;
    }
    let after = server_usage(args.server_pid);
    let acked = acked.lock().unwrap();
    let received = received.lock().unwrap();
    let partner_of: HashMap<i32, i32> = users.iter().map(|u| (u.user_id, u.partner_id)).collect();
    let (mut sent, mut delivered, mut lost, mut dups, mut out_of_order) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut latencies: Vec<u64> = Vec::new();
    for (sender, numbers) in acked.iter() {
        sent += numbers.len();
        let receiver = partner_of[sender];
        let seen = received.get(&receiver);
        let got: Vec<u64> = seen.map(|s| s.numbers.clone()).unwrap_or_default();
        let mut counts: HashMap<u64, usize> = HashMap::new();
        for n in &got {
            *counts.entry(*n).or_default() += 1;
        }
        dups += counts
            .values()
            .filter(|c| **c > 1)
            .map(|c| c - 1)
            .sum::<usize>();
        lost += numbers.iter().filter(|n| !counts.contains_key(n)).count();
        out_of_order += got.windows(2).filter(|w| w[1] <= w[0]).count();
        delivered += got.len();
        if let Some(s) = seen {
            latencies.extend(&s.latencies_us);
        }
    }
    latencies.sort_unstable();
    let elapsed = args.seconds as f64;
    println!(
        "{}: {} messages acknowledged ({:.0}/s), {} delivered; latency send→seen p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms; lost {}, duplicated {}, out of order {}; send errors {}",
        if chaos { "chaos" } else { "chat" },
        sent,
        sent as f64 / elapsed,
        delivered,
        percentile(&latencies, 0.50),
        percentile(&latencies, 0.95),
        percentile(&latencies, 0.99),
        latencies.last().copied().unwrap_or(0) as f64 / 1000.0,
        lost,
        dups,
        out_of_order,
        errors.load(Ordering::Relaxed),
    );
    println!("server before: {before}; after: {after}");
    if lost + dups + out_of_order > 0 || (chaos && sent < 1000) {
        eprintln!("FAILED: every acknowledged message must arrive exactly once, in order");
        return std::process::ExitCode::FAILURE;
    }
    std::process::ExitCode::SUCCESS
}

async fn kill_and_restart(restart: &str) {
    let (pid_file, command) = restart.split_once(':').unwrap_or((restart, ""));
    let pid = std::fs::read_to_string(pid_file).unwrap_or_default();
    eprintln!("  chaos: SIGKILL to the server (pid {})", pid.trim());
    let _ = std::process::Command::new("kill")
        .args(["-9", pid.trim()])
        .status();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let _ = std::process::Command::new("sh")
        .args(["-c", command])
        .status();
    eprintln!("  chaos: server restarted");
}

/// How a user's task learns that every socket is open: it counts itself
/// in `connected` once, and sends from the moment `go` carries.
struct Start {
    connected: Arc<AtomicUsize>,
    go: watch::Receiver<Option<Instant>>,
}

#[allow(clippy::too_many_arguments)]
async fn run_user(
    user: LoadUser,
    origin: String,
    sends: bool,
    rate: f64,
    seconds: u64,
    chaos: bool,
    start: Instant,
    mut begin: Start,
    acked: Acked,
    received: Received,
    stop: Arc<AtomicBool>,
    errors: Arc<AtomicU64>,
) {
    // Load users are minted fresh, with an empty event log: resuming from 0
    // delivers what the partner sent before this socket said hello.
    let mut last_seq: Option<i64> = Some(0);
    let mut next_number: u64 = 1;
    // Sent but not acknowledged: resent with the same client id after a reconnect.
    let mut pending: HashMap<String, u64> = HashMap::new();
    let interval = Duration::from_secs_f64(1.0 / rate.max(0.001));
    let mut counted = false;
    let mut seen_max: u64 = 0;
    while !stop.load(Ordering::SeqCst) {
        let mut ws = match connect(&origin, &user, last_seq).await {
            Ok(ws) => ws,
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(200 + fastrand::u64(..300))).await;
                continue;
            }
        };
        if !counted {
            counted = true;
            begin.connected.fetch_add(1, Ordering::SeqCst);
        }
        let (tx, mut rx) = mpsc::unbounded_channel::<String>();
        for (client_id, n) in &pending {
            let _ = tx.send(body_frame(&user, client_id, *n, start));
        }
        let drop_at = Instant::now() + Duration::from_millis(2_000 + fastrand::u64(..8_000));
        let mut tick = tokio::time::interval(interval);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            if stop.load(Ordering::SeqCst) || (chaos && Instant::now() > drop_at) {
                break;
            }
            let go = *begin.go.borrow();
            let sending = go.is_some_and(|at| Instant::now() < at + Duration::from_secs(seconds));
            tokio::select! {
                Ok(()) = begin.go.changed(), if go.is_none() => {
                    // Each sender starts at a random point of its interval,
                    // so the pairs do not all send in the same instant.
                    let phase = interval.mul_f64(fastrand::f64());
                    tick.reset_at(tokio::time::Instant::now() + phase);
                }
                _ = tick.tick(), if sends && sending => {
                    let n = next_number;
                    next_number += 1;
                    let client_id = format!("l{}-{n}", user.user_id);
                    pending.insert(client_id.clone(), n);
                    let _ = tx.send(body_frame(&user, &client_id, n, start));
                }
                Some(text) = rx.recv() => {
                    if ws.send(Message::Text(text.into())).await.is_err() { break; }
                }
                frame = ws.next() => {
                    let Some(Ok(Message::Text(text))) = frame else {
                        if matches!(frame, Some(Ok(_))) { continue; }
                        break;
                    };
                    let Ok(v) = serde_json::from_str::<Value>(&text) else { continue };
                    match v["type"].as_str() {
                        Some("welcome") if last_seq.is_none() => {
                            last_seq = v["seq"].as_i64();
                        }
                        Some("resync") => {
                            errors.fetch_add(1, Ordering::Relaxed);
                            last_seq = v["seq"].as_i64();
                        }
                        Some("event") => {
                            last_seq = v["seq"].as_i64().or(last_seq);
                            let m = &v["event"]["message"];
                            if v["event"]["kind"] != "message" || m["sender_id"].as_i64() != Some(user.partner_id as i64) {
                                continue;
                            }
                            let body = m["body"].as_str().unwrap_or("");
                            let mut parts = body.split(' ');
                            let (Some(_), Some(n), Some(t)) = (parts.next(), parts.next(), parts.next()) else { continue };
                            let (Ok(n), Ok(t)) = (n.parse::<u64>(), t.parse::<u64>()) else { continue };
                            let latency = (start.elapsed().as_micros() as u64).saturating_sub(t);
                            seen_max = seen_max.max(n);
                            let mut r = received.lock().unwrap();
                            let seen = r.entry(user.user_id).or_default();
                            seen.numbers.push(n);
                            seen.latencies_us.push(latency);
                        }
                        Some("ack") => {
                            if let Some(client_id) = v["client_id"].as_str()
                                && let Some(n) = pending.remove(client_id)
                            {
                                acked.lock().unwrap().entry(user.user_id).or_default().push(n);
                            }
                        }
                        Some("error") => {
                            errors.fetch_add(1, Ordering::Relaxed);
                        }
                        _ => {}
                    }
                }
            }
        }
        let _ = ws.close(None).await;
    }
    let _ = seen_max;
}

fn body_frame(user: &LoadUser, client_id: &str, n: u64, start: Instant) -> String {
    json!({
        "type": "send",
        "conversation_id": user.conversation_id,
        "client_id": client_id,
        "body": format!("load {n} {}", start.elapsed().as_micros()),
    })
    .to_string()
}
