//! A desk of articles in the window: a corpus open, what its filter lets through composed into
//! the session's document, imports running in the background with their progress, the filter
//! bar and the article list.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::{Arc, Mutex};

use super::WaqaiApp;
use crate::corpus::{
    ActorRow, ArticlePart, Composed, Corpus, Filter, ImportReport, Move, Progress, actor_of_entity,
    shown_as,
};
use crate::model::Edit;
use crate::selection::Selection;
use crate::views::tr::{self, t, tf, ts, tsf};

/// An open corpus and what the window shows of it.
pub struct Desk {
    /// The corpus (read on the window's thread; imports write through their own connection).
    pub corpus: Corpus,
    /// What is shown.
    pub filter: Filter,
    /// The shown articles, in the order of the composed text.
    pub articles: Vec<ArticlePart>,
    /// Corpus actors shown as another one (same person, named shorter or spelled alike).
    same_as: std::collections::HashMap<i64, i64>,
    /// Actors named in two articles or more, for the filter (the most widely named first).
    pub actors: Vec<ActorRow>,
    /// Outlets of the corpus.
    pub outlets: Vec<String>,
    /// The import running, if any.
    pub import: Option<ImportJob>,
    /// The words typed in the filter bar (applied on Enter).
    pub query: String,
    /// Countries of the corpus's actors.
    pub countries: Vec<String>,
    /// The dates typed in the filter bar (applied on Enter).
    dates: std::collections::HashMap<&'static str, String>,
    /// The composition running on its own thread, if any (a large corpus takes a while).
    composing: Option<Receiver<Result<Shown, String>>>,
    /// Fit the views to what the next composition shows (after a change of filter).
    fit_when_composed: bool,
    /// Changes to the corpus that can be undone, the last one last.
    undo: Vec<CorpusEdit>,
    /// Changes undone that can be redone.
    redo: Vec<CorpusEdit>,
}

/// A change to a corpus, as its own undo: applying it gives back the change that undoes it.
#[derive(Clone, Debug)]
enum CorpusEdit {
    /// Entities of articles made mentions of other actors (merging, splitting actors).
    Moves(Vec<Move>),
    /// The publication date of an article.
    Published(i64, Option<String>),
}

impl CorpusEdit {
    fn apply(&self, corpus: &mut Corpus) -> Result<CorpusEdit, String> {
        match self {
            CorpusEdit::Moves(moves) => corpus.move_mentions(moves).map(CorpusEdit::Moves),
            CorpusEdit::Published(id, date) => {
                let before = corpus
                    .articles()?
                    .into_iter()
                    .find(|a| a.id == *id)
                    .and_then(|a| a.published);
                corpus.restore_published(*id, date.as_deref())?;
                Ok(CorpusEdit::Published(*id, before))
            }
        }
    }
}

/// What a composition thread gives back: the composed corpus and the filter bar's lists.
struct Shown {
    composed: Composed,
    actors: Vec<ActorRow>,
    outlets: Vec<String>,
    countries: Vec<String>,
}

/// Composes what `filter` lets through, and the lists the filter bar offers.
fn compose(path: &Path, filter: &Filter) -> Result<Shown, String> {
    let corpus = Corpus::open(path)?;
    let composed = corpus.compose(filter)?;
    let mut actors = corpus.actors(2)?;
    actors.truncate(300);
    Ok(Shown {
        composed,
        actors,
        outlets: corpus.outlets()?,
        countries: corpus.countries()?,
    })
}

/// An import running on its own thread.
pub struct ImportJob {
    progress: Arc<Mutex<Progress>>,
    cancel: Arc<AtomicBool>,
    done: Receiver<Result<ImportReport, String>>,
}

impl ImportJob {
    /// Counts so far.
    pub fn progress(&self) -> Progress {
        self.progress.lock().map(|p| *p).unwrap_or_default()
    }
}

impl Desk {
    fn open(path: &Path) -> Result<Self, String> {
        let corpus = Corpus::open(path)?;
        let desk = Desk {
            corpus,
            filter: Filter::default(),
            articles: Vec::new(),
            actors: Vec::new(),
            outlets: Vec::new(),
            import: None,
            query: String::new(),
            same_as: Default::default(),
            countries: Vec::new(),
            dates: Default::default(),
            composing: None,
            fit_when_composed: false,
            undo: Vec::new(),
            redo: Vec::new(),
        };
        Ok(desk)
    }

