//! Line breaking in logical order, visual reordering per line (UAX #9 rules L1–L2),
//! alignment, hit-testing and highlight geometry. Independent of egui.

use std::ops::Range;

use unicode_bidi::Level;

use super::shape::{Paragraph, Shaper, shape_paragraph};

/// Horizontal alignment of lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Align {
    /// Right for RTL paragraphs, left for LTR ones.
    #[default]
    Auto,
    /// Always left.
    Left,
    /// Always right.
    Right,
    /// Centred.
    Center,
}

/// A text split into paragraphs and shaped atoms: everything that does not depend on the width.
#[derive(Clone, Debug, PartialEq)]
pub struct Shaped {
    /// The text, logical order.
    pub text: String,
    /// Paragraphs, split at `\n`.
    pub paragraphs: Vec<Paragraph>,
    /// Height of one line.
    pub line_height: f32,
}

impl Shaped {
    /// Shapes `text`. `base`: `Some(true)` forces RTL paragraphs, `Some(false)` LTR, `None`
    /// takes each paragraph's direction from its first strong char.
    pub fn new(shaper: &mut dyn Shaper, text: &str, base: Option<bool>) -> Self {
        let mut paragraphs = Vec::new();
        let mut offset = 0;
        for para in text.split('\n') {
            let n = para.chars().count();
            paragraphs.push(shape_paragraph(shaper, para, offset, base));
            offset += n + 1;
        }
        Self {
            text: text.to_owned(),
            paragraphs,
            line_height: shaper.line_height(),
        }
    }

    /// Width of the text on one line.
    pub fn natural_width(&self) -> f32 {
        self.paragraphs
            .iter()
            .map(|p| p.atoms.iter().map(|a| a.width).sum::<f32>())
            .fold(0.0, f32::max)
    }
}

/// An atom placed on a line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacedAtom {
    /// Index of the paragraph.
    pub para: usize,
    /// Index of the atom in its paragraph.
    pub atom: usize,
    /// Left edge, from the layout's left.
    pub x: f32,
    /// Its bidi level on this line (rule L1 applied).
    pub level: u8,
}

/// One line on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Top, from the layout's top.
    pub y: f32,
    /// Chars of the whole text it shows (logical range).
    pub chars: Range<usize>,
    /// Atoms from left to right.
    pub atoms: Vec<PlacedAtom>,
    /// Whether its paragraph is RTL.
    pub rtl: bool,
}

/// A text laid out at one width.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Lines from top to bottom.
    pub lines: Vec<Line>,
    /// Width it was laid out for (or its natural width when unbounded).
    pub width: f32,
    /// Total height.
    pub height: f32,
    /// Height of one line.
    pub line_height: f32,
}

/// Breaks `shaped` into lines no wider than `max_width` (when possible) and orders each line.
pub fn layout(shaped: &Shaped, max_width: f32, align: Align, line_spacing: f32) -> Layout {
    let width = if max_width.is_finite() {
        max_width
    } else {
        shaped.natural_width()
    };
    let step = shaped.line_height * line_spacing;
    let mut lines = Vec::new();
    for (pi, para) in shaped.paragraphs.iter().enumerate() {
        for range in break_lines(para, max_width) {
            let y = lines.len() as f32 * step;
            lines.push(order_line(para, pi, range, width, align, y));
        }
    }
    let height = lines.len() as f32 * step;
    Layout {
        lines,
        width,
        height,
        line_height: shaped.line_height,
    }
}

