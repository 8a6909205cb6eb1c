//! From an article file to a document: decoding, then the Arabic extraction pipeline.
//! No GUI code.
//!
//! Text is never sliced by byte offsets here (a slice inside a letter panics): the
//! `clippy::string_slice` lint is denied.
#![deny(clippy::string_slice)]

pub mod analysis;
pub mod coref;
pub mod decode;
pub mod eval;
pub mod events;
pub mod gold;
pub mod html;
pub mod kinds;
pub mod lexicon;
pub mod names;
pub mod output;
pub mod phrases;
pub mod pipeline;
pub mod tagger;
pub mod time;
pub mod tokens;

use std::sync::OnceLock;

use crate::model::Document;

/// The bundled lexicon, loaded once.
pub fn lexicon() -> &'static lexicon::Lexicon {
    static L: OnceLock<lexicon::Lexicon> = OnceLock::new();
    L.get_or_init(lexicon::Lexicon::load)
}

/// Fills `doc` with what the extractor finds in its text (entities, events and relations are
/// replaced; the article and unknown fields are kept).
pub fn extract_into(doc: &mut Document) {
    let x = pipeline::extract(
        lexicon(),
        &doc.article.text,
        doc.article.published.as_deref(),
    );
    doc.entities = x.entities;
    doc.events = x.events;
    doc.relations = x.relations;
}

/// Decodes an article file and extracts from it.
pub fn document_from_bytes(bytes: &[u8], path: Option<&str>) -> Result<Document, String> {
    let d = decode::decode(bytes)?;
    let mut doc = crate::model::document_from_text(&d.text);
    doc.article.source.path = path.map(str::to_owned);
    if d.encoding != "UTF-8" {
        doc.article
            .extra
            .insert("encoding".into(), d.encoding.into());
    }
    doc.article.published.clone_from(&d.meta.published);
    doc.article.source.outlet.clone_from(&d.meta.outlet);
    extract_into(&mut doc);
    crate::model::resolve_relative_dates(&mut doc);
    Ok(doc)
}
