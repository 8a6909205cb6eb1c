//! The features of each word of a sentence, hashed: the word and its stem, affixes, shape,
//! neighbours, and what the lexicon knows of it (name part, start or inside of a listed city,
//! country, organisation, person, office …).

use std::hash::Hasher;

use super::super::lexicon::{Entry, Lexicon};
use super::super::phrases::Fnv;
use super::super::tokens::{stem, variants};

/// Hash of a feature: a template name and a value.
fn feature(template: &str, value: &str) -> u64 {
    let mut h = Fnv::default();
    h.write(template.as_bytes());
    h.write(&[0]);
    h.write(value.as_bytes());
    h.finish()
}

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

fn lexicon_flags(words: &[&str], lx: &Lexicon) -> Vec<Known> {
    let mut out = vec![Known::default(); words.len()];
    for (i, w) in words.iter().enumerate() {
        let forms = variants(w);
        let s = stem(w);
        let unit = lx.name_unit(&s);
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
        let any = |set: &super::super::phrases::FastSet<String>| forms.iter().any(|f| set.contains(f));
        if any(&lx.function_words) {
            out[i].flags.push("func");
        }
        if lx.common_words.contains(*w) || lx.common_words.contains(&s) {
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
        for form in &forms {
            let rest = words[i + 1..].iter().copied();
            for (len, entries) in lx.phrases.matches(form, rest) {
                for e in entries {
                    let c = category(e);
                    out[i].flags.push(b_flag(c));
                    for k in i + 1..i + len {
                        out[k].flags.push(i_flag(c));
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
    "country", "bigcity", "city", "org", "outlet", "demonym", "office", "portfolio", "person"
);

/// The hashed features of every word of a sentence (normalised words).
pub fn sentence_features(words: &[&str], lx: &Lexicon) -> Vec<Vec<u64>> {
    let known = lexicon_flags(words, lx);
    let stems: Vec<String> = words.iter().map(|w| stem(w)).collect();
    let at = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else {
            words.get(i as usize).copied().unwrap_or("</s>")
        }
    };
    let stem_at = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else {
            stems.get(i as usize).map_or("</s>", String::as_str)
        }
    };
    let mut out = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let ii = i as isize;
        let mut f = Vec::with_capacity(48);
        f.push(feature("bias", ""));
        f.push(feature("w", w));
        f.push(feature("s", stem_at(ii)));
        let chars: Vec<char> = w.chars().collect();
        let n = chars.len();
        for k in 1..=4 {
            if n > k + 1 {
                let p: String = chars[..k].iter().collect();
                let x: String = chars[n - k..].iter().collect();
                f.push(feature(["p1", "p2", "p3", "p4"][k - 1], &p));
                f.push(feature(["x1", "x2", "x3", "x4"][k - 1], &x));
            }
        }
        f.push(feature("shape", shape(w)));
        f.push(feature("len", &n.min(10).to_string()));
        for (name, d) in [("w-2", -2), ("w-1", -1), ("w+1", 1), ("w+2", 2)] {
            f.push(feature(name, at(ii + d)));
        }
        for (name, d) in [("s-2", -2), ("s-1", -1), ("s+1", 1), ("s+2", 2)] {
            f.push(feature(name, stem_at(ii + d)));
        }
        let sc: Vec<char> = stem_at(ii).chars().collect();
        let m = sc.len();
        for k in 2..=3 {
            if m > k {
                let p: String = sc[..k].iter().collect();
                let x: String = sc[m - k..].iter().collect();
                f.push(feature(["", "", "sp2", "sp3"][k], &p));
                f.push(feature(["", "", "sx2", "sx3"][k], &x));
            }
        }
        if ii > 0 {
            for a in &known[i - 1].flags {
                for b in &known[i].flags {
                    f.push(feature("L-1|L0", &format!("{a}|{b}")));
                }
            }
        }
        f.push(feature("w-1|w", &format!("{}|{}", at(ii - 1), w)));
        f.push(feature("w|w+1", &format!("{}|{}", w, at(ii + 1))));
        for flag in &known[i].flags {
            f.push(feature("L0", flag));
        }
        for (name, d) in [("L-1", -1isize), ("L+1", 1), ("L-2", -2), ("L+2", 2)] {
            let j = ii + d;
            if j >= 0 && (j as usize) < words.len() {
                for flag in &known[j as usize].flags {
                    f.push(feature(name, flag));
                }
            }
        }
        out.push(f);
    }
    out
}
