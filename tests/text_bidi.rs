//! The text layer against the reference implementation FriBidi, and on real fonts.

use waqai::text::{
    Align, Layout, Measured, Shaped, Shaper, layout, logical_extents_rtl, rtl_script,
};

/// Every char one unit wide; runs holding right-to-left script come out reversed, as harfrust
/// shapes them in egui.
struct Mono;

impl Shaper for Mono {
    fn face(&mut self, c: char) -> u32 {
        u32::from(!rtl_script(c) && !matches!(c as u32, 0x060C | 0x061F))
    }
    fn measure(&mut self, text: &str) -> Measured {
        let n = text.chars().count();
        let mut extents: Vec<(f32, f32)> = (0..n).map(|i| (i as f32, i as f32 + 1.0)).collect();
        if text.chars().any(rtl_script) {
            extents = logical_extents_rtl(text, &extents);
        }
        Measured {
            width: n as f32,
            extents,
        }
    }
    fn line_height(&mut self) -> f32 {
        1.0
    }
}

fn one_line(text: &str, rtl: bool) -> (Shaped, Layout) {
    let s = Shaped::new(&mut Mono, text, Some(rtl));
    let l = layout(&s, f32::INFINITY, Align::Auto, 1.0);
    (s, l)
}

#[test]
fn visual_order_matches_fribidi() {
    let lines = include_str!("fixtures/bidi_lines.txt");
    let expected = include_str!("fixtures/bidi_expected.txt");
    let mut checked = 0;
    for (input, want) in lines.lines().zip(expected.lines()) {
        let (dir, text) = input.split_once('\t').unwrap();
        let want: Vec<usize> = want
            .split_whitespace()
            .map(|n| n.parse().unwrap())
            .collect();
        let (s, l) = one_line(text, dir == "rtl");
        assert_eq!(l.lines.len(), 1);
        let got = l.visual_chars(&s, 0);
        assert_eq!(got, want, "visual order of {text:?}");
        checked += 1;
    }
    assert_eq!(checked, 17);
}

#[test]
fn mirrored_brackets_in_rtl_runs() {
    let (s, l) = one_line("جاء (الخميس) اليوم", true);
    let shown: String = l.lines[0]
        .atoms
        .iter()
        .map(|pa| s.paragraphs[pa.para].atoms[pa.atom].display.clone())
        .collect();
    // Drawn left to right: the logical ")" shows as "(" on the left of «الخميس».
    assert!(shown.contains("(الخميس)"), "{shown}");
}

#[test]
fn wrapped_rtl_lines_keep_their_order_and_sit_right() {
    let text = "بحث وزير الداخلية المفوض بحكومة الوفاق فتحي باشاغا مع وزير الخارجية الفرنسي";
    let s = Shaped::new(&mut Mono, text, None);
    let l = layout(&s, 20.0, Align::Auto, 1.0);
    assert!(l.lines.len() >= 3);
    // First line on top holds the start of the paragraph.
    assert_eq!(l.lines[0].chars.start, 0);
    for w in l.lines.windows(2) {
        assert!(w[0].chars.end <= w[1].chars.start);
        assert!(w[0].y < w[1].y);
    }
    // Right edge of the visible text at the layout's right edge.
    for line in &l.lines {
        let right = line
            .atoms
            .iter()
            .map(|pa| pa.x + s.paragraphs[pa.para].atoms[pa.atom].width)
            .fold(f32::MIN, f32::max);
        assert!((right - 20.0).abs() < 1e-3, "line ends at {right}");
    }
}

#[test]
fn hit_test_and_highlight_agree() {
    let text = "بحث وزير الداخلية فتحي باشاغا مع وزير الخارجية";
    let s = Shaped::new(&mut Mono, text, None);
    let l = layout(&s, 30.0, Align::Auto, 1.0);
    let start = text.chars().count() - "باشاغا مع وزير الخارجية".chars().count();
    let range = start..start + 6;
    let rects = l.rects(&s, range.clone());
    assert!(!rects.is_empty());
    let r = rects[0];
    let hit = l.hit(&s, (r.x0 + r.x1) / 2.0, (r.y0 + r.y1) / 2.0).unwrap();
    assert!(range.contains(&hit), "hit {hit} outside {range:?}");
}
