//! Endpoints for load balancers and operators: liveness (`/healthz`) and
//! readiness (`/readyz`), and Prometheus metrics (`/metrics`).

pub mod analytics_csv;
pub mod export_json;
pub mod ledger_csv;
pub mod metrics;
pub mod readiness;
