//! From a file to a document: a Waqai document is read as it is; anything else is an article,
//! decoded (encodings, HTML) and run through the extractor. This sits above `model` and
//! `extract`, so that neither needs the other.

use std::path::Path;

use crate::model::{self, Document, LoadError};
use crate::timings::Timings;

/// Opens a file: a `.json` document, or an article (any other extension) extracted on the way.
pub fn open_path(path: &Path) -> Result<Document, LoadError> {
    open_timed(path, &mut Timings::default())
}

/// Opens a file as [`open_path`] does, recording the time of each stage in `timings`: `read`,
/// then `parse` for a document or `extract` (decoding included) for an article.
pub fn open_timed(path: &Path, timings: &mut Timings) -> Result<Document, LoadError> {
    let bytes = timings.time("read", || model::read_file(path))?;
    let mut doc = if model::is_document_path(path) {
        timings
            .time("parse", || model::parse_document(&bytes))
            .map_err(|r| model::load_error(path, r))?
    } else {
        timings
            .time("extract", || {
                crate::extract::document_from_bytes(&bytes, None)
            })
            .map_err(|r| model::load_error(path, r))?
    };
    if doc.article.source.path.is_none() || !model::is_document_path(path) {
        doc.article.source.path = Some(path.display().to_string());
    }
    Ok(doc)
}

/// Opens a file as [`open_path`] does, turning a panic of the extractor into an error that
/// names the file: a bug in the rules must never take the window or a batch down.
pub fn open_path_guarded(path: &Path) -> Result<Document, LoadError> {
    open_guarded_timed(path, &mut Timings::default())
}

/// [`open_path_guarded`] recording stage times as [`open_timed`] does.
pub fn open_guarded_timed(path: &Path, timings: &mut Timings) -> Result<Document, LoadError> {
    let mut t = Timings::default();
    let result =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| open_timed(path, &mut t)));
    timings.extend(&t);
    result.unwrap_or_else(|_| {
        Err(model::load_error(
            path,
            "the extractor failed on this article (a bug: please report it with the file)",
        ))
    })
}
