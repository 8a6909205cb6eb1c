//! The application: owns the document, the selection and the commands; lays out the panels.

use std::path::{Path, PathBuf};

use egui::{Key, KeyboardShortcut, Modifiers, RichText};
use serde::{Deserialize, Serialize};

use crate::export::{ExportOptions, Format, View};
use crate::graph::Graph;
use crate::model::{self, Chronology, Document, Problem};
use crate::selection::{Related, Selection, step};
use crate::views::article::ArticleState;
use crate::views::relations::RelationsState;
use crate::views::timeline::{TimelineModel, TimelineState};
use crate::views::{Action, ViewState, article, inspector, relations, timeline};

/// Asks the user for files. The GUI uses native dialogs; tests give paths directly.
pub trait FilePicker {
    /// A file to open.
    fn open(&mut self) -> Option<PathBuf>;
    /// Where to save, suggesting `name`.
    fn save(&mut self, name: &str) -> Option<PathBuf>;
}

/// Native dialogs through `rfd`.
pub struct NativePicker;

impl FilePicker for NativePicker {
    fn open(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter(
                "Waqai documents and articles",
                &["json", "txt", "html", "htm"],
            )
            .add_filter("All files", &["*"])
            .pick_file()
    }
    fn save(&mut self, name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("Waqai document", &["json"])
            .set_file_name(name)
            .save_file()
    }
}

/// What is remembered across restarts.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Recently opened files, newest first.
    pub recent: Vec<PathBuf>,
    /// Timeline lanes per event kind.
    pub lanes_by_kind: bool,
    /// Show places in the relationship panel.
    pub show_places: bool,
    /// Panels shown.
    pub hide_timeline: bool,
    /// Relationship panel hidden.
    pub hide_relations: bool,
    /// Article panel hidden.
    pub hide_article: bool,
}

const SETTINGS_KEY: &str = "waqai-settings";

/// The whole application state.
pub struct WaqaiApp {
    /// The open document.
    pub doc: Document,
    /// Where it came from.
    pub path: Option<PathBuf>,
    /// Its validation problems.
    pub problems: Vec<Problem>,
    /// The selection shared by all views.
    pub selection: Selection,
    /// An error to show in the banner.
    pub banner: Option<String>,
    /// Remembered settings.
    pub settings: Settings,
    /// Timeline state.
    pub timeline: TimelineState,
    /// Relationship panel state.
    pub relations: RelationsState,
    /// Article panel state.
    pub article: ArticleState,
    /// How files are chosen.
    pub picker: Box<dyn FilePicker>,
    chron: Chronology,
    graph: Graph,
    related: Related,
    lanes: TimelineModel,
    title: String,
    /// The export dialog.
    pub export: ExportDialog,
    /// Counts changes of the document (caches compare it).
    generation: u64,
    /// The publication-date field of the inspector.
    published_input: String,
    /// An article being read and extracted in the background.
    pub loading: Option<(
        PathBuf,
        std::sync::mpsc::Receiver<Result<Document, model::LoadError>>,
    )>,
    /// Undo and redo.
    pub history: model::History<Selection>,
    /// Edits not saved yet.
    pub dirty: bool,
    /// What waits for the user's answer about unsaved changes.
    pub confirm: Option<Pending>,
    /// A recovery file of unsaved edits from an earlier session, offered back.
    pub recovery_offer: Option<PathBuf>,
    last_autosave: std::time::Instant,
}

/// An action held back until the user decides about unsaved changes.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Open this file.
    Open(PathBuf),
    /// Close the window.
    Close,
}

/// How often unsaved edits are written to the recovery file.
pub const AUTOSAVE_EVERY: std::time::Duration = std::time::Duration::from_secs(30);

/// Where recovery files live: `WAQAI_RECOVERY_DIR`, else the user's data folder.
pub fn recovery_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("WAQAI_RECOVERY_DIR") {
        return PathBuf::from(d);
    }
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("waqai").join("recovery")
}

