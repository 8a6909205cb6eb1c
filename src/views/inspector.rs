//! The inspector: details of the selected event or actor, or an overview of the document.

use egui::{Color32, RichText, vec2};

use super::style::{ACCENT, kind_color};
use super::tr::{self, t, tf, ts, tsf};
use super::{Action, ViewState};
use crate::model::Problem;
use crate::selection::Selection;
use crate::text::{TextStyle, label, paragraph};

/// Shows the inspector; returns what the user clicked (a participant, an event, a quote).
/// `published` is the text of the publication-date field (kept by the app between frames).
pub fn show(ui: &mut egui::Ui, vs: &ViewState<'_>, published: &mut String) -> Option<Action> {
    let problems = vs.problems;
    let mut action = None;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            tr::column(ui, |ui| match vs.selection {
                Selection::Event(i) if i < vs.doc.events.len() => event(ui, vs, i, &mut action),
                Selection::Entity(k) if k < vs.doc.entities.len() => entity(ui, vs, k, &mut action),
                _ => overview(ui, vs, problems, published, &mut action),
            })
        });
    action
}

fn chip(ui: &mut egui::Ui, text: &str, color: Color32) {
    egui::Frame::new()
        .fill(color)
        .corner_radius(4.0)
        .inner_margin(vec2(6.0, 2.0))
        .show(ui, |ui| {
            let font = crate::fonts::ui(13.0);
            label(ui, text, &font, Color32::WHITE);
        });
}

fn heading(ui: &mut egui::Ui, text: &str) {
    ui.add_space(6.0);
    let color = ui.visuals().weak_text_color();
    label(ui, text, &crate::fonts::ui(11.0), color);
}

fn event(ui: &mut egui::Ui, vs: &ViewState<'_>, i: usize, action: &mut Option<Action>) {
    let doc = vs.doc;
    let e = &doc.events[i];
    let font = crate::fonts::ui(13.5);
    let col = ui.visuals().text_color();
    let locale = vs.locale();
    tr::wrapped_row(ui, |ui| {
        chip(ui, &locale.term("kind", &e.kind), kind_color(&e.kind));
        chip(
            ui,
            &locale.term("status", &e.status),
            if e.status == "occurred" {
                Color32::from_gray(110)
            } else {
                ACCENT
            },
        );
        ui.label(tf(
            ui,
            "event-number",
            &[("i", e.order.into()), ("n", doc.events.len().into())],
        ));
        if let Some(c) = &e.cameo {
            ui.label(RichText::new(tsf(ui, "cameo", &[("code", c.as_str().into())])).weak())
                .on_hover_text(t(ui, "cameo-tip"));
        }
    });
    ui.add_space(4.0);
    paragraph(ui, &e.summary, &TextStyle::new(crate::fonts::ui(15.0)), col);
    heading(ui, &ts(ui, "when"));
    let placed = vs.chron.of_event(i);
    let mut when = match (&e.when.date, placed) {
        (Some(d), _) => d.clone(),
        (None, Some(p)) if p.day_known => super::timeline::day_text(vs.chron, p.day, locale),
        _ => ts(ui, "not-stated"),
    };
    let precision = locale.term("precision", &e.when.precision);
    when.push_str(&tsf_precision(ui, &precision));
    label(ui, &when, &font, col);
    if let Some(x) = &e.when.expression {
        label(ui, &format!("«{x}»"), &font, col);
    }
    heading(ui, &ts(ui, "where"));
    match e.place.as_deref().and_then(|p| doc.entity_index(p)) {
        Some(k) => {
            if link(ui, &doc.entities[k].name, &font) {
                *action = Some(Action::Select(Selection::Entity(k)));
            }
        }
        None => {
            ui.label(t(ui, "not-stated"));
        }
    }
    heading(ui, &ts(ui, "participants"));
    for p in &e.participants {
        tr::row(ui, |ui| {
            let weak = ui.visuals().weak_text_color();
            label(ui, &locale.term("role", &p.role), &font, weak);
            match doc.entity_index(&p.entity) {
                Some(k) => {
                    if link(ui, &doc.entities[k].name, &font) {
                        *action = Some(Action::Select(Selection::Entity(k)));
                    }
                    // In a corpus: what they were at this meeting, as its report says.
                    let then: Vec<&str> = p
                        .extra
                        .get("roles_then")
                        .and_then(|v| v.as_array())
                        .map(|a| a.iter().filter_map(|r| r.as_str()).collect())
                        .unwrap_or_default();
                    if !then.is_empty() {
                        let weak = ui.visuals().weak_text_color();
                        label(ui, &format!("({})", then.join("، ")), &font, weak)
                            .on_hover_text(t(ui, "roles-then-tip"));
                    }
                }
                None => {
                    tr::colored(
                        ui,
                        ui.visuals().error_fg_color,
                        &tsf(ui, "missing-actor", &[("id", p.entity.as_str().into())]),
                    );
                }
            }
        });
    }
    if !e.topics.is_empty() {
        heading(ui, &ts(ui, "topics"));
        for t in &e.topics {
            label(ui, &format!("• {t}"), &font, col);
        }
    }
    let accounts = crate::corpus::accounts(e);
    if accounts.len() > 1 {
        heading(
            ui,
            &tsf(ui, "sources-heading", &[("n", accounts.len().into())]),
        );
        for (n, a) in accounts.iter().enumerate() {
            let part = vs.articles.iter().find(|p| p.id == a.article);
            let title = part.map_or_else(|| a.event.clone(), |p| p.title.clone());
            let outlet = part.and_then(|p| p.outlet.clone()).unwrap_or_default();
            let line = tsf(
                ui,
                "source-line",
                &[
                    ("n", (n + 1).into()),
                    ("title", title.into()),
                    ("outlet", outlet.into()),
                ],
            );
            if link(ui, &line, &font)
                && let Some(s) = a.evidence.first()
            {
                *action = Some(Action::ShowInArticle(s.start));
            }
        }
    }
    heading(ui, &ts(ui, "evidence"));
    let quote_style = TextStyle {
        line_spacing: 1.3,
        ..TextStyle::new(crate::fonts::reading(15.0))
    };
    for s in &e.evidence {
        let q = doc.quote(*s).unwrap_or_else(|| ts(ui, "outside-the-text"));
        let r = egui::Frame::new()
            .stroke(egui::Stroke::new(
                1.0,
                kind_color(&e.kind).gamma_multiply(0.6),
            ))
            .corner_radius(4.0)
            .inner_margin(6.0)
            .show(ui, |ui| paragraph(ui, &q, &quote_style, col))
            .response
            .interact(egui::Sense::click())
            .on_hover_text(t(ui, "cmd-show-in-article"));
        if r.clicked() {
            *action = Some(Action::ShowInArticle(s.start));
        }
        ui.add_space(3.0);
    }
    ui.add_space(6.0);
    egui::CollapsingHeader::new(t(ui, "edit"))
        .id_salt(("edit-event", i))
        .default_open(true)
        .show(ui, |ui| super::editor::event_editor(ui, vs, i, action));
}