    /// The name of the corpus file.
    pub fn name(&self) -> String {
        self.corpus
            .path()
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    }

    /// The filter in words, empty when nothing is filtered.
    pub fn filter_text(&self, locale: crate::i18n::Locale) -> String {
        let f = &self.filter;
        let mut parts = Vec::new();
        if !f.query.is_empty() {
            parts.push(format!("«{}»", f.query));
        }
        if let Some(a) = f.actor {
            let name = self
                .actors
                .iter()
                .find(|x| x.id == a)
                .map_or_else(|| crate::corpus::entity_id(a), |x| x.name.clone());
            parts.push(name);
        }
        if let Some(k) = &f.kind {
            parts.push(locale.term("kind", k));
        }
        if let Some(o) = &f.outlet {
            parts.push(o.clone());
        }
        if let Some(c) = &f.country {
            parts.push(c.clone());
        }
        match (&f.from, &f.to) {
            (Some(a), Some(b)) => parts.push(format!("{a} – {b}")),
            (Some(a), None) => parts.push(format!("{a} –")),
            (None, Some(b)) => parts.push(format!("– {b}")),
            (None, None) => {}
        }
        parts.join(" · ")
    }
}

impl WaqaiApp {
    /// Opens the corpus at `path` (creating it when it does not exist) and shows all of it: the
    /// window shows the corpus at once, its views fill in when the composition (on its own
    /// thread) is done.
    pub fn open_corpus(&mut self, path: &Path) -> bool {
        match Desk::open(path) {
            Ok(desk) => {
                // An article still being extracted would land on top of the corpus.
                self.loading = None;
                self.close_desk();
                let mut empty = crate::model::Document {
                    format: crate::model::FORMAT.to_owned(),
                    ..Default::default()
                };
                empty.article.title = desk.name();
                self.desk = Some(desk);
                self.set_document(empty, None);
                self.recompose();
                true
            }
            Err(e) => {
                self.banner = Some(self.locale().f("error-open", &[("why", e.into())]));
                false
            }
        }
    }

    /// Closes the corpus shown, if any, stopping its import (what it wrote stays).
    pub(super) fn close_desk(&mut self) {
        self.cancel_import();
        self.desk = None;
    }

