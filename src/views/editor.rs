//! Editing forms shown in the inspector: every change becomes an undoable [`Edit`].

use egui::{ComboBox, RichText};

use super::{Action, ViewState};
use crate::model::{ENTITY_KINDS, EVENT_KINDS, Edit, PRECISIONS, ROLES, STATUSES, Span};

/// A text field that commits on Enter (Ctrl+Enter when multiline) or when it loses focus; its
/// draft lives in egui's memory. Shown through our bidi layer.
fn text_field(
    ui: &mut egui::Ui,
    id: egui::Id,
    current: &str,
    multiline: bool,
    hint: &str,
) -> Option<String> {
    let mut draft: String = ui
        .data_mut(|d| d.get_temp(id))
        .unwrap_or_else(|| current.to_owned());
    let out = crate::text::text_field(
        ui,
        id.with("field"),
        &mut draft,
        &crate::text::FieldOptions {
            multiline,
            hint,
            rows: if multiline { 3 } else { 1 },
            ..Default::default()
        },
    );
    let r = &out.response;
    if r.has_focus() || out.changed {
        ui.data_mut(|d| d.insert_temp(id, draft.clone()));
    }
    if out.submitted {
        r.surrender_focus();
    }
    let done = r.lost_focus() || out.submitted;
    if done {
        ui.data_mut(|d| d.remove::<String>(id));
        return (draft != current).then_some(draft);
    }
    if !r.has_focus() && !out.changed {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    None
}

/// A drop-down of `options`; `name` is what a screen reader says (the form's label beside it).
fn combo(
    ui: &mut egui::Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    name: &str,
    current: &str,
    options: &[&str],
) -> Option<String> {
    let mut out = None;
    let r = ComboBox::from_id_salt(id)
        .selected_text(current)
        .show_ui(ui, |ui| {
            for o in options {
                if ui.selectable_label(*o == current, *o).clicked() && *o != current {
                    out = Some((*o).to_owned());
                }
            }
        });
    named(&r.response, name);
    out
}

/// Gives a widget without a visible label of its own an accessible name.
fn named(r: &egui::Response, name: &str) {
    let enabled = r.enabled();
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, enabled, name));
}

