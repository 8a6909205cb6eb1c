//! The window: a [`Session`] (the document and what follows from it), the panels' own state,
//! and what only a window has — menus and keys from the command table, dialogs, the banner,
//! files opened in the background, recovery files, remembered settings.

mod commands;
mod desk;
mod dialogs;
mod menus;
mod recovery;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Instant;

use serde::{Deserialize, Serialize};

pub use commands::{Command, Menu, markdown_table};
pub use dialogs::ExportDialog;
pub use recovery::{AUTOSAVE_EVERY, recovery_dir, recovery_path};

use crate::i18n::Locale;
use crate::model::{self, Document, Edit};
use crate::selection::{Selection, step};
use crate::session::{Options, Session};
use crate::timings::Timings;
use crate::views::tr::{t, tf};
use crate::views::{self, Action, Panels, Shown, ViewState};

/// Asks the user for files. The GUI uses native dialogs; tests give paths directly.
pub trait FilePicker {
    /// A file to open.
    fn open(&mut self) -> Option<PathBuf>;
    /// Where to save, suggesting `name`.
    fn save(&mut self, name: &str) -> Option<PathBuf>;
    /// The language the dialogs should speak.
    fn set_locale(&mut self, _locale: Locale) {}
    /// Files to add (several at once).
    fn open_many(&mut self) -> Vec<PathBuf> {
        self.open().into_iter().collect()
    }
    /// A folder.
    fn folder(&mut self) -> Option<PathBuf> {
        None
    }
}

/// Native dialogs through `rfd`.
#[derive(Default)]
pub struct NativePicker {
    locale: Locale,
}

impl FilePicker for NativePicker {
    fn open(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter(
                self.locale.t("files-documents-and-articles"),
                &["json", "txt", "html", "htm"],
            )
            .add_filter(self.locale.t("files-all"), &["*"])
            .pick_file()
    }
    fn save(&mut self, name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter(self.locale.t("files-document"), &["json"])
            .set_file_name(name)
            .save_file()
    }
    fn set_locale(&mut self, locale: Locale) {
        self.locale = locale;
    }
    fn open_many(&mut self) -> Vec<PathBuf> {
        rfd::FileDialog::new()
            .add_filter(
                self.locale.t("files-articles"),
                &["txt", "html", "htm", "json", "jsonl"],
            )
            .add_filter(self.locale.t("files-all"), &["*"])
            .pick_files()
            .unwrap_or_default()
    }
    fn folder(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new().pick_folder()
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
    /// Timeline hidden.
    pub hide_timeline: bool,
    /// Relationship panel hidden.
    pub hide_relations: bool,
    /// Article panel hidden.
    pub hide_article: bool,
    /// Calendar of the time axis.
    pub calendar: crate::views::timeline::AxisCalendar,
    /// Interface language; `None` until chosen (the system's locale then decides).
    pub language: Option<crate::i18n::Language>,
    /// Script of actors' names in the views.
    pub names: crate::i18n::Names,
    /// Digits of the numbers Waqai writes.
    pub digits: crate::i18n::Digits,
}

const SETTINGS_KEY: &str = "waqai-settings";

/// An article being read and extracted in the background.
struct Loading {
    path: PathBuf,
    started: Instant,
    result: Receiver<(Result<Document, model::LoadError>, Timings)>,
}

/// An open whose first frame is still to come: its stage times so far.
struct OpenReport {
    path: PathBuf,
    started: Instant,
    shown_at: Instant,
    stages: Timings,
}

/// An action held back until the user decides about unsaved changes.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Open this file.
    Open(PathBuf),
    /// Make a new corpus here.
    NewCorpus(PathBuf),
    /// Close the window.
    Close,
}

