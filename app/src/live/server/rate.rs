//! A token bucket for one user's frames.

use std::time::Instant;

/// Tokens left and when they were counted.
#[derive(Clone, Copy, Debug)]
pub struct Bucket {
    tokens: f64,
    at: Instant,
}

impl Bucket {
    /// A full bucket.
    pub fn full(capacity: f64, now: Instant) -> Self {
        Self {
            tokens: capacity,
            at: now,
        }
    }

    /// The level at `now`, refilled at `rate` per second up to `capacity`.
    pub fn level(&self, now: Instant, capacity: f64, rate: f64) -> f64 {
        let elapsed = now.saturating_duration_since(self.at).as_secs_f64();
        (self.tokens + elapsed * rate).min(capacity)
    }

    /// Takes one token, or answers how many seconds until one is back.
    pub fn take(&mut self, now: Instant, capacity: f64, rate: f64) -> Result<(), f64> {
        self.tokens = self.level(now, capacity, rate);
        self.at = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            Ok(())
        } else {
            Err((1.0 - self.tokens) / rate)
        }
    }
}
