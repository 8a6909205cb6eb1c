//! The inspector: details of the selected event or actor, or an overview of the document.

use egui::{Color32, RichText, vec2};

use super::style::{ACCENT, kind_color};
use super::{Action, ViewState};
use crate::model::{Problem, day_label};
use crate::selection::Selection;
use crate::text::{TextStyle, label, paragraph};

/// Shows the inspector; returns what the user clicked (a participant, an event, a quote).
/// `published` is the text of the publication-date field (kept by the app between frames).
pub fn show(ui: &mut egui::Ui, vs: &ViewState<'_>, published: &mut String) -> Option<Action> {
    let problems = vs.problems;
    let mut action = None;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| match vs.selection {
            Selection::Event(i) if i < vs.doc.events.len() => event(ui, vs, i, &mut action),
            Selection::Entity(k) if k < vs.doc.entities.len() => entity(ui, vs, k, &mut action),
            _ => overview(ui, vs, problems, published, &mut action),
        });
    action
}

fn chip(ui: &mut egui::Ui, text: &str, color: Color32) {
    egui::Frame::new()
        .fill(color)
        .corner_radius(4.0)
        .inner_margin(vec2(6.0, 2.0))
        .show(ui, |ui| {
            ui.label(RichText::new(text).color(Color32::WHITE).strong());
        });
}

fn heading(ui: &mut egui::Ui, text: &str) {
    ui.add_space(6.0);
    ui.label(
        RichText::new(text)
            .small()
            .strong()
            .color(ui.visuals().weak_text_color()),
    );
}

fn event(ui: &mut egui::Ui, vs: &ViewState<'_>, i: usize, action: &mut Option<Action>) {
    let doc = vs.doc;
    let e = &doc.events[i];
    let font = crate::fonts::ui(13.5);
    let col = ui.visuals().text_color();
    ui.horizontal_wrapped(|ui| {
        chip(ui, &e.kind, kind_color(&e.kind));
        chip(
            ui,
            &e.status,
            if e.status == "occurred" {
                Color32::from_gray(110)
            } else {
                ACCENT
            },
        );
        ui.label(format!("#{} of {}", e.order, doc.events.len()));
        if let Some(c) = &e.cameo {
            ui.label(RichText::new(format!("CAMEO {c}")).weak())
                .on_hover_text("CAMEO event code");
        }
    });
    ui.add_space(4.0);
    paragraph(ui, &e.summary, &TextStyle::new(crate::fonts::ui(15.0)), col);
    heading(ui, "WHEN");
    let placed = vs.chron.of_event(i);
    let mut when = match (&e.when.date, placed) {
        (Some(d), _) => d.clone(),
        (None, Some(p)) if p.day_known => day_label(vs.chron, p.day),
        _ => "not stated".to_owned(),
    };
    when.push_str(&format!(" · precision {}", e.when.precision));
    ui.label(when);
    if let Some(x) = &e.when.expression {
        label(ui, &format!("«{x}»"), &font, col);
    }
    heading(ui, "WHERE");
    match e.place.as_deref().and_then(|p| doc.entity_index(p)) {
        Some(k) => {
            if link(ui, &doc.entities[k].name, &font) {
                *action = Some(Action::Select(Selection::Entity(k)));
            }
        }
        None => {
            ui.label("not stated");
        }
    }
    heading(ui, "PARTICIPANTS");
    for p in &e.participants {
        ui.horizontal(|ui| {
            ui.label(RichText::new(&p.role).weak());
            match doc.entity_index(&p.entity) {
                Some(k) => {
                    if link(ui, &doc.entities[k].name, &font) {
                        *action = Some(Action::Select(Selection::Entity(k)));
                    }
                }
                None => {
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        format!("missing: {}", p.entity),
                    );
                }
            }
        });
    }
    if !e.topics.is_empty() {
        heading(ui, "TOPICS");
        for t in &e.topics {
            label(ui, &format!("• {t}"), &font, col);
        }
    }
    heading(ui, "EVIDENCE");
    let quote_style = TextStyle {
        line_spacing: 1.3,
        ..TextStyle::new(crate::fonts::reading(15.0))
    };
    for s in &e.evidence {
        let q = doc
            .quote(*s)
            .unwrap_or_else(|| "(outside the text)".to_owned());
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
            .on_hover_text("Show in the article");
        if r.clicked() {
            *action = Some(Action::ShowInArticle(s.start));
        }
        ui.add_space(3.0);
    }
    ui.add_space(6.0);
    egui::CollapsingHeader::new("EDIT")
        .id_salt(("edit-event", i))
        .default_open(true)
        .show(ui, |ui| super::editor::event_editor(ui, vs, i, action));
}

