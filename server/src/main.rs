//! `server`: serves Guild and runs its maintenance commands. See `server --help`.

use clap::Parser;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: page renders allocate many small
/// short-lived values from both worker threads, and glibc's malloc spent a
/// quarter of the CPU time of a page request (see docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = server::cli::Cli::parse();
    match server::cli::run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
