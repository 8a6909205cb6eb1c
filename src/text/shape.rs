//! Splitting a paragraph into atoms: the smallest pieces the shaper sees, each of one bidi level
//! and one font, never crossing a line-break opportunity.

use std::ops::Range;

use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo, bidi_class};

/// Measures text with real fonts; implemented for egui and, in tests, by a fixed-width mock.
pub trait Shaper {
    /// Which font of the family draws `c`; only equality between answers matters.
    fn face(&mut self, c: char) -> u32;
    /// Shapes `text` as one run: its advance width and, for each of its chars in the order of
    /// `text`, the `[left, right)` extent of its glyph(s) from the run's left edge.
    fn measure(&mut self, text: &str) -> Measured;
    /// Height of one line.
    fn line_height(&mut self) -> f32;
}

/// What [`Shaper::measure`] returns.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Measured {
    /// Advance width of the run.
    pub width: f32,
    /// One `(left, right)` per char of the measured text.
    pub extents: Vec<(f32, f32)>,
}

/// A piece of a paragraph shaped as one run.
#[derive(Clone, Debug, PartialEq)]
pub struct Atom {
    /// Chars of the whole text it covers (logical order).
    pub chars: Range<usize>,
    /// The text given to the shaper: the logical text, mirrored where the level is RTL and the
    /// shaper would not mirror it itself.
    pub display: String,
    /// Resolved bidi level (before rule L1).
    pub level: u8,
    /// Whether it is white space or isolate controls (rule L1 resets its level at a line end
    /// and before a separator).
    pub space: bool,
    /// Whether it is a segment or paragraph separator (rule L1 always resets its level).
    pub separator: bool,
    /// Whether a line may break before it.
    pub break_before: bool,
    /// Advance width.
    pub width: f32,
    /// `(left, right)` of each logical char, from the atom's left edge.
    pub extents: Vec<(f32, f32)>,
}

/// A paragraph (text between `\n`) split into atoms.
#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    /// Chars of the whole text it covers, without the `\n`.
    pub chars: Range<usize>,
    /// Paragraph embedding level is RTL.
    pub rtl: bool,
    /// Atoms in logical order.
    pub atoms: Vec<Atom>,
}

/// Whether the shaper (harfrust via egui) shapes a run holding `c` right-to-left: it guesses the
/// direction from the first char of a right-to-left script.
pub fn rtl_script(c: char) -> bool {
    let u = c as u32;
    let common = matches!(u, 0x060C | 0x061B | 0x061F | 0x0640);
    !common
        && (matches!(u, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFC)
            || matches!(u, 0x10800..=0x10FFF | 0x1E800..=0x1EFFF))
}

/// The mirrored form of `c` (rule L4, from Unicode's `BidiMirroring.txt`), or `c` itself.
pub fn mirror(c: char) -> char {
    unicode_bidi_mirroring::get_mirrored(c).unwrap_or(c)
}

fn is_mirrored(c: char) -> bool {
    unicode_bidi_mirroring::get_mirrored(c).is_some()
}

/// How rule L1 sees a char.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum L1 {
    /// Reset to the paragraph level when it ends a line or comes before a separator: white
    /// space and isolate formatting chars.
    Space,
    /// Always reset to the paragraph level: segment (tab) and paragraph separators.
    Separator,
    /// Anything else.
    Other,
    /// Removed by rule X9 (embedding controls, boundary neutrals such as ZWJ): it goes with
    /// the char before it.
    Removed,
}

fn l1(c: char) -> L1 {
    use BidiClass::*;
    match bidi_class(c) {
        WS | FSI | LRI | RLI | PDI => L1::Space,
        S | B => L1::Separator,
        BN | LRE | RLE | LRO | RLO | PDF => L1::Removed,
        _ => L1::Other,
    }
}

fn is_mark(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::NSM)
        || matches!(c as u32, 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0300..=0x036F | 0x200D)
}

/// Bidi levels of a paragraph per char, and whether its base direction is RTL.
/// `base`: `Some(true)` forces RTL, `Some(false)` LTR, `None` takes the first strong char.
pub fn levels(text: &str, base: Option<bool>) -> (Vec<u8>, bool) {
    let default = base.map(|rtl| if rtl { Level::rtl() } else { Level::ltr() });
    let info = ParagraphBidiInfo::new(text, default);
    let rtl = info.paragraph_level.is_rtl();
    let levels = text
        .char_indices()
        .map(|(i, _)| info.levels[i].number())
        .collect();
    (levels, rtl)
}

