//! The logic of an editable text, apart from any GUI: a caret and a selection as logical char
//! offsets, edits, word jumps, undo and redo inside the field. Arrow keys move logically, in the
//! reading direction of the paragraph (Left goes forward in Arabic); [`caret_x`] places the
//! caret visually on a [`Layout`].

use std::ops::Range;

use super::layout::{Layout, Shaped};

/// Edits kept for undo inside one field.
const UNDO_LIMIT: usize = 100;

/// A text being edited: the caret, the other end of the selection, and the field's own undo.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EditBuffer {
    /// The text, logical order.
    pub text: String,
    /// Caret, as a char offset (0 ..= number of chars).
    pub caret: usize,
    /// The fixed end of the selection (equal to `caret` when nothing is selected).
    pub anchor: usize,
    undo: Vec<(String, usize, usize)>,
    redo: Vec<(String, usize, usize)>,
}

/// Which way a key moves the caret, logically.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// One char backwards.
    CharBack,
    /// One char forwards.
    CharForward,
    /// To the start of the previous word.
    WordBack,
    /// To the end of the next word.
    WordForward,
    /// To the start of the line (paragraph).
    LineStart,
    /// To the end of the line (paragraph).
    LineEnd,
    /// To the start of the text.
    TextStart,
    /// To the end of the text.
    TextEnd,
}

impl EditBuffer {
    /// A buffer holding `text`, the caret at its end.
    pub fn new(text: &str) -> Self {
        let n = text.chars().count();
        Self {
            text: text.to_owned(),
            caret: n,
            anchor: n,
            undo: vec![],
            redo: vec![],
        }
    }

    /// Number of chars.
    pub fn len(&self) -> usize {
        self.text.chars().count()
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The selected chars (logical range, possibly empty).
    pub fn selection(&self) -> Range<usize> {
        self.caret.min(self.anchor)..self.caret.max(self.anchor)
    }

    /// The selected text.
    pub fn selected_text(&self) -> String {
        let r = self.selection();
        self.text.chars().skip(r.start).take(r.len()).collect()
    }

    /// Replaces the text from outside (a new value for the field): caret at the end, undo kept
    /// only when the text is the same.
    pub fn reset(&mut self, text: &str) {
        if self.text != text {
            *self = Self::new(text);
        }
        let n = self.len();
        self.caret = self.caret.min(n);
        self.anchor = self.anchor.min(n);
    }

    fn byte(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(b, _)| b)
    }

