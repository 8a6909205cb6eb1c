//! A fast hasher for maps keyed by our own ids and words, where SipHash's resistance to
//! crafted keys is not needed and its cost shows (thousands of lookups per document).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Fnv {
    /// A hasher that continues from the hash `h` (0 starts afresh).
    pub fn continuing(h: u64) -> Self {
        Self(h)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A map hashed with [`Fnv`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
/// A set hashed with [`Fnv`].
pub type FastSet<K> = std::collections::HashSet<K, BuildHasherDefault<Fnv>>;
