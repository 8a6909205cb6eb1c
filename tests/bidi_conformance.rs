//! Unicode's own conformance test for UAX #9, `BidiCharacterTest.txt`: every case goes through
//! our text layer (levels from `unicode-bidi`, line reordering and L1 ours) with a shaper that
//! gives each char its own width, and the resolved levels and the visual order are compared
//! with the file's. A second test wraps cases at every break opportunity and checks that each
//! line is ordered as that line alone would be (levels from the whole paragraph, reordering per
//! line: UAX #9 §3.4).
//!
//! `BidiTest.txt`, written in bidi classes, is run too, with one char standing for each class.
//!
//! The files come with Debian's `unicode-data` (`/usr/share/unicode/`), which `.ci/run`
//! installs; `WAQAI_UNICODE_DATA` names another folder. Without them the tests say they
//! skipped.

use std::path::PathBuf;

use unicode_bidi::{BidiClass, bidi_class};
use waqai::text::{Align, Layout, Measured, Shaped, Shaper, layout, rtl_script};

/// Every cluster (a char and the combining marks after it) one unit wide, the marks drawn on
/// their base; runs holding right-to-left script come out reversed, as harfrust shapes them.
struct Mono;

impl Shaper for Mono {
    fn face(&mut self, c: char) -> u32 {
        u32::from(rtl_script(c))
    }
    fn measure(&mut self, text: &str) -> Measured {
        let mut cluster_of = Vec::new();
        let mut clusters = 0usize;
        for (i, c) in text.chars().enumerate() {
            let mark = i > 0 && bidi_class(c) == BidiClass::NSM;
            if !mark {
                clusters += 1;
            }
            cluster_of.push(clusters - 1);
        }
        let rtl = text.chars().any(rtl_script);
        let extents = cluster_of
            .iter()
            .map(|&k| {
                let x = if rtl { clusters - 1 - k } else { k } as f32;
                (x, x + 1.0)
            })
            .collect();
        Measured {
            width: clusters as f32,
            extents,
        }
    }
    fn line_height(&mut self) -> f32 {
        1.0
    }
}

fn unicode_file(name: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("WAQAI_UNICODE_DATA")
        .map_or_else(|| PathBuf::from("/usr/share/unicode"), PathBuf::from);
    let path = dir.join(name);
    if path.exists() {
        Some(path)
    } else {
        println!(
            "skipped: {} is not here (apt-get install unicode-data, or set WAQAI_UNICODE_DATA)",
            path.display()
        );
        None
    }
}

/// One line of the file.
struct Case {
    line: usize,
    text: String,
    base: Option<bool>,
    /// Levels after L1; `None` for chars removed by rule X9.
    levels: Vec<Option<u8>>,
    /// Logical indices from left to right, removed chars left out.
    order: Vec<usize>,
}

fn cases(path: &PathBuf) -> Vec<Case> {
    let data = std::fs::read_to_string(path).expect("the test file is readable");
    let mut out = Vec::new();
    for (k, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split(';').collect();
        assert_eq!(f.len(), 5, "line {}: five fields", k + 1);
        let text = f[0]
            .split_whitespace()
            .map(|h| char::from_u32(u32::from_str_radix(h, 16).expect("hex")).expect("a char"))
            .collect();
        let base = match f[1] {
            "0" => Some(false),
            "1" => Some(true),
            _ => None,
        };
        let levels = f[3]
            .split_whitespace()
            .map(|l| l.parse::<u8>().ok())
            .collect();
        let order = f[4]
            .split_whitespace()
            .map(|n| n.parse().expect("an index"))
            .collect();
        out.push(Case {
            line: k + 1,
            text,
            base,
            levels,
            order,
        });
    }
    out
}

