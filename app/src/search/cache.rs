//! A short-lived, in-memory cache of public listing pages: the gig board and
//! "Find talent" (pages, server functions and `/api/v1` share it).
//!
//! A listing page costs a search and half a dozen queries to load its cards;
//! the same few pages (the board's first page, a role's talent) are asked
//! for over and over. A page's viewer-independent part is kept here, keyed
//! by its normalised query, for at most [`TTL`]; per-viewer parts (a
//! bookmark) are filled in afterwards. Every change the services make to a
//! gig or a profile's search entry bumps the [`Generation`] its caches
//! follow, which drops all their pages at once, so one server shows its own
//! changes immediately; the TTL bounds how stale another instance's changes
//! can be.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The longest a cached page is used.
pub const TTL: Duration = Duration::from_secs(5);
/// The most pages kept per cache.
pub const MAX_ENTRIES: usize = 2_000;

/// A counter that moves on whenever the data some caches show changes.
#[derive(Debug, Default)]
pub struct Generation(AtomicU64);

impl Generation {
    /// A fresh counter.
    pub const fn new() -> Self {
        Self(AtomicU64::new(0))
    }

    /// The current value.
    pub fn current(&self) -> u64 {
        self.0.load(Ordering::Acquire)
    }

    /// Something changed: every cache following this counter drops its pages.
    pub fn bump(&self) {
        self.0.fetch_add(1, Ordering::AcqRel);
    }
}

struct Entry<V> {
    stored: Instant,
    generation: u64,
    value: Arc<V>,
}

/// Cached listing pages of one kind, valid while their [`Generation`] stays.
pub struct ListingCache<V> {
    changes: &'static Generation,
    entries: Mutex<HashMap<String, Entry<V>>>,
}

impl<V> ListingCache<V> {
    /// An empty cache whose pages last until `changes` moves on.
    pub fn new(changes: &'static Generation) -> Self {
        Self {
            changes,
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// The page stored under `key`, if it is fresh.
    pub fn get(&self, key: &str) -> Option<Arc<V>> {
        self.get_at(key, Instant::now())
    }

    fn get_at(&self, key: &str, now: Instant) -> Option<Arc<V>> {
        let generation = self.changes.current();
        let entries = self.entries.lock().expect("listing cache lock");
        entries
            .get(key)
            .filter(|e| e.generation == generation && now.duration_since(e.stored) < TTL)
            .map(|e| e.value.clone())
    }

    /// Stores a page computed at `generation` (read with [`Self::generation`]
    /// before computing it, so a change made meanwhile is never hidden).
    pub fn put(&self, key: String, generation: u64, value: V) -> Arc<V> {
        let value = Arc::new(value);
        let now = Instant::now();
        let mut entries = self.entries.lock().expect("listing cache lock");
        if entries.len() >= MAX_ENTRIES {
            let current = self.changes.current();
            entries.retain(|_, e| e.generation == current && now.duration_since(e.stored) < TTL);
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
        }
        entries.insert(
            key,
            Entry {
                stored: now,
                generation,
                value: value.clone(),
            },
        );
        value
    }

    /// The page under `key`, or the one `fill` computes (stored at the
    /// generation read before computing it).
    pub async fn get_or_fill<F, Fut, E>(&self, key: String, fill: F) -> Result<Arc<V>, E>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<V, E>>,
    {
        if let Some(found) = self.get(&key) {
            return Ok(found);
        }
        let generation = self.generation();
        let value = fill().await?;
        Ok(self.put(key, generation, value))
    }

    /// The current generation (see [`Self::put`]).
    pub fn generation(&self) -> u64 {
        self.changes.current()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cache<V>() -> ListingCache<V> {
        ListingCache::new(Box::leak(Box::new(Generation::new())))
    }

    #[test]
    fn pages_are_kept_until_a_change_or_the_ttl() {
        let cache: ListingCache<u32> = cache();
        let generation = cache.generation();
        cache.put("page=1".into(), generation, 7);
        assert_eq!(cache.get("page=1").as_deref(), Some(&7));
        assert_eq!(cache.get("page=2"), None);
        let later = Instant::now() + TTL + Duration::from_millis(1);
        assert_eq!(cache.get_at("page=1", later), None);
        cache.changes.bump();
        assert_eq!(cache.get("page=1"), None);
    }

    #[test]
    fn a_page_computed_before_a_change_is_never_served() {
        let cache: ListingCache<u32> = cache();
        let before = cache.generation();
        cache.changes.bump();
        cache.put("page=1".into(), before, 7);
        assert_eq!(cache.get("page=1"), None);
    }

    #[test]
    fn the_cache_stays_bounded() {
        let cache: ListingCache<usize> = cache();
        for n in 0..(MAX_ENTRIES * 2) {
            cache.put(format!("page={n}"), cache.generation(), n);
        }
        assert!(cache.entries.lock().unwrap().len() <= MAX_ENTRIES);
    }
}