    /// Composes what the filter lets through into the session's document, on its own thread
    /// (a later call supersedes a running one).
    pub fn recompose(&mut self) {
        let Some(desk) = &mut self.desk else {
            return;
        };
        let (path, filter) = (desk.corpus.path().to_owned(), desk.filter.clone());
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(compose(&path, &filter));
        });
        desk.composing = Some(rx);
    }

    /// Whether a composition is running.
    pub fn is_composing(&self) -> bool {
        self.desk.as_ref().is_some_and(|d| d.composing.is_some())
    }

    /// Shows a finished composition.
    pub(super) fn poll_compose(&mut self, ctx: &egui::Context) {
        let Some(desk) = &mut self.desk else {
            return;
        };
        let Some(rx) = &desk.composing else {
            return;
        };
        match rx.try_recv() {
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(30));
            }
            Ok(Ok(shown)) => {
                desk.composing = None;
                // The panels keep their state, the selection its item, and the article panel
                // its article (where it still is): a filter or an edit is no new document.
                let anchor = self.panels.article.anchor;
                let old = desk.articles.iter().find(|a| a.chars.contains(&anchor));
                let place = old.map(|a| (a.id, anchor - a.chars.start));
                desk.articles = shown.composed.articles;
                desk.same_as = shown.composed.same_as;
                desk.actors = shown.actors;
                desk.outlets = shown.outlets;
                desk.countries = shown.countries;
                self.panels.article.anchor = place
                    .and_then(|(id, off)| {
                        let a = desk.articles.iter().find(|a| a.id == id)?;
                        Some(a.chars.start + off.min(a.chars.len().saturating_sub(1)))
                    })
                    .unwrap_or(0);
                let item = self.session.item().clone();
                self.session.replace(shown.composed.doc, None);
                self.session.select_item(item);
                if std::mem::take(&mut desk.fit_when_composed) {
                    self.panels.fit();
                }
            }
            Ok(Err(e)) => {
                desk.composing = None;
                self.banner = Some(self.locale().f("error-open", &[("why", e.into())]));
            }
            Err(TryRecvError::Disconnected) => {
                desk.composing = None;
                self.banner = Some(self.locale().t("compose-stopped"));
            }
        }
    }

    /// An edit of the corpus shown: merging or splitting actors across articles and setting an
    /// article's date are made in the corpus (undoable); other edits belong to an article opened
    /// on its own. Returns whether the corpus took it.
    pub(super) fn corpus_edit(&mut self, edit: &Edit) -> bool {
        let Some(desk) = &mut self.desk else {
            return false;
        };
        let article_at = |at: usize| {
            let k = desk.articles.partition_point(|a| a.chars.end <= at);
            desk.articles.get(k).map(|a| a.id)
        };
        let change = match edit {
            Edit::Merge(keep, gone) => match (actor_of_entity(keep), actor_of_entity(gone)) {
                (Some(k), Some(g)) => {
                    // The actors shown as `gone` go with it.
                    let mut all = Vec::new();
                    let mut result = Ok(());
                    for a in std::iter::once(g).chain(shown_as(&desk.same_as, g)) {
                        match desk.corpus.merge_moves(k, a) {
                            Ok(m) => all.extend(m),
                            Err(e) => result = Err(e),
                        }
                    }
                    result.map(|()| CorpusEdit::Moves(all))
                }
                _ => return false,
            },
            Edit::SplitMention(entity, span) => {
                match (actor_of_entity(entity), article_at(span.start)) {
                    (Some(a), Some(article)) => {
                        let same = shown_as(&desk.same_as, a);
                        desk.corpus
                            .split_moves(a, &same, article)
                            .map(CorpusEdit::Moves)
                    }
                    _ => return false,
                }
            }
            Edit::SetPublished(date) => match article_at(self.panels.article.anchor) {
                Some(_)
                    if date
                        .as_deref()
                        .is_some_and(|d| crate::model::parse_date(d).is_none()) =>
                {
                    Err(format!(
                        "{} is not a date (YYYY-MM-DD)",
                        date.as_deref().unwrap_or("")
                    ))
                }
                Some(id) => Ok(CorpusEdit::Published(id, date.clone())),
                None => return false,
            },
            _ => {
                self.banner = Some(self.locale().t("corpus-edit-elsewhere"));
                return true;
            }
        };
        match change.and_then(|c| c.apply(&mut desk.corpus)) {
            Ok(inverse) => {
                desk.undo.push(inverse);
                desk.redo.clear();
                self.recompose();
            }
            Err(e) => self.banner = Some(self.locale().f("error-edit", &[("why", e.into())])),
        }
        true
    }

    /// Whether the corpus has a change to undo (`redo`: to redo).
    pub(super) fn corpus_can(&self, redo: bool) -> bool {
        self.desk
            .as_ref()
            .is_some_and(|d| !if redo { &d.redo } else { &d.undo }.is_empty())
    }

    /// Undoes (or redoes) the last change to the corpus.
    pub(super) fn corpus_undo(&mut self, redo: bool) {
        let Some(desk) = &mut self.desk else {
            return;
        };
        let from = if redo { &mut desk.redo } else { &mut desk.undo };
        let Some(edit) = from.pop() else {
            return;
        };
        match edit.apply(&mut desk.corpus) {
            Ok(inverse) => {
                if redo {
                    desk.undo.push(inverse);
                } else {
                    desk.redo.push(inverse);
                }
                self.recompose();
            }
            Err(e) => {
                // Kept, to be tried again.
                from.push(edit);
                self.banner = Some(self.locale().f("error-edit", &[("why", e.into())]));
            }
        }
    }

    /// Sets the corpus filter and shows what it lets through.
    pub fn set_filter(&mut self, filter: Filter) {
        if let Some(desk) = &mut self.desk {
            desk.query.clone_from(&filter.query);
            desk.filter = filter;
            desk.fit_when_composed = true;
            self.recompose();
        }
    }

    /// The corpus shown, if any.
    pub fn desk(&self) -> Option<&Desk> {
        self.desk.as_ref()
    }

    /// Imports `files` (and the articles of folders) into the open corpus on a background
    /// thread, with progress and cancel.
    pub fn import(&mut self, files: Vec<PathBuf>) {
        let Some(desk) = &mut self.desk else {
            return;
        };
        if desk.import.is_some() || files.is_empty() {
            return;
        }
        let path = desk.corpus.path().to_owned();
        let progress = Arc::new(Mutex::new(Progress::default()));
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, rx) = std::sync::mpsc::channel();
        let (p, c) = (progress.clone(), cancel.clone());
        std::thread::spawn(move || {
            let result = Corpus::open(&path).map(|mut corpus| {
                let files = crate::corpus::input_files(&files);
                let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
                crate::corpus::import_paths(&mut corpus, &files, threads, &c, &mut |now| {
                    if let Ok(mut p) = p.lock() {
                        *p = *now;
                    }
                })
            });
            let _ = tx.send(result);
        });
        desk.import = Some(ImportJob {
            progress,
            cancel,
            done: rx,
        });
    }

    /// Whether an import is running.
    pub fn is_importing(&self) -> bool {
        self.desk.as_ref().is_some_and(|d| d.import.is_some())
    }

    /// Stops the running import (what it wrote stays).
    pub fn cancel_import(&mut self) {
        if let Some(job) = self.desk.as_ref().and_then(|d| d.import.as_ref()) {
            job.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Picks up the end of an import: the corpus is composed again.
    pub(super) fn poll_import(&mut self, ctx: &egui::Context) {
        let Some(desk) = &mut self.desk else {
            return;
        };
        let Some(job) = &desk.import else {
            return;
        };
        match job.done.try_recv() {
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
            Ok(result) => {
                desk.import = None;
                let locale = self.locale();
                match result {
                    Ok(report) => {
                        let p = &report.progress;
                        let id = if report.cancelled {
                            "import-cancelled"
                        } else {
                            "import-done"
                        };
                        self.status_note = Some(locale.f(
                            id,
                            &[
                                ("new", p.new.into()),
                                ("unchanged", p.unchanged.into()),
                                ("failed", p.failed.into()),
                            ],
                        ));
                        if let Some((path, why)) = report.failures.first() {
                            let path = path.display().to_string();
                            self.banner = Some(locale.f(
                                "import-failure",
                                &[
                                    ("n", report.failures.len().into()),
                                    ("path", path.into()),
                                    ("why", why.clone().into()),
                                ],
                            ));
                        }
                    }
                    Err(e) => self.banner = Some(locale.f("error-open", &[("why", e.into())])),
                }
                self.recompose();
            }
            Err(TryRecvError::Disconnected) => {
                desk.import = None;
                self.banner = Some(self.locale().t("import-stopped"));
            }
        }
    }

    /// The import's progress bar in the status bar: count, rate and a cancel button; a spinner
    /// while the corpus is composed.
    pub(super) fn import_status(&mut self, ui: &mut egui::Ui) {
        if self.is_composing() {
            ui.separator();
            ui.spinner();
            ui.label(t(ui, "composing"));
        }
        let Some(job) = self.desk.as_ref().and_then(|d| d.import.as_ref()) else {
            return;
        };
        let p = job.progress();
        ui.separator();
        let fraction = if p.total == 0 {
            0.0
        } else {
            p.done as f32 / p.total as f32
        };
        let text = tsf(
            ui,
            "import-progress",
            &[
                ("done", p.done.into()),
                ("total", p.total.into()),
                ("rate", (p.rate().round() as i64).into()),
            ],
        );
        ui.add(
            egui::ProgressBar::new(fraction)
                .desired_width(160.0)
                .text(tr::text(ui, &text)),
        );
        if ui
            .button(t(ui, "cancel"))
            .on_hover_text(t(ui, "import-cancel-tip"))
            .clicked()
        {
            self.cancel_import();
        }
    }

    /// The filter bar over the views: words, actor, kind, country, outlet, dates, and what is
    /// filtered.
    pub(super) fn filter_bar(&mut self, ui: &mut egui::Ui) {
        let locale = self.locale();
        let Some(desk) = &mut self.desk else {
            return;
        };
        let mut next = desk.filter.clone();
        tr::wrapped_row(ui, |ui| {
            let color = ui.visuals().strong_text_color();
            crate::text::label(ui, &desk.name(), &crate::fonts::ui(13.0), color);
            ui.separator();
            let query = &mut desk.query;
            if let Some(words) = field(ui, "corpus-query", query, "filter-words-hint", 180.0) {
                next.query = words;
            }
            let actors: Vec<(i64, String)> = desk
                .actors
                .iter()
                .map(|a| (a.id, format!("{} ({})", a.name, a.articles)))
                .collect();
            choice(
                ui,
                "filter-actor",
                "filter-any-actor",
                &mut next.actor,
                &actors,
            );
            let kinds: Vec<(String, String)> = crate::model::EVENT_KINDS
                .iter()
                .map(|k| ((*k).to_owned(), locale.term("kind", k)))
                .collect();
            choice(ui, "filter-kind", "filter-any-kind", &mut next.kind, &kinds);
            let countries: Vec<(String, String)> = desk
                .countries
                .iter()
                .map(|c| (c.clone(), c.clone()))
                .collect();
            choice(
                ui,
                "filter-country",
                "filter-any-country",
                &mut next.country,
                &countries,
            );
            let outlets: Vec<(String, String)> = desk
                .outlets
                .iter()
                .map(|o| (o.clone(), o.clone()))
                .collect();
            choice(
                ui,
                "filter-outlet",
                "filter-any-outlet",
                &mut next.outlet,
                &outlets,
            );
            for (id, hint, bound) in [
                ("corpus-from", "filter-from", &mut next.from),
                ("corpus-to", "filter-to", &mut next.to),
            ] {
                let text = desk
                    .dates
                    .entry(id)
                    .or_insert_with(|| bound.clone().unwrap_or_default());
                if let Some(day) = field(ui, id, text, hint, 100.0) {
                    if day.is_empty() {
                        *bound = None;
                    } else if crate::model::parse_date(&day).is_some() {
                        *bound = Some(day);
                    }
                }
            }
            if !desk.filter.is_empty() {
                ui.separator();
                let shown = desk.filter_text(locale);
                let warn = ui.visuals().warn_fg_color;
                tr::colored(
                    ui,
                    warn,
                    &tsf(ui, "filter-shown", &[("what", shown.into())]),
                );
                if ui
                    .button(t(ui, "filter-clear"))
                    .on_hover_text(t(ui, "filter-clear-tip"))
                    .clicked()
                {
                    next = Filter::default();
                    desk.dates.clear();
                }
            }
            let n = desk.articles.len();
            ui.label(tf(ui, "filter-articles", &[("n", n.into())]));
        });
        if next != desk.filter {
            self.set_filter(next);
        }
    }

    /// Where the article panel stands: the article holding the last place shown.
    pub(super) fn article_range(&self) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
        let desk = self.desk.as_ref()?;
        let at = self.panels.article.anchor;
        let k = desk
            .articles
            .partition_point(|a| a.chars.end <= at)
            .min(desk.articles.len().checked_sub(1)?);
        let a = &desk.articles[k];
        Some((a.chars.clone(), a.bytes.clone()))
    }

    /// Shows article `k` of the list: the selection is cleared and the article panel turns to it.
    pub fn show_article(&mut self, k: usize) {
        let Some(start) = self
            .desk
            .as_ref()
            .and_then(|d| d.articles.get(k))
            .map(|a| a.chars.start)
        else {
            return;
        };
        self.select(Selection::None);
        self.panels.article.show_char(start);
    }
}

