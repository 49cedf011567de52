//! Throttling: a token bucket per key, with fixed-size keys and a bounded
//! number of buckets, so no input can make the store grow without limit.
//!
//! Keys are an account id, a hash of an identifier no account has (so an
//! unknown email is throttled exactly like a known one and the answer does
//! not reveal which exists), or a client network (an IPv4 address, or an
//! IPv6 /64, the block one subscriber usually holds). Log-in drains buckets
//! only on failures: an attempt is reserved with [`Throttle::take`] before
//! the password is checked (so parallel guesses cannot all pass a check
//! first) and given back with [`Throttle::refund`] when it succeeds; sign-up
//! and anonymous suggestions simply [`Throttle::take`] an attempt each.

use std::collections::HashMap;
use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::net::IpAddr;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The most buckets one throttle keeps (about 40 bytes each).
pub const DEFAULT_MAX_KEYS: usize = 100_000;

/// What a bucket belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ThrottleKey {
    /// An account, however it was named (email or username).
    Account(i32),
    /// An identifier that matches no account, hashed with a per-process key.
    Unknown(u64),
    /// A client network: an IPv4 address or an IPv6 /64 prefix.
    Network(u128),
}

impl ThrottleKey {
    /// The key of a client address (IPv6 addresses share their /64).
    pub fn network(ip: IpAddr) -> Self {
        match ip {
            IpAddr::V4(v4) => Self::Network(u128::from(v4.to_bits())),
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => Self::Network(u128::from(v4.to_bits())),
                None => Self::Network((v6.to_bits() & !((1u128 << 64) - 1)) | (1 << 32)),
            },
        }
    }

    /// The key of an identifier (already normalised) that names no account.
    pub fn unknown(identifier: &str) -> Self {
        static SEED: OnceLock<RandomState> = OnceLock::new();
        Self::Unknown(SEED.get_or_init(RandomState::new).hash_one(identifier))
    }
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

/// Token buckets keyed by [`ThrottleKey`].
#[derive(Debug)]
pub struct Throttle {
    burst: f64,
    refill_every: Duration,
    max_keys: usize,
    buckets: Mutex<HashMap<ThrottleKey, Bucket>>,
}

impl Throttle {
    /// Allows `burst` attempts at once per key, then one more every
    /// `refill_every`, keeping at most [`DEFAULT_MAX_KEYS`] buckets.
    pub fn new(burst: u32, refill_every: Duration) -> Self {
        Self::with_capacity(burst, refill_every, DEFAULT_MAX_KEYS)
    }