fn entity(ui: &mut egui::Ui, vs: &ViewState<'_>, k: usize, action: &mut Option<Action>) {
    let doc = vs.doc;
    let e = &doc.entities[k];
    let font = crate::fonts::ui(13.5);
    let col = ui.visuals().text_color();
    let locale = vs.locale();
    tr::wrapped_row(ui, |ui| {
        chip(
            ui,
            &locale.term("entity", &e.kind),
            super::style::country_color(e.country.as_deref()),
        );
        if let Some(c) = &e.country {
            ui.label(c);
        }
    });
    label(ui, &e.name, &crate::fonts::ui(17.0), col);
    if let Some(l) = &e.latin {
        if e.latin_auto {
            ui.label(RichText::new(tsf_auto(ui, l)).italics())
                .on_hover_text(t(ui, "latin-automatic-tip"));
        } else {
            ui.label(RichText::new(l).italics());
        }
    }
    if !e.roles.is_empty() {
        heading(ui, &ts(ui, "roles"));
        for r in &e.roles {
            label(ui, r, &font, col);
        }
    }
    if let Some(node) = vs.graph.node_of(k) {
        heading(ui, &ts(ui, "centrality"));
        let degree = vs.graph.degree_centrality();
        let n = degree.len();
        let rank = |values: &[f64]| 1 + values.iter().filter(|&&v| v > values[node]).count();
        let mut line = tsf(
            ui,
            "degree",
            &[
                ("value", format!("{:.2}", degree[node]).into()),
                ("rank", rank(&degree).into()),
                ("n", n.into()),
            ],
        );
        if let Some(b) = vs.graph.betweenness.get(node) {
            line += " · ";
            line += &tsf(
                ui,
                "betweenness",
                &[
                    ("value", format!("{b:.2}").into()),
                    ("rank", rank(&vs.graph.betweenness).into()),
                    ("n", n.into()),
                ],
            );
        }
        let line = vs.digits.apply(&line);
        label(ui, &line, &font, col).on_hover_text(t(ui, "centrality-tip"));
    }
    if let Some(p) = e.part_of.as_deref().and_then(|p| doc.entity_index(p)) {
        heading(ui, &ts(ui, "part-of"));
        if link(ui, &doc.entities[p].name, &font) {
            *action = Some(Action::Select(Selection::Entity(p)));
        }
    }
    heading(ui, &ts(ui, "events"));
    for i in doc.chronological() {
        let ev = &doc.events[i];
        if crate::selection::involves(ev, &e.id) {
            tr::row(ui, |ui| {
                let (r, _) = ui.allocate_exact_size(vec2(10.0, 10.0), egui::Sense::hover());
                ui.painter()
                    .circle_filled(r.center(), 5.0, kind_color(&ev.kind));
                if link(ui, &format!("{}. {}", ev.order, ev.summary), &font) {
                    *action = Some(Action::Select(Selection::Event(i)));
                }
            });
        }
    }
    heading(ui, &ts(ui, "mentions"));
    ui.label(tf(ui, "in-the-text", &[("n", e.mentions.len().into())]));
    if let Some(m) = e.mentions.first()
        && ui.button(t(ui, "show-first-mention")).clicked()
    {
        *action = Some(Action::ShowInArticle(m.start));
    }
    ui.add_space(6.0);
    egui::CollapsingHeader::new(t(ui, "edit"))
        .id_salt(("edit-entity", k))
        .default_open(true)
        .show(ui, |ui| super::editor::entity_editor(ui, vs, k, action));
}

