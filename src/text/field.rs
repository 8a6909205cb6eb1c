//! An editable text field drawn through our bidi layer, in place of egui's `TextEdit` (which
//! has no bidi and shows «فتحي باشاغا» as «باشاغا فتحي»). The caret and the selection are
//! placed visually and moved logically: arrow keys follow the reading direction, Home/End,
//! word jumps with Ctrl, Shift extends; copy, cut, paste, undo inside the field, IME
//! composition; a click lands between the two chars nearest to it, inside ligatures too.

use egui::{Color32, Event, EventFilter, FontId, Key, Pos2, Rect, Sense, Stroke, pos2, vec2};

use super::edit::{EditBuffer, Step, caret_x, offset_at, rtl_at};
use super::egui_text::{TextStyle, laid_out, paint, to_rect};
use super::layout::{Layout, Shaped};

/// How a field looks and behaves.
#[derive(Clone, Debug)]
pub struct FieldOptions<'a> {
    /// Several lines (Enter breaks the line; Ctrl+Enter submits).
    pub multiline: bool,
    /// Shown, faint, while the field is empty.
    pub hint: &'a str,
    /// What a screen reader calls the field (the hint when empty).
    pub name: &'a str,
    /// Lines of height at least (multiline).
    pub rows: usize,
    /// Font of the text.
    pub font: FontId,
    /// Width; `None` takes what is available.
    pub width: Option<f32>,
}

impl Default for FieldOptions<'_> {
    fn default() -> Self {
        Self {
            multiline: false,
            hint: "",
            name: "",
            rows: 1,
            font: FontId::proportional(13.5),
            width: None,
        }
    }
}

/// What happened in a field this frame.
#[derive(Debug)]
pub struct FieldOutput {
    /// The field's response (focus, hover, accessibility).
    pub response: egui::Response,
    /// The text changed.
    pub changed: bool,
    /// Enter was pressed (Ctrl+Enter in a multiline field).
    pub submitted: bool,
}

/// What a field keeps between frames (in egui's memory, by the field's id).
#[derive(Clone, Debug, Default)]
struct FieldState {
    buffer: EditBuffer,
    /// Text being composed by an input method, shown at the caret, not yet in the text.
    preedit: String,
    /// Horizontal scroll of a single line wider than the field.
    scroll: f32,
}

const PADDING: egui::Vec2 = vec2(5.0, 3.0);

/// The buffer of field `id` as it stands (tests and the app read the caret and selection).
pub fn buffer(ctx: &egui::Context, id: egui::Id) -> Option<EditBuffer> {
    ctx.data(|d| d.get_temp::<FieldState>(id)).map(|s| s.buffer)
}

