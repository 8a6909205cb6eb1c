//! One open document and everything that follows from it, without a window: the document and
//! its path, the undo history, whether it is saved, the selection (by id), and the models the
//! views draw (chronology, graph, lanes, what the selection relates to, validation problems).
//!
//! Every change goes through [`Session::edit`] (or undo/redo), so every change can be undone
//! and marks the document unsaved; after each one the derived models are rebuilt and the
//! selection is dropped if its item is gone.

use std::path::{Path, PathBuf};

use crate::graph::Graph;
use crate::lanes::TimelineModel;
use crate::model::{self, Chronology, Document, Edit, History, Problem};
use crate::selection::{Item, Related, Selection};

/// How the derived models are built.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Timeline lanes per event kind instead of per actor.
    pub lanes_by_kind: bool,
    /// Places (cities, countries, sites) as nodes of the relationship graph.
    pub show_places: bool,
}

/// The open document and what follows from it.
pub struct Session {
    doc: Document,
    path: Option<PathBuf>,
    history: History<Item>,
    dirty: bool,
    item: Item,
    options: Options,
    derived: Derived,
}

/// Models rebuilt after every change.
#[derive(Default)]
struct Derived {
    problems: Vec<Problem>,
    chronology: Chronology,
    graph: Graph,
    lanes: TimelineModel,
    selection: Selection,
    related: Related,
    generation: u64,
    timings: crate::timings::Timings,
}

impl Session {
    /// A session on `doc` (read from `path`, when it was).
    pub fn new(doc: Document, path: Option<PathBuf>) -> Self {
        let mut s = Self {
            doc,
            path,
            history: History::default(),
            dirty: false,
            item: Item::None,
            options: Options::default(),
            derived: Derived::default(),
        };
        s.rebuild();
        s
    }

    /// Another document (history and selection start afresh).
    pub fn replace(&mut self, doc: Document, path: Option<PathBuf>) {
        self.doc = doc;
        self.path = path;
        self.history.clear();
        self.dirty = false;
        self.item = Item::None;
        self.rebuild();
    }

    /// The document.
    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// Where it is saved (or was read from).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether there are edits not saved.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// The document was saved at `path`: nothing is unsaved any more.
    pub fn saved_at(&mut self, path: PathBuf) {
        self.path = Some(path);
        self.dirty = false;
    }

    /// Forgets what can be undone and redone; the document stays as it is. (A long scripted
    /// session checks its undo in stretches shorter than the history keeps.)
    pub fn clear_history(&mut self) {
        self.history.clear();
    }

    /// The unsaved edits are given up on (the document stays as it is, marked saved).
    pub fn forget_changes(&mut self) {
        self.dirty = false;
    }

    /// Applies an edit as one undoable step. A refused edit changes nothing: not the document,
    /// not the history (undo and redo stay as they were). Returns the id of what it created.
    pub fn edit(&mut self, e: &Edit) -> Result<Option<String>, String> {
        let before = self.doc.clone();
        let created = model::apply_edit(&mut self.doc, e)?;
        self.history.record(&before, &self.doc, self.item.clone());
        self.dirty = true;
        self.rebuild();
        Ok(created)
    }

    /// Replaces the whole document as one undoable step (a recovered version of it).
    pub fn restore(&mut self, doc: Document) {
        let before = std::mem::replace(&mut self.doc, doc);
        self.history.record(&before, &self.doc, self.item.clone());
        self.dirty = true;
        self.rebuild();
    }

    /// Undoes the last step, selection included; false when there was none.
    pub fn undo(&mut self) -> bool {
        match self.history.undo(&mut self.doc, self.item.clone()) {
            Some(item) => {
                self.item = item;
                self.dirty = true;
                self.rebuild();
                true
            }
            None => false,
        }
    }