/// Splits one paragraph (no `\n` inside) into shaped atoms. `first_char` is the paragraph's
/// offset in the whole text.
pub fn shape_paragraph(
    shaper: &mut dyn Shaper,
    text: &str,
    first_char: usize,
    base: Option<bool>,
) -> Paragraph {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let (lv, rtl) = levels(text, base);
    let mut break_before = vec![false; n + 1];
    let byte_to_char = {
        let mut m = vec![0usize; text.len() + 1];
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            m[bi] = ci;
        }
        m[text.len()] = n;
        m
    };
    for (b, _) in unicode_linebreak::linebreaks(text) {
        break_before[byte_to_char[b]] = true;
    }
    let mut faces = Vec::with_capacity(n);
    for (i, &c) in chars.iter().enumerate() {
        let f = if i > 0 && is_mark(c) {
            faces[i - 1]
        } else {
            shaper.face(c)
        };
        faces.push(f);
    }
    // What rule L1 needs to know of each char; removed chars go with the char before.
    let mut kinds: Vec<L1> = Vec::with_capacity(n);
    for &c in &chars {
        let k = match (l1(c), kinds.last()) {
            (L1::Removed, Some(&before)) => before,
            (k, _) => k,
        };
        kinds.push(k);
    }
    let mut atoms = Vec::new();
    let mut i = 0;
    while i < n {
        let mut j = i + 1;
        // Separators and white space stand alone: rule L1 may give them another level than
        // the one they were shaped at, and a lone char reads the same both ways.
        let alone = matches!(kinds[i], L1::Separator | L1::Space) && l1(chars[i]) != L1::Removed;
        if !is_mirrored(chars[i]) && !alone {
            while j < n
                && lv[j] == lv[i]
                && (faces[j] == faces[i] || l1(chars[j]) == L1::Removed)
                && !break_before[j]
                && kinds[j] == kinds[i]
                && !is_mirrored(chars[j])
            {
                j += 1;
            }
        }
        let odd = lv[i] % 2 == 1;
        let guess_rtl = chars[i..j].iter().any(|&c| rtl_script(c));
        if guess_rtl == odd {
            atoms.push((i, j));
        } else {
            // The shaper would run this piece the wrong way: give it one cluster at a time.
            let mut k = i;
            while k < j {
                let mut e = k + 1;
                while e < j && is_mark(chars[e]) {
                    e += 1;
                }
                atoms.push((k, e));
                k = e;
            }
        }
        i = j;
    }
    let atoms = atoms
        .into_iter()
        .map(|(s, e)| {
            let odd = lv[s] % 2 == 1;
            let guess_rtl = chars[s..e].iter().any(|&c| rtl_script(c));
            let display: String = chars[s..e]
                .iter()
                .map(|&c| if odd && !guess_rtl { mirror(c) } else { c })
                .collect();
            let m = shaper.measure(&display);
            let mut extents = m.extents;
            extents.resize(e - s, (m.width, m.width));
            Atom {
                chars: first_char + s..first_char + e,
                display,
                level: lv[s],
                space: matches!(kinds[s], L1::Space | L1::Removed),
                separator: kinds[s] == L1::Separator,
                break_before: break_before[s] && s > 0,
                width: m.width,
                extents,
            }
        })
        .collect();
    Paragraph {
        chars: first_char..first_char + n,
        rtl,
        atoms,
    }
}

/// Turns the per-glyph extents of an RTL-shaped run (clusters in visual order, each cluster's
/// glyphs base first) into per-char extents in the logical order of `text`.
pub fn logical_extents_rtl(text: &str, visual: &[(f32, f32)]) -> Vec<(f32, f32)> {
    let chars: Vec<char> = text.chars().collect();
    let mut sizes = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 && is_mark(c) {
            if let Some(last) = sizes.last_mut() {
                *last += 1;
            }
        } else {
            sizes.push(1usize);
        }
    }
    let mut out = vec![(0.0, 0.0); chars.len()];
    let mut g = 0;
    let mut end = chars.len();
    for size in sizes.iter().rev() {
        let start = end - size;
        for slot in out.iter_mut().take(end).skip(start) {
            *slot = visual.get(g).copied().unwrap_or_default();
            g += 1;
        }
        end = start;
    }
    out
}
