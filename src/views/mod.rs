//! One module per panel. Each is a function of the shared state that returns what the user did.

pub mod article;
pub mod editor;
pub mod inspector;
pub mod relations;
pub mod style;
pub mod timeline;

use crate::graph::Graph;
use crate::model::{Chronology, Document};
use crate::selection::{Related, Selection};

/// What every view reads.
pub struct ViewState<'a> {
    /// The open document.
    pub doc: &'a Document,
    /// Its time axis.
    pub chron: &'a Chronology,
    /// Its relationship graph.
    pub graph: &'a Graph,
    /// The selection.
    pub selection: Selection,
    /// What the selection relates to.
    pub related: &'a Related,
    /// Dark theme in use.
    pub dark: bool,
    /// Changes whenever the document changes (for caches).
    pub generation: u64,
}

/// What the user did in a view.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Select this (or clear with `Selection::None`).
    Select(Selection),
    /// Scroll the article to this char.
    ShowInArticle(usize),
    /// Open the export dialog for this view.
    Export(crate::export::View),
    /// Set the publication date (YYYY-MM-DD) and resolve relative dates with it.
    SetPublished(String),
    /// Change the document (undoable).
    Edit(crate::model::Edit),
}
