//! The features of each word of a sentence, hashed: the word and its stem, affixes, shape,
//! neighbours, and what the lexicon knows of it (name part, start or inside of a listed city,
//! country, organisation, person, office …).

use std::hash::Hasher;

use super::super::lexicon::{Entry, Lexicon};
use super::super::phrases::Fnv;
use super::super::tokens::{stem_of, variants};

/// Hash of a feature: a template name and a value.
fn feature(template: &str, value: &str) -> u64 {
    feature_of(template, &[value])
}

/// Hash of a feature whose value is the concatenation of `parts` (no string is built: FNV reads
/// bytes one after another, so this equals [`feature`] of the joined value).
fn feature_of(template: &str, parts: &[&str]) -> u64 {
    let mut h = Fnv::default();
    h.write(template.as_bytes());
    h.write(&[0]);
    for p in parts {
        h.write(p.as_bytes());
    }
    h.finish()
}

/// The first and last `k` chars of a word, without allocating.
fn affixes(w: &str, k: usize) -> (&str, &str) {
    let n = w.chars().count();
    let head = w.char_indices().nth(k).map_or(w.len(), |(i, _)| i);
    let tail = w.char_indices().nth(n - k).map_or(w.len(), |(i, _)| i);
    (w.split_at(head).0, w.split_at(tail).1)
}

const LENGTHS: [&str; 11] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];

/// What the lexicon says of one word.
#[derive(Clone, Debug, Default)]
struct Known {
    flags: Vec<&'static str>,
}

fn bucket(n: u32) -> &'static str {
    match n {
        0 => "0",
        1..=9 => "1",
        10..=99 => "2",
        _ => "3",
    }
}

fn category(e: &Entry) -> &'static str {
    match e {
        Entry::Country(_) => "country",
        Entry::City { population, .. } if *population >= 100_000 => "bigcity",
        Entry::City { listed: true, .. } => "bigcity",
        Entry::City { .. } => "city",
        Entry::Org(_) => "org",
        Entry::Outlet(_) => "outlet",
        Entry::Demonym(_) => "demonym",
        Entry::Office => "office",
        Entry::Portfolio => "portfolio",
        Entry::Person(_) => "person",
    }
}

fn shape(w: &str) -> &'static str {
    let mut kinds = w.chars().map(|c| {
        if c.is_ascii_digit() {
            'd'
        } else if c.is_ascii_alphabetic() {
            'l'
        } else if c.is_alphabetic() {
            'a'
        } else {
            'p'
        }
    });
    let first = kinds.next().unwrap_or('p');
    if kinds.all(|k| k == first) {
        match first {
            'd' => "digits",
            'l' => "latin",
            'a' => "arabic",
            _ => "punct",
        }
    } else {
        "mixed"
    }
}

fn lexicon_flags(words: &[&str], forms_of: &[Vec<String>], lx: &Lexicon) -> Vec<Known> {
    let mut out = vec![Known::default(); words.len()];
    for (i, w) in words.iter().enumerate() {
        let forms = &forms_of[i];
        let s = stem_of(w, forms);
        let unit = lx.name_unit(s);
        let unit = if unit == Default::default() {
            lx.name_unit(w)
        } else {
            unit
        };
        out[i].flags.push(match bucket(unit.given) {
            "0" => "g0",
            "1" => "g1",
            "2" => "g2",
            _ => "g3",
        });
        out[i].flags.push(match bucket(unit.surname) {
            "0" => "s0",
            "1" => "s1",
            "2" => "s2",
            _ => "s3",
        });
        let any =
            |set: &super::super::phrases::FastSet<String>| forms.iter().any(|f| set.contains(f));
        if any(&lx.function_words) {
            out[i].flags.push("func");
        }
        if lx.common_words.contains(*w) || lx.common_words.contains(s) {
            out[i].flags.push("common");
        }
        if any(&lx.honorifics) {
            out[i].flags.push("honorific");
        }
        if any(&lx.family_words) {
            out[i].flags.push("family");
        }
        if any(&lx.org_heads) {
            out[i].flags.push("orghead");
        }
        if forms.iter().any(|f| lx.trigger_word(f).is_some()) {
            out[i].flags.push("trigger");
        }
        if any(&lx.reporting_verbs) {
            out[i].flags.push("says");
        }
        for form in forms {
            let rest = words[i + 1..].iter().copied();
            for (len, entries) in lx.phrases.matches(form, rest) {
                for e in entries {
                    let c = category(e);
                    out[i].flags.push(b_flag(c));
                    for inside in out.iter_mut().take(i + len).skip(i + 1) {
                        inside.flags.push(i_flag(c));
                    }
                }
            }
        }
        out[i].flags.sort_unstable();
        out[i].flags.dedup();
    }
    out
}

macro_rules! flag_names {
    ($($c:literal),*) => {
        fn b_flag(c: &str) -> &'static str {
            match c { $($c => concat!("B-", $c),)* _ => "B-?" }
        }
        fn i_flag(c: &str) -> &'static str {
            match c { $($c => concat!("I-", $c),)* _ => "I-?" }
        }
    };
}
flag_names!(
    "country",
    "bigcity",
    "city",
    "org",
    "outlet",
    "demonym",
    "office",
    "portfolio",
    "person"
);

