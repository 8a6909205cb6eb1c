//! An index of phrases (sequences of normalised words) for longest-match lookup in running text.
//!
//! Every prefix of every phrase is stored under the hash of its words, so a lookup walks the text
//! word by word and stops as soon as no phrase continues: the cost is the length of the longest
//! match, whatever the number of phrases.

use std::hash::Hasher;

pub use crate::hash::{FastMap, FastSet, Fnv};

/// The hash of a word sequence extended by one word.
fn extend(h: u64, word: &str) -> u64 {
    let mut f = Fnv::continuing(h);
    f.write(word.as_bytes());
    f.write(&[0xff]);
    f.finish()
}

const START: u64 = 0x5157_4149;

#[derive(Debug)]
struct Node<T> {
    /// Whether a longer phrase continues from here.
    prefix: bool,
    /// What the phrase ending here names.
    values: Vec<T>,
}

/// Phrases of normalised words, each with the values it names.
#[derive(Debug)]
pub struct PhraseIndex<T> {
    nodes: FastMap<u64, Node<T>>,
    longest: usize,
}

impl<T> Default for PhraseIndex<T> {
    fn default() -> Self {
        Self {
            nodes: FastMap::default(),
            longest: 0,
        }
    }
}

impl<T: PartialEq> PhraseIndex<T> {
    /// Adds a phrase (already normalised words); a value it already has is not added twice.
    pub fn insert(&mut self, words: &[&str], value: T) {
        if words.is_empty() {
            return;
        }
        let mut h = START;
        for (i, w) in words.iter().enumerate() {
            h = extend(h, w);
            let node = self.nodes.entry(h).or_insert(Node {
                prefix: false,
                values: Vec::new(),
            });
            if i + 1 < words.len() {
                node.prefix = true;
            } else if !node.values.contains(&value) {
                node.values.push(value);
                self.longest = self.longest.max(words.len());
                return;
            }
        }
    }

    /// Every phrase starting with `first` and continuing with `rest`, shortest first:
    /// its length in words and its values.
    pub fn matches<'a, 'w>(
        &'a self,
        first: &str,
        rest: impl IntoIterator<Item = &'w str>,
    ) -> Vec<(usize, &'a [T])> {
        let mut out = Vec::new();
        let mut h = extend(START, first);
        let mut len = 1;
        let mut rest = rest.into_iter();
        while let Some(node) = self.nodes.get(&h) {
            if !node.values.is_empty() {
                out.push((len, node.values.as_slice()));
            }
            if !node.prefix || len >= self.longest {
                break;
            }
            let Some(next) = rest.next() else {
                break;
            };
            h = extend(h, next);
            len += 1;
        }
        out
    }

    /// The values of exactly this phrase.
    pub fn get(&self, words: &[&str]) -> &[T] {
        let h = words.iter().fold(START, |h, w| extend(h, w));
        self.nodes.get(&h).map_or(&[], |n| n.values.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_and_shorter_matches_are_found() {
        let mut p = PhraseIndex::default();
        p.insert(&["الامم", "المتحده"], 1);
        p.insert(&["الامم"], 2);
        p.insert(&["مجلس", "الامن", "الدولي"], 3);
        let m = p.matches("الامم", ["المتحده", "في"]);
        assert_eq!(m, vec![(1, &[2][..]), (2, &[1][..])]);
        assert!(p.matches("مجلس", ["الامن"]).is_empty());
        assert_eq!(p.get(&["مجلس", "الامن", "الدولي"]), &[3]);
    }
}