fn overview(
    ui: &mut egui::Ui,
    vs: &ViewState<'_>,
    problems: &[Problem],
    published: &mut String,
    action: &mut Option<Action>,
) {
    let doc = vs.doc;
    let col = ui.visuals().text_color();
    paragraph(
        ui,
        &doc.article.title,
        &TextStyle::new(crate::fonts::reading_bold(17.0)),
        col,
    );
    let not_stated = ts(ui, "not-stated");
    let counts = vs.locale().f(
        "document-counts",
        &[
            ("events", doc.events.len().into()),
            ("actors", doc.entities.len().into()),
            ("relations", doc.relations.len().into()),
            (
                "published",
                doc.article
                    .published
                    .as_deref()
                    .unwrap_or(&not_stated)
                    .into(),
            ),
        ],
    );
    // Through our layer: Arabic-Indic digits keep their order.
    label(
        ui,
        &counts,
        &crate::fonts::ui(13.0),
        ui.visuals().text_color(),
    );
    tr::row(ui, |ui| {
        ui.label(t(ui, "publication-date"));
        let hint = ts(ui, "hint-date");
        let field = crate::text::text_field(
            ui,
            ui.make_persistent_id("publication-date"),
            published,
            &crate::text::FieldOptions {
                hint: &hint,
                width: Some(100.0),
                ..Default::default()
            },
        );
        field.response.on_hover_text(t(ui, "publication-date-tip"));
        let valid = crate::model::parse_date(published.trim()).is_some();
        let enter = field.submitted;
        if ui
            .add_enabled(valid, egui::Button::new(t(ui, "set")))
            .clicked()
            || enter && valid
        {
            *action = Some(Action::Edit(crate::model::Edit::SetPublished(Some(
                published.trim().to_owned(),
            ))));
        }
        if !published.trim().is_empty() && !valid {
            tr::colored(ui, ui.visuals().warn_fg_color, &ts(ui, "not-a-date"));
        }
    });
    ui.add_space(6.0);
    let weak = ui.visuals().weak_text_color();
    paragraph(
        ui,
        &ts(ui, "overview-help"),
        &TextStyle::new(crate::fonts::ui(13.0)),
        weak,
    );
    if !problems.is_empty() {
        heading(
            ui,
            &tsf(ui, "problems-heading", &[("n", problems.len().into())]),
        );
        for p in problems {
            let warn = ui.visuals().warn_fg_color;
            let r = tr::colored(ui, warn, &p.text(vs.locale()));
            if let Some(id) = &p.item
                && r.interact(egui::Sense::click()).clicked()
            {
                if let Some(i) = doc.events.iter().position(|e| &e.id == id) {
                    *action = Some(Action::Select(Selection::Event(i)));
                } else if let Some(k) = doc.entities.iter().position(|e| &e.id == id) {
                    *action = Some(Action::Select(Selection::Entity(k)));
                }
            }
        }
    }
}

/// « · precision P» in the interface's language.
fn tsf_precision(ui: &egui::Ui, precision: &str) -> String {
    format!(
        " {}",
        tsf(ui, "precision", &[("precision", precision.into())])
    )
}

/// «L (automatic)» in the interface's language.
fn tsf_auto(ui: &egui::Ui, latin: &str) -> String {
    tsf(ui, "latin-automatic", &[("latin", latin.into())])
}

/// A clickable line of text through our text layer.
fn link(ui: &mut egui::Ui, text: &str, font: &egui::FontId) -> bool {
    let color = ui.visuals().hyperlink_color;
    let r = label(ui, text, font, color).interact(egui::Sense::click());
    let name = text.to_owned();
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, name.clone()));
    if r.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    r.clicked()
}
