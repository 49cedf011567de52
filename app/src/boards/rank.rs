//! Fractional ranks: keys that sort between any two neighbours, so moving a
//! card writes one row (Figma's and rocicorp's fractional indexing, through
//! the `fractional_index` crate). Stored as lowercase hex, whose byte order
//! equals the keys' order (PostgreSQL columns use the "C" collation).

use fractional_index::FractionalIndex;

/// Keys longer than this many characters make the list re-spread its keys
/// (in one transaction, broadcast as a whole).
pub const REBALANCE_AT: usize = 96;

/// Why no key could be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RankError {
    /// A stored key is not a fractional index.
    #[error("a stored rank is corrupt: {0:?}")]
    Corrupt(String),
    /// The neighbours are equal or out of order.
    #[error("the neighbouring ranks are out of order")]
    OutOfOrder,
}

fn parse(key: &str) -> Result<FractionalIndex, RankError> {
    FractionalIndex::from_string(key).map_err(|_| RankError::Corrupt(key.to_string()))
}

/// A key strictly between `before` and `after` (either may be absent: the
/// start or the end of the list).
pub fn between(before: Option<&str>, after: Option<&str>) -> Result<String, RankError> {
    let before = before.map(parse).transpose()?;
    let after = after.map(parse).transpose()?;
    FractionalIndex::new(before.as_ref(), after.as_ref())
        .map(|k| k.to_string())
        .ok_or(RankError::OutOfOrder)
}

/// `count` short keys, evenly spread and in increasing order (for a new or
/// re-spread list).
pub fn spread(count: usize) -> Vec<String> {
    let width = if count < 250 {
        1
    } else if count < 64_000 {
        2
    } else {
        3
    };
    let space: u64 = 1 << (8 * width);
    let step = space / (count as u64 + 1);
    (1..=count as u64)
        .map(|i| {
            let value = i * step;
            let mut bytes: Vec<u8> = (0..width)
                .rev()
                .map(|b| ((value >> (8 * b)) & 0xff) as u8)
                .collect();
            bytes.push(0x80);
            FractionalIndex::from_bytes(bytes)
                .map(|k| k.to_string())
                .unwrap_or_default()
        })
        .collect()
}

impl From<RankError> for crate::error::AppError {
    fn from(e: RankError) -> Self {
        tracing::error!(error = %e, "fractional rank");
        crate::error::AppError::Internal
    }
}

/// The key for putting an item at `position` (0-based) of `ranks`, the
/// other items' keys in order (the moved item itself excluded).
pub fn at_position(ranks: &[String], position: usize) -> Result<String, RankError> {
    let position = position.min(ranks.len());
    let before = position.checked_sub(1).map(|i| ranks[i].as_str());
    let after = ranks.get(position).map(String::as_str);
    between(before, after)
}

/// Whether a key is long enough that its list should be re-spread.
pub fn needs_rebalance(key: &str) -> bool {
    key.len() > REBALANCE_AT
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn keys_sort_between_their_neighbours() {
        let first = between(None, None).unwrap();
        let after = between(Some(&first), None).unwrap();
        let before = between(None, Some(&first)).unwrap();
        let middle = between(Some(&first), Some(&after)).unwrap();
        assert!(before < first && first < middle && middle < after);
    }

    #[test]
    fn out_of_order_and_corrupt_neighbours_are_refused() {
        let a = between(None, None).unwrap();
        let b = between(Some(&a), None).unwrap();
        assert_eq!(between(Some(&b), Some(&a)), Err(RankError::OutOfOrder));
        assert_eq!(between(Some(&a), Some(&a)), Err(RankError::OutOfOrder));
        assert!(matches!(
            between(Some("zz"), None),
            Err(RankError::Corrupt(_))
        ));
    }

    #[test]
    fn spread_keys_are_short_and_increasing() {
        for count in [0, 1, 4, 249, 250, 5_000, 70_000] {
            let keys = spread(count);
            assert_eq!(keys.len(), count);
            assert!(keys.windows(2).all(|w| w[0] < w[1]), "{count}");
            assert!(keys.iter().all(|k| k.len() <= 8), "{count}");
        }
    }

    #[test]
    fn repeated_inserts_at_one_spot_stay_short() {
        let mut low = between(None, None).unwrap();
        let high = between(Some(&low), None).unwrap();
        for _ in 0..200 {
            low = between(Some(&low), Some(&high)).unwrap();
        }
        assert!(
            low.len() <= 2 * 32,
            "200 inserts made a {}-char key",
            low.len()
        );
        let mut front = spread(1).remove(0);
        for _ in 0..1_000 {
            front = between(None, Some(&front)).unwrap();
        }
        assert!(
            front.len() <= 2 * 12,
            "1,000 prepends: {} chars",
            front.len()
        );
    }

    /// One step of a random edit of a list.
    #[derive(Debug, Clone)]
    enum Op {
        Insert(usize),
        Move(usize, usize),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            any::<usize>().prop_map(Op::Insert),
            (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Op::Move(a, b)),
        ]
    }

    proptest! {
        #[test]
        fn any_inserts_and_moves_keep_a_strict_order(ops in prop::collection::vec(op(), 1..300)) {
            // The list as the model sees it: item ids in order, with keys.
            let mut list: Vec<(usize, String)> = Vec::new();
            let mut next_id = 0;
            for op in ops {
                match op {
                    Op::Insert(at) => {
                        let keys: Vec<String> = list.iter().map(|(_, k)| k.clone()).collect();
                        let at = at % (list.len() + 1);
                        let key = at_position(&keys, at).unwrap();
                        list.insert(at, (next_id, key));
                        next_id += 1;
                    }
                    Op::Move(from, to) if !list.is_empty() => {
                        let from = from % list.len();
                        let (id, _) = list.remove(from);
                        let keys: Vec<String> = list.iter().map(|(_, k)| k.clone()).collect();
                        let to = to % (list.len() + 1);
                        let key = at_position(&keys, to).unwrap();
                        list.insert(to, (id, key));
                    }
                    Op::Move(..) => {}
                }
                prop_assert!(list.windows(2).all(|w| w[0].1 < w[1].1));
                let mut by_key = list.clone();
                by_key.sort_by(|a, b| a.1.cmp(&b.1));
                prop_assert_eq!(&by_key, &list);
            }
        }
    }
}
