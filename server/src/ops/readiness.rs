//! `GET /readyz`: 200 when the database (and Redis, when configured) answer
//! within two seconds, 503 naming what does not. `GET /healthz` only says
//! the process serves requests.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use sea_orm::DatabaseConnection;
use std::time::Duration;

/// How long each dependency may take to answer.
const CHECK_TIMEOUT: Duration = Duration::from_secs(2);

/// What readiness checks.
#[derive(Clone, Debug)]
pub struct Dependencies {
    /// The database pool.
    pub db: DatabaseConnection,
    /// Redis, when instances share a bus.
    pub redis_url: Option<String>,
}

/// Checks every dependency; the body lists each with "ok" or its problem.
pub async fn readyz(State(deps): State<Dependencies>) -> Response {
    let database = match tokio::time::timeout(CHECK_TIMEOUT, deps.db.ping()).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "readiness: the database does not answer");
            Err("unreachable")
        }
        Err(_) => Err("timed out"),
    };
    let mut lines = vec![line("database", database)];
    let mut ready = database.is_ok();
    if let Some(url) = &deps.redis_url {
        let redis =
            match tokio::time::timeout(CHECK_TIMEOUT, crate::live::redis_bus::ping(url)).await {
                Ok(Ok(())) => Ok(()),
                Ok(Err(e)) => {
                    tracing::warn!(error = %e, "readiness: Redis does not answer");
                    Err("unreachable")
                }
                Err(_) => Err("timed out"),
            };
        ready &= redis.is_ok();
        lines.push(line("redis", redis));
    }
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, lines.join("\n") + "\n").into_response()
}

fn line(name: &str, outcome: Result<(), &str>) -> String {
    match outcome {
        Ok(()) => format!("{name}: ok"),
        Err(problem) => format!("{name}: {problem}"),
    }
}