/// The editing form of event `i`.
pub fn event_editor(ui: &mut egui::Ui, vs: &ViewState<'_>, i: usize, action: &mut Option<Action>) {
    let doc = vs.doc;
    let e = &doc.events[i];
    let id = e.id.clone();
    let mut edit = |x: Edit| *action = Some(Action::Edit(x));
    egui::Grid::new(("event-editor", &id))
        .num_columns(2)
        .striped(false)
        .show(ui, |ui| {
            ui.label("Kind");
            if let Some(k) = combo(ui, ("kind", &id), "Kind", &e.kind, &EVENT_KINDS) {
                edit(Edit::EventKind(id.clone(), k));
            }
            ui.end_row();
            ui.label("Status");
            if let Some(s) = combo(ui, ("status", &id), "Status", &e.status, &STATUSES) {
                edit(Edit::EventStatus(id.clone(), s));
            }
            ui.end_row();
            ui.label("Summary");
            if let Some(s) = text_field(
                ui,
                egui::Id::unique(("summary", &id)),
                &e.summary,
                false,
                "what happened",
            ) {
                edit(Edit::EventSummary(id.clone(), s));
            }
            ui.end_row();
            ui.label("Date");
            ui.horizontal(|ui| {
                let cur = e.when.date.clone().unwrap_or_default();
                ui.scope(|ui| {
                    ui.set_max_width(110.0);
                    if let Some(d) = text_field(
                        ui,
                        egui::Id::unique(("date", &id)),
                        &cur,
                        false,
                        "YYYY-MM-DD",
                    ) {
                        let d = d.trim().to_owned();
                        let precision = if d.is_empty() {
                            e.when.precision.clone()
                        } else {
                            "day".to_owned()
                        };
                        edit(Edit::EventDate(
                            id.clone(),
                            (!d.is_empty()).then_some(d),
                            precision,
                        ));
                    }
                });
                if let Some(p) = combo(
                    ui,
                    ("precision", &id),
                    "Precision",
                    &e.when.precision,
                    &PRECISIONS,
                ) {
                    edit(Edit::EventDate(id.clone(), e.when.date.clone(), p));
                }
            });
            ui.end_row();
            ui.label("Place");
            let place_name = e
                .place
                .as_deref()
                .and_then(|p| doc.entity(p))
                .map_or("(none)".to_owned(), |x| {
                    x.latin.clone().unwrap_or_else(|| x.id.clone())
                });
            let r = ComboBox::from_id_salt(("place", &id))
                .selected_text(place_name)
                .show_ui(ui, |ui| {
                    if ui.selectable_label(e.place.is_none(), "(none)").clicked() {
                        edit(Edit::EventPlace(id.clone(), None));
                    }
                    for x in &doc.entities {
                        if crate::text::egui_text::selectable(
                            ui,
                            e.place.as_deref() == Some(&x.id),
                            &format!("{} · {}", x.name, x.kind),
                        )
                        .clicked()
                        {
                            edit(Edit::EventPlace(id.clone(), Some(x.id.clone())));
                        }
                    }
                });
            named(&r.response, "Place");
            ui.end_row();
        });
    ui.label(RichText::new("Participants").strong());
    for p in &e.participants {
        ui.horizontal(|ui| {
            if let Some(r) = combo(ui, ("role", &id, &p.entity), "Role", &p.role, &ROLES) {
                edit(Edit::SetParticipant(id.clone(), p.entity.clone(), r));
            }
            let name = doc
                .entity(&p.entity)
                .map_or(p.entity.clone(), |x| x.name.clone());
            crate::text::label(
                ui,
                &name,
                &crate::fonts::ui(13.0),
                ui.visuals().text_color(),
            );
            if ui
                .small_button("Remove")
                .on_hover_text("Remove this participant")
                .clicked()
            {
                edit(Edit::RemoveParticipant(id.clone(), p.entity.clone()));
            }
        });
    }
    let r = ComboBox::from_id_salt(("add-participant", &id))
        .selected_text("Add a participant…")
        .show_ui(ui, |ui| {
            for x in &doc.entities {
                if !e.participants.iter().any(|p| p.entity == x.id)
                    && crate::text::egui_text::selectable(
                        ui,
                        false,
                        &format!("{} · {}", x.name, x.kind),
                    )
                    .clicked()
                {
                    edit(Edit::SetParticipant(
                        id.clone(),
                        x.id.clone(),
                        "participant".into(),
                    ));
                }
            }
        });
    named(&r.response, "Add a participant");
    // Topics are shown through the bidi layer (egui's text fields have no bidi); a field adds one.
    ui.label(RichText::new("Topics").strong());
    for (n, t) in e.topics.iter().enumerate() {
        ui.horizontal(|ui| {
            if ui.small_button("Remove").clicked() {
                let mut rest = e.topics.clone();
                rest.remove(n);
                edit(Edit::EventTopics(id.clone(), rest));
            }
            crate::text::label(ui, t, &crate::fonts::ui(13.0), ui.visuals().text_color());
        });
    }
    if let Some(t) = text_field(
        ui,
        egui::Id::unique(("topic-add", &id)),
        "",
        false,
        "add a topic",
    ) && !t.trim().is_empty()
    {
        let mut all = e.topics.clone();
        all.push(t.trim().to_owned());
        edit(Edit::EventTopics(id.clone(), all));
    }
    if ui.button("Delete this event").clicked() {
        edit(Edit::DeleteEvent(id.clone()));
    }
}

