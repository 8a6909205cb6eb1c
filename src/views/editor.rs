//! Editing forms shown in the inspector: every change becomes an undoable [`Edit`].

use egui::ComboBox;

use super::tr::{self, t, tf, ts};
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
/// Options are data values shown by their names `{terms}-{value}` in the translation files.
fn combo(
    ui: &mut egui::Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    name: &str,
    terms: &str,
    current: &str,
    options: &[&str],
) -> Option<String> {
    let mut out = None;
    let locale = tr::locale(ui.ctx());
    let r = ComboBox::from_id_salt(id)
        .selected_text(tr::text(ui, &locale.term(terms, current)))
        .show_ui(ui, |ui| {
            for o in options {
                let label = tr::text(ui, &locale.term(terms, o));
                if ui.selectable_label(*o == current, label).clicked() && *o != current {
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

/// One row of a form: its label at the reading side (the right in Arabic), then its field.
fn form_row<R>(ui: &mut egui::Ui, label: &str, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let label = tr::text(ui, label);
    let out = if tr::rtl(ui) {
        let out = add(ui);
        ui.label(label);
        out
    } else {
        ui.label(label);
        add(ui)
    };
    ui.end_row();
    out
}

/// The editing form of event `i`.
pub fn event_editor(ui: &mut egui::Ui, vs: &ViewState<'_>, i: usize, action: &mut Option<Action>) {
    let doc = vs.doc;
    let e = &doc.events[i];
    let id = e.id.clone();
    let mut edit = |x: Edit| *action = Some(Action::Edit(x));
    let locale = tr::locale(ui.ctx());
    egui::Grid::new(("event-editor", &id))
        .num_columns(2)
        .striped(false)
        .show(ui, |ui| {
            let name = ts(ui, "field-kind");
            form_row(ui, &name, |ui| {
                if let Some(k) = combo(ui, ("kind", &id), &name, "kind", &e.kind, &EVENT_KINDS) {
                    edit(Edit::EventKind(id.clone(), k));
                }
            });
            let name = ts(ui, "field-status");
            form_row(ui, &name, |ui| {
                let status = combo(ui, ("status", &id), &name, "status", &e.status, &STATUSES);
                if let Some(s) = status {
                    edit(Edit::EventStatus(id.clone(), s));
                }
            });
            form_row(ui, &ts(ui, "field-summary"), |ui| {
                let hint = ts(ui, "hint-summary");
                let key = egui::Id::unique(("summary", &id));
                if let Some(s) = text_field(ui, key, &e.summary, false, &hint) {
                    edit(Edit::EventSummary(id.clone(), s));
                }
            });
            form_row(ui, &ts(ui, "field-date"), |ui| {
                tr::row(ui, |ui| {
                    let cur = e.when.date.clone().unwrap_or_default();
                    ui.scope(|ui| {
                        ui.set_max_width(110.0);
                        let hint = ts(ui, "hint-date");
                        let key = egui::Id::unique(("date", &id));
                        if let Some(d) = text_field(ui, key, &cur, false, &hint) {
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
                        &ts(ui, "field-precision"),
                        "precision",
                        &e.when.precision,
                        &PRECISIONS,
                    ) {
                        edit(Edit::EventDate(id.clone(), e.when.date.clone(), p));
                    }
                });
            });
            let name = ts(ui, "field-place");
            form_row(ui, &name, |ui| {
                let none = ts(ui, "none");
                let place_name = e
                    .place
                    .as_deref()
                    .and_then(|p| doc.entity(p))
                    .map_or(none.clone(), |x| x.name.clone());
                let r = ComboBox::from_id_salt(("place", &id))
                    .selected_text(tr::text(ui, &place_name))
                    .show_ui(ui, |ui| {
                        if ui
                            .selectable_label(e.place.is_none(), tr::text(ui, &none))
                            .clicked()
                        {
                            edit(Edit::EventPlace(id.clone(), None));
                        }
                        for x in &doc.entities {
                            let line = format!("{} · {}", x.name, locale.term("entity", &x.kind));
                            if crate::text::egui_text::selectable(
                                ui,
                                e.place.as_deref() == Some(&x.id),
                                &line,
                            )
                            .clicked()
                            {
                                edit(Edit::EventPlace(id.clone(), Some(x.id.clone())));
                            }
                        }
                    });
                named(&r.response, &name);
            });
        });
    ui.label(t(ui, "field-participants"));
    for p in &e.participants {
        tr::row(ui, |ui| {
            let role = ts(ui, "field-role");
            if let Some(r) = combo(ui, ("role", &id, &p.entity), &role, "role", &p.role, &ROLES) {
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
                .small_button(t(ui, "remove"))
                .on_hover_text(t(ui, "remove-participant-tip"))
                .clicked()
            {
                edit(Edit::RemoveParticipant(id.clone(), p.entity.clone()));
            }
        });
    }
    let r = ComboBox::from_id_salt(("add-participant", &id))
        .selected_text(t(ui, "add-participant"))
        .show_ui(ui, |ui| {
            for x in &doc.entities {
                if !e.participants.iter().any(|p| p.entity == x.id)
                    && crate::text::egui_text::selectable(
                        ui,
                        false,
                        &format!("{} · {}", x.name, locale.term("entity", &x.kind)),
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
    named(&r.response, &ts(ui, "add-participant"));
    ui.label(t(ui, "field-topics"));
    for (n, topic) in e.topics.iter().enumerate() {
        tr::row(ui, |ui| {
            if ui.small_button(t(ui, "remove")).clicked() {
                let mut rest = e.topics.clone();
                rest.remove(n);
                edit(Edit::EventTopics(id.clone(), rest));
            }
            let color = ui.visuals().text_color();
            crate::text::label(ui, topic, &crate::fonts::ui(13.0), color);
        });
    }
    let hint = ts(ui, "hint-topic");
    if let Some(topic) = text_field(ui, egui::Id::unique(("topic-add", &id)), "", false, &hint)
        && !topic.trim().is_empty()
    {
        let mut all = e.topics.clone();
        all.push(topic.trim().to_owned());
        edit(Edit::EventTopics(id.clone(), all));
    }
    if ui.button(t(ui, "delete-event")).clicked() {
        edit(Edit::DeleteEvent(id.clone()));
    }
}

/// The editing form of entity `k`.
pub fn entity_editor(ui: &mut egui::Ui, vs: &ViewState<'_>, k: usize, action: &mut Option<Action>) {
    let doc = vs.doc;
    let e = &doc.entities[k];
    let id = e.id.clone();
    let mut edit = |x: Edit| *action = Some(Action::Edit(x));
    let locale = tr::locale(ui.ctx());
    egui::Grid::new(("entity-editor", &id))
        .num_columns(2)
        .show(ui, |ui| {
            form_row(ui, &ts(ui, "field-name"), |ui| {
                let hint = ts(ui, "hint-name");
                if let Some(n) =
                    text_field(ui, egui::Id::unique(("name", &id)), &e.name, false, &hint)
                {
                    edit(Edit::EntityName(id.clone(), n));
                }
            });
            form_row(ui, &ts(ui, "field-latin"), |ui| {
                let hint = ts(ui, "hint-latin");
                let current = e.latin.as_deref().unwrap_or("");
                if let Some(n) =
                    text_field(ui, egui::Id::unique(("latin", &id)), current, false, &hint)
                {
                    edit(Edit::EntityLatin(
                        id.clone(),
                        (!n.trim().is_empty()).then(|| n.trim().to_owned()),
                    ));
                }
            });
            let name = ts(ui, "field-kind");
            form_row(ui, &name, |ui| {
                let kind = combo(ui, ("ekind", &id), &name, "entity", &e.kind, &ENTITY_KINDS);
                if let Some(x) = kind {
                    edit(Edit::EntityKind(id.clone(), x));
                }
            });
            form_row(ui, &ts(ui, "field-country"), |ui| {
                let hint = ts(ui, "hint-country");
                let current = e.country.as_deref().unwrap_or("");
                let key = egui::Id::unique(("country", &id));
                if let Some(c) = text_field(ui, key, current, false, &hint) {
                    let c = c.trim().to_uppercase();
                    edit(Edit::EntityCountry(
                        id.clone(),
                        (!c.is_empty()).then_some(c),
                    ));
                }
            });
            form_row(ui, &ts(ui, "field-roles"), |ui| {
                tr::column(ui, |ui| {
                    for (n, r) in e.roles.iter().enumerate() {
                        tr::row(ui, |ui| {
                            if ui.small_button(t(ui, "remove")).clicked() {
                                let mut rest = e.roles.clone();
                                rest.remove(n);
                                edit(Edit::EntityRoles(id.clone(), rest));
                            }
                            let color = ui.visuals().text_color();
                            crate::text::label(ui, r, &crate::fonts::ui(13.0), color);
                        });
                    }
                    let hint = ts(ui, "hint-role");
                    let key = egui::Id::unique(("role-add", &id));
                    if let Some(r) = text_field(ui, key, "", false, &hint)
                        && !r.trim().is_empty()
                    {
                        let mut all = e.roles.clone();
                        all.push(r.trim().to_owned());
                        edit(Edit::EntityRoles(id.clone(), all));
                    }
                });
            });
        });
    let r = ComboBox::from_id_salt(("merge", &id))
        .selected_text(t(ui, "merge"))
        .show_ui(ui, |ui| {
            for x in &doc.entities {
                if x.id != id
                    && crate::text::egui_text::selectable(
                        ui,
                        false,
                        &format!("{} · {}", x.name, locale.term("entity", &x.kind)),
                    )
                    .clicked()
                {
                    edit(Edit::Merge(id.clone(), x.id.clone()));
                }
            }
        });
    named(&r.response, &ts(ui, "merge"));
    if e.mentions.len() > 1 {
        ui.label(t(ui, "field-mentions"));
        for m in e.mentions.iter().take(30) {
            tr::row(ui, |ui| {
                let q = doc.quote(*m).unwrap_or_default();
                crate::text::label(ui, &q, &crate::fonts::ui(13.0), ui.visuals().text_color());
                if ui
                    .small_button(t(ui, "split-off"))
                    .on_hover_text(t(ui, "split-off-tip"))
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
                .button(tf(
                    ui,
                    "add-mention-of",
                    &[("name", vs.doc.entities[k].name.as_str().into())],
                ))
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
                .button(tf(
                    ui,
                    "add-evidence-of",
                    &[("n", vs.doc.events[i].order.into())],
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
    let locale = vs.locale();
    ui.menu_button(t(ui, "new-actor"), |ui| {
        for k in ENTITY_KINDS {
            if ui.button(tr::text(ui, &locale.term("entity", k))).clicked() {
                *action = Some(Action::Edit(Edit::NewEntity(k.into(), span)));
            }
        }
    });
    ui.menu_button(t(ui, "new-event"), |ui| {
        for k in EVENT_KINDS {
            if ui.button(tr::text(ui, &locale.term("kind", k))).clicked() {
                *action = Some(Action::Edit(Edit::NewEvent(k.into(), span)));
            }
        }
    });
}
