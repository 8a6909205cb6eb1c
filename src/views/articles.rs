//! The article list of a corpus: title, outlet, date and number of events of each shown article;
//! the one the article panel shows is marked, a click turns the panel to another.

use super::tr;
use super::{Action, ViewState};

/// The list's own state between frames.
#[derive(Clone, Debug, Default)]
pub struct ArticlesState {
    /// The article the article panel showed last frame (to keep it in view).
    pub current: Option<usize>,
}

/// Shows the list; returns the article clicked.
pub fn show(ui: &mut egui::Ui, vs: &ViewState<'_>, st: &mut ArticlesState) -> Vec<Action> {
    let mut actions = Vec::new();
    let locale = vs.locale();
    let heading = locale.f("articles-heading", &[("n", vs.articles.len().into())]);
    let color = ui.visuals().strong_text_color();
    tr::row(ui, |ui| {
        crate::text::label(ui, &heading, &crate::fonts::ui(14.0), color)
    });
    let current = vs
        .article_range
        .as_ref()
        .and_then(|(chars, _)| vs.articles.iter().position(|a| a.chars == *chars));
    let turned = current != st.current;
    st.current = current;
    let title_font = crate::fonts::ui(13.0);
    let small = crate::fonts::ui(11.0);
    let row_h = 38.0;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_h, vs.articles.len(), |ui, rows| {
            for k in rows {
                let a = &vs.articles[k];
                let width = ui.available_width();
                let (rect, resp) =
                    ui.allocate_exact_size(egui::vec2(width, row_h), egui::Sense::click());
                let selected = current == Some(k);
                let name = a.title.clone();
                resp.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::ListItem, true, selected, name.clone())
                });
                if selected && turned {
                    resp.scroll_to_me(None);
                }
                let visuals = ui.style().interact_selectable(&resp, selected);
                if selected || resp.hovered() {
                    ui.painter().rect_filled(rect, 3.0, visuals.weak_bg_fill);
                }
                let date = a
                    .published
                    .clone()
                    .unwrap_or_else(|| locale.t("not-stated"));
                let counts = locale.f(
                    "article-line",
                    &[("date", date.into()), ("events", a.events.into())],
                );
                let line = match &a.outlet {
                    Some(o) => format!("{o} · {counts}"),
                    None => counts,
                };
                let anchor = if tr::rtl(ui) {
                    egui::Align2::RIGHT_TOP
                } else {
                    egui::Align2::LEFT_TOP
                };
                let x = if tr::rtl(ui) {
                    rect.right() - 4.0
                } else {
                    rect.left() + 4.0
                };
                let painter = ui.painter();
                let text = ui.visuals().text_color();
                let weak = ui.visuals().weak_text_color();
                crate::text::paint_label(
                    painter,
                    egui::pos2(x, rect.top() + 2.0),
                    anchor,
                    &a.title,
                    &title_font,
                    text,
                    width - 8.0,
                );
                crate::text::paint_label(
                    painter,
                    egui::pos2(x, rect.top() + 21.0),
                    anchor,
                    &line,
                    &small,
                    weak,
                    width - 8.0,
                );
                if resp.clicked() {
                    actions.push(Action::ShowArticle(k));
                }
                resp.on_hover_ui(|ui| {
                    let font = crate::fonts::ui(13.0);
                    let color = ui.visuals().text_color();
                    ui.set_max_width(360.0);
                    crate::text::paragraph(ui, &a.title, &crate::text::TextStyle::new(font), color);
                });
            }
        });
    actions
}
