//! The window's dialogs: the export dialog (and the export running in the background), the
//! question about unsaved changes, the list of keyboard shortcuts.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};

use super::{Command, Pending, WaqaiApp, recovery_path};
use crate::export::data::DataFormat;
use crate::export::{ExportOptions, Format, View};
use crate::views::tr::{self, t, text, tf, ts};

/// The state of the export dialog and of a running export.
pub struct ExportDialog {
    /// Dialog shown.
    pub open: bool,
    /// What to export.
    pub opts: ExportOptions,
    /// Export data in this format instead of a picture.
    pub data: Option<DataFormat>,
    /// A running export reports here.
    pub running: Option<Receiver<Result<PathBuf, String>>>,
    /// The last export's outcome.
    pub message: Option<String>,
}

impl Default for ExportDialog {
    fn default() -> Self {
        Self {
            open: false,
            opts: ExportOptions::new(View::Timeline),
            data: None,
            running: None,
            message: None,
        }
    }
}

impl ExportDialog {
    /// Opens the dialog on a view, keeping the format, scale and theme chosen before.
    pub fn show_for(&mut self, view: View) {
        self.open = true;
        self.opts = ExportOptions {
            format: self.opts.format,
            scale: self.opts.scale,
            dark: self.opts.dark,
            ..ExportOptions::new(view)
        };
    }

    /// The export's progress or outcome in the status bar.
    pub fn status(&self, ui: &mut egui::Ui) {
        if self.running.is_some() {
            ui.separator();
            ui.spinner();
            let what = match self.data {
                Some(d) => ts(ui, d.label_id()),
                None => tr::locale(ui.ctx()).term("view", self.opts.view.name()),
            };
            ui.label(tf(ui, "export-running", &[("what", what.into())]));
        } else if let Some(m) = &self.message {
            ui.separator();
            ui.label(m);
        }
    }

    fn form(&mut self, ui: &mut egui::Ui) -> bool {
        tr::row(ui, |ui| {
            if ui
                .selectable_label(self.data.is_none(), t(ui, "export-picture"))
                .on_hover_text(t(ui, "export-picture-tip"))
                .clicked()
            {
                self.data = None;
            }
            if ui
                .selectable_label(self.data.is_some(), t(ui, "export-data"))
                .on_hover_text(t(ui, "export-data-tip"))
                .clicked()
                && self.data.is_none()
            {
                self.data = Some(DataFormat::Gexf);
            }
        });
        ui.separator();
        if let Some(current) = self.data {
            for f in DataFormat::ALL {
                if ui
                    .radio(current == f, t(ui, f.label_id()))
                    .on_hover_text(format!("*.{}", f.extension()))
                    .clicked()
                {
                    self.data = Some(f);
                }
            }
            ui.separator();
            let mut go = false;
            ui.add_enabled_ui(self.running.is_none(), |ui| {
                if ui.button(t(ui, "cmd-export")).clicked() {
                    go = true;
                }
            });
            return go;
        }
        let o = &mut self.opts;
        egui::Grid::new("export-grid")
            .num_columns(2)
            .show(ui, |ui| {
                ui.label(t(ui, "export-view"));
                tr::row(ui, |ui| {
                    for v in View::ALL {
                        let name = tr::locale(ui.ctx()).term("view", v.name());
                        if ui.selectable_label(o.view == v, text(ui, &name)).clicked() {
                            *o = ExportOptions {
                                format: o.format,
                                scale: o.scale,
                                dark: o.dark,
                                ..ExportOptions::new(v)
                            };
                        }
                    }
                });
                ui.end_row();
                ui.label(t(ui, "export-format"));
                tr::row(ui, |ui| {
                    ui.selectable_value(&mut o.format, Format::Png, "PNG");
                    ui.selectable_value(&mut o.format, Format::Svg, "SVG");
                });
                ui.end_row();
                ui.label(t(ui, "export-scale"));
                tr::row(ui, |ui| {
                    for s in [1.0, 2.0, 4.0] {
                        ui.selectable_value(
                            &mut o.scale,
                            s,
                            tf(ui, "export-times", &[("n", s.into())]),
                        );
                    }
                });
                ui.end_row();
                ui.label(t(ui, "export-theme"));
                tr::row(ui, |ui| {
                    ui.selectable_value(&mut o.dark, false, t(ui, "theme-light"));
                    ui.selectable_value(&mut o.dark, true, t(ui, "theme-dark"));
                });
                ui.end_row();
                ui.label(t(ui, "export-size"));
                tr::row(ui, |ui| {
                    let pt = format!(" {}", ts(ui, "unit-pt"));
                    ui.add(
                        egui::DragValue::new(&mut o.width)
                            .range(200.0..=8000.0)
                            .suffix(pt.clone()),
                    );
                    ui.label("×");
                    ui.add(
                        egui::DragValue::new(&mut o.height)
                            .range(200.0..=8000.0)
                            .suffix(pt),
                    );
                });
                ui.end_row();
            });
        let (w, h) = o.pixel_size();
        ui.label(tf(ui, "export-pixels", &[("w", w.into()), ("h", h.into())]));
        let mut go = false;
        ui.add_enabled_ui(self.running.is_none(), |ui| {
            if ui.button(t(ui, "cmd-export")).clicked() {
                go = true;
            }
        });
        go
    }
}