/// Levels after L1 and the visual order of line `line`, in chars of the whole text, leaving
/// out the chars the case says were removed.
fn read_back(
    s: &Shaped,
    l: &Layout,
    line: usize,
    removed: &[bool],
) -> (Vec<(usize, u8)>, Vec<usize>) {
    let levels = l.char_levels(s, line);
    let order = l
        .visual_chars(s, line)
        .into_iter()
        .filter(|&c| !removed[c])
        .collect();
    (levels, order)
}

#[test]
fn bidi_character_test_levels_and_order() {
    let Some(path) = unicode_file("BidiCharacterTest.txt") else {
        return;
    };
    let all = cases(&path);
    let (mut levels_ok, mut order_ok) = (0, 0);
    let mut failures = Vec::new();
    for case in &all {
        let s = Shaped::new(&mut Mono, &case.text, case.base);
        let l = layout(&s, f32::INFINITY, Align::Auto, 1.0);
        assert_eq!(l.lines.len(), 1, "line {}: one line", case.line);
        let removed: Vec<bool> = case.levels.iter().map(Option::is_none).collect();
        let (levels, order) = read_back(&s, &l, 0, &removed);
        let levels_match = levels
            .iter()
            .all(|&(c, lv)| case.levels[c].is_none_or(|want| want == lv));
        levels_ok += usize::from(levels_match);
        order_ok += usize::from(order == case.order);
        if (!levels_match || order != case.order) && failures.len() < 20 {
            failures.push(format!(
                "line {}: {:?} base {:?}\n  levels want {:?}\n  levels got  {:?}\n  order want {:?}\n  order got  {:?}",
                case.line,
                case.text.chars().map(|c| format!("{:04X}", c as u32)).collect::<Vec<_>>(),
                case.base,
                case.levels,
                levels.iter().map(|p| p.1).collect::<Vec<_>>(),
                case.order,
                order
            ));
        }
    }
    println!(
        "bidi conformance: {levels_ok} of {} cases pass for levels",
        all.len()
    );
    println!(
        "bidi conformance: {order_ok} of {} cases pass for order",
        all.len()
    );
    assert!(
        levels_ok == all.len() && order_ok == all.len(),
        "{} failures, the first:\n{}",
        all.len() * 2 - levels_ok - order_ok,
        failures.join("\n")
    );
}

/// The visual order of the chars `line` of `text` by `unicode-bidi` alone: levels from the
/// whole paragraph, rules L1 and L2 on the line.
fn reorder_alone(text: &str, base: Option<bool>, line: std::ops::Range<usize>) -> Vec<usize> {
    use unicode_bidi::{BidiInfo, Level};
    let level = base.map(|rtl| if rtl { Level::rtl() } else { Level::ltr() });
    let info = BidiInfo::new(text, level);
    let byte = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
    let char_of = |b: usize| text[..b].chars().count();
    let para = &info.paragraphs[0];
    let (levels, runs) = info.visual_runs(para, byte(line.start)..byte(line.end));
    let mut out = Vec::new();
    for run in runs {
        let mut chars: Vec<usize> = text[run.clone()]
            .char_indices()
            .map(|(b, _)| char_of(run.start + b))
            .collect();
        if levels[run.start].is_rtl() {
            chars.reverse();
        }
        out.extend(chars);
    }
    out
}

#[test]
fn wrapped_lines_are_ordered_as_those_lines_alone() {
    let Some(path) = unicode_file("BidiCharacterTest.txt") else {
        return;
    };
    let all = cases(&path);
    let mut lines_checked = 0;
    // Every 7th case keeps the run short; each is wrapped at every width it can break at.
    for case in all.iter().step_by(7) {
        let s = Shaped::new(&mut Mono, &case.text, case.base);
        let n = case.text.chars().count();
        let removed: Vec<bool> = case.levels.iter().map(Option::is_none).collect();
        for width in 1..n {
            let l = layout(&s, width as f32, Align::Auto, 1.0);
            for (k, line) in l.lines.iter().enumerate() {
                let (_, got) = read_back(&s, &l, k, &removed);
                let want = reorder_alone(&case.text, case.base, line.chars.clone())
                    .into_iter()
                    .filter(|&c| !removed[c])
                    .collect::<Vec<_>>();
                assert_eq!(
                    got, want,
                    "line {} wrapped at {width}: line {k} ({:?})",
                    case.line, line.chars
                );
                lines_checked += 1;
            }
        }
    }
    println!("bidi conformance: {lines_checked} wrapped lines ordered as alone");
    assert!(lines_checked > 10_000);
}

