//! Login throttling: a token bucket per key (account and client IP) that only
//! failed attempts drain.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Past this many tracked keys, buckets that have refilled are forgotten.
const PRUNE_ABOVE: usize = 10_000;

/// Token buckets keyed by account or client address.
#[derive(Debug)]
pub struct LoginThrottle {
    burst: f64,
    refill_every: Duration,
    buckets: Mutex<HashMap<String, Bucket>>,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

impl LoginThrottle {
    /// Allows `burst` failed attempts at once per key, then one more every `refill_every`.
    pub fn new(burst: u32, refill_every: Duration) -> Self {
        Self {
            burst: f64::from(burst.max(1)),
            refill_every,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// `Err(retry_after)` when any key has no attempt left.
    pub fn check(&self, keys: &[String]) -> Result<(), Duration> {
        self.check_at(keys, Instant::now())
    }

    /// Takes one attempt from every key.
    pub fn record_failure(&self, keys: &[String]) {
        self.record_failure_at(keys, Instant::now());
    }

    /// Forgets a key, e.g. an account after a successful log-in.
    pub fn reset(&self, key: &str) {
        self.buckets.lock().expect("throttle lock").remove(key);
    }

    fn refilled(&self, bucket: Bucket, now: Instant) -> Bucket {
        let elapsed = now.saturating_duration_since(bucket.updated).as_secs_f64();
        let gained = elapsed / self.refill_every.as_secs_f64();
        Bucket {
            tokens: (bucket.tokens + gained).min(self.burst),
            updated: now,
        }
    }

    fn check_at(&self, keys: &[String], now: Instant) -> Result<(), Duration> {
        let buckets = self.buckets.lock().expect("throttle lock");
        let wait = keys
            .iter()
            .filter_map(|k| buckets.get(k))
            .map(|b| self.refilled(*b, now))
            .filter(|b| b.tokens < 1.0)
            .map(|b| self.refill_every.mul_f64(1.0 - b.tokens))
            .max();
        match wait {
            Some(wait) => Err(wait.max(Duration::from_secs(1))),
            None => Ok(()),
        }
    }

    fn record_failure_at(&self, keys: &[String], now: Instant) {
        let mut buckets = self.buckets.lock().expect("throttle lock");
        for key in keys {
            let current = buckets.get(key).copied().unwrap_or(Bucket {
                tokens: self.burst,
                updated: now,
            });
            let mut next = self.refilled(current, now);
            next.tokens = (next.tokens - 1.0).max(0.0);
            buckets.insert(key.clone(), next);
        }
        if buckets.len() > PRUNE_ABOVE {
            buckets.retain(|_, b| self.refilled(*b, now).tokens < self.burst);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Vec<String> {
        vec!["account:ada".into(), "ip:10.0.0.1".into()]
    }

    #[test]
    fn ten_failures_pass_and_the_eleventh_attempt_is_refused() {
        let throttle = LoginThrottle::new(10, Duration::from_secs(60));
        let now = Instant::now();
        for _ in 0..10 {
            assert!(throttle.check_at(&keys(), now).is_ok());
            throttle.record_failure_at(&keys(), now);
        }
        let wait = throttle.check_at(&keys(), now).unwrap_err();
        assert!(wait <= Duration::from_secs(60) && wait >= Duration::from_secs(59));
    }

    #[test]
    fn one_attempt_returns_each_minute() {
        let throttle = LoginThrottle::new(10, Duration::from_secs(60));
        let now = Instant::now();
        for _ in 0..10 {
            throttle.record_failure_at(&keys(), now);
        }
        let later = now + Duration::from_secs(61);
        assert!(throttle.check_at(&keys(), later).is_ok());
        throttle.record_failure_at(&keys(), later);
        assert!(throttle.check_at(&keys(), later).is_err());
    }

    #[test]
    fn keys_are_independent_and_reset_forgets() {
        let throttle = LoginThrottle::new(2, Duration::from_secs(60));
        let now = Instant::now();
        let ada = vec!["account:ada".to_string()];
        let bob = vec!["account:bob".to_string()];
        throttle.record_failure_at(&ada, now);
        throttle.record_failure_at(&ada, now);
        assert!(throttle.check_at(&ada, now).is_err());
        assert!(throttle.check_at(&bob, now).is_ok());
        throttle.reset("account:ada");
        assert!(throttle.check_at(&ada, now).is_ok());
    }

    #[test]
    fn a_blocked_ip_blocks_every_account_from_it() {
        let throttle = LoginThrottle::new(1, Duration::from_secs(60));
        let now = Instant::now();
        throttle.record_failure_at(&["account:ada".into(), "ip:1.2.3.4".into()], now);
        assert!(
            throttle
                .check_at(&["account:bob".into(), "ip:1.2.3.4".into()], now)
                .is_err()
        );
    }
}