    /// Redoes the last undone step; false when there was none.
    pub fn redo(&mut self) -> bool {
        match self.history.redo(&mut self.doc, self.item.clone()) {
            Some(item) => {
                self.item = item;
                self.dirty = true;
                self.rebuild();
                true
            }
            None => false,
        }
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// How many steps can be undone.
    pub fn undo_steps(&self) -> usize {
        self.history.len()
    }

    /// Heap bytes the undo history holds, roughly.
    pub fn history_bytes(&self) -> usize {
        self.history.bytes()
    }

    /// Selects what a view points at (indices of the document as it is now).
    pub fn select(&mut self, sel: Selection) {
        self.select_item(Item::of(&self.doc, sel));
    }

    /// Selects an item by id.
    pub fn select_item(&mut self, item: Item) {
        self.item = item;
        self.derive_selection();
    }

    /// The selected item.
    pub fn item(&self) -> &Item {
        &self.item
    }

    /// The selection, as indices into the document as it is now.
    pub fn selection(&self) -> Selection {
        self.derived.selection
    }

    /// What the selection relates to.
    pub fn related(&self) -> &Related {
        &self.derived.related
    }

    /// The validation problems of the document.
    pub fn problems(&self) -> &[Problem] {
        &self.derived.problems
    }

    /// The time axis.
    pub fn chronology(&self) -> &Chronology {
        &self.derived.chronology
    }

    /// The relationship graph.
    pub fn graph(&self) -> &Graph {
        &self.derived.graph
    }

    /// The timeline's lanes.
    pub fn lanes(&self) -> &TimelineModel {
        &self.derived.lanes
    }

    /// Counts the changes of the document and of the options (caches compare it).
    pub fn generation(&self) -> u64 {
        self.derived.generation
    }

    /// How the derived models are built.
    pub fn options(&self) -> Options {
        self.options
    }

    /// Builds the derived models another way.
    pub fn set_options(&mut self, options: Options) {
        if options != self.options {
            self.options = options;
            self.rebuild();
        }
    }

    /// How long each model took to build after the last change or open: `validate`,
    /// `chronology`, `graph`, `lanes`, `selection`.
    pub fn timings(&self) -> &crate::timings::Timings {
        &self.derived.timings
    }

    fn rebuild(&mut self) {
        let mut t = crate::timings::Timings::default();
        let (doc, opts) = (&self.doc, self.options);
        let d = &mut self.derived;
        d.generation += 1;
        d.problems = t.time("validate", || model::validate(doc));
        d.chronology = t.time("chronology", || Chronology::of(doc));
        d.graph = t.time("graph", || Graph::of(doc, opts.show_places));
        d.lanes = t.time("lanes", || TimelineModel::of(doc, opts.lanes_by_kind));
        t.time("selection", || self.derive_selection());
        self.derived.timings = t;
    }

    /// Resolves the selected item in the document as it is; an item that is gone is dropped.
    fn derive_selection(&mut self) {
        let sel = self.item.resolve(&self.doc);
        if sel == Selection::None {
            self.item = Item::None;
        }
        self.derived.selection = sel;
        self.derived.related = Related::of(&self.doc, sel);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn seed() -> Session {
        Session::new(crate::seed::document(), None)
    }

    #[test]
    fn a_merge_keeps_the_kept_actor_selected() {
        let mut s = seed();
        // Keep an actor that comes after the one merged into it: its index shifts.
        let keep = s.doc().entities[3].id.clone();
        let gone = s.doc().entities[0].id.clone();
        s.select_item(Item::Entity(keep.clone()));
        s.edit(&Edit::Merge(keep.clone(), gone)).unwrap();
        assert_eq!(s.item(), &Item::Entity(keep.clone()));
        let Selection::Entity(k) = s.selection() else {
            panic!("nothing selected");
        };
        assert_eq!(s.doc().entities[k].id, keep);
    }

    #[test]
    fn the_publication_date_is_an_undoable_edit() {
        let mut s = seed();
        assert!(!s.is_dirty());
        s.edit(&Edit::SetPublished(Some("2020-11-19".into())))
            .unwrap();
        assert!(s.is_dirty());
        assert_eq!(s.doc().article.published.as_deref(), Some("2020-11-19"));
        assert!(
            s.doc()
                .events
                .iter()
                .any(|e| e.when.date.as_deref() == Some("2020-11-19"))
        );
        assert!(s.undo());
        assert_eq!(s.doc().article.published, None);
        assert!(s.doc().events.iter().all(|e| e.when.date.is_none()));
        assert_eq!(s.doc(), &crate::seed::document());
    }

    #[test]
    fn a_refused_edit_keeps_undo_and_redo() {
        let mut s = seed();
        let id = s.doc().events[0].id.clone();
        s.edit(&Edit::EventSummary(id.clone(), "one".into()))
            .unwrap();
        s.edit(&Edit::EventSummary(id.clone(), "two".into()))
            .unwrap();
        assert!(s.undo());
        let doc = s.doc().clone();
        assert!(
            s.edit(&Edit::EventKind(id.clone(), "party".into()))
                .is_err()
        );
        assert_eq!(s.doc(), &doc);
        assert!(s.can_redo(), "the refused edit must not forget the redo");
        assert!(s.redo());
        assert_eq!(s.doc().events[0].summary, "two");
    }

    #[test]
    fn deleting_the_selected_event_clears_the_selection() {
        let mut s = seed();
        let id = s.doc().events[2].id.clone();
        s.select(Selection::Event(2));
        assert_eq!(s.item(), &Item::Event(id.clone()));
        s.edit(&Edit::DeleteEvent(id)).unwrap();
        assert_eq!(s.item(), &Item::None);
        assert_eq!(s.selection(), Selection::None);
        assert!(!s.related().active);
    }

    #[test]
    fn undo_and_redo_walk_back_and_forth_through_many_edits() {
        let mut s = seed();
        let original = s.doc().clone();
        let a = s.doc().entities[1].id.clone();
        let b = s.doc().entities[2].id.clone();
        let e = s.doc().events[1].id.clone();
        s.edit(&Edit::NewEvent("meeting".into(), Span::new(10, 30)))
            .unwrap();
        s.edit(&Edit::DeleteEvent(e)).unwrap();
        s.edit(&Edit::Merge(a, b)).unwrap();
        s.edit(&Edit::EntityName(
            s.doc().entities[0].id.clone(),
            "x".into(),
        ))
        .unwrap();
        let last = s.doc().clone();
        while s.undo() {}
        assert_eq!(s.doc(), &original);
        while s.redo() {}
        assert_eq!(s.doc(), &last);
    }

    #[test]
    fn restoring_a_recovered_document_is_undone_exactly() {
        let mut s = Session::new(crate::seed::document(), None);
        let mut kept = crate::seed::document();
        let first = kept.events[0].id.clone();
        model::apply_edit(&mut kept, &Edit::DeleteEvent(first)).expect("valid");
        s.restore(kept.clone());
        assert_eq!(s.doc(), &kept);
        assert!(s.undo());
        assert_eq!(s.doc(), &crate::seed::document());
        assert!(s.redo());
        assert_eq!(s.doc(), &kept);
    }
}
