//! Large synthetic data sets for benchmarks (`server seed --freelancers N --gigs M`).

pub mod synthetic;