/// The recovery file of a document (by its path; one shared file for untitled ones).
pub fn recovery_path(doc_path: Option<&Path>) -> PathBuf {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    doc_path
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default()
        .hash(&mut h);
    let stem = doc_path.and_then(|p| p.file_name()).map_or_else(
        || "untitled".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    recovery_dir().join(format!("{stem}.{:016x}.recovery.json", h.finish()))
}

/// The state of the export dialog and of a running export.
pub struct ExportDialog {
    /// Dialog shown.
    pub open: bool,
    /// What to export.
    pub opts: ExportOptions,
    /// A running export reports here.
    pub running: Option<std::sync::mpsc::Receiver<Result<PathBuf, String>>>,
    /// The last export's outcome.
    pub message: Option<String>,
}

impl Default for ExportDialog {
    fn default() -> Self {
        Self {
            open: false,
            opts: ExportOptions::new(View::Timeline),
            running: None,
            message: None,
        }
    }
}

impl WaqaiApp {
    /// An application showing `doc`.
    pub fn new(doc: Document, path: Option<PathBuf>) -> Self {
        let mut app = Self {
            doc: Document::default(),
            path: None,
            problems: vec![],
            selection: Selection::None,
            banner: None,
            settings: Settings::default(),
            timeline: TimelineState::default(),
            relations: RelationsState::default(),
            article: ArticleState::default(),
            picker: Box::new(NativePicker),
            chron: Chronology::default(),
            graph: Graph::default(),
            related: Related::default(),
            lanes: TimelineModel::default(),
            title: String::new(),
            export: ExportDialog::default(),
            generation: 0,
            published_input: String::new(),
            loading: None,
            history: model::History::default(),
            dirty: false,
            confirm: None,
            recovery_offer: None,
            last_autosave: std::time::Instant::now(),
        };
        app.set_document(doc, path);
        app
    }

    /// For eframe: installs fonts, restores settings.
    pub fn with_creation_context(mut self, cc: &eframe::CreationContext<'_>) -> Self {
        crate::fonts::install(&cc.egui_ctx);
        if let Some(storage) = cc.storage
            && let Some(s) = eframe::get_value::<Settings>(storage, SETTINGS_KEY)
        {
            self.settings = s;
            self.apply_settings();
        }
        self
    }

    fn apply_settings(&mut self) {
        self.timeline.by_kind = self.settings.lanes_by_kind;
        self.rebuild();
    }

    /// Replaces the document (selection cleared, views refitted).
    pub fn set_document(&mut self, doc: Document, path: Option<PathBuf>) {
        self.history.clear();
        self.dirty = false;
        let rec = recovery_path(path.as_deref());
        self.recovery_offer = rec.exists().then_some(rec);
        self.problems = model::validate(&doc);
        self.published_input = doc.article.published.clone().unwrap_or_default();
        self.doc = doc;
        self.path = path;
        self.selection = Selection::None;
        self.relations = RelationsState::default();
        self.timeline.fit_request = true;
        self.article = ArticleState::default();
        self.rebuild();
    }

    fn rebuild(&mut self) {
        self.generation += 1;
        self.chron = Chronology::of(&self.doc);
        let graph = Graph::of(&self.doc, self.settings.show_places);
        if graph.nodes != self.graph.nodes {
            self.relations.pos.clear();
        }
        self.graph = graph;
        self.lanes = TimelineModel::of(&self.doc, self.timeline.by_kind);
        self.related = Related::of(&self.doc, self.selection);
    }

    /// Applies an edit (undoable); on error the banner says why and nothing changes.
    pub fn edit(&mut self, e: model::Edit) -> Result<Option<String>, String> {
        self.history.record(&self.doc, self.selection);
        match model::apply_edit(&mut self.doc, &e) {
            Ok(created) => {
                self.dirty = true;
                self.after_change();
                Ok(created)
            }
            Err(msg) => {
                self.history.discard_last();
                self.banner = Some(format!("Could not change that: {msg}"));
                Err(msg)
            }
        }
    }

    fn after_change(&mut self) {
        self.problems = model::validate(&self.doc);
        let sel_ok = match self.selection {
            Selection::Event(i) => i < self.doc.events.len(),
            Selection::Entity(k) => k < self.doc.entities.len(),
            Selection::None => true,
        };
        if !sel_ok {
            self.selection = Selection::None;
        }
        self.rebuild();
    }

    /// Undoes the last edit, selection included.
    pub fn undo(&mut self) {
        let current = (self.doc.clone(), self.selection);
        if let Some((doc, sel)) = self.history.undo(current) {
            self.doc = doc;
            self.selection = sel;
            self.dirty = true;
            self.after_change();
        }
    }

    /// Redoes the last undone edit.
    pub fn redo(&mut self) {
        let current = (self.doc.clone(), self.selection);
        if let Some((doc, sel)) = self.history.redo(current) {
            self.doc = doc;
            self.selection = sel;
            self.dirty = true;
            self.after_change();
        }
    }

    /// Writes unsaved edits to the recovery file (atomically).
    pub fn autosave(&mut self) {
        self.last_autosave = std::time::Instant::now();
        if !self.dirty {
            return;
        }
        let path = recovery_path(self.path.as_deref());
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if let Err(e) = model::save_document(&self.doc, &path) {
            self.banner = Some(format!("Could not write the recovery file {e}"));
        }
    }

    /// Restores the offered recovery file (or forgets it with `restore == false`).
    pub fn resolve_recovery(&mut self, restore: bool) {
        let Some(p) = self.recovery_offer.take() else {
            return;
        };
        if restore {
            match model::load_path(&p) {
                Ok(doc) => {
                    self.history.record(&self.doc, self.selection);
                    self.doc = doc;
                    self.dirty = true;
                    self.after_change();
                }
                Err(e) => self.banner = Some(format!("Could not restore {e}")),
            }
        } else {
            let _ = std::fs::remove_file(&p);
        }
    }

    /// Opens a file, asking first when there are unsaved edits.
    pub fn request_open(&mut self, path: &Path) {
        if self.dirty {
            self.confirm = Some(Pending::Open(path.to_owned()));
        } else {
            self.open_path(path);
        }
    }

    /// Opens a file; on failure the banner says why and the current document stays. Articles
    /// (anything but `.json`) are decoded and extracted in the background: see [`Self::loading`].
    pub fn open_path(&mut self, path: &Path) -> bool {
        if !model::is_document_path(path) {
            let (tx, rx) = std::sync::mpsc::channel();
            let p = path.to_owned();
            std::thread::spawn(move || {
                let _ = tx.send(model::load_path(&p));
            });
            self.loading = Some((path.to_owned(), rx));
            return true;
        }
        self.finish_open(path, model::load_path(path))
    }

    fn poll_loading(&mut self, ctx: &egui::Context) {
        let Some((path, rx)) = &self.loading else {
            return;
        };
        match rx.try_recv() {
            Ok(result) => {
                let path = path.clone();
                self.loading = None;
                self.finish_open(&path, result);
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(30))
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.banner = Some(format!(
                    "Could not open {}: the extraction stopped unexpectedly",
                    path.display()
                ));
                self.loading = None;
            }
        }
    }

    fn finish_open(&mut self, path: &Path, result: Result<Document, model::LoadError>) -> bool {
        match result {
            Ok(doc) => {
                self.set_document(doc, Some(path.to_owned()));
                self.banner = None;
                self.settings.recent.retain(|p| p != path);
                self.settings.recent.insert(0, path.to_owned());
                self.settings.recent.truncate(10);
                true
            }
            Err(e) => {
                self.banner = Some(format!("Could not open {e}"));
                false
            }
        }
    }

    /// Selects something in every view; selecting an event brings its evidence into view.
    pub fn select(&mut self, sel: Selection) {
        self.selection = sel;
        self.related = Related::of(&self.doc, sel);
        if let Selection::Event(i) = sel
            && let Some(s) = self.doc.events.get(i).and_then(|e| e.evidence.first())
        {
            self.article.scroll_to = Some(s.start);
        }
    }

    /// The time axis in use.
    pub fn chronology(&self) -> &Chronology {
        &self.chron
    }

    /// The timeline lanes in use.
    pub fn lanes(&self) -> &TimelineModel {
        &self.lanes
    }

    /// The relationship graph in use.
    pub fn graph(&self) -> &Graph {
        &self.graph
    }

    /// What the selection relates to.
    pub fn related(&self) -> &Related {
        &self.related
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::Select(s) => self.select(s),
            Action::ShowInArticle(o) => self.article.scroll_to = Some(o),
            Action::Edit(e) => {
                let select_new = matches!(
                    e,
                    model::Edit::NewEvent(..)
                        | model::Edit::NewEntity(..)
                        | model::Edit::SplitMention(..)
                );
                if let Ok(Some(id)) = self.edit(e)
                    && select_new
                {
                    if let Some(i) = self.doc.event_index(&id) {
                        self.select(Selection::Event(i));
                    } else if let Some(k) = self.doc.entity_index(&id) {
                        self.select(Selection::Entity(k));
                    }
                }
            }
            Action::SetPublished(d) => {
                self.doc.article.published = Some(d);
                model::resolve_relative_dates(&mut self.doc);
                self.problems = model::validate(&self.doc);
                self.rebuild();
            }
            Action::Export(v) => {
                self.export.open = true;
                self.export.opts = ExportOptions {
                    format: self.export.opts.format,
                    scale: self.export.opts.scale,
                    dark: self.export.opts.dark,
                    ..ExportOptions::new(v)
                };
            }
        }
    }

    /// Draws the contents of one panel (all of the window for [`View::Window`]).
    fn panel(&mut self, ui: &mut egui::Ui, view: View) -> Option<Action> {
        let vs = ViewState {
            doc: &self.doc,
            chron: &self.chron,
            graph: &self.graph,
            selection: self.selection,
            related: &self.related,
            dark: ui.visuals().dark_mode,
            generation: self.generation,
        };
        match view {
            View::Timeline => timeline::show(ui, &vs, &self.lanes, &mut self.timeline),
            View::Relations => relations::show(ui, &vs, &mut self.relations),
            View::Article => article::show(ui, &vs, &mut self.article),
            View::Inspector => inspector::show(ui, &vs, &self.problems, &mut self.published_input),
            View::Window => None,
        }
    }

    /// Draws one view for an offscreen export, under a caption (title, source, view).
    pub fn export_ui(&mut self, ui: &mut egui::Ui, view: View) {
        egui::Panel::top("caption").show(ui, |ui| {
            let col = ui.visuals().strong_text_color();
            crate::text::label(
                ui,
                &self.doc.article.title,
                &crate::fonts::reading_bold(16.0),
                col,
            );
            let src = &self.doc.article.source;
            let source = src
                .outlet
                .clone()
                .or_else(|| src.url.clone())
                .or_else(|| {
                    src.path.as_ref().map(|p| {
                        Path::new(p)
                            .file_name()
                            .map_or(p.clone(), |n| n.to_string_lossy().into_owned())
                    })
                })
                .unwrap_or_else(|| "unknown source".to_owned());
            ui.label(RichText::new(format!("{source} · {} · Waqai", view.name())).weak());
        });
        if view == View::Window {
            self.show(ui);
        } else {
            egui::CentralPanel::default().show(ui, |ui| {
                if let Some(a) = self.panel(ui, view) {
                    self.apply(a);
                }
            });
        }
    }

    fn export_window(&mut self, ctx: &egui::Context) {
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
                Err(std::sync::mpsc::TryRecvError::Empty) => ctx.request_repaint(),
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
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
        egui::Window::new("Export view")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                let o = &mut self.export.opts;
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
                ui.label(RichText::new(format!("{w} × {h} pixels")).weak());
                ui.add_enabled_ui(self.export.running.is_none(), |ui| {
                    if ui.button("Export…").clicked() {
                        go = true;
                    }
                });
            });
        self.export.open = open;
        if go {
            let ext = match self.export.opts.format {
                Format::Png => "png",
                Format::Svg => "svg",
            };
            let name = format!("waqai-{}.{ext}", self.export.opts.view.name());
            if let Some(path) = self.picker.save(&name) {
                let (tx, rx) = std::sync::mpsc::channel();
                let doc = self.doc.clone();
                let opts = self.export.opts.clone();
                let ctx = ctx.clone();
                std::thread::spawn(move || {
                    let r = crate::export::export_to(&doc, &opts, &path)
                        .map(|()| path)
                        .map_err(|e| e.to_string());
                    let _ = tx.send(r);
                    ctx.request_repaint();
                });
                self.export.running = Some(rx);
                self.export.message = None;
                self.export.open = false;
            }
        }
    }

    /// Saves to the document's path when it is a document, else asks where.
    pub fn save(&mut self, ask: bool) {
        let target = match &self.path {
            Some(p) if !ask && model::is_document_path(p) => Some(p.clone()),
            _ => {
                let stem = self
                    .path
                    .as_ref()
                    .and_then(|p| p.file_stem())
                    .map(|s| s.to_string_lossy().trim_end_matches(".waqai").to_owned())
                    .unwrap_or_else(|| "article".to_owned());
                self.picker.save(&format!("{stem}.waqai.json"))
            }
        };
        let Some(target) = target else { return };
        match model::save_document(&self.doc, &target) {
            Ok(()) => {
                let _ = std::fs::remove_file(recovery_path(self.path.as_deref()));
                let _ = std::fs::remove_file(recovery_path(Some(&target)));
                self.path = Some(target);
                self.banner = None;
                self.dirty = false;
            }
            Err(e) => self.banner = Some(format!("Could not save {e}")),
        }
    }

    fn open_dialog(&mut self) {
        if let Some(p) = self.picker.open() {
            self.request_open(&p);
        }
    }

    fn keys(&mut self, ctx: &egui::Context) {
        let typing = ctx.memory(|m| m.focused().is_some());
        let shortcut = |m: Modifiers, k: Key| KeyboardShortcut::new(m, k);
        if ctx.input_mut(|i| i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::O))) {
            self.open_dialog();
        }
        if !typing {
            if ctx.input_mut(|i| {
                i.consume_shortcut(&shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z))
                    || i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::Y))
            }) {
                self.redo();
            }
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::Z))) {
                self.undo();
            }
        }
        if ctx.input_mut(|i| {
            i.consume_shortcut(&shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::S))
        }) {
            self.save(true);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::S))) {
            self.save(false);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::F))) {
            self.article.search_open = true;
            self.article.search_focus = true;
        }
        if ctx.input_mut(|i| i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::E))) {
            self.export.open = true;
        }
        if typing {
            return;
        }
        let pressed = |k: Key| ctx.input_mut(|i| i.consume_key(Modifiers::NONE, k));
        if pressed(Key::ArrowRight) || pressed(Key::K) {
            self.select(step(&self.doc, self.selection, true));
        }
        if pressed(Key::ArrowLeft) || pressed(Key::J) {
            self.select(step(&self.doc, self.selection, false));
        }
        if pressed(Key::Escape) {
            self.select(Selection::None);
            self.article.text_sel = None;
        }
        if pressed(Key::F) {
            self.timeline.fit_request = true;
            self.relations.fit_request = true;
        }
        if pressed(Key::Enter) {
            let target = match self.selection {
                Selection::Event(i) => self.doc.events[i].evidence.first().map(|s| s.start),
                Selection::Entity(k) => self.doc.entities[k].mentions.first().map(|s| s.start),
                Selection::None => None,
            };
            if let Some(o) = target {
                self.article.scroll_to = Some(o);
            }
        }
    }

    /// The question about unsaved changes, and the recovery offer.
    fn confirm_window(&mut self, ctx: &egui::Context) {
        if let Some(pending) = self.confirm.clone() {
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
                    if !self.dirty {
                        self.confirm = None;
                        self.proceed(ctx, pending);
                    }
                }
                Some(1) => {
                    self.confirm = None;
                    self.dirty = false;
                    let _ = std::fs::remove_file(recovery_path(self.path.as_deref()));
                    self.proceed(ctx, pending);
                }
                Some(_) => self.confirm = None,
                None => {}
            }
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

    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(p) = dropped.first() {
            self.request_open(p);
        }
    }

    fn menu(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.add(egui::Button::new("Open…").shortcut_text("Ctrl+O")).clicked() {
                    self.open_dialog();
                }
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
                ui.separator();
                if ui.add(egui::Button::new("Save").shortcut_text("Ctrl+S")).clicked() {
                    self.save(false);
                }
                if ui.add(egui::Button::new("Save as…").shortcut_text("Ctrl+Shift+S")).clicked() {
                    self.save(true);
                }
                ui.separator();
                if ui.add(egui::Button::new("Export view…").shortcut_text("Ctrl+E")).clicked() {
                    self.export.open = true;
                }
                ui.separator();
                if ui.button("Quit").clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("Edit", |ui| {
                if ui.add_enabled(self.history.can_undo(), egui::Button::new("Undo").shortcut_text("Ctrl+Z")).clicked() {
                    self.undo();
                }
                if ui.add_enabled(self.history.can_redo(), egui::Button::new("Redo").shortcut_text("Ctrl+Shift+Z")).clicked() {
                    self.redo();
                }
                ui.separator();
                if ui.add(egui::Button::new("Find in the article…").shortcut_text("Ctrl+F")).clicked() {
                    self.article.search_open = true;
                    self.article.search_focus = true;
                }
            });
            ui.menu_button("View", |ui| {
                let mut by_kind = self.timeline.by_kind;
                ui.checkbox(&mut by_kind, "Timeline lanes by event kind");
                if by_kind != self.timeline.by_kind {
                    self.timeline.by_kind = by_kind;
                }
                let mut places = self.settings.show_places;
                if ui.checkbox(&mut places, "Places in the relationship panel").changed() {
                    self.settings.show_places = places;
                    self.rebuild();
                }
                ui.separator();
                let s = &mut self.settings;
                let mut show = !s.hide_timeline;
                ui.checkbox(&mut show, "Timeline");
                s.hide_timeline = !show;
                let mut show = !s.hide_relations;
                ui.checkbox(&mut show, "Relationships");
                s.hide_relations = !show;
                let mut show = !s.hide_article;
                ui.checkbox(&mut show, "Article");
                s.hide_article = !show;
                ui.separator();
                if ui.add(egui::Button::new("Fit timeline and graph").shortcut_text("F")).clicked() {
                    self.timeline.fit_request = true;
                    self.relations.fit_request = true;
                }
                ui.separator();
                egui::global_theme_preference_buttons(ui);
            });
            ui.menu_button("Help", |ui| {
                ui.label("Left arrow / J  previous event\nRight arrow / K  next event\nEnter  show in the article\nEsc  clear the selection\nF  fit the timeline\nCtrl+O  open · Ctrl+S  save · Ctrl+E  export\nCtrl+Z / Ctrl+Shift+Z  undo / redo\nCtrl+F  find in the article\nCtrl+C  copy selected article text");
            });
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if !self.problems.is_empty() {
                    let r = ui.colored_label(ui.visuals().warn_fg_color, format!("problems ({})", self.problems.len()))
                        .on_hover_text("Listed in the inspector when nothing is selected");
                    if r.interact(egui::Sense::click()).clicked() {
                        self.select(Selection::None);
                    }
                }
                let title = self.doc.article.title.clone();
                let font = crate::fonts::ui(13.0);
                let col = ui.visuals().strong_text_color();
                ui.scope(|ui| {
                    ui.set_max_width(ui.available_width() * 0.8);
                    crate::text::label(ui, &title, &font, col);
                });
            });
        });
    }

    /// Draws the whole window into `ui` (used by eframe and by the UI tests).
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.keys(&ctx);
        self.dropped_files(&ctx);
        self.poll_loading(&ctx);
        if self.dirty {
            if self.last_autosave.elapsed() >= AUTOSAVE_EVERY {
                self.autosave();
            }
            ctx.request_repaint_after(AUTOSAVE_EVERY);
        }
        if ctx.input(|i| i.viewport().close_requested()) && self.dirty {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.confirm = Some(Pending::Close);
        }
        self.confirm_window(&ctx);
        if self.lanes.event_lanes.len() != self.doc.events.len()
            || self.settings.lanes_by_kind != self.timeline.by_kind
        {
            self.settings.lanes_by_kind = self.timeline.by_kind;
            self.lanes = TimelineModel::of(&self.doc, self.timeline.by_kind);
        }
        let title = format!(
            "{}{} — Waqai",
            if self.dirty { "● " } else { "" },
            self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
                || "untitled".to_owned(),
                |n| n.to_string_lossy().into_owned()
            )
        );
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        egui::Panel::top("menu").show(ui, |ui| self.menu(ui));
        if let Some(msg) = self.banner.clone() {
            egui::Panel::top("banner").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.colored_label(ui.visuals().error_fg_color, "Error:");
                    ui.label(RichText::new(&msg).color(ui.visuals().error_fg_color));
                    if ui.button("Dismiss").clicked() {
                        self.banner = None;
                    }
                });
            });
        }
        if self.recovery_offer.is_some() {
            egui::Panel::top("recovery").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(
                            "Unsaved edits of this document were kept from an earlier session.",
                        )
                        .color(ui.visuals().warn_fg_color),
                    );
                    if ui.button("Restore them").clicked() {
                        self.resolve_recovery(true);
                    }
                    if ui.button("Discard them").clicked() {
                        self.resolve_recovery(false);
                    }
                });
            });
        }
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                let file = self
                    .path
                    .as_ref()
                    .map_or("(no file)".to_owned(), |p| p.display().to_string());
                ui.label(file);
                ui.separator();
                ui.label(format!(
                    "{} events · {} actors",
                    self.doc.events.len(),
                    self.doc.entities.len()
                ));
                ui.separator();
                ui.label(if self.doc.events.is_empty() {
                    "no extraction yet"
                } else {
                    "extraction loaded"
                });
                ui.separator();
                ui.label(format!("zoom {:.0} %", ctx.zoom_factor() * 100.0));
                if let Some((p, _)) = &self.loading {
                    ui.separator();
                    ui.spinner();
                    ui.label(format!(
                        "reading and extracting {}…",
                        p.file_name()
                            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
                    ));
                }
                if self.export.running.is_some() {
                    ui.separator();
                    ui.spinner();
                    ui.label(format!("exporting {}…", self.export.opts.view.name()));
                } else if let Some(m) = &self.export.message {
                    ui.separator();
                    ui.label(m);
                }
            });
        });
        self.export_window(&ctx);
        let mut actions = Vec::new();
        let total_h = ui.available_height();
        let total_w = ui.available_width();
        if !self.settings.hide_timeline {
            egui::Panel::top("timeline")
                .resizable(true)
                .default_size(total_h * 0.42)
                .size_range(120.0..=total_h * 0.8)
                .show(ui, |ui| {
                    actions.extend(self.panel(ui, View::Timeline));
                });
        }
        if !self.settings.hide_article {
            egui::Panel::right("article")
                .resizable(true)
                .default_size(total_w * 0.38)
                .size_range(200.0..=total_w * 0.7)
                .show(ui, |ui| {
                    header(ui, "Article", View::Article, &mut actions);
                    actions.extend(self.panel(ui, View::Article));
                });
        }
        if !self.settings.hide_relations {
            egui::Panel::left("relations")
                .resizable(true)
                .default_size(total_w * 0.33)
                .size_range(160.0..=total_w * 0.6)
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        header(ui, "Relationships", View::Relations, &mut actions);
                        if ui
                            .small_button("Fit")
                            .on_hover_text("Fit the graph (F)")
                            .clicked()
                        {
                            self.relations.fit_request = true;
                        }
                    });
                    actions.extend(self.panel(ui, View::Relations));
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            header(ui, "Inspector", View::Inspector, &mut actions);
            actions.extend(self.panel(ui, View::Inspector));
        });
        for a in actions {
            self.apply(a);
        }
    }
}

/// A panel's title; right-click offers to export the panel.
fn header(ui: &mut egui::Ui, title: &str, view: View, actions: &mut Vec<Action>) {
    ui.label(RichText::new(title).strong())
        .interact(egui::Sense::click())
        .on_hover_text("Right-click to export this view")
        .context_menu(|ui| {
            if ui.button("Export this view…").clicked() {
                actions.push(Action::Export(view));
            }
        });
}

impl eframe::App for WaqaiApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}