/// The window's state.
pub struct WaqaiApp {
    /// The open document and what follows from it.
    pub session: Session,
    /// The panels' own state (zoom, scroll, positions, fields).
    pub panels: Panels,
    /// How files are chosen.
    pub picker: Box<dyn FilePicker>,
    /// The export dialog and a running export.
    pub export: ExportDialog,
    banner: Option<String>,
    /// A note for the status bar (the outcome of an import).
    status_note: Option<String>,
    /// The corpus open, if any.
    desk: Option<desk::Desk>,
    settings: Settings,
    loading: Option<Loading>,
    confirm: Option<Pending>,
    recovery_offer: Option<PathBuf>,
    help_open: bool,
    /// The widget that had the keyboard when a window or the find bar opened, given it back
    /// when Esc closes them.
    focus_before: Option<egui::Id>,
    /// Whether a field had the keyboard at the end of the last frame (egui drops the focus
    /// on Esc before the frame's code runs).
    typing_last_frame: bool,
    title: String,
    last_autosave: std::time::Instant,
    /// Print the stage times of every open on stderr (`--timings`, `WAQAI_TIMINGS=1`).
    report_timings: bool,
    open_report: Option<OpenReport>,
    last_open_timings: Option<Timings>,
}

impl WaqaiApp {
    /// A window showing `doc` (read from `path`, when it was).
    pub fn new(doc: Document, path: Option<PathBuf>) -> Self {
        let mut app = Self {
            session: Session::new(Document::default(), None),
            panels: Panels::default(),
            picker: Box::<NativePicker>::default(),
            export: ExportDialog::default(),
            banner: None,
            status_note: None,
            desk: None,
            settings: Settings::default(),
            loading: None,
            confirm: None,
            recovery_offer: None,
            help_open: false,
            focus_before: None,
            typing_last_frame: false,
            title: String::new(),
            last_autosave: std::time::Instant::now(),
            report_timings: std::env::var_os("WAQAI_TIMINGS").is_some_and(|v| v != "0"),
            open_report: None,
            last_open_timings: None,
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
            self.panels.timeline.by_kind = self.settings.lanes_by_kind;
            self.panels.timeline.calendar = self.settings.calendar;
            self.sync_options();
        }
        self
    }

    /// The error shown in the banner, if any.
    pub fn banner(&self) -> Option<&str> {
        self.banner.as_deref()
    }

    /// Whether an article is being read in the background.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// The recovery file offered back, if any.
    pub fn recovery_offer(&self) -> Option<&Path> {
        self.recovery_offer.as_deref()
    }

    /// The action waiting for an answer about unsaved changes, if the question is open.
    pub fn pending(&self) -> Option<&Pending> {
        self.confirm.as_ref()
    }

    /// Whether the keyboard shortcuts window is open.
    pub fn help_is_open(&self) -> bool {
        self.help_open
    }

    /// Prints the stage times of every open on stderr, from reading the file to the end of
    /// the first frame that shows it.
    pub fn report_timings(&mut self, on: bool) {
        self.report_timings = on;
    }

    /// The stage times of the last open whose first frame was drawn: `read`, `parse` or
    /// `extract`, the models (`validate`, `chronology`, `graph`, `lanes`, `selection`),
    /// `wait` (from the models being ready to the start of the frame that shows them) and
    /// `first frame` (the egui pass of that frame).
    pub fn last_open_timings(&self) -> Option<&Timings> {
        self.last_open_timings.as_ref()
    }

    /// Remembered settings.
    /// The language and digits the window writes in.
    pub fn locale(&self) -> Locale {
        Locale::new(
            self.settings
                .language
                .unwrap_or_else(crate::i18n::Language::of_system),
            self.settings.digits,
        )
    }

    /// Sets the interface language (View → Language does the same).
    pub fn set_language(&mut self, language: crate::i18n::Language) {
        self.settings.language = Some(language);
    }

