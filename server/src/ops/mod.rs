//! Endpoints for load balancers and operators: liveness (`/healthz`) and
//! readiness (`/readyz`), Prometheus metrics (`/metrics`), and the file
//! downloads (ledger and analytics CSVs, "download my data").

pub mod analytics_csv;
pub mod download;
pub mod export_json;
pub mod ledger_csv;
pub mod metrics;
pub mod readiness;
