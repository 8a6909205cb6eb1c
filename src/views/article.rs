//! The article panel: the Arabic text right-aligned in the Naskh font, mentions underlined,
//! the selection's evidence or mentions highlighted; click to select, drag to select text.

use super::tr;
use std::sync::Arc;

use egui::{Pos2, Rect, Stroke, Vec2};

use super::style::{ACCENT, kind_color};
use super::{Action, ViewState};
use crate::model::Span;
use crate::selection::{Selection, at_offset};
use crate::text::{Align, Layout, Shaped, TextStyle, laid_out, paint, to_rect};

/// Reading size of the article text.
pub const READING_SIZE: f32 = 19.0;

/// The panel's own state between frames.
#[derive(Clone, Debug, Default)]
pub struct ArticleState {
    /// Scroll so that this char (of the whole document's text) is in view on the next frame.
    pub scroll_to: Option<usize>,
    /// A text selection (logical char range of the shown text, anchor first).
    pub text_sel: Option<(usize, usize)>,
    /// Where the shown text starts in the document's text (a corpus shows one article).
    pub base: usize,
    /// A char of the document's text the panel stands at: a corpus shows the article holding it.
    pub anchor: usize,
    /// Last layout and where it was drawn (for hit-testing and tests).
    pub last: Option<(Arc<Shaped>, Arc<Layout>, Pos2)>,
    /// The search bar is shown (Ctrl+F).
    pub search_open: bool,
    /// Put the keyboard focus in the search field on the next frame.
    pub search_focus: bool,
    /// What is searched.
    pub search: String,
    /// Where it was found in the shown text, and which hit is current.
    pub search_hits: Vec<Span>,
    /// Index of the current hit.
    pub search_current: usize,
}

impl ArticleState {
    /// Brings char `at` of the document's text into view (turning to its article in a corpus).
    pub fn show_char(&mut self, at: usize) {
        self.scroll_to = Some(at);
        self.anchor = at;
    }

    /// Screen rectangles of a char range as drawn last frame.
    pub fn screen_rects(&self, range: std::ops::Range<usize>) -> Vec<Rect> {
        let Some((s, l, origin)) = &self.last else {
            return vec![];
        };
        l.rects(s, range)
            .iter()
            .map(|b| to_rect(*origin, b))
            .collect()
    }

    /// The selected text, in logical order.
    pub fn selected_text(&self, text: &str) -> Option<String> {
        let (a, b) = self.text_sel?;
        let (s, e) = (a.min(b), a.max(b) + 1);
        (e > s).then(|| text.chars().skip(s).take(e - s).collect())
    }
}

/// The text style of the article.
pub fn style() -> TextStyle {
    TextStyle {
        font: crate::fonts::reading(READING_SIZE),
        base: None,
        align: Align::Auto,
        line_spacing: 1.0,
    }
}