/// Greedy line breaking over the paragraph's atoms, in logical order.
fn break_lines(para: &Paragraph, max_width: f32) -> Vec<Range<usize>> {
    let atoms = &para.atoms;
    if atoms.is_empty() {
        return std::iter::once(0..0).collect();
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut line_w = 0.0f32;
    let mut i = 0;
    while i < atoms.len() {
        // One unbreakable segment: atoms up to the next break opportunity.
        let mut j = i + 1;
        while j < atoms.len() && !atoms[j].break_before {
            j += 1;
        }
        let seg: f32 = atoms[i..j].iter().map(|a| a.width).sum();
        let seg_ink: f32 = seg
            - atoms[i..j]
                .iter()
                .rev()
                .take_while(|a| a.space)
                .map(|a| a.width)
                .sum::<f32>();
        if i > start && line_w + seg_ink > max_width {
            out.push(start..i);
            start = i;
            line_w = 0.0;
        }
        line_w += seg;
        i = j;
    }
    out.push(start..atoms.len());
    out
}

/// Rules L1 and L2 on one line's atoms, then positions from the aligned left edge.
fn order_line(
    para: &Paragraph,
    pi: usize,
    range: Range<usize>,
    width: f32,
    align: Align,
    y: f32,
) -> Line {
    let atoms = &para.atoms[range.clone()];
    let base = u8::from(para.rtl);
    // Rule L1: separators, and the white space before them or at the end of the line, take
    // the paragraph's level.
    let mut levels: Vec<u8> = atoms.iter().map(|a| a.level).collect();
    let mut reset = true;
    for (k, a) in atoms.iter().enumerate().rev() {
        if a.separator {
            levels[k] = base;
            reset = true;
        } else if a.space && reset {
            levels[k] = base;
        } else {
            reset = false;
        }
    }
    // Rule L2, atom by atom: each atom holds one level.
    let as_levels: Vec<Level> = levels.iter().map(|&l| Level::from(l)).collect();
    let order = unicode_bidi::BidiInfo::reorder_visual(&as_levels);
    let total: f32 = atoms.iter().map(|a| a.width).sum();
    // Trailing white space (logical end) does not count for alignment.
    let trailing: f32 = atoms
        .iter()
        .rev()
        .take_while(|a| a.space)
        .map(|a| a.width)
        .sum();
    let right = match align {
        Align::Auto => para.rtl,
        Align::Right => true,
        _ => false,
    };
    let mut x = if right {
        width - total
    } else if align == Align::Center {
        (width - (total - trailing)) / 2.0 - if para.rtl { trailing } else { 0.0 }
    } else if para.rtl {
        -trailing
    } else {
        0.0
    };
    let mut placed = Vec::with_capacity(atoms.len());
    for k in order {
        placed.push(PlacedAtom {
            para: pi,
            atom: range.start + k,
            x,
            level: levels[k],
        });
        x += atoms[k].width;
    }
    let chars = match (atoms.first(), atoms.last()) {
        (Some(f), Some(l)) => f.chars.start..l.chars.end,
        _ => para.chars.start..para.chars.start,
    };
    Line {
        y,
        chars,
        atoms: placed,
        rtl: para.rtl,
    }
}

/// A rectangle in layout coordinates: `[x0, x1) × [y0, y1)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Box2 {
    /// Left.
    pub x0: f32,
    /// Top.
    pub y0: f32,
    /// Right.
    pub x1: f32,
    /// Bottom.
    pub y1: f32,
}

impl Layout {
    /// The logical char offset under the point `(x, y)`, or `None` when no char is there.
    pub fn hit(&self, shaped: &Shaped, x: f32, y: f32) -> Option<usize> {
        let step = if self.lines.len() > 1 {
            self.lines[1].y - self.lines[0].y
        } else {
            self.line_height
        };
        let line = self.lines.iter().find(|l| y >= l.y && y < l.y + step)?;
        for pa in &line.atoms {
            let atom = &shaped.paragraphs[pa.para].atoms[pa.atom];
            if x < pa.x || x >= pa.x + atom.width {
                continue;
            }
            let local = x - pa.x;
            let mut best = None;
            for (k, &(l, r)) in atom.extents.iter().enumerate() {
                if local >= l && local < r {
                    return Some(atom.chars.start + k);
                }
                let d = (local - (l + r) / 2.0).abs();
                if best.is_none_or(|(_, bd)| d < bd) {
                    best = Some((k, d));
                }
            }
            return best.map(|(k, _)| atom.chars.start + k);
        }
        None
    }

