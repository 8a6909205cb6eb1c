//! The menu bar, built from the command table (labels, shortcuts, enabled state) and the view
//! options.

use super::{Command, Menu, WaqaiApp};
use crate::selection::Selection;

impl WaqaiApp {
    /// The commands of one menu as buttons with their shortcuts and descriptions.
    fn commands(&mut self, ui: &mut egui::Ui, menu: Menu) {
        for c in Command::ALL.into_iter().filter(|c| c.menu() == menu) {
            let mut button = egui::Button::new(c.label());
            if let Some(s) = c.shortcuts().first() {
                button = button.shortcut_text(ui.ctx().format_shortcut(s));
            }
            let r = ui
                .add_enabled(self.enabled(c), button)
                .on_hover_text(c.description());
            if r.clicked() {
                let ctx = ui.ctx().clone();
                self.run(&ctx, c);
            }
        }
    }

    pub(super) fn menu(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                self.commands(ui, Menu::File);
                let recent = self.settings.recent.clone();
                ui.add_enabled_ui(!recent.is_empty(), |ui| {
                    ui.menu_button("Open recent", |ui| {
                        for p in recent {
                            if ui.button(p.display().to_string()).clicked() {
                                self.request_open(&p);
                            }
                        }
                    });
                });
            });
            ui.menu_button("Edit", |ui| self.commands(ui, Menu::Edit));
            ui.menu_button("View", |ui| {
                self.commands(ui, Menu::View);
                ui.separator();
                ui.checkbox(
                    &mut self.panels.timeline.by_kind,
                    "Timeline lanes by event kind",
                );
                if ui
                    .checkbox(
                        &mut self.settings.show_places,
                        "Places in the relationship panel",
                    )
                    .changed()
                {
                    self.sync_options();
                }
                ui.separator();
                ui.label("Time axis");
                for (cal, name) in crate::views::timeline::AxisCalendar::ALL {
                    if ui
                        .radio(self.settings.calendar == cal, name)
                        .on_hover_text("Hijri dates by the Umm al-Qura calendar")
                        .clicked()
                    {
                        self.settings.calendar = cal;
                        self.panels.timeline.calendar = cal;
                    }
                }
                ui.separator();
                ui.label("Language");
                let current = self
                    .settings
                    .language
                    .unwrap_or_else(crate::i18n::Language::of_system);
                for (lang, name) in crate::i18n::Language::ALL {
                    if ui
                        .radio(current == lang, name)
                        .on_hover_text("Language of the dates Waqai writes on the time axis")
                        .clicked()
                    {
                        self.settings.language = Some(lang);
                    }
                }
                ui.separator();
                ui.label("Digits");
                for (digits, label) in crate::i18n::Digits::ALL {
                    if ui
                        .radio(self.settings.digits == digits, label)
                        .on_hover_text(
                            "Digits of the numbers Waqai writes (axis, counts); the \
                             article's own are never changed",
                        )
                        .clicked()
                    {
                        self.settings.digits = digits;
                    }
                }
                ui.separator();
                ui.label("Names");
                for (names, label) in crate::i18n::Names::ALL {
                    if ui
                        .radio(self.settings.names == names, label)
                        .on_hover_text(
                            "How actors are named in the timeline's lanes, the graph and \
                             pictures; Latin forms come from the name lists or, marked \
                             automatic, by rule",
                        )
                        .clicked()
                    {
                        self.settings.names = names;
                    }
                }
                ui.separator();
                let s = &mut self.settings;
                for (hidden, name) in [
                    (&mut s.hide_timeline, "Timeline"),
                    (&mut s.hide_relations, "Relationships"),
                    (&mut s.hide_article, "Article"),
                ] {
                    let mut show = !*hidden;
                    ui.checkbox(&mut show, name);
                    *hidden = !show;
                }
                ui.separator();
                theme_buttons(ui);
            });
            ui.menu_button("Help", |ui| self.commands(ui, Menu::Help));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let problems = self.session.problems().len();
                if problems > 0 {
                    let r = ui
                        .colored_label(ui.visuals().warn_fg_color, format!("problems ({problems})"))
                        .on_hover_text("Listed in the inspector when nothing is selected");
                    if r.interact(egui::Sense::click()).clicked() {
                        self.select(Selection::None);
                    }
                }
                let title = self.session.doc().article.title.clone();
                let font = crate::fonts::ui(13.0);
                let col = ui.visuals().strong_text_color();
                ui.scope(|ui| {
                    ui.set_max_width(ui.available_width() * 0.8);
                    crate::text::label(ui, &title, &font, col);
                });
            });
        });
    }
}

/// System, dark or light, in words: egui's own buttons are emoji, which the bundled fonts lack.
fn theme_buttons(ui: &mut egui::Ui) {
    use egui::ThemePreference as T;
    let mut pref = ui.ctx().options(|o| o.theme_preference);
    let before = pref;
    ui.horizontal(|ui| {
        ui.label("Theme:");
        ui.selectable_value(&mut pref, T::System, "System")
            .on_hover_text("Follow the system's light or dark preference");
        ui.selectable_value(&mut pref, T::Dark, "Dark");
        ui.selectable_value(&mut pref, T::Light, "Light");
    });
    if pref != before {
        ui.ctx().set_theme(pref);
    }
}
