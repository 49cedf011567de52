//! What moderation compares (server only): a digest of an item's public
//! text. An admin's approval records the digest of what they approved; an
//! edit that changes it sends the item back to review, so nothing reaches
//! the public that no admin has seen.

use sha2::{Digest, Sha256};

/// A digest of `parts` (order matters; the parts cannot run into each other).
pub fn digest<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::digest;

    #[test]
    fn parts_cannot_shift_between_fields() {
        assert_eq!(digest(["a", "bc"]), digest(["a", "bc"]));
        assert_ne!(digest(["ab", "c"]), digest(["a", "bc"]));
        assert_ne!(digest(["a"]), digest(["a", ""]));
        assert_eq!(digest(["x"]).len(), 64);
    }
}