impl WaqaiApp {
    /// The export dialog (Esc closes it: see `escape`) and the outcome of a running export.
    pub(super) fn export_window(&mut self, ctx: &egui::Context) {
        if let Some(rx) = &self.export.running {
            match rx.try_recv() {
                Ok(Ok(p)) => {
                    self.export.running = None;
                    self.export.message = Some(
                        self.locale()
                            .f("export-done", &[("path", p.display().to_string().into())]),
                    );
                }
                Ok(Err(e)) => {
                    self.export.running = None;
                    self.banner = Some(self.locale().f("error-export", &[("why", e.into())]));
                }
                Err(TryRecvError::Empty) => ctx.request_repaint(),
                Err(TryRecvError::Disconnected) => {
                    self.export.running = None;
                    self.banner = Some(self.locale().t("error-export-stopped"));
                }
            }
        }
        if !self.export.open {
            return;
        }
        let mut open = true;
        let mut go = false;
        egui::Window::new(tr::title(ctx, "export-title"))
            .id(egui::Id::unique("export-window"))
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                go = self.export.form(ui);
                open &= !close_button(ui);
            });
        self.export.open = open;
        if go {
            self.start_export(ctx);
        }
    }

    fn start_export(&mut self, ctx: &egui::Context) {
        let name = match self.export.data {
            Some(f) => format!("waqai.{}", f.extension()),
            None => {
                let ext = match self.export.opts.format {
                    Format::Png => "png",
                    Format::Svg => "svg",
                };
                format!("waqai-{}.{ext}", self.export.opts.view.name())
            }
        };
        let Some(path) = self.picker.save(&name) else {
            return;
        };
        let (tx, rx) = std::sync::mpsc::channel();
        let doc = self.session.doc().clone();
        let ctx = ctx.clone();
        let job: Box<dyn FnOnce() -> Result<(), crate::model::LoadError> + Send> = match self
            .export
            .data
        {
            Some(format) => {
                let places = self.settings.show_places;
                let pos = self.panels.relations.pos.clone();
                let path = path.clone();
                Box::new(move || {
                    crate::export::data::export_data_to(&doc, format, places, Some(&pos), &path)
                })
            }
            None => {
                // The picture shows what the window shows: filters, selection, time range.
                let mut opts = self.export.opts.clone();
                opts.lanes_by_kind = self.panels.timeline.by_kind;
                opts.show_places = self.settings.show_places;
                opts.selection = self.session.item().clone();
                opts.timeline_window = self.panels.timeline.x_window;
                opts.calendar = self.panels.timeline.calendar;
                opts.names = self.settings.names;
                opts.digits = self.settings.digits;
                opts.language = self
                    .settings
                    .language
                    .unwrap_or_else(crate::i18n::Language::of_system);
                let input = self.session.path().map(Path::to_owned);
                let unsaved = self.session.is_dirty();
                let path = path.clone();
                Box::new(move || {
                    let bytes = input.as_deref().and_then(|p| std::fs::read(p).ok());
                    let input = input.as_deref().zip(bytes.as_deref());
                    crate::export::sidecar::export_with_sidecar(&doc, &opts, &path, input, unsaved)
                })
            }
        };
        std::thread::spawn(move || {
            let r = job().map(|()| path).map_err(|e| e.to_string());
            let _ = tx.send(r);
            ctx.request_repaint();
        });
        self.export.running = Some(rx);
        self.export.message = None;
        self.export.open = false;
    }

    /// The question about unsaved changes.
    pub(super) fn confirm_window(&mut self, ctx: &egui::Context) {
        let Some(pending) = self.confirm.clone() else {
            return;
        };
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("unsaved-changes")).show(ctx, |ui| {
            ui.label(tr::title(ui.ctx(), "unsaved-title"));
            ui.label(t(ui, "unsaved-text"));
            tr::row(ui, |ui| {
                if ui.button(t(ui, "cmd-save")).clicked() {
                    choice = Some(0);
                }
                if ui.button(t(ui, "unsaved-discard")).clicked() {
                    choice = Some(1);
                }
                if ui.button(t(ui, "cancel")).clicked() {
                    choice = Some(2);
                }
            });
        });
        match choice {
            Some(0) => {
                self.save(false);
                if !self.session.is_dirty() {
                    self.confirm = None;
                    self.proceed(ctx, pending);
                }
            }
            Some(1) => {
                self.confirm = None;
                self.session.forget_changes();
                let doc = self.session.doc();
                let _ = std::fs::remove_file(recovery_path(self.session.path(), &doc.article.text));
                self.proceed(ctx, pending);
            }
            Some(_) => self.confirm = None,
            None => {}
        }
    }

    fn proceed(&mut self, ctx: &egui::Context, pending: Pending) {
        match pending {
            Pending::Open(p) => {
                self.open_path(&p);
            }
            Pending::NewCorpus(p) => {
                self.open_corpus(&p);
            }
            Pending::Close => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// Every command and its keys, from the command table.
    pub(super) fn help_window(&mut self, ctx: &egui::Context) {
        if !self.help_open {
            return;
        }
        let mut open = true;
        egui::Window::new(tr::title(ctx, "cmd-help"))
            .id(egui::Id::unique("help-window"))
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                egui::Grid::new("shortcuts")
                    .num_columns(2)
                    .striped(true)
                    .show(ui, |ui| {
                        for c in Command::ALL {
                            ui.label(egui::RichText::new(c.keys_text()).monospace());
                            ui.label(text(ui, &c.label(self.locale())));
                            ui.end_row();
                        }
                    });
                open &= !close_button(ui);
            });
        self.help_open = open;
    }
}

/// A window's own close button (egui's names itself in English); Esc closes too.
fn close_button(ui: &mut egui::Ui) -> bool {
    ui.separator();
    tr::row(ui, |ui| {
        ui.button(t(ui, "close"))
            .on_hover_text(t(ui, "close-window-tip"))
            .clicked()
    })
}
