//! Any bytes through decoding and extraction: never a panic, and what comes out validates.
//!
//! Seeded with real articles (`fuzz/seed_corpus.sh` copies them from ../shared/corpus; they are
//! not ours to commit). Besides libFuzzer's byte mutations, a word-level mutator edits Arabic as
//! the press writes it: clitics and prefixes (و ف ب ل ك س ال) added to or taken from a word,
//! words dropped or repeated, and crossover swaps words between two articles.
#![no_main]

use libfuzzer_sys::{fuzz_crossover, fuzz_mutator, fuzz_target};

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = waqai::extract::document_from_bytes(data, None) {
        let problems = waqai::model::validate(&doc);
        assert!(problems.is_empty(), "{problems:?}");
    }
});

const PREFIXES: [&str; 9] = ["و", "ف", "ب", "ل", "ك", "س", "ال", "وال", "لل"];

/// A small deterministic generator from libFuzzer's seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

fn words(text: &str) -> Vec<String> {
    text.split(' ').map(str::to_owned).collect()
}

fn mutate_words(text: &str, rng: &mut Rng) -> String {
    let mut w = words(text);
    if w.is_empty() {
        return text.to_owned();
    }
    for _ in 0..1 + rng.below(4) {
        let i = rng.below(w.len());
        match rng.below(5) {
            0 => {
                let p = PREFIXES[rng.below(PREFIXES.len())];
                w[i] = format!("{p}{}", w[i]);
            }
            1 => {
                if let Some(rest) = PREFIXES.iter().find_map(|p| w[i].strip_prefix(p)) {
                    w[i] = rest.to_owned();
                }
            }
            2 => {
                w.remove(i);
                if w.is_empty() {
                    break;
                }
            }
            3 => {
                let copy = w[i].clone();
                w.insert(rng.below(w.len() + 1), copy);
            }
            _ => {
                let j = rng.below(w.len());
                w.swap(i, j);
            }
        }
    }
    w.join(" ")
}

fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    let mut rng = Rng(u64::from(seed) | 1 << 40);
    let text = std::str::from_utf8(&data[..size]).ok().map(str::to_owned);
    match text {
        Some(t) if rng.below(4) != 0 => {
            let out = mutate_words(&t, &mut rng);
            let bytes = out.as_bytes();
            let n = bytes.len().min(max_size);
            // Cut at a char boundary so the text stays text.
            let n = (0..=n).rev().find(|&k| out.is_char_boundary(k)).unwrap_or(0);
            data[..n].copy_from_slice(&bytes[..n]);
            n
        }
        _ => libfuzzer_sys::fuzzer_mutate(data, size, max_size),
    }
});

fuzz_crossover!(|a: &[u8], b: &[u8], out: &mut [u8], seed: u32| {
    let mut rng = Rng(u64::from(seed) | 1 << 41);
    let (Ok(x), Ok(y)) = (std::str::from_utf8(a), std::str::from_utf8(b)) else {
        let n = a.len().min(out.len());
        out[..n].copy_from_slice(&a[..n]);
        return n;
    };
    // Words of the second article put in place of words of the first.
    let mut w = words(x);
    let v = words(y);
    if !w.is_empty() && !v.is_empty() {
        for _ in 0..1 + rng.below(6) {
            let i = rng.below(w.len());
            w[i] = v[rng.below(v.len())].clone();
        }
    }
    let text = w.join(" ");
    let n = text.len().min(out.len());
    let n = (0..=n).rev().find(|&k| text.is_char_boundary(k)).unwrap_or(0);
    out[..n].copy_from_slice(&text.as_bytes()[..n]);
    n
});