    /// The logical chars of the lines that lie (even in part) between heights `y0` and `y1`:
    /// what a clipped view needs to draw.
    pub fn chars_between(&self, y0: f32, y1: f32) -> Range<usize> {
        let first = self.lines.partition_point(|l| l.y + self.line_height <= y0);
        let end = self.lines.partition_point(|l| l.y < y1);
        match (
            self.lines.get(first),
            end.checked_sub(1).and_then(|k| self.lines.get(k)),
        ) {
            (Some(a), Some(b)) if first < end => a.chars.start..b.chars.end.max(a.chars.start),
            _ => 0..0,
        }
    }

    /// Rectangles covering the logical char range `range`, one or more per line it touches.
    pub fn rects(&self, shaped: &Shaped, range: Range<usize>) -> Vec<Box2> {
        let mut out: Vec<Box2> = Vec::new();
        if range.start >= range.end {
            return out;
        }
        let first = self.lines.partition_point(|l| l.chars.end <= range.start);
        for line in &self.lines[first.saturating_sub(1)..] {
            if line.chars.start >= range.end {
                break;
            }
            if line.chars.end <= range.start || line.chars.start >= range.end {
                continue;
            }
            for pa in &line.atoms {
                let atom = &shaped.paragraphs[pa.para].atoms[pa.atom];
                let s = atom.chars.start.max(range.start);
                let e = atom.chars.end.min(range.end);
                if s >= e {
                    continue;
                }
                let (mut x0, mut x1) = (f32::MAX, f32::MIN);
                if s == atom.chars.start && e == atom.chars.end {
                    (x0, x1) = (0.0, atom.width);
                } else {
                    for &(l, r) in &atom.extents[s - atom.chars.start..e - atom.chars.start] {
                        x0 = x0.min(l);
                        x1 = x1.max(r);
                    }
                }
                if x0 > x1 {
                    continue;
                }
                let b = Box2 {
                    x0: pa.x + x0,
                    y0: line.y,
                    x1: pa.x + x1,
                    y1: line.y + self.line_height,
                };
                match out.last_mut() {
                    Some(last) if last.y0 == b.y0 && (last.x1 - b.x0).abs() < 1.5 => last.x1 = b.x1,
                    Some(last) if last.y0 == b.y0 && (b.x1 - last.x0).abs() < 1.5 => last.x0 = b.x0,
                    _ => out.push(b),
                }
            }
        }
        out
    }

    /// The bidi level (rule L1 applied) of each char on line `line`, in logical order.
    pub fn char_levels(&self, shaped: &Shaped, line: usize) -> Vec<(usize, u8)> {
        let mut out: Vec<(usize, u8)> = self.lines[line]
            .atoms
            .iter()
            .flat_map(|pa| {
                let atom = &shaped.paragraphs[pa.para].atoms[pa.atom];
                atom.chars.clone().map(move |c| (c, pa.level))
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// Logical chars from left to right on line `line` (for tests and copy checks). Chars drawn
    /// at the same place (a combining mark on its base) come in the direction of their run.
    pub fn visual_chars(&self, shaped: &Shaped, line: usize) -> Vec<usize> {
        let mut v: Vec<(f32, i64)> = Vec::new();
        for pa in &self.lines[line].atoms {
            let atom = &shaped.paragraphs[pa.para].atoms[pa.atom];
            let rtl = pa.level % 2 == 1;
            for (k, &(l, r)) in atom.extents.iter().enumerate() {
                let c = (atom.chars.start + k) as i64;
                v.push((pa.x + (l + r) / 2.0, if rtl { -c } else { c }));
            }
        }
        v.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        v.into_iter()
            .map(|(_, c)| c.unsigned_abs() as usize)
            .collect()
    }
}