/// A field of the filter bar: what was typed, trimmed, when Enter was pressed.
fn field(ui: &mut egui::Ui, id: &str, text: &mut String, hint: &str, width: f32) -> Option<String> {
    let hint = ts(ui, hint);
    let out = crate::text::text_field(
        ui,
        ui.make_persistent_id(id),
        text,
        &crate::text::FieldOptions {
            hint: &hint,
            width: Some(width),
            ..Default::default()
        },
    );
    let tip = if id == "corpus-query" {
        "filter-words-tip"
    } else {
        "filter-enter-tip"
    };
    out.response.on_hover_text(t(ui, tip));
    out.submitted.then(|| text.trim().to_owned())
}

/// A drop-down of the filter bar named `name`: `any` (no filter) or one of `options` (value,
/// label). Changes `current` when the user picks.
fn choice<T: Clone + PartialEq>(
    ui: &mut egui::Ui,
    name: &str,
    any: &str,
    current: &mut Option<T>,
    options: &[(T, String)],
) {
    let any = ts(ui, any);
    let shown = current
        .as_ref()
        .and_then(|c| options.iter().find(|(v, _)| v == c))
        .map_or(any.clone(), |(_, l)| l.clone());
    let r = egui::ComboBox::from_id_salt(name)
        .selected_text(tr::text(ui, &shown))
        .width(150.0)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(current.is_none(), tr::text(ui, &any))
                .clicked()
            {
                *current = None;
            }
            for (value, label) in options {
                let on = current.as_ref() == Some(value);
                if crate::text::egui_text::selectable(ui, on, label).clicked() {
                    *current = Some(value.clone());
                }
            }
        });
    let name = ts(ui, name);
    let enabled = r.response.enabled();
    r.response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, enabled, &name));
}
