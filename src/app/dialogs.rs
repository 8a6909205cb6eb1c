//! The window's dialogs: the export dialog (and the export running in the background), the
//! question about unsaved changes, the list of keyboard shortcuts.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};

use super::{Command, Pending, WaqaiApp, recovery_path};
use crate::export::data::DataFormat;
use crate::export::{ExportOptions, Format, View};

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
            let what = self.data.map_or(self.opts.view.name(), |d| d.label());
            ui.label(format!("exporting {what}…"));
        } else if let Some(m) = &self.message {
            ui.separator();
            ui.label(m);
        }
    }

    fn form(&mut self, ui: &mut egui::Ui) -> bool {
        ui.horizontal(|ui| {
            if ui
                .selectable_label(self.data.is_none(), "Picture")
                .on_hover_text("PNG or SVG of a view, with a .json sidecar that can replay it")
                .clicked()
            {
                self.data = None;
            }
            if ui
                .selectable_label(self.data.is_some(), "Data")
                .on_hover_text("The graph, the timeline or the tables, for other tools")
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
                    .radio(current == f, f.label())
                    .on_hover_text(format!("*.{}", f.extension()))
                    .clicked()
                {
                    self.data = Some(f);
                }
            }
            ui.separator();
            let mut go = false;
            ui.add_enabled_ui(self.running.is_none(), |ui| {
                if ui.button("Export…").clicked() {
                    go = true;
                }
            });
            return go;
        }
        let o = &mut self.opts;
        egui::Grid::new("export-grid")
            .num_columns(2)
            .show(ui, |ui| {
                ui.label("View");
                ui.horizontal(|ui| {
                    for v in View::ALL {
                        if ui.selectable_label(o.view == v, v.name()).clicked() {
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
                ui.label("Format");
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut o.format, Format::Png, "PNG");
                    ui.selectable_value(&mut o.format, Format::Svg, "SVG");
                });
                ui.end_row();
                ui.label("Scale");
                ui.horizontal(|ui| {
                    for s in [1.0, 2.0, 4.0] {
                        ui.selectable_value(&mut o.scale, s, format!("{s}×"));
                    }
                });
                ui.end_row();
                ui.label("Theme");
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut o.dark, false, "Light");
                    ui.selectable_value(&mut o.dark, true, "Dark");
                });
                ui.end_row();
                ui.label("Size");
                ui.horizontal(|ui| {
                    ui.add(
                        egui::DragValue::new(&mut o.width)
                            .range(200.0..=8000.0)
                            .suffix(" pt"),
                    );
                    ui.label("×");
                    ui.add(
                        egui::DragValue::new(&mut o.height)
                            .range(200.0..=8000.0)
                            .suffix(" pt"),
                    );
                });
                ui.end_row();
            });
        let (w, h) = o.pixel_size();
        ui.label(egui::RichText::new(format!("{w} × {h} pixels")).weak());
        let mut go = false;
        ui.add_enabled_ui(self.running.is_none(), |ui| {
            if ui.button("Export…").clicked() {
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
                    self.export.message = Some(format!("Exported {}", p.display()));
                }
                Ok(Err(e)) => {
                    self.export.running = None;
                    self.banner = Some(format!("Could not export {e}"));
                }
                Err(TryRecvError::Empty) => ctx.request_repaint(),
                Err(TryRecvError::Disconnected) => {
                    self.export.running = None;
                    self.banner = Some("The export stopped unexpectedly".to_owned());
                }
            }
        }
        if !self.export.open {
            return;
        }
        let mut open = true;
        let mut go = false;
        egui::Window::new("Export")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| go = self.export.form(ui));
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
            ui.heading("Unsaved changes");
            ui.label("The document has changes that are not saved.");
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    choice = Some(0);
                }
                if ui.button("Discard changes").clicked() {
                    choice = Some(1);
                }
                if ui.button("Cancel").clicked() {
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
            Pending::Close => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// Every command and its keys, from the command table.
    pub(super) fn help_window(&mut self, ctx: &egui::Context) {
        if !self.help_open {
            return;
        }
        let mut open = true;
        egui::Window::new("Keyboard shortcuts")
            .open(&mut open)
            .collapsible(false)
            .show(ctx, |ui| {
                egui::Grid::new("shortcuts")
                    .num_columns(2)
                    .striped(true)
                    .show(ui, |ui| {
                        for c in Command::ALL {
                            ui.label(egui::RichText::new(c.keys_text()).monospace());
                            ui.label(c.label());
                            ui.end_row();
                        }
                    });
            });
        self.help_open = open;
    }
}