/// The features of a word that depend on it alone: the word, its stem, affixes, shape, length.
fn own_features(w: &str, st: &str, f: &mut Vec<u64>) {
    f.push(feature("w", w));
    f.push(feature("s", st));
    let n = w.chars().count();
    for k in 1..=4 {
        if n > k + 1 {
            let (p, x) = affixes(w, k);
            f.push(feature(["p1", "p2", "p3", "p4"][k - 1], p));
            f.push(feature(["x1", "x2", "x3", "x4"][k - 1], x));
        }
    }
    f.push(feature("shape", shape(w)));
    f.push(feature("len", LENGTHS[n.min(10)]));
    let m = st.chars().count();
    for k in 2..=3 {
        if m > k {
            let (p, x) = affixes(st, k);
            f.push(feature(["", "", "sp2", "sp3"][k], p));
            f.push(feature(["", "", "sx2", "sx3"][k], x));
        }
    }
}

/// Offsets of the neighbours whose word and stem are features, with their template names.
const NEIGHBOURS: [(isize, &str, &str); 4] = [
    (-2, "w-2", "s-2"),
    (-1, "w-1", "s-1"),
    (1, "w+1", "s+1"),
    (2, "w+2", "s+2"),
];

/// The features a neighbour at offset `NEIGHBOURS[k]` gives: its word and its stem.
fn neighbour_features(k: usize, w: &str, st: &str, f: &mut Vec<u64>) {
    f.push(feature(NEIGHBOURS[k].1, w));
    f.push(feature(NEIGHBOURS[k].2, st));
}

/// A sentence prepared for features: its words, stems and what the lexicon says of each.
pub struct Prepared<'a> {
    words: &'a [&'a str],
    stems: Vec<String>,
    known: Vec<Known>,
}

impl<'a> Prepared<'a> {
    /// Prepares the words of a sentence (normalised).
    pub fn new(words: &'a [&'a str], lx: &Lexicon) -> Self {
        let forms: Vec<Vec<String>> = words.iter().map(|w| variants(w)).collect();
        Self {
            words,
            stems: words
                .iter()
                .zip(&forms)
                .map(|(w, f)| stem_of(w, f).to_owned())
                .collect(),
            known: lexicon_flags(words, &forms, lx),
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether there is no word.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The word and stem at `i`, or the sentence boundary marks outside it.
    pub fn at(&self, i: isize) -> (&str, &str) {
        if i < 0 {
            ("<s>", "<s>")
        } else if let (Some(w), Some(s)) = (self.words.get(i as usize), self.stems.get(i as usize))
        {
            (w, s)
        } else {
            ("</s>", "</s>")
        }
    }

    /// Features of word `i` that depend on more than one word: the bias, pairs of words, and
    /// what the lexicon says of it and its neighbours.
    pub fn context_features(&self, i: usize, f: &mut Vec<u64>) {
        let ii = i as isize;
        let known = &self.known;
        f.push(feature("bias", ""));
        if ii > 0 {
            // Pairs of what the lexicon says of two neighbours, name-part counts left out
            // (they are on every word and would multiply the features).
            let strong = |f: &&&str| !f.starts_with('g') && !f.starts_with('s');
            for a in known[i - 1].flags.iter().filter(strong) {
                for b in known[i].flags.iter().filter(strong) {
                    f.push(feature_of("L-1|L0", &[a, "|", b]));
                }
            }
        }
        let w = self.at(ii).0;
        f.push(feature_of("w-1|w", &[self.at(ii - 1).0, "|", w]));
        f.push(feature_of("w|w+1", &[w, "|", self.at(ii + 1).0]));
        for flag in &known[i].flags {
            f.push(feature("L0", flag));
        }
        for (name, d) in [("L-1", -1isize), ("L+1", 1), ("L-2", -2), ("L+2", 2)] {
            let j = ii + d;
            if j >= 0 && (j as usize) < self.words.len() {
                for flag in &known[j as usize].flags {
                    f.push(feature(name, flag));
                }
            }
        }
    }

    /// Every feature of word `i`.
    pub fn all_features(&self, i: usize) -> Vec<u64> {
        let mut f = Vec::with_capacity(64);
        let (w, st) = self.at(i as isize);
        own_features(w, st, &mut f);
        for (k, (d, _, _)) in NEIGHBOURS.iter().enumerate() {
            let (nw, ns) = self.at(i as isize + d);
            neighbour_features(k, nw, ns, &mut f);
        }
        self.context_features(i, &mut f);
        f
    }
}

/// The hashed features of every word of a sentence (normalised words).
pub fn sentence_features(words: &[&str], lx: &Lexicon) -> Vec<Vec<u64>> {
    let p = Prepared::new(words, lx);
    (0..words.len()).map(|i| p.all_features(i)).collect()
}
