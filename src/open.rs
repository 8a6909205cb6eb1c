//! From a file to a document: a Waqai document is read as it is; anything else is an article,
//! decoded (encodings, HTML) and run through the extractor. This sits above `model` and
//! `extract`, so that neither needs the other.

use std::path::Path;

use crate::model::{self, Document, LoadError};

/// Opens a file: a `.json` document, or an article (any other extension) extracted on the way.
pub fn open_path(path: &Path) -> Result<Document, LoadError> {
    if model::is_document_path(path) {
        return model::load_document(path);
    }
    let bytes = model::read_file(path)?;
    let mut doc = crate::extract::document_from_bytes(&bytes, None)
        .map_err(|r| model::load_error(path, r))?;
    doc.article.source.path = Some(path.display().to_string());
    Ok(doc)
}

/// Opens a file as [`open_path`] does, turning a panic of the extractor into an error that
/// names the file: a bug in the rules must never take the window or a batch down.
pub fn open_path_guarded(path: &Path) -> Result<Document, LoadError> {
    std::panic::catch_unwind(|| open_path(path)).unwrap_or_else(|_| {
        Err(model::load_error(
            path,
            "the extractor failed on this article (a bug: please report it with the file)",
        ))
    })
}