fn entity(ui: &mut egui::Ui, vs: &ViewState<'_>, k: usize, action: &mut Option<Action>) {
    let doc = vs.doc;
    let e = &doc.entities[k];
    let font = crate::fonts::ui(13.5);
    let col = ui.visuals().text_color();
    ui.horizontal_wrapped(|ui| {
        chip(
            ui,
            &e.kind,
            super::style::country_color(e.country.as_deref()),
        );
        if let Some(c) = &e.country {
            ui.label(c);
        }
    });
    label(ui, &e.name, &crate::fonts::ui(17.0), col);
    if let Some(l) = &e.latin {
        if e.latin_auto {
            ui.label(RichText::new(format!("{l} (automatic)")).italics())
                .on_hover_text("Romanised by rule: no name list knows this name; edit it below");
        } else {
            ui.label(RichText::new(l).italics());
        }
    }
    if !e.roles.is_empty() {
        heading(ui, "ROLES");
        for r in &e.roles {
            label(ui, r, &font, col);
        }
    }
    if let Some(node) = vs.graph.node_of(k) {
        heading(ui, "CENTRALITY");
        let degree = vs.graph.degree_centrality();
        let n = degree.len();
        let rank = |values: &[f64]| 1 + values.iter().filter(|&&v| v > values[node]).count();
        let mut line = format!("degree {:.2} (#{} of {n})", degree[node], rank(&degree));
        if let Some(b) = vs.graph.betweenness.get(node) {
            line += &format!(
                " · betweenness {b:.2} (#{} of {n})",
                rank(&vs.graph.betweenness)
            );
        }
        ui.label(line).on_hover_text(
            "Degree: the share of the other actors this one is linked to. Betweenness: the \
             share of shortest paths between other actors that pass through this one.",
        );
    }
    if let Some(p) = e.part_of.as_deref().and_then(|p| doc.entity_index(p)) {
        heading(ui, "PART OF");
        if link(ui, &doc.entities[p].name, &font) {
            *action = Some(Action::Select(Selection::Entity(p)));
        }
    }
    heading(ui, "EVENTS");
    for i in doc.chronological() {
        let ev = &doc.events[i];
        if crate::selection::involves(ev, &e.id) {
            ui.horizontal(|ui| {
                let (r, _) = ui.allocate_exact_size(vec2(10.0, 10.0), egui::Sense::hover());
                ui.painter()
                    .circle_filled(r.center(), 5.0, kind_color(&ev.kind));
                if link(ui, &format!("{}. {}", ev.order, ev.summary), &font) {
                    *action = Some(Action::Select(Selection::Event(i)));
                }
            });
        }
    }
    heading(ui, "MENTIONS");
    ui.label(format!("{} in the text", e.mentions.len()));
    if let Some(m) = e.mentions.first()
        && ui.button("Show first mention").clicked()
    {
        *action = Some(Action::ShowInArticle(m.start));
    }
    ui.add_space(6.0);
    egui::CollapsingHeader::new("EDIT")
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
    let counts = format!(
        "{} events · {} actors · {} relations · published {}",
        doc.events.len(),
        doc.entities.len(),
        doc.relations.len(),
        doc.article.published.as_deref().unwrap_or("(not stated)")
    );
    // Through our layer: Arabic-Indic digits keep their order.
    label(
        ui,
        &vs.digits.apply(&counts),
        &crate::fonts::ui(13.0),
        ui.visuals().text_color(),
    );
    ui.horizontal(|ui| {
        ui.label("Publication date");
        let field = crate::text::text_field(
            ui,
            ui.make_persistent_id("publication-date"),
            published,
            &crate::text::FieldOptions {
                hint: "YYYY-MM-DD",
                width: Some(100.0),
                ..Default::default()
            },
        );
        field.response.on_hover_text(
            "Setting it turns «today», «yesterday» and weekdays into calendar dates",
        );
        let valid = crate::model::parse_date(published.trim()).is_some();
        let enter = field.submitted;
        if ui.add_enabled(valid, egui::Button::new("Set")).clicked() || enter && valid {
            *action = Some(Action::Edit(crate::model::Edit::SetPublished(Some(
                published.trim().to_owned(),
            ))));
        }
        if !published.trim().is_empty() && !valid {
            ui.colored_label(ui.visuals().warn_fg_color, "not a date");
        }
    });
    ui.add_space(6.0);
    ui.label(
        RichText::new(
            "Click an event on the timeline, an actor in the graph or a passage of the \
             article. The arrow keys (or J and K) step through the events; Esc clears.",
        )
        .weak(),
    );
    if !problems.is_empty() {
        heading(ui, &format!("PROBLEMS ({})", problems.len()));
        for p in problems {
            let r = ui.colored_label(ui.visuals().warn_fg_color, &p.message);
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

/// A clickable line of text through our text layer.
fn link(ui: &mut egui::Ui, text: &str, font: &egui::FontId) -> bool {
    let color = ui.visuals().hyperlink_color;
    let r = label(ui, text, font, color).interact(egui::Sense::click());
    if r.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    r.clicked()
}
