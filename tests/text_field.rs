//! Our bidi text field, driven through egui_kittest as a user types: the glyph runs stand in
//! the order of the Unicode bidi algorithm (as FriBidi gives it), arrows follow the reading
//! direction, Shift+arrows select exactly the expected chars, and the stored text stays in
//! logical order.

use egui::{Event, Key, Modifiers, Pos2, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

const TYPED: &str = "فتحي باشاغا 2020 (Paris)";

fn field_id() -> egui::Id {
    egui::Id::unique("test-field")
}

fn harness() -> Harness<'static, String> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(420.0, 120.0))
        .with_context_setup(waqai::fonts::install)
        .build_ui_state(
            |ui, text: &mut String| {
                waqai::text::text_field(
                    ui,
                    field_id(),
                    text,
                    &waqai::text::FieldOptions {
                        hint: "Name",
                        ..Default::default()
                    },
                );
            },
            String::new(),
        );
    h.run();
    h
}

/// Where each painted galley's text starts on screen, inside `area`.
fn painted_runs(h: &Harness<'static, String>, area: Rect) -> Vec<(f32, String)> {
    fn walk(shape: &egui::Shape, area: Rect, out: &mut Vec<(f32, String)>) {
        match shape {
            egui::Shape::Text(t) if area.contains(t.pos) => {
                out.push((t.pos.x, t.galley.job.text.clone()));
            }
            egui::Shape::Vec(v) => v.iter().for_each(|s| walk(s, area, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &h.output().shapes {
        walk(&clipped.shape, area, &mut out);
    }
    out.sort_by(|a, b| a.0.total_cmp(&b.0));
    out
}

fn press(h: &mut Harness<'static, String>, key: Key, modifiers: Modifiers) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

fn selected(h: &Harness<'static, String>) -> String {
    waqai::text::field::buffer(&h.ctx, field_id())
        .expect("the field keeps its buffer")
        .selected_text()
}

#[test]
fn typed_arabic_reads_right_to_left_with_numbers_and_latin_in_place() {
    let mut h = harness();
    h.get_by_role(egui::accesskit::Role::TextInput).click();
    h.run();
    h.event(Event::Text(TYPED.to_owned()));
    h.run();
    // The stored string is the logical one.
    assert_eq!(h.state(), TYPED);
    // The runs on screen, left to right: (Paris), 2020, then the two Arabic words, the first
    // word at the right.
    let area = Rect::from_min_max(Pos2::ZERO, Pos2::new(420.0, 120.0));
    let runs = painted_runs(&h, area);
    let x_of = |needle: &str| {
        runs.iter()
            .find(|(_, t)| t.contains(needle))
            .map(|r| r.0)
            .unwrap_or_else(|| panic!("{needle} not painted: {runs:?}"))
    };
    assert!(x_of("Paris") < x_of("2020"), "{runs:?}");
    assert!(x_of("2020") < x_of("باشاغا"), "{runs:?}");
    assert!(x_of("باشاغا") < x_of("فتحي"), "{runs:?}");
    // And the whole line in exactly the visual order of the bidi algorithm.
    let style = waqai::text::TextStyle::new(egui::FontId::proportional(13.5));
    let (shaped, layout) = waqai::text::laid_out(&h.ctx, TYPED, &style, f32::INFINITY);
    let ours = layout.visual_chars(&shaped, 0);
    let info = unicode_bidi::BidiInfo::new(TYPED, None);
    let para = &info.paragraphs[0];
    let levels = info.reordered_levels_per_char(para, para.range.clone());
    let expected = unicode_bidi::BidiInfo::reorder_visual(&levels);
    assert_eq!(ours, expected);
    // Right-aligned: the text ends near the field's right edge.
    let rightmost = runs.last().map(|r| r.0).unwrap_or(0.0);
    assert!(rightmost > 300.0, "{runs:?}");
}

#[test]
fn arrows_follow_the_reading_direction_and_shift_selects_exact_chars() {
    let mut h = harness();
    h.get_by_role(egui::accesskit::Role::TextInput).click();
    h.run();
    h.event(Event::Text(TYPED.to_owned()));
    h.run();
    // The caret is at the logical end, at the left of «(Paris)». In an Arabic line the right
    // arrow goes back in reading order: seven presses with Shift select «(Paris)».
    for _ in 0..7 {
        press(&mut h, Key::ArrowRight, Modifiers::SHIFT);
    }
    assert_eq!(selected(&h), "(Paris)");
    // Shift+Left gives two back.
    for _ in 0..2 {
        press(&mut h, Key::ArrowLeft, Modifiers::SHIFT);
    }
    assert_eq!(selected(&h), "aris)");
    // Left without Shift collapses to the end in reading order; Ctrl+Right jumps back over the
    // last word; Shift+Home selects everything before it.
    press(&mut h, Key::ArrowLeft, Modifiers::NONE);
    assert_eq!(selected(&h), "");
    press(&mut h, Key::ArrowRight, Modifiers::COMMAND);
    press(&mut h, Key::Home, Modifiers::SHIFT);
    assert_eq!(selected(&h), "فتحي باشاغا 2020 (");
    // Typing replaces the selection; the field's own undo brings it back.
    h.event(Event::Text("وزير ".to_owned()));
    h.run();
    assert_eq!(h.state(), "وزير Paris)");
    press(&mut h, Key::Z, Modifiers::COMMAND);
    assert_eq!(h.state(), TYPED);
    // Backspace deletes in logical order, whatever the direction on screen.
    press(&mut h, Key::End, Modifiers::NONE);
    press(&mut h, Key::Backspace, Modifiers::NONE);
    assert_eq!(h.state(), "فتحي باشاغا 2020 (Paris");
}

#[test]
fn a_click_puts_the_caret_between_the_chars_under_it() {
    let mut h = harness();
    h.get_by_role(egui::accesskit::Role::TextInput).click();
    h.run();
    // «لا» is one glyph for two chars: a click on its right half lands before it (after
    // «ب»), on its left half after the lam and before the alef.
    h.event(Event::Text("بلا".to_owned()));
    h.run();
    let style = waqai::text::TextStyle::new(egui::FontId::proportional(13.5));
    let (shaped, layout) = waqai::text::laid_out(&h.ctx, "بلا", &style, f32::INFINITY);
    let boxes = layout.rects(&shaped, 1..2);
    let lam = boxes[0];
    let field = h.get_by_role(egui::accesskit::Role::TextInput).rect();
    // The field right-aligns the text inside 5 points of padding.
    let origin_x = field.right() - 5.0 - layout.width;
    let y = field.center().y;
    let click = |h: &mut Harness<'static, String>, x: f32| {
        let pos = Pos2::new(origin_x + x, y);
        h.hover_at(pos);
        h.run();
        for pressed in [true, false] {
            h.event(Event::PointerButton {
                pos,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
        h.run();
        waqai::text::field::buffer(&h.ctx, field_id())
            .expect("a buffer")
            .caret
    };
    // The lam's own extent inside the ligature: its right edge is where it starts (RTL).
    assert_eq!(click(&mut h, lam.x1 - 0.5), 1);
    assert_eq!(click(&mut h, lam.x0 + 0.5), 2);
}
