//! Gold documents of articles that are not ours to redistribute.
//!
//! Such a document stores offsets and the sha256 of the article file, not its text:
//! `article.text` is empty, `article.text_sha256` holds the hash and `article.source.path` the
//! article's path inside the corpus folder. Loading puts the text back and checks the hash.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::model::{Document, normalize_text, parse_document};

/// The field of `article` that holds the hash of the article file.
pub const HASH_FIELD: &str = "text_sha256";

/// The sha256 of some bytes, in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The shared corpus folder: `WAQAI_CORPUS` when set, else the first `shared/corpus` found
/// beside one of the folders above `start`.
pub fn find_corpus(start: &Path) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("WAQAI_CORPUS") {
        return Some(PathBuf::from(p));
    }
    let start = start.canonicalize().ok()?;
    start
        .ancestors()
        .map(|a| a.join("shared").join("corpus"))
        .find(|p| p.is_dir())
}

/// Whether the document stores a hash instead of its text.
pub fn is_textless(doc: &Document) -> bool {
    doc.article.text.is_empty() && doc.article.extra.contains_key(HASH_FIELD)
}

/// Reads a gold document; when it stores a hash instead of its text, the text is read from
/// `corpus` (joined with `article.source.path`) and must have that hash.
pub fn load_gold(path: &Path, corpus: Option<&Path>) -> Result<Document, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut doc = parse_document(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    if !is_textless(&doc) {
        return Ok(doc);
    }
    let want = doc.article.extra[HASH_FIELD].as_str().unwrap_or_default();
    let Some(rel) = doc.article.source.path.clone() else {
        return Err(format!("{}: no article.source.path", path.display()));
    };
    let Some(corpus) = corpus else {
        return Err(format!(
            "{}: the article {rel} is in the shared corpus, which was not found \
             (set WAQAI_CORPUS)",
            path.display()
        ));
    };
    let article = corpus.join(&rel);
    let raw = std::fs::read(&article).map_err(|e| format!("{}: {e}", article.display()))?;
    let got = sha256_hex(&raw);
    if got != want {
        return Err(format!(
            "{}: sha256 {got}, but the gold document {} was made for {want}",
            article.display(),
            path.display()
        ));
    }
    let text = String::from_utf8(raw).map_err(|_| format!("{}: not UTF-8", article.display()))?;
    doc.article.text = normalize_text(&text);
    doc.article.title = doc
        .article
        .text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .trim()
        .to_owned();
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_hex_sha256() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