    fn remember(&mut self) {
        self.undo.push((self.text.clone(), self.caret, self.anchor));
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Types `s` over the selection.
    pub fn insert(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        self.remember();
        let r = self.selection();
        let (a, b) = (self.byte(r.start), self.byte(r.end));
        self.text.replace_range(a..b, s);
        self.caret = r.start + s.chars().count();
        self.anchor = self.caret;
    }

    /// Deletes the selection, or the char before the caret (Backspace); false when nothing
    /// was deleted.
    pub fn backspace(&mut self) -> bool {
        self.delete_towards(Step::CharBack)
    }

    /// Deletes the selection, or the char after the caret (Delete).
    pub fn delete(&mut self) -> bool {
        self.delete_towards(Step::CharForward)
    }

    /// Deletes the selection, or from the caret to where `step` would take it.
    pub fn delete_towards(&mut self, step: Step) -> bool {
        let r = if self.caret != self.anchor {
            self.selection()
        } else {
            let to = self.target(step);
            self.caret.min(to)..self.caret.max(to)
        };
        if r.is_empty() {
            return false;
        }
        self.remember();
        let (a, b) = (self.byte(r.start), self.byte(r.end));
        self.text.replace_range(a..b, "");
        self.caret = r.start;
        self.anchor = r.start;
        true
    }

    /// Where `step` takes the caret.
    fn target(&self, step: Step) -> usize {
        let chars: Vec<char> = self.text.chars().collect();
        let n = chars.len();
        let c = self.caret.min(n);
        match step {
            Step::CharBack => c.saturating_sub(1),
            Step::CharForward => (c + 1).min(n),
            Step::WordBack => {
                let mut i = c;
                while i > 0 && !is_word_char(chars[i - 1]) {
                    i -= 1;
                }
                while i > 0 && is_word_char(chars[i - 1]) {
                    i -= 1;
                }
                i
            }
            Step::WordForward => {
                let mut i = c;
                while i < n && !is_word_char(chars[i]) {
                    i += 1;
                }
                while i < n && is_word_char(chars[i]) {
                    i += 1;
                }
                i
            }
            Step::LineStart => chars[..c]
                .iter()
                .rposition(|&ch| ch == '\n')
                .map_or(0, |k| k + 1),
            Step::LineEnd => chars[c..]
                .iter()
                .position(|&ch| ch == '\n')
                .map_or(n, |k| c + k),
            Step::TextStart => 0,
            Step::TextEnd => n,
        }
    }

    /// Moves the caret by `step`; with `extend` the selection grows, else it collapses (a
    /// char step over a selection lands on its edge in that direction).
    pub fn step(&mut self, step: Step, extend: bool) {
        if !extend
            && self.caret != self.anchor
            && matches!(step, Step::CharBack | Step::CharForward)
        {
            let r = self.selection();
            self.caret = if step == Step::CharBack {
                r.start
            } else {
                r.end
            };
            self.anchor = self.caret;
            return;
        }
        self.caret = self.target(step);
        if !extend {
            self.anchor = self.caret;
        }
    }

    /// Puts the caret at `at` (a click), keeping the anchor with `extend` (Shift+click, drag).
    pub fn place(&mut self, at: usize, extend: bool) {
        self.caret = at.min(self.len());
        if !extend {
            self.anchor = self.caret;
        }
    }

    /// Selects everything.
    pub fn select_all(&mut self) {
        self.anchor = 0;
        self.caret = self.len();
    }

    /// Selects the word around `at` (a double click).
    pub fn select_word(&mut self, at: usize) {
        self.caret = at.min(self.len());
        self.anchor = self.caret;
        let chars: Vec<char> = self.text.chars().collect();
        let mut a = self.caret;
        while a > 0 && is_word_char(chars[a - 1]) {
            a -= 1;
        }
        let mut b = self.caret;
        while b < chars.len() && is_word_char(chars[b]) {
            b += 1;
        }
        self.anchor = a;
        self.caret = b;
    }

    /// Takes back the last edit; false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(prev) = self.undo.pop() else {
            return false;
        };
        self.redo.push((self.text.clone(), self.caret, self.anchor));
        (self.text, self.caret, self.anchor) = prev;
        true
    }

    /// Does again the last edit taken back; false when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        self.undo.push((self.text.clone(), self.caret, self.anchor));
        (self.text, self.caret, self.anchor) = next;
        true
    }
}

/// Letters, marks and digits make words; spaces and punctuation part them.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// Whether the paragraph holding char `at` reads right to left in `layout`.
pub fn rtl_at(layout: &Layout, at: usize) -> bool {
    line_of(layout, at).is_some_and(|l| layout.lines[l].rtl)
}

/// The line the caret at `at` is drawn on.
fn line_of(layout: &Layout, at: usize) -> Option<usize> {
    layout
        .lines
        .iter()
        .position(|l| at >= l.chars.start && at < l.chars.end)
        .or_else(|| layout.lines.iter().rposition(|l| at == l.chars.end))
        .or_else(|| layout.lines.iter().rposition(|l| l.chars.start <= at))
}

/// Where the caret at logical offset `at` is drawn: (line index, x). Before a char it stands
/// at the char's leading edge (its right edge in a right-to-left run); at the end of a line,
/// at the trailing edge of the last char.
pub fn caret_x(shaped: &Shaped, layout: &Layout, at: usize) -> (usize, f32) {
    let Some(li) = line_of(layout, at) else {
        return (0, 0.0);
    };
    let line = &layout.lines[li];
    let edge = |c: usize, leading: bool| {
        line.atoms.iter().find_map(|pa| {
            let atom = &shaped.paragraphs[pa.para].atoms[pa.atom];
            if !atom.chars.contains(&c) {
                return None;
            }
            let (l, r) = atom.extents[c - atom.chars.start];
            let rtl = pa.level % 2 == 1;
            Some(pa.x + if rtl == leading { r } else { l })
        })
    };
    let x = if at < line.chars.end {
        edge(at, true)
    } else if at > line.chars.start {
        edge(at - 1, false)
    } else {
        None
    };
    let empty_x = if line.rtl { layout.width } else { 0.0 };
    (li, x.unwrap_or(empty_x))
}

