//! The menu bar, built from the command table (labels, shortcuts, enabled state) and the view
//! options.

use super::{Command, Menu, WaqaiApp};
use crate::selection::Selection;
use crate::views::tr::{self, t, text};

impl WaqaiApp {
    /// The commands of one menu as buttons with their shortcuts and descriptions.
    fn commands(&mut self, ui: &mut egui::Ui, menu: Menu) {
        for c in Command::ALL.into_iter().filter(|c| c.menu() == menu) {
            let locale = tr::locale(ui.ctx());
            let mut button = egui::Button::new(text(ui, &c.label(locale)));
            if let Some(s) = c.shortcuts().first() {
                let keys = ui.ctx().format_shortcut(s);
                button = if tr::rtl(ui) {
                    // Mirrored: the keys at the far (left) end.
                    button.left_text(egui::RichText::new(keys).weak())
                } else {
                    button.shortcut_text(keys)
                };
            }
            let r = ui
                .add_enabled(self.enabled(c), button)
                .on_hover_text(text(ui, &c.description(locale)));
            if r.clicked() {
                let ctx = ui.ctx().clone();
                self.run(&ctx, c);
            }
        }
    }

    pub(super) fn menu(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| tr::row(ui, |ui| self.menu_items(ui)));
    }

    fn menu_items(&mut self, ui: &mut egui::Ui) {
        {
            ui.menu_button(t(ui, "menu-file"), |ui| {
                tr::menu(ui, |ui| {
                    self.commands(ui, Menu::File);
                    let recent = self.settings.recent.clone();
                    ui.add_enabled_ui(!recent.is_empty(), |ui| {
                        ui.menu_button(t(ui, "menu-open-recent"), |ui| {
                            for p in recent {
                                if ui.button(p.display().to_string()).clicked() {
                                    self.request_open(&p);
                                }
                            }
                        });
                    });
                })
            });
            ui.menu_button(t(ui, "menu-edit"), |ui| {
                tr::menu(ui, |ui| self.commands(ui, Menu::Edit))
            });
            ui.menu_button(t(ui, "menu-view"), |ui| {
                tr::menu(ui, |ui| {
                    self.commands(ui, Menu::View);
                    ui.separator();
                    ui.checkbox(
                        &mut self.panels.timeline.by_kind,
                        t(ui, "view-lanes-by-kind"),
                    );
                    if ui
                        .checkbox(&mut self.settings.show_places, t(ui, "view-show-places"))
                        .changed()
                    {
                        self.sync_options();
                    }
                    ui.separator();
                    ui.label(t(ui, "view-time-axis"));
                    for (cal, name) in crate::views::timeline::AxisCalendar::ALL {
                        if ui
                            .radio(self.settings.calendar == cal, t(ui, name))
                            .on_hover_text(t(ui, "view-calendar-tip"))
                            .clicked()
                        {
                            self.settings.calendar = cal;
                            self.panels.timeline.calendar = cal;
                        }
                    }
                    ui.separator();
                    ui.label(t(ui, "view-language"));
                    let current = self
                        .settings
                        .language
                        .unwrap_or_else(crate::i18n::Language::of_system);
                    for (lang, name) in crate::i18n::Language::ALL {
                        if ui
                            .radio(current == lang, text(ui, name))
                            .on_hover_text(t(ui, "view-language-tip"))
                            .clicked()
                        {
                            self.settings.language = Some(lang);
                        }
                    }
                    ui.separator();
                    ui.label(t(ui, "view-digits"));
                    for (digits, label) in crate::i18n::Digits::ALL {
                        if ui
                            .radio(self.settings.digits == digits, t(ui, label))
                            .on_hover_text(t(ui, "view-digits-tip"))
                            .clicked()
                        {
                            self.settings.digits = digits;
                        }
                    }
                    ui.separator();
                    ui.label(t(ui, "view-names"));
                    for (names, label) in crate::i18n::Names::ALL {
                        if ui
                            .radio(self.settings.names == names, t(ui, label))
                            .on_hover_text(t(ui, "view-names-tip"))
                            .clicked()
                        {
                            self.settings.names = names;
                        }
                    }
                    ui.separator();
                    let s = &mut self.settings;
                    for (hidden, name) in [
                        (&mut s.hide_timeline, "panel-timeline"),
                        (&mut s.hide_relations, "panel-relations"),
                        (&mut s.hide_article, "panel-article"),
                    ] {
                        let mut show = !*hidden;
                        ui.checkbox(&mut show, t(ui, name));
                        *hidden = !show;
                    }
                    ui.separator();
                    theme_buttons(ui);
                })
            });
            ui.menu_button(t(ui, "menu-help"), |ui| {
                tr::menu(ui, |ui| self.commands(ui, Menu::Help))
            });
            let far_end = if tr::rtl(ui) {
                egui::Layout::left_to_right(egui::Align::Center)
            } else {
                egui::Layout::right_to_left(egui::Align::Center)
            };
            ui.with_layout(far_end, |ui| {
                let problems = self.session.problems().len();
                if problems > 0 {
                    let warn = ui.visuals().warn_fg_color;
                    let note = tr::tsf(ui, "problems-count", &[("n", problems.into())]);
                    let r = tr::colored(ui, warn, &note).on_hover_text(t(ui, "problems-count-tip"));
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
        }
    }
}

/// System, dark or light, in words: egui's own buttons are emoji, which the bundled fonts lack.
fn theme_buttons(ui: &mut egui::Ui) {
    use egui::ThemePreference as T;
    let mut pref = ui.ctx().options(|o| o.theme_preference);
    let before = pref;
    tr::row(ui, |ui| {
        ui.label(t(ui, "theme"));
        ui.selectable_value(&mut pref, T::System, t(ui, "theme-system"))
            .on_hover_text(t(ui, "theme-system-tip"));
        ui.selectable_value(&mut pref, T::Dark, t(ui, "theme-dark"));
        ui.selectable_value(&mut pref, T::Light, t(ui, "theme-light"));
    });
    if pref != before {
        ui.ctx().set_theme(pref);
    }
}