/// The editing form of entity `k`.
pub fn entity_editor(ui: &mut egui::Ui, vs: &ViewState<'_>, k: usize, action: &mut Option<Action>) {
    let doc = vs.doc;
    let e = &doc.entities[k];
    let id = e.id.clone();
    let mut edit = |x: Edit| *action = Some(Action::Edit(x));
    egui::Grid::new(("entity-editor", &id))
        .num_columns(2)
        .show(ui, |ui| {
            ui.label("Name");
            if let Some(n) = text_field(
                ui,
                egui::Id::unique(("name", &id)),
                &e.name,
                false,
                "as the article writes it",
            ) {
                edit(Edit::EntityName(id.clone(), n));
            }
            ui.end_row();
            ui.label("Latin");
            if let Some(n) = text_field(
                ui,
                egui::Id::unique(("latin", &id)),
                e.latin.as_deref().unwrap_or(""),
                false,
                "Latin-script name",
            ) {
                edit(Edit::EntityLatin(
                    id.clone(),
                    (!n.trim().is_empty()).then(|| n.trim().to_owned()),
                ));
            }
            ui.end_row();
            ui.label("Kind");
            if let Some(x) = combo(ui, ("ekind", &id), "Kind", &e.kind, &ENTITY_KINDS) {
                edit(Edit::EntityKind(id.clone(), x));
            }
            ui.end_row();
            ui.label("Country");
            if let Some(c) = text_field(
                ui,
                egui::Id::unique(("country", &id)),
                e.country.as_deref().unwrap_or(""),
                false,
                "LY, FR …",
            ) {
                let c = c.trim().to_uppercase();
                edit(Edit::EntityCountry(
                    id.clone(),
                    (!c.is_empty()).then_some(c),
                ));
            }
            ui.end_row();
            ui.label("Roles");
            ui.vertical(|ui| {
                for (n, r) in e.roles.iter().enumerate() {
                    ui.horizontal(|ui| {
                        if ui.small_button("Remove").clicked() {
                            let mut rest = e.roles.clone();
                            rest.remove(n);
                            edit(Edit::EntityRoles(id.clone(), rest));
                        }
                        crate::text::label(
                            ui,
                            r,
                            &crate::fonts::ui(13.0),
                            ui.visuals().text_color(),
                        );
                    });
                }
                if let Some(r) = text_field(
                    ui,
                    egui::Id::unique(("role-add", &id)),
                    "",
                    false,
                    "add a title or office",
                ) && !r.trim().is_empty()
                {
                    let mut all = e.roles.clone();
                    all.push(r.trim().to_owned());
                    edit(Edit::EntityRoles(id.clone(), all));
                }
            });
            ui.end_row();
        });
    let r = ComboBox::from_id_salt(("merge", &id))
        .selected_text("Merge another actor into this one…")
        .show_ui(ui, |ui| {
            for x in &doc.entities {
                if x.id != id
                    && crate::text::egui_text::selectable(
                        ui,
                        false,
                        &format!("{} · {}", x.name, x.kind),
                    )
                    .clicked()
                {
                    edit(Edit::Merge(id.clone(), x.id.clone()));
                }
            }
        });
    named(&r.response, "Merge another actor into this one");
    if e.mentions.len() > 1 {
        ui.label(RichText::new("Mentions").strong());
        for m in e.mentions.iter().take(30) {
            ui.horizontal(|ui| {
                let q = doc.quote(*m).unwrap_or_default();
                crate::text::label(ui, &q, &crate::fonts::ui(13.0), ui.visuals().text_color());
                if ui
                    .small_button("Split off")
                    .on_hover_text("Make this mention a new actor")
                    .clicked()
                {
                    edit(Edit::SplitMention(id.clone(), *m));
                }
            });
        }
    }
}

/// Items of the article's context menu for a text selection.
pub fn selection_menu(
    ui: &mut egui::Ui,
    vs: &ViewState<'_>,
    span: Span,
    action: &mut Option<Action>,
) {
    use crate::selection::Selection;
    match vs.selection {
        Selection::Entity(k) => {
            if ui
                .button(format!("Add as a mention of {}", vs.doc.entities[k].name))
                .clicked()
            {
                *action = Some(Action::Edit(Edit::AddMention(
                    vs.doc.entities[k].id.clone(),
                    span,
                )));
            }
        }
        Selection::Event(i) => {
            if ui
                .button(format!(
                    "Add as evidence of event {}",
                    vs.doc.events[i].order
                ))
                .clicked()
            {
                *action = Some(Action::Edit(Edit::AddEvidence(
                    vs.doc.events[i].id.clone(),
                    span,
                )));
            }
        }
        Selection::None => {}
    }
    ui.menu_button("New actor from the selection", |ui| {
        for k in ENTITY_KINDS {
            if ui.button(k).clicked() {
                *action = Some(Action::Edit(Edit::NewEntity(k.into(), span)));
            }
        }
    });
    ui.menu_button("New event from the selection", |ui| {
        for k in EVENT_KINDS {
            if ui.button(k).clicked() {
                *action = Some(Action::Edit(Edit::NewEvent(k.into(), span)));
            }
        }
    });
}