/// Shows an editable field for `text` with the id `id`.
pub fn text_field(
    ui: &mut egui::Ui,
    id: egui::Id,
    text: &mut String,
    opts: &FieldOptions<'_>,
) -> FieldOutput {
    let ctx = ui.ctx().clone();
    let mut state: FieldState = ctx.data(|d| d.get_temp(id)).unwrap_or_default();
    state.buffer.reset(text);
    // A composition left when the field lost focus is dropped (egui reports no IME end).
    if !ctx.memory(|m| m.has_focus(id)) {
        state.preedit.clear();
    }
    let style = TextStyle::new(opts.font.clone());
    let width = opts.width.unwrap_or_else(|| ui.available_width()).max(40.0);
    let inner_w = width - 2.0 * PADDING.x;
    let wrap = if opts.multiline {
        inner_w
    } else {
        f32::INFINITY
    };
    let (shaped, layout) = display_layout(&ctx, &state, &style, wrap);
    let lines = if opts.multiline {
        layout.lines.len().max(opts.rows.max(1))
    } else {
        1
    };
    let step = line_step(&layout);
    let height = lines as f32 * step + 2.0 * PADDING.y;
    let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let response = ui.interact(rect, id, Sense::click_and_drag());
    if response.clicked() || response.drag_started() {
        response.request_focus();
    }
    let focused = response.has_focus();
    if focused {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                id,
                EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: opts.multiline,
                    ..Default::default()
                },
            );
        });
    }
    let origin = |state: &FieldState, layout: &Layout| -> Pos2 {
        let inner = rect.shrink2(PADDING);
        if opts.multiline {
            return inner.min;
        }
        let rtl = layout.lines.first().is_some_and(|l| l.rtl);
        let x = if layout.width <= inner.width() {
            if rtl {
                inner.right() - layout.width
            } else {
                inner.left()
            }
        } else {
            inner.left() + state.scroll
        };
        pos2(x, inner.top())
    };

    // Pointer: place the caret, select by dragging, a word by double-clicking.
    if let Some(p) = response.interact_pointer_pos()
        && (response.drag_started() || response.dragged() || response.clicked())
    {
        let o = origin(&state, &layout);
        let mut at = offset_at(&shaped, &layout, p.x - o.x, p.y - o.y);
        // Offsets past the caret count the composition shown there, which is not in the text.
        let composing = state.preedit.chars().count();
        if at > state.buffer.caret {
            at = at.saturating_sub(composing).max(state.buffer.caret);
        }
        let at = at.min(state.buffer.len());
        let shift = ui.input(|i| i.modifiers.shift);
        if response.double_clicked() {
            state.buffer.select_word(at);
        } else if response.dragged() && !response.drag_started() {
            state.buffer.place(at, true);
        } else {
            state.buffer.place(at, shift);
        }
    }

    let mut submitted = false;
    if focused {
        let events = ui.input(|i| i.events.clone());
        for event in events {
            submitted |= handle(&ctx, &mut state, &event, opts.multiline, &shaped, &layout);
        }
    }
    let changed = state.buffer.text != *text;
    if changed {
        text.clone_from(&state.buffer.text);
    }
    let mut response = response;
    if changed {
        response.mark_changed();
    }

    // Draw with the state after this frame's input.
    let (shaped, layout) = display_layout(&ctx, &state, &style, wrap);
    let caret_at = state.buffer.caret + state.preedit.chars().count();
    if !opts.multiline {
        keep_caret_visible(
            &mut state,
            &shaped,
            &layout,
            rect.shrink2(PADDING),
            caret_at,
        );
    }
    let o = origin(&state, &layout);
    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(rect);
    let frame_stroke = if focused {
        visuals.selection.stroke
    } else {
        visuals.widgets.inactive.bg_stroke
    };
    painter.rect(
        rect,
        3.0,
        visuals.extreme_bg_color,
        frame_stroke,
        egui::StrokeKind::Inside,
    );
    let inner = painter.with_clip_rect(rect.shrink(1.0));
    if state.buffer.is_empty() && state.preedit.is_empty() && !opts.hint.is_empty() {
        let (hs, hl) = laid_out(&ctx, opts.hint, &style, wrap);
        let hint_origin = origin(&state, &hl);
        let weak = visuals.weak_text_color();
        paint(&inner, hint_origin, &hs, &hl, &opts.font, &|_| weak);
    }
    let selection = state.buffer.selection();
    if !selection.is_empty() {
        let shift = if state.preedit.is_empty() || selection.start < state.buffer.caret {
            0
        } else {
            state.preedit.chars().count()
        };
        for b in layout.rects(&shaped, selection.start + shift..selection.end + shift) {
            inner.rect_filled(to_rect(o, &b), 0.0, visuals.selection.bg_fill);
        }
    }
    let text_color = visuals.text_color();
    let preedit = state.buffer.caret..caret_at;
    paint(&inner, o, &shaped, &layout, &opts.font, &|_| text_color);
    if !preedit.is_empty() {
        for b in layout.rects(&shaped, preedit) {
            let r = to_rect(o, &b);
            inner.hline(r.x_range(), r.bottom() - 1.0, Stroke::new(1.0, text_color));
        }
    }
    if focused {
        let (li, x) = caret_x(&shaped, &layout, caret_at);
        let top = o.y + layout.lines.get(li).map_or(0.0, |l| l.y);
        let caret = Rect::from_min_max(pos2(o.x + x - 0.5, top), pos2(o.x + x + 1.0, top + step));
        inner.rect_filled(caret, 0.0, caret_color(&visuals));
        ctx.output_mut(|out| {
            out.ime = Some(egui::output::IMEOutput {
                purpose: egui::IMEPurpose::Normal,
                rect,
                cursor_rect: caret,
                should_interrupt_composition: false,
            });
        });
    }
    let shown = state.buffer.text.clone();
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::text_edit(true, &shown, &shown, opts.hint);
        // What a screen reader calls the field: its name, else its hint.
        let name = if opts.name.is_empty() {
            opts.hint
        } else {
            opts.name
        };
        info.label = Some(name.to_owned());
        info
    });
    if response.hovered() {
        ctx.set_cursor_icon(egui::CursorIcon::Text);
    }
    ctx.data_mut(|d| d.insert_temp(id, state));
    FieldOutput {
        response,
        changed,
        submitted,
    }
}

/// The colour of the caret.
fn caret_color(visuals: &egui::Visuals) -> Color32 {
    visuals.text_cursor.stroke.color
}

/// The field's text with the composition inserted at the caret, shaped and laid out.
fn display_layout(
    ctx: &egui::Context,
    state: &FieldState,
    style: &TextStyle,
    wrap: f32,
) -> (std::sync::Arc<Shaped>, std::sync::Arc<Layout>) {
    if state.preedit.is_empty() {
        return laid_out(ctx, &state.buffer.text, style, wrap);
    }
    let byte = state
        .buffer
        .text
        .char_indices()
        .nth(state.buffer.caret)
        .map_or(state.buffer.text.len(), |(b, _)| b);
    let mut shown = state.buffer.text.clone();
    shown.insert_str(byte, &state.preedit);
    laid_out(ctx, &shown, style, wrap)
}

