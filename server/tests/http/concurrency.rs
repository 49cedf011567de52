//! Many routers in one process, as the test suite builds them: building one
//! must not stall page renders running on other threads.

use super::support::TestApp;
use http::StatusCode;
use std::time::Duration;

/// How long one page may take before it counts as stalled.
const PAGE_LIMIT: Duration = Duration::from_secs(8);

/// Builds routers one after another on its own thread and runtime, signing
/// up and rendering both dashboards on each; returns the pages that stalled.
fn build_and_render(worker: usize, rounds: usize) -> Vec<String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async move {
        let mut stalled = Vec::new();
        for round in 0..rounds {
            let app = TestApp::new().await;
            let mut client = app.client();
            client
                .sign_up(
                    &format!("w{worker}r{round}"),
                    &["wants_client", "wants_freelancer"],
                )
                .await;
            for (step, path) in [(0, "/"), (1, "/dashboard"), (2, "/dashboard")] {
                if step == 2 {
                    client
                        .post("/api/auth/switch-mode", &[("mode", "freelancer")])
                        .await;
                }
                match tokio::time::timeout(PAGE_LIMIT, client.get(path)).await {
                    Ok(page) => assert_eq!(page.status, StatusCode::OK, "{path}"),
                    Err(_) => stalled.push(format!("worker {worker}, round {round}, {path}")),
                }
            }
            // The app's background tasks live on this runtime and keep its
            // pool open: close it so twenty apps do not exhaust PostgreSQL.
            app.state.db.clone().close().await.expect("close the pool");
        }
        stalled
    })
}

#[test]
fn building_routers_does_not_stall_pages_on_other_threads() {
    let workers: Vec<_> = (0..4)
        .map(|worker| std::thread::spawn(move || build_and_render(worker, 5)))
        .collect();
    let stalled: Vec<String> = workers
        .into_iter()
        .flat_map(|w| w.join().expect("worker"))
        .collect();
    assert!(stalled.is_empty(), "stalled pages: {stalled:?}");
}