/// The caret offset nearest to the point `(x, y)`: before or after the char under it,
/// whichever edge is closer; at the line's end beyond its last char.
pub fn offset_at(shaped: &Shaped, layout: &Layout, x: f32, y: f32) -> usize {
    if layout.lines.is_empty() {
        return 0;
    }
    let step = if layout.lines.len() > 1 {
        layout.lines[1].y - layout.lines[0].y
    } else {
        layout.line_height
    };
    let li = layout
        .lines
        .iter()
        .rposition(|l| y >= l.y)
        .unwrap_or(0)
        .min(layout.lines.len() - 1);
    let line = &layout.lines[li];
    let y = line.y + step / 2.0;
    match layout.hit(shaped, x, y) {
        Some(c) if line.chars.contains(&c) => {
            let (_, before) = caret_x(shaped, layout, c);
            let (_, after) = caret_x_after(shaped, layout, c);
            if (x - before).abs() <= (x - after).abs() {
                c
            } else {
                c + 1
            }
        }
        _ => {
            // Beyond the text: the end nearer in reading order.
            let (_, start_x) = caret_x(shaped, layout, line.chars.start);
            let (_, end_x) = caret_x(shaped, layout, line.chars.end);
            if (x - start_x).abs() < (x - end_x).abs() {
                line.chars.start
            } else {
                line.chars.end
            }
        }
    }
}

/// The trailing edge of char `c` (where the caret stands just after it).
fn caret_x_after(shaped: &Shaped, layout: &Layout, c: usize) -> (usize, f32) {
    let Some(li) = line_of(layout, c) else {
        return (0, 0.0);
    };
    let line = &layout.lines[li];
    for pa in &line.atoms {
        let atom = &shaped.paragraphs[pa.para].atoms[pa.atom];
        if atom.chars.contains(&c) {
            let (l, r) = atom.extents[c - atom.chars.start];
            return (li, pa.x + if pa.level % 2 == 1 { l } else { r });
        }
    }
    caret_x(shaped, layout, c + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_replaces_the_selection_and_undo_takes_it_back() {
        let mut b = EditBuffer::new("فتحي");
        b.insert(" باشاغا");
        assert_eq!(b.text, "فتحي باشاغا");
        assert_eq!(b.caret, 11);
        b.step(Step::WordBack, true);
        assert_eq!(b.selected_text(), "باشاغا");
        b.insert("بشاغا");
        assert_eq!(b.text, "فتحي بشاغا");
        assert!(b.undo());
        assert_eq!(b.text, "فتحي باشاغا");
        assert_eq!(b.selected_text(), "باشاغا");
        assert!(b.redo());
        assert_eq!(b.text, "فتحي بشاغا");
    }

    #[test]
    fn deleting_works_on_chars_selections_and_words() {
        let mut b = EditBuffer::new("وزير الداخلية 2020");
        assert!(b.backspace());
        assert_eq!(b.text, "وزير الداخلية 202");
        b.place(0, false);
        assert!(!b.backspace());
        assert!(b.delete());
        assert_eq!(b.text, "زير الداخلية 202");
        b.place(3, false);
        assert!(b.delete_towards(Step::WordForward));
        assert_eq!(b.text, "زير 202");
        b.select_all();
        assert!(b.delete());
        assert!(b.is_empty());
    }

    #[test]
    fn steps_collapse_a_selection_to_its_edge_and_stop_at_line_ends() {
        let mut b = EditBuffer::new("ab cd\nef");
        b.place(1, false);
        b.place(4, true);
        b.step(Step::CharBack, false);
        assert_eq!((b.caret, b.anchor), (1, 1));
        b.step(Step::LineEnd, false);
        assert_eq!(b.caret, 5);
        b.step(Step::CharForward, false);
        b.step(Step::LineEnd, false);
        assert_eq!(b.caret, 8);
        b.step(Step::LineStart, true);
        assert_eq!(b.selected_text(), "ef");
        b.select_word(3);
        assert_eq!(b.selected_text(), "cd");
    }
}
