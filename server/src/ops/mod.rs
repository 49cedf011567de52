//! Endpoints for load balancers and operators: liveness (`/healthz`) and
//! readiness (`/readyz`).

pub mod readiness;