/// A char of each bidi class, for `BidiTest.txt`.
fn char_of_class(class: &str) -> char {
    match class {
        "L" => 'a',
        "R" => '\u{05D0}',
        "AL" => '\u{0627}',
        "EN" => '1',
        "ES" => '+',
        "ET" => '$',
        "AN" => '\u{0660}',
        "CS" => ',',
        "NSM" => '\u{0300}',
        "BN" => '\u{00AD}',
        "B" => '\u{2029}',
        "S" => '\t',
        "WS" => ' ',
        "ON" => '!',
        "LRE" => '\u{202A}',
        "LRO" => '\u{202D}',
        "RLE" => '\u{202B}',
        "RLO" => '\u{202E}',
        "PDF" => '\u{202C}',
        "LRI" => '\u{2066}',
        "RLI" => '\u{2067}',
        "FSI" => '\u{2068}',
        "PDI" => '\u{2069}',
        other => panic!("unknown bidi class {other}"),
    }
}

#[test]
fn bidi_test_levels_and_order() {
    let Some(path) = unicode_file("BidiTest.txt") else {
        return;
    };
    let data = std::fs::read_to_string(&path).expect("the test file is readable");
    let (mut want_levels, mut want_order): (Vec<Option<u8>>, Vec<usize>) = (vec![], vec![]);
    let (mut cases, mut levels_ok, mut order_ok) = (0, 0, 0);
    let mut failures = Vec::new();
    for (k, line) in data.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if let Some(l) = line.strip_prefix("@Levels:") {
            want_levels = l.split_whitespace().map(|x| x.parse().ok()).collect();
            continue;
        }
        if let Some(o) = line.strip_prefix("@Reorder:") {
            want_order = o
                .split_whitespace()
                .map(|x| x.parse().expect("an index"))
                .collect();
            continue;
        }
        let Some((input, bits)) = line.split_once(';') else {
            continue;
        };
        let text: String = input.split_whitespace().map(char_of_class).collect();
        let bits: u8 = bits.trim().parse().expect("a bitset");
        let removed: Vec<bool> = want_levels.iter().map(Option::is_none).collect();
        for (bit, base) in [(1, None), (2, Some(false)), (4, Some(true))] {
            if bits & bit == 0 {
                continue;
            }
            cases += 1;
            let s = Shaped::new(&mut Mono, &text, base);
            let l = layout(&s, f32::INFINITY, Align::Auto, 1.0);
            let (levels, order) = read_back(&s, &l, 0, &removed);
            let levels_match = levels
                .iter()
                .all(|&(c, lv)| want_levels[c].is_none_or(|want| want == lv));
            levels_ok += usize::from(levels_match);
            order_ok += usize::from(order == want_order);
            if (!levels_match || order != want_order) && failures.len() < 20 {
                failures.push(format!(
                    "line {}: {input} base {base:?}: levels want {want_levels:?} got {:?}, \
                     order want {want_order:?} got {order:?}",
                    k + 1,
                    levels.iter().map(|p| p.1).collect::<Vec<_>>()
                ));
            }
        }
    }
    println!("bidi conformance (BidiTest.txt): {levels_ok} of {cases} cases pass for levels");
    println!("bidi conformance (BidiTest.txt): {order_ok} of {cases} cases pass for order");
    assert!(
        levels_ok == cases && order_ok == cases,
        "{} failures, the first:\n{}",
        cases * 2 - levels_ok - order_ok,
        failures.join("\n")
    );
}