/// Shows the article; returns a selection when a highlighted passage is clicked.
pub fn show(ui: &mut egui::Ui, vs: &ViewState<'_>, st: &mut ArticleState) -> Option<Action> {
    let mut action = None;
    let full = vs.doc.article.text.as_str();
    // A corpus shows the article the selection comes from; its offsets are the document's
    // minus `base`.
    let (text, base, end) = match vs.article_range.as_ref().and_then(|(chars, bytes)| {
        // A range that does not fit this text (a stale one) shows the whole text instead.
        full.get(bytes.clone())
            .filter(|slice| slice.chars().count() == chars.len())
            .map(|slice| (slice, chars.start, chars.end))
    }) {
        Some(shown) => shown,
        None => (full, 0, usize::MAX),
    };
    if st.base != base {
        st.base = base;
        st.text_sel = None;
        st.search_hits = if st.search.is_empty() {
            Vec::new()
        } else {
            crate::search::find_all(text, &st.search)
        };
        st.search_current = 0;
    }
    let local = |s: &Span| {
        (s.start >= base && s.end <= end).then(|| Span::new(s.start - base, s.end - base))
    };
    if st.search_open {
        search_bar(ui, text, st);
    }
    let style = style();
    let dark = vs.dark;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let width = (ui.available_width() - 8.0).max(60.0);
            let (shaped, lay) = laid_out(ui.ctx(), text, &style, width);
            let (rect, resp) = ui.allocate_exact_size(
                Vec2::new(width, lay.height + 8.0),
                egui::Sense::click_and_drag(),
            );
            super::set_focus_target(ui.ctx(), super::Panel::Article, resp.id);
            resp.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Document,
                    true,
                    vs.locale().t("article-description"),
                )
            });
            let origin = rect.min;
            let painter = ui.painter_at(ui.clip_rect());
            // Only what can be seen is measured and drawn: a document may mark thousands of
            // spans in a long article.
            let clip = ui.clip_rect();
            let seen = lay.chars_between(clip.top() - origin.y, clip.bottom() - origin.y);
            let visible = |s: usize, e: usize| s < seen.end && e > seen.start;
            let strong = match vs.selection {
                Selection::Event(i) => kind_color(&vs.doc.events[i].kind),
                _ => ACCENT,
            };
            for span in vs
                .related
                .spans
                .iter()
                .filter_map(local)
                .filter(|s| visible(s.start, s.end))
            {
                for b in lay.rects(&shaped, span.start..span.end) {
                    painter.rect_filled(
                        to_rect(origin, &b).shrink2(egui::vec2(0.0, 3.0)),
                        3.0,
                        strong.gamma_multiply(if dark { 0.35 } else { 0.22 }),
                    );
                }
            }
            for (k, hit) in st.search_hits.iter().enumerate() {
                let current = k == st.search_current;
                for b in lay.rects(&shaped, hit.start..hit.end) {
                    let c = egui::Color32::from_rgb(0xF0, 0xE4, 0x42).gamma_multiply(if current {
                        0.9
                    } else {
                        0.45
                    });
                    painter.rect_filled(to_rect(origin, &b), 2.0, c);
                }
            }
            if let Some((a, b)) = st.text_sel {
                let (s, e) = (a.min(b), a.max(b) + 1);
                for r in lay.rects(&shaped, s..e) {
                    painter.rect_filled(
                        to_rect(origin, &r),
                        0.0,
                        ui.visuals().selection.bg_fill.gamma_multiply(0.7),
                    );
                }
            }
            let underline = ui.visuals().weak_text_color().gamma_multiply(0.6);
            for (k, ent) in vs.doc.entities.iter().enumerate() {
                let sel = vs.selection == Selection::Entity(k);
                for m in ent
                    .mentions
                    .iter()
                    .filter_map(local)
                    .filter(|m| visible(m.start, m.end))
                {
                    for b in lay.rects(&shaped, m.start..m.end) {
                        let r = to_rect(origin, &b);
                        let y = r.bottom() - lay.line_height * 0.12;
                        let stroke = if sel {
                            Stroke::new(2.0, ACCENT)
                        } else {
                            Stroke::new(1.0, underline)
                        };
                        painter.hline(r.x_range(), y, stroke);
                    }
                }
            }
            let color = ui.visuals().text_color();
            paint(&painter, origin, &shaped, &lay, &style.font, &|_| color);

            if let Some(off) = st.scroll_to.take().and_then(|o| o.checked_sub(base))
                && let Some(b) = lay.rects(&shaped, off..off + 1).first()
            {
                ui.scroll_to_rect(to_rect(origin, b).expand(40.0), Some(egui::Align::Center));
            }
            let hit = |p: Pos2| lay.hit(&shaped, p.x - origin.x, p.y - origin.y);
            // The selection starts where the button went down, not where the drag was noticed.
            if resp.drag_started()
                && let Some(p) = ui
                    .input(|i| i.pointer.press_origin())
                    .or_else(|| resp.interact_pointer_pos())
            {
                st.text_sel = hit(p).map(|o| (o, o));
            }
            if resp.dragged()
                && let (Some(p), Some((a, _))) = (resp.interact_pointer_pos(), st.text_sel)
                && let Some(o) = hit(p)
            {
                st.text_sel = Some((a, o));
            }
            let selected = st.selected_text(text);
            resp.context_menu(|ui| {
                if ui
                    .add_enabled(
                        selected.is_some(),
                        egui::Button::new(tr::t(ui, "copy")).shortcut_text("Ctrl+C"),
                    )
                    .clicked()
                    && let Some(t) = &selected
                {
                    ui.ctx().copy_text(t.clone());
                }
                if let Some((a, b)) = st.text_sel {
                    let span = crate::model::Span::new(a.min(b) + base, a.max(b) + 1 + base);
                    ui.separator();
                    super::editor::selection_menu(ui, vs, span, &mut action);
                    ui.separator();
                }
                if ui.button(tr::t(ui, "export-this-view")).clicked() {
                    action = Some(Action::Export(super::Panel::Article));
                }
            });
            if resp.clicked() {
                st.text_sel = None;
                if let Some(o) = resp.interact_pointer_pos().and_then(hit) {
                    action = Some(Action::Select(at_offset(vs.doc, o + base)));
                }
            }
            if let Some(p) = resp.hover_pos()
                && let Some(o) = hit(p)
            {
                let target = at_offset(vs.doc, o + base);
                if target != Selection::None {
                    ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
                    let doc = vs.doc;
                    resp.clone().on_hover_ui_at_pointer(|ui| {
                        ui.set_max_width(320.0);
                        let f = crate::fonts::ui(13.0);
                        let c = ui.visuals().text_color();
                        let locale = vs.locale();
                        match target {
                            Selection::Entity(k) => {
                                let e = &doc.entities[k];
                                crate::text::label(ui, &e.name, &f, c);
                                let kind = locale.term("entity", &e.kind);
                                let line = locale.f("mention-tip", &[("kind", kind.into())]);
                                crate::text::label(ui, &line, &f, c);
                            }
                            Selection::Event(i) => {
                                crate::text::label(ui, &doc.events[i].summary, &f, c);
                                crate::text::label(ui, &locale.t("evidence-tip"), &f, c);
                            }
                            Selection::None => {}
                        }
                    });
                }
            }
            st.last = Some((shaped, lay, origin));
        });
    let copy = ui.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Copy)));
    if copy && let Some(t) = st.selected_text(text) {
        ui.ctx().copy_text(t);
    }
    action
}