    /// The settings remembered across restarts.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    fn sync_options(&mut self) {
        self.session.set_options(Options {
            lanes_by_kind: self.panels.timeline.by_kind,
            show_places: self.settings.show_places,
        });
    }

    /// Replaces the document (selection cleared, views refitted).
    pub fn set_document(&mut self, doc: Document, path: Option<PathBuf>) {
        let rec = recovery_path(path.as_deref(), &doc.article.text);
        self.recovery_offer = rec.exists().then_some(rec);
        self.panels.reset(&doc);
        self.session.replace(doc, path);
    }

    /// Applies an edit (undoable); when refused, the banner says why and nothing changes.
    pub fn edit(&mut self, e: Edit) -> Result<Option<String>, String> {
        let nodes = self.session.graph().nodes.clone();
        let r = self.session.edit(&e);
        match &r {
            Ok(_) => self.after_change(&nodes),
            Err(msg) => self.banner = Some(self.locale().f("error-edit", &[("why", msg.into())])),
        }
        r
    }

    /// Undoes the last edit, selection included.
    pub fn undo(&mut self) {
        if self.desk.is_some() {
            return self.corpus_undo(false);
        }
        let nodes = self.session.graph().nodes.clone();
        if self.session.undo() {
            self.after_change(&nodes);
        }
    }

    /// Redoes the last undone edit.
    pub fn redo(&mut self) {
        if self.desk.is_some() {
            return self.corpus_undo(true);
        }
        let nodes = self.session.graph().nodes.clone();
        if self.session.redo() {
            self.after_change(&nodes);
        }
    }

    fn after_change(&mut self, nodes_before: &[usize]) {
        if self.session.graph().nodes != nodes_before {
            self.panels.relations.pos.clear();
        }
        self.panels.published = self
            .session
            .doc()
            .article
            .published
            .clone()
            .unwrap_or_default();
    }

    /// Writes unsaved edits to the recovery file (atomically).
    pub fn autosave(&mut self) {
        self.last_autosave = std::time::Instant::now();
        if !self.session.is_dirty() {
            return;
        }
        let path = recovery_path(self.session.path(), &self.session.doc().article.text);
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if let Err(e) = model::save_document(self.session.doc(), &path) {
            self.banner = Some(
                self.locale()
                    .f("error-recovery-write", &[("why", e.to_string().into())]),
            );
        }
    }

    /// Restores the offered recovery file (or forgets it with `restore == false`).
    pub fn resolve_recovery(&mut self, restore: bool) {
        let Some(p) = self.recovery_offer.take() else {
            return;
        };
        if restore {
            match model::load_document(&p) {
                Ok(doc) => {
                    let nodes = self.session.graph().nodes.clone();
                    self.session.restore(doc);
                    self.after_change(&nodes);
                }
                Err(e) => {
                    self.banner = Some(
                        self.locale()
                            .f("error-restore", &[("why", e.to_string().into())]),
                    )
                }
            }
        } else {
            let _ = std::fs::remove_file(&p);
        }
    }

    /// Opens a file, asking first when there are unsaved edits.
    pub fn request_open(&mut self, path: &Path) {
        if self.session.is_dirty() {
            self.confirm = Some(Pending::Open(path.to_owned()));
        } else {
            self.open_path(path);
        }
    }

    /// Opens a file; on failure the banner says why and the current document stays. Articles
    /// (anything but `.json`) are decoded and extracted in the background; a panic of the
    /// extractor is reported, the window stays.
    pub fn open_path(&mut self, path: &Path) -> bool {
        if crate::corpus::is_corpus_path(path) {
            if !path.is_file() {
                self.banner = Some(self.locale().f(
                    "error-open",
                    &[("why", format!("{}: no such corpus", path.display()).into())],
                ));
                return false;
            }
            return self.open_corpus(path);
        }
        let started = Instant::now();
        if !model::is_document_path(path) {
            let (tx, rx) = std::sync::mpsc::channel();
            let p = path.to_owned();
            std::thread::spawn(move || {
                let mut t = Timings::default();
                let r = crate::open::open_guarded_timed(&p, &mut t);
                let _ = tx.send((r, t));
            });
            self.loading = Some(Loading {
                path: path.to_owned(),
                started,
                result: rx,
            });
            return true;
        }
        let mut t = Timings::default();
        let result = crate::open::open_timed(path, &mut t);
        self.finish_open(path, result, t, started)
    }

    fn poll_loading(&mut self, ctx: &egui::Context) {
        let Some(loading) = &self.loading else {
            return;
        };
        match loading.result.try_recv() {
            Ok((result, timings)) => {
                let (path, started) = (loading.path.clone(), loading.started);
                self.loading = None;
                self.finish_open(&path, result, timings, started);
            }
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(30))
            }
            Err(TryRecvError::Disconnected) => {
                self.banner = Some(self.locale().f(
                    "error-extraction-stopped",
                    &[("path", loading.path.display().to_string().into())],
                ));
                self.loading = None;
            }
        }
    }

    fn finish_open(
        &mut self,
        path: &Path,
        result: Result<Document, model::LoadError>,
        mut stages: Timings,
        started: Instant,
    ) -> bool {
        match result {
            Ok(doc) => {
                // The corpus (if one was open) gives way, its import stopped.
                self.close_desk();
                self.set_document(doc, Some(path.to_owned()));
                stages.extend(self.session.timings());
                self.open_report = Some(OpenReport {
                    path: path.to_owned(),
                    started,
                    shown_at: Instant::now(),
                    stages,
                });
                self.banner = None;
                self.settings.recent.retain(|p| p != path);
                self.settings.recent.insert(0, path.to_owned());
                self.settings.recent.truncate(10);
                true
            }
            Err(e) => {
                self.banner = Some(
                    self.locale()
                        .f("error-open", &[("why", e.to_string().into())]),
                );
                false
            }
        }
    }

    /// Selects something in every view; selecting an event brings its evidence into view.
    pub fn select(&mut self, sel: Selection) {
        self.session.select(sel);
        let doc = self.session.doc();
        let first = match self.session.selection() {
            Selection::Event(i) => doc.events[i].evidence.first(),
            // In a corpus the article panel turns to where the actor is first named.
            Selection::Entity(k) if self.desk.is_some() => doc.entities[k].mentions.first(),
            _ => None,
        };
        if let Some(s) = first.map(|s| s.start) {
            self.panels.article.show_char(s);
        }
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::Select(s) => self.select(s),
            Action::ShowInArticle(o) => self.panels.article.show_char(o),
            Action::ShowArticle(k) => self.show_article(k),
            Action::Edit(e) if self.desk.is_some() => {
                self.corpus_edit(&e);
            }
            Action::Edit(e) => {
                let select_new = matches!(
                    e,
                    Edit::NewEvent(..) | Edit::NewEntity(..) | Edit::SplitMention(..)
                );
                if let Ok(Some(id)) = self.edit(e)
                    && select_new
                {
                    let doc = self.session.doc();
                    let sel = match (doc.event_index(&id), doc.entity_index(&id)) {
                        (Some(i), _) => Selection::Event(i),
                        (None, Some(k)) => Selection::Entity(k),
                        (None, None) => Selection::None,
                    };
                    self.select(sel);
                }
            }
            Action::Export(panel) => self.export.show_for(crate::export::View::of_panel(panel)),
        }
    }

    /// Saves to the document's path when it is a document, else asks where.
    pub fn save(&mut self, ask: bool) {
        let path = self.session.path().map(Path::to_owned);
        let target = match &path {
            Some(p) if !ask && model::is_document_path(p) => Some(p.clone()),
            _ => {
                let stem = path
                    .as_ref()
                    .and_then(|p| p.file_stem())
                    .map(|s| s.to_string_lossy().trim_end_matches(".waqai").to_owned())
                    .unwrap_or_else(|| "article".to_owned());
                self.picker.save(&format!("{stem}.waqai.json"))
            }
        };
        let Some(target) = target else { return };
        match model::save_document(self.session.doc(), &target) {
            Ok(()) => {
                let text = &self.session.doc().article.text;
                let _ = std::fs::remove_file(recovery_path(path.as_deref(), text));
                let _ = std::fs::remove_file(recovery_path(Some(&target), text));
                self.session.saved_at(target);
                self.banner = None;
            }
            Err(e) => {
                self.banner = Some(
                    self.locale()
                        .f("error-save", &[("why", e.to_string().into())]),
                )
            }
        }
    }

    /// Whether a command can run now.
    pub fn enabled(&self, c: Command) -> bool {
        match c {
            Command::Undo => self.session.can_undo() || self.corpus_can(false),
            Command::Redo => self.session.can_redo() || self.corpus_can(true),
            Command::Copy => self.panels.article.text_sel.is_some(),
            Command::ShowInArticle | Command::ClearSelection => {
                self.session.selection() != Selection::None
            }
            Command::Next | Command::Previous => !self.session.doc().events.is_empty(),
            Command::AddArticles | Command::OpenFolder => {
                self.desk.is_some() && !self.is_importing()
            }
            _ => true,
        }
    }

    /// Runs a command (from a key, a menu or a test).
    pub fn run(&mut self, ctx: &egui::Context, c: Command) {
        if !self.enabled(c) {
            return;
        }
        match c {
            Command::Open => {
                if let Some(p) = self.picker.open() {
                    self.request_open(&p);
                }
            }
            Command::NewCorpus => {
                if let Some(p) = self.picker.save("desk.waqai.db") {
                    if p.exists() {
                        self.banner = Some(self.locale().f(
                            "error-corpus-exists",
                            &[("path", p.display().to_string().into())],
                        ));
                    } else if self.session.is_dirty() {
                        // Asked first, as for any other opening; the corpus is made on Save or
                        // Discard.
                        self.confirm = Some(Pending::NewCorpus(p));
                    } else {
                        self.open_corpus(&p);
                    }
                }
            }
            Command::AddArticles => {
                let files = self.picker.open_many();
                self.import(files);
            }
            Command::OpenFolder => {
                if let Some(folder) = self.picker.folder() {
                    self.import(vec![folder]);
                }
            }
            Command::Save => self.save(false),
            Command::SaveAs => self.save(true),
            Command::Export => {
                self.remember_focus(ctx);
                self.export.open = true;
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::Find => {
                if !self.panels.article.search_open {
                    self.remember_focus(ctx);
                }
                self.panels.article.search_open = true;
                self.panels.article.search_focus = true;
            }
            Command::Copy => {
                let text = &self.session.doc().article.text;
                if let Some(t) = self.panels.article.selected_text(text) {
                    ctx.copy_text(t);
                }
            }
            Command::Next | Command::Previous => {
                let sel = step(
                    self.session.doc(),
                    self.session.selection(),
                    c == Command::Next,
                );
                self.select(sel);
            }
            Command::ShowInArticle => {
                let doc = self.session.doc();
                let target = match self.session.selection() {
                    Selection::Event(i) => doc.events[i].evidence.first().map(|s| s.start),
                    Selection::Entity(k) => doc.entities[k].mentions.first().map(|s| s.start),
                    Selection::None => None,
                };
                if let Some(o) = target {
                    self.panels.article.show_char(o);
                }
            }
            Command::ClearSelection => {
                self.select(Selection::None);
                self.panels.article.text_sel = None;
            }
            Command::Fit => self.panels.fit(),
            Command::NextPanel | Command::PreviousPanel => {
                let order = [
                    views::Panel::Timeline,
                    views::Panel::Relations,
                    views::Panel::Article,
                ];
                let targets: Vec<egui::Id> = order
                    .iter()
                    .filter_map(|p| views::focus_target(ctx, *p))
                    .collect();
                let now = ctx.memory(|m| m.focused());
                let at = now.and_then(|id| targets.iter().position(|t| *t == id));
                let n = targets.len();
                let next = match (at, c == Command::NextPanel) {
                    (Some(i), true) => (i + 1) % n.max(1),
                    (Some(i), false) => (i + n - 1) % n.max(1),
                    (None, true) => 0,
                    (None, false) => n.saturating_sub(1),
                };
                if let Some(id) = targets.get(next) {
                    ctx.memory_mut(|m| m.request_focus(*id));
                }
            }
            Command::Help => {
                self.remember_focus(ctx);
                self.help_open = true;
            }
        }
    }

    fn remember_focus(&mut self, ctx: &egui::Context) {
        self.focus_before = ctx.memory(|m| m.focused());
    }

    /// Esc closes the topmost thing open — the unsaved-changes question, the export window,
    /// the shortcuts window, the find bar — and gives the keyboard back to the widget that
    /// had it. Menus and popups close themselves; in a field Esc only leaves the field. Only
    /// when nothing is open does Esc clear the selection (the command table's binding).
    /// Returns whether Esc was taken here (or left to a popup or a field), so that it does
    /// nothing else.
    fn escape(&mut self, ctx: &egui::Context) -> bool {
        if !ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            return false;
        }
        // egui closes a popup by itself.
        if egui::Popup::is_any_open(ctx) {
            return true;
        }
        let closed = if self.confirm.is_some() {
            self.confirm = None;
            true
        } else if self.export.open {
            self.export.open = false;
            true
        } else if self.help_open {
            self.help_open = false;
            true
        } else if self.panels.article.search_open {
            self.panels.article.search_open = false;
            self.panels.article.search_hits.clear();
            true
        } else {
            false
        };
        if !closed {
            // Esc in a field only leaves the field (egui takes the keyboard from it).
            return self.typing_last_frame;
        }
        ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
        if let Some(id) = self.focus_before.take() {
            ctx.memory_mut(|m| m.request_focus(id));
        }
        true
    }

    /// Runs the commands whose keys were pressed (those without Ctrl only when no field has
    /// the keyboard).
    fn keys(&mut self, ctx: &egui::Context) {
        let escape_taken = self.escape(ctx);
        // The timeline takes the keyboard for the window's own keys (its arrows step events).
        let timeline = views::focus_target(ctx, views::Panel::Timeline);
        let typing = ctx
            .memory(|m| m.focused())
            .is_some_and(|id| Some(id) != timeline);
        // Shortcuts with more modifiers first: egui lets Ctrl+Z match a press of Ctrl+Shift+Z.
        let mut keys: Vec<(Command, &egui::KeyboardShortcut)> = Command::ALL
            .iter()
            .flat_map(|c| c.shortcuts().iter().map(move |s| (*c, s)))
            .collect();
        keys.sort_by_key(|(_, s)| {
            std::cmp::Reverse(
                u8::from(s.modifiers.shift) + u8::from(s.modifiers.command || s.modifiers.ctrl),
            )
        });
        for (c, s) in keys {
            if c.keys_read_by_view() || typing && !c.while_typing() {
                continue;
            }
            if escape_taken && s.logical_key == egui::Key::Escape {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(s)) {
                self.run(ctx, c);
            }
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
        // Files dropped on an open corpus are added to it; else the first one is opened.
        if self.desk.is_some() && !dropped.is_empty() {
            self.import(dropped);
        } else if let Some(p) = dropped.first() {
            self.request_open(p);
        }
    }

    fn window_title(&mut self, ctx: &egui::Context) {
        let title = format!(
            "{}{} — Waqai",
            if self.session.is_dirty() { "● " } else { "" },
            self.session
                .path()
                .or_else(|| self.desk.as_ref().map(|d| d.corpus.path()))
                .and_then(|p| p.file_name())
                .map_or_else(
                    || self.locale().t("untitled"),
                    |n| n.to_string_lossy().into_owned()
                )
        );
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Draws the whole window into `ui` (used by eframe and by the UI tests).
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let frame_start = Instant::now();
        let ctx = ui.ctx().clone();
        views::tr::set_locale(&ctx, self.locale());
        if ctx.global_style().interaction.selectable_labels {
            // Arabic labels are galleys laid out by our bidi layer, whose rows egui's text
            // selection cannot map back to chars; the article has its own selection.
            ctx.global_style_mut(|s| s.interaction.selectable_labels = false);
        }
        self.picker.set_locale(self.locale());
        self.keys(&ctx);
        self.dropped_files(&ctx);
        self.poll_loading(&ctx);
        self.poll_import(&ctx);
        self.poll_compose(&ctx);
        if self.session.is_dirty() {
            if self.last_autosave.elapsed() >= AUTOSAVE_EVERY {
                self.autosave();
            }
            ctx.request_repaint_after(AUTOSAVE_EVERY);
        }
        if ctx.input(|i| i.viewport().close_requested()) && self.session.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.confirm = Some(Pending::Close);
        }
        self.confirm_window(&ctx);
        self.help_window(&ctx);
        if self.settings.lanes_by_kind != self.panels.timeline.by_kind {
            self.settings.lanes_by_kind = self.panels.timeline.by_kind;
            self.sync_options();
        }
        self.window_title(&ctx);
        egui::Panel::top("menu").show(ui, |ui| self.menu(ui));
        self.banners(ui);
        if self.desk.is_some() {
            egui::Panel::top("filter").show(ui, |ui| self.filter_bar(ui));
        }
        self.status_bar(ui, &ctx);
        self.export_window(&ctx);
        let shown = Shown {
            timeline: !self.settings.hide_timeline,
            relations: !self.settings.hide_relations,
            article: !self.settings.hide_article,
        };
        let dark = ui.visuals().dark_mode;
        let actions = {
            let range = self.article_range();
            let mut vs = ViewState::of(&self.session, dark, self.locale().language);
            vs.article_range = range;
            if let Some(desk) = &self.desk {
                vs.articles = &desk.articles;
            }
            vs.names = self.settings.names;
            vs.digits = self.settings.digits;
            views::layout(ui, &vs, &mut self.panels, shown)
        };
        for a in actions {
            self.apply(a);
        }
        self.typing_last_frame = ctx.memory(|m| m.focused().is_some());
        self.finish_open_report(frame_start);
    }

    /// Completes the stage times of an open with the frame that first showed it.
    fn finish_open_report(&mut self, frame_start: Instant) {
        let Some(mut r) = self.open_report.take() else {
            return;
        };
        let frame_from = frame_start.max(r.shown_at);
        r.stages
            .record("wait", frame_from.saturating_duration_since(r.shown_at));
        r.stages.record("first frame", frame_from.elapsed());
        if self.report_timings {
            eprintln!(
                "waqai: opened {} in {:.2} ms to the end of its first frame: {}",
                r.path.display(),
                r.started.elapsed().as_secs_f64() * 1e3,
                r.stages
            );
        }
        self.last_open_timings = Some(r.stages);
    }

    fn banners(&mut self, ui: &mut egui::Ui) {
        if let Some(msg) = self.banner.clone() {
            egui::Panel::top("banner").show(ui, |ui| {
                views::tr::row(ui, |ui| {
                    views::tr::colored(
                        ui,
                        ui.visuals().error_fg_color,
                        &views::tr::ts(ui, "error"),
                    );
                    let color = ui.visuals().error_fg_color;
                    crate::text::label(ui, &msg, &crate::fonts::ui(13.0), color);
                    if ui.button(t(ui, "dismiss")).clicked() {
                        self.banner = None;
                    }
                });
            });
        }
        if self.recovery_offer.is_some() {
            egui::Panel::top("recovery").show(ui, |ui| {
                views::tr::row(ui, |ui| {
                    views::tr::colored(
                        ui,
                        ui.visuals().warn_fg_color,
                        &views::tr::ts(ui, "recovery-offer"),
                    );
                    if ui.button(t(ui, "recovery-restore")).clicked() {
                        self.resolve_recovery(true);
                    }
                    if ui.button(t(ui, "recovery-discard")).clicked() {
                        self.resolve_recovery(false);
                    }
                });
            });
        }
    }

    fn status_bar(&mut self, ui: &mut egui::Ui, ctx: &egui::Context) {
        egui::Panel::bottom("status").show(ui, |ui| {
            views::tr::row(ui, |ui| {
                let file = self
                    .session
                    .path()
                    .or_else(|| self.desk.as_ref().map(|d| d.corpus.path()))
                    .map_or(self.locale().t("no-file"), |p| p.display().to_string());
                ui.label(file);
                ui.separator();
                let doc = self.session.doc();
                let counts = self.locale().f(
                    "status-counts",
                    &[
                        ("events", doc.events.len().into()),
                        ("actors", doc.entities.len().into()),
                    ],
                );
                let col = ui.visuals().text_color();
                crate::text::label(ui, &counts, &crate::fonts::ui(13.0), col);
                ui.separator();
                ui.label(t(
                    ui,
                    if doc.events.is_empty() {
                        "status-no-extraction"
                    } else {
                        "status-extraction-loaded"
                    },
                ));
                ui.separator();
                let zoom = (ctx.zoom_factor() * 100.0).round() as i64;
                ui.label(tf(ui, "status-zoom", &[("percent", zoom.into())]));
                if let Some(l) = &self.loading {
                    ui.separator();
                    ui.spinner();
                    let name = l
                        .path
                        .file_name()
                        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                    ui.label(tf(ui, "status-extracting", &[("name", name.into())]));
                }
                self.export.status(ui);
                self.import_status(ui);
                if let Some(note) = &self.status_note {
                    ui.separator();
                    ui.label(views::tr::text(ui, note));
                }
            });
        });
    }
}

impl eframe::App for WaqaiApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}
