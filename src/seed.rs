//! The bundled seed article and its curated document, embedded in the binary.

use std::path::PathBuf;

use crate::model::{Document, parse_document};

/// The curated seed document (`seeds/000_53d1f05ff851aa2a.waqai.json`).
pub const SEED_JSON: &str = include_str!("../seeds/000_53d1f05ff851aa2a.waqai.json");

/// The seed article as plain text.
pub const SEED_TEXT: &str = include_str!("../seeds/000_53d1f05ff851aa2a.txt");

/// The seed document, parsed.
pub fn document() -> Document {
    parse_document(SEED_JSON.as_bytes()).expect("the bundled seed document is valid")
}

/// The seed document's path in the source tree, when it is there (for Save).
pub fn path() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds/000_53d1f05ff851aa2a.waqai.json");
    p.exists().then_some(p)
}