/// The search bar: a field, the count, previous/next and close. Enter goes to the next hit.
fn search_bar(ui: &mut egui::Ui, text: &str, st: &mut ArticleState) {
    tr::row(ui, |ui| {
        let hint = tr::ts(ui, "find-hint");
        let field = crate::text::text_field(
            ui,
            ui.make_persistent_id("article-search"),
            &mut st.search,
            &crate::text::FieldOptions {
                hint: &hint,
                width: Some(180.0),
                ..Default::default()
            },
        );
        let r = field.response;
        if st.search_focus {
            r.request_focus();
            st.search_focus = false;
        }
        if r.changed() {
            st.search_hits = crate::search::find_all(text, &st.search);
            st.search_current = 0;
            if let Some(h) = st.search_hits.first() {
                st.scroll_to = Some(h.start + st.base);
            }
        }
        let n = st.search_hits.len();
        let enter = field.submitted;
        ui.label(if n == 0 {
            tr::t(ui, "no-match")
        } else {
            tr::tf(
                ui,
                "match-of",
                &[("i", (st.search_current + 1).into()), ("n", n.into())],
            )
        });
        let prev = ui.small_button(tr::t(ui, "previous")).clicked();
        let next = ui.small_button(tr::t(ui, "next")).clicked() || enter;
        if n > 0 && (prev || next) {
            st.search_current = if next {
                (st.search_current + 1) % n
            } else {
                (st.search_current + n - 1) % n
            };
            st.scroll_to = Some(st.search_hits[st.search_current].start + st.base);
        }
        if ui
            .small_button(tr::t(ui, "close"))
            .on_hover_text(tr::t(ui, "close-search-tip"))
            .clicked()
        {
            st.search_open = false;
            st.search_hits.clear();
        }
    });
}