/// Distance between two lines.
fn line_step(layout: &Layout) -> f32 {
    if layout.lines.len() > 1 {
        layout.lines[1].y - layout.lines[0].y
    } else {
        layout.line_height
    }
}

/// Scrolls a single line wider than the field so that the caret stays inside it.
fn keep_caret_visible(
    state: &mut FieldState,
    shaped: &Shaped,
    layout: &Layout,
    inner: Rect,
    caret_at: usize,
) {
    if layout.width <= inner.width() {
        state.scroll = 0.0;
        return;
    }
    let (_, x) = caret_x(shaped, layout, caret_at);
    let on_screen = inner.left() + state.scroll + x;
    if on_screen < inner.left() {
        state.scroll += inner.left() - on_screen;
    } else if on_screen > inner.right() - 1.0 {
        state.scroll -= on_screen - (inner.right() - 1.0);
    }
    state.scroll = state.scroll.clamp(inner.width() - layout.width - 1.0, 0.0);
}

/// Applies one input event to a focused field; true when it submits the field.
fn handle(
    ctx: &egui::Context,
    state: &mut FieldState,
    event: &Event,
    multiline: bool,
    shaped: &Shaped,
    layout: &Layout,
) -> bool {
    let b = &mut state.buffer;
    match event {
        Event::Text(t) => {
            let t: String = t.chars().filter(|c| !c.is_control()).collect();
            b.insert(&t);
        }
        Event::Paste(t) => {
            let t = if multiline {
                t.replace("\r\n", "\n")
            } else {
                t.replace(['\r', '\n'], " ")
            };
            b.insert(&t);
        }
        Event::Copy if !b.selection().is_empty() => ctx.copy_text(b.selected_text()),
        Event::Cut if !b.selection().is_empty() => {
            ctx.copy_text(b.selected_text());
            b.delete();
        }
        Event::Ime(egui::ImeEvent::Preedit { text, .. }) => state.preedit.clone_from(text),
        Event::Ime(egui::ImeEvent::Commit(t)) => {
            state.preedit.clear();
            state.buffer.insert(t);
        }
        Event::Key {
            key,
            pressed: true,
            modifiers,
            ..
        } => return key_press(state, *key, *modifiers, multiline, shaped, layout),
        _ => {}
    }
    false
}

/// A key pressed in a focused field; true when it submits the field.
fn key_press(
    state: &mut FieldState,
    key: Key,
    m: egui::Modifiers,
    multiline: bool,
    shaped: &Shaped,
    layout: &Layout,
) -> bool {
    let b = &mut state.buffer;
    let word = m.ctrl || m.alt || m.command;
    match key {
        Key::ArrowLeft | Key::ArrowRight => {
            // In a right-to-left paragraph the left arrow goes on in reading order.
            let rtl = rtl_at(layout, b.caret);
            let forward = (key == Key::ArrowLeft) == rtl;
            let step = match (forward, word) {
                (true, true) => Step::WordForward,
                (true, false) => Step::CharForward,
                (false, true) => Step::WordBack,
                (false, false) => Step::CharBack,
            };
            b.step(step, m.shift);
        }
        Key::Home => b.step(
            if m.command {
                Step::TextStart
            } else {
                Step::LineStart
            },
            m.shift,
        ),
        Key::End => b.step(
            if m.command {
                Step::TextEnd
            } else {
                Step::LineEnd
            },
            m.shift,
        ),
        Key::ArrowUp | Key::ArrowDown if multiline => {
            let (li, x) = caret_x(shaped, layout, b.caret);
            let target = if key == Key::ArrowUp {
                li.checked_sub(1)
            } else {
                Some(li + 1).filter(|&l| l < layout.lines.len())
            };
            match target {
                Some(l) => {
                    let at = offset_at(shaped, layout, x, layout.lines[l].y + 1.0);
                    b.place(at, m.shift);
                }
                None => b.step(
                    if key == Key::ArrowUp {
                        Step::TextStart
                    } else {
                        Step::TextEnd
                    },
                    m.shift,
                ),
            }
        }
        Key::Backspace => {
            b.delete_towards(if word { Step::WordBack } else { Step::CharBack });
        }
        Key::Delete => {
            b.delete_towards(if word {
                Step::WordForward
            } else {
                Step::CharForward
            });
        }
        Key::Enter if multiline && !m.command => b.insert("\n"),
        Key::Enter => return true,
        Key::A if m.command => b.select_all(),
        Key::Z if m.command && m.shift => {
            b.redo();
        }
        Key::Z if m.command => {
            b.undo();
        }
        Key::Y if m.command => {
            b.redo();
        }
        _ => {}
    }
    false
}
