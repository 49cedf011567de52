//! Large synthetic data sets for benchmarks (`server seed --freelancers N --gigs M`).

pub mod big_board;
pub mod load_sessions;
pub mod synthetic;