    /// Like [`Throttle::new`] with at most `max_keys` buckets.
    pub fn with_capacity(burst: u32, refill_every: Duration, max_keys: usize) -> Self {
        Self {
            burst: f64::from(burst.max(1)),
            refill_every: refill_every.max(Duration::from_millis(1)),
            max_keys: max_keys.max(1),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Checks and, when allowed, takes one attempt from every key at once.
    pub fn take(&self, keys: &[ThrottleKey]) -> Result<(), Duration> {
        let now = Instant::now();
        let mut buckets = self.buckets.lock().expect("throttle lock");
        self.wait(&buckets, keys, now).map_or(Ok(()), Err)?;
        self.drain(&mut buckets, keys, now);
        Ok(())
    }

    /// Gives one attempt back to `key` (a reserved attempt that succeeded).
    pub fn refund(&self, key: ThrottleKey) {
        let now = Instant::now();
        let mut buckets = self.buckets.lock().expect("throttle lock");
        if let Some(bucket) = buckets.get(&key).copied() {
            let mut next = self.refilled(bucket, now);
            next.tokens = (next.tokens + 1.0).min(self.burst);
            buckets.insert(key, next);
        }
    }

    /// Forgets a key, e.g. an account after a successful log-in.
    pub fn reset(&self, key: ThrottleKey) {
        self.buckets.lock().expect("throttle lock").remove(&key);
    }

    /// How many buckets are kept now.
    pub fn len(&self) -> usize {
        self.buckets.lock().expect("throttle lock").len()
    }

    /// Whether no bucket is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn refilled(&self, bucket: Bucket, now: Instant) -> Bucket {
        let elapsed = now.saturating_duration_since(bucket.updated).as_secs_f64();
        let gained = elapsed / self.refill_every.as_secs_f64();
        Bucket {
            tokens: (bucket.tokens + gained).min(self.burst),
            updated: now,
        }
    }

    fn wait(
        &self,
        buckets: &HashMap<ThrottleKey, Bucket>,
        keys: &[ThrottleKey],
        now: Instant,
    ) -> Option<Duration> {
        keys.iter()
            .filter_map(|k| buckets.get(k))
            .map(|b| self.refilled(*b, now))
            .filter(|b| b.tokens < 1.0)
            .map(|b| self.refill_every.mul_f64(1.0 - b.tokens))
            .max()
            .map(|wait| wait.max(Duration::from_secs(1)))
    }

    #[cfg(test)]
    fn check_at(&self, keys: &[ThrottleKey], now: Instant) -> Result<(), Duration> {
        let buckets = self.buckets.lock().expect("throttle lock");
        self.wait(&buckets, keys, now).map_or(Ok(()), Err)
    }

    #[cfg(test)]
    fn record_at(&self, keys: &[ThrottleKey], now: Instant) {
        let mut buckets = self.buckets.lock().expect("throttle lock");
        self.drain(&mut buckets, keys, now);
    }

    fn drain(
        &self,
        buckets: &mut HashMap<ThrottleKey, Bucket>,
        keys: &[ThrottleKey],
        now: Instant,
    ) {
        for key in keys {
            let current = match buckets.get(key) {
                Some(bucket) => *bucket,
                None => {
                    self.make_room(buckets, now);
                    Bucket {
                        tokens: self.burst,
                        updated: now,
                    }
                }
            };
            let mut next = self.refilled(current, now);
            next.tokens = (next.tokens - 1.0).max(0.0);
            buckets.insert(*key, next);
        }
    }

    /// Keeps the store under its bound before a new key is added: buckets
    /// that have refilled are dropped (they hold nothing a new bucket would
    /// not), and if the store is still full, the fullest bucket goes.
    fn make_room(&self, buckets: &mut HashMap<ThrottleKey, Bucket>, now: Instant) {
        if buckets.len() < self.max_keys {
            return;
        }
        buckets.retain(|_, b| self.refilled(*b, now).tokens < self.burst);
        if buckets.len() >= self.max_keys {
            let fullest = buckets
                .iter()
                .max_by(|a, b| {
                    let (a, b) = (self.refilled(*a.1, now), self.refilled(*b.1, now));
                    a.tokens.total_cmp(&b.tokens)
                })
                .map(|(k, _)| *k);
            if let Some(key) = fullest {
                buckets.remove(&key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> ThrottleKey {
        ThrottleKey::network(text.parse().unwrap())
    }

    fn keys() -> Vec<ThrottleKey> {
        vec![ThrottleKey::Account(1), ip("10.0.0.1")]
    }

    #[test]
    fn ten_failures_pass_and_the_eleventh_attempt_is_refused() {
        let throttle = Throttle::new(10, Duration::from_secs(60));
        let now = Instant::now();
        for _ in 0..10 {
            assert!(throttle.check_at(&keys(), now).is_ok());
            throttle.record_at(&keys(), now);
        }
        let wait = throttle.check_at(&keys(), now).unwrap_err();
        assert!(wait <= Duration::from_secs(60) && wait >= Duration::from_secs(59));
    }

    #[test]
    fn one_attempt_returns_each_minute() {
        let throttle = Throttle::new(10, Duration::from_secs(60));
        let now = Instant::now();
        for _ in 0..10 {
            throttle.record_at(&keys(), now);
        }
        let later = now + Duration::from_secs(61);
        assert!(throttle.check_at(&keys(), later).is_ok());
        throttle.record_at(&keys(), later);
        assert!(throttle.check_at(&keys(), later).is_err());
    }

    #[test]
    fn keys_are_independent_and_reset_forgets() {
        let throttle = Throttle::new(2, Duration::from_secs(60));
        let now = Instant::now();
        let ada = [ThrottleKey::Account(1)];
        let bob = [ThrottleKey::Account(2)];
        throttle.record_at(&ada, now);
        throttle.record_at(&ada, now);
        assert!(throttle.check_at(&ada, now).is_err());
        assert!(throttle.check_at(&bob, now).is_ok());
        throttle.reset(ThrottleKey::Account(1));
        assert!(throttle.check_at(&ada, now).is_ok());
    }

    #[test]
    fn a_blocked_network_blocks_every_account_from_it() {
        let throttle = Throttle::new(1, Duration::from_secs(60));
        let now = Instant::now();
        throttle.record_at(&[ThrottleKey::Account(1), ip("1.2.3.4")], now);
        assert!(
            throttle
                .check_at(&[ThrottleKey::Account(2), ip("1.2.3.4")], now)
                .is_err()
        );
    }

    #[test]
    fn ipv6_addresses_share_their_slash_64() {
        assert_eq!(ip("2001:db8:1:2::1"), ip("2001:db8:1:2:ffff::9"));
        assert_ne!(ip("2001:db8:1:2::1"), ip("2001:db8:1:3::1"));
        assert_eq!(ip("::ffff:1.2.3.4"), ip("1.2.3.4"));
        assert_ne!(ip("::1"), ip("0.0.0.1"));
    }

    #[test]
    fn unknown_identifiers_hash_to_stable_keys() {
        assert_eq!(
            ThrottleKey::unknown("eve@example.com"),
            ThrottleKey::unknown("eve@example.com")
        );
        assert_ne!(ThrottleKey::unknown("eve"), ThrottleKey::unknown("eva"));
    }

    #[test]
    fn take_refuses_without_draining_further() {
        let throttle = Throttle::new(2, Duration::from_secs(60));
        let key = [ip("10.0.0.9")];
        assert!(throttle.take(&key).is_ok());
        assert!(throttle.take(&key).is_ok());
        assert!(throttle.take(&key).is_err());
    }

    #[test]
    fn a_refund_gives_back_a_reserved_attempt() {
        let throttle = Throttle::new(1, Duration::from_secs(60));
        let key = ThrottleKey::Account(3);
        assert!(throttle.take(&[key]).is_ok());
        assert!(throttle.take(&[key]).is_err());
        throttle.refund(key);
        assert!(throttle.take(&[key]).is_ok());
    }

    #[test]
    fn the_store_never_holds_more_than_its_bound() {
        let throttle = Throttle::with_capacity(3, Duration::from_secs(60), 100);
        let now = Instant::now();
        let victim = [ThrottleKey::Account(7)];
        for _ in 0..3 {
            throttle.record_at(&victim, now);
        }
        for n in 0..10_000u32 {
            throttle.record_at(&[ThrottleKey::Network(u128::from(n))], now);
            assert!(throttle.len() <= 100);
        }
        assert!(
            throttle.check_at(&victim, now).is_err(),
            "a blocked key must outlive a flood of fresh ones"
        );
    }
}
