//! Reading documents and plain-text articles from disk, and saving documents atomically.

use std::fmt;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::types::{Article, Document, FORMAT, Source};

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Why a file could not be opened or saved, in words for the user.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    /// The file concerned.
    pub path: PathBuf,
    /// What went wrong, without the path.
    pub reason: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
    }
}

impl std::error::Error for LoadError {}

fn err(path: &Path, reason: impl Into<String>) -> LoadError {
    LoadError {
        path: path.to_owned(),
        reason: reason.into(),
    }
}

/// Whether the path names a Waqai document (`*.json`) rather than an article.
pub fn is_document_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// Reads a file's bytes, refusing folders and files over [`MAX_FILE_BYTES`].
pub fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| err(path, io_reason(&e)))?;
    if meta.is_dir() {
        return Err(err(path, "this is a folder, not a file"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(err(
            path,
            format!(
                "the file is {:.1} MB; files over {} MB are not opened",
                meta.len() as f64 / 1e6,
                MAX_FILE_BYTES / 1024 / 1024
            ),
        ));
    }
    std::fs::read(path).map_err(|e| err(path, io_reason(&e)))
}

/// Reads a Waqai document (JSON). Articles are opened by `crate::open`, which extracts.
pub fn load_document(path: &Path) -> Result<Document, LoadError> {
    let bytes = read_file(path)?;
    let mut doc = parse_document(&bytes).map_err(|r| err(path, r))?;
    if doc.article.source.path.is_none() {
        doc.article.source.path = Some(path.display().to_string());
    }
    Ok(doc)
}

/// A load error about `path`.
pub fn load_error(path: &Path, reason: impl Into<String>) -> LoadError {
    err(path, reason)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "the file does not exist".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}

/// Parses a document from JSON bytes; the error names line and column.
pub fn parse_document(bytes: &[u8]) -> Result<Document, String> {
    // Line ends between JSON tokens do not matter, and a JSON string cannot hold a raw CR:
    // only the article text may need its (escaped) line ends normalised, after parsing.
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if body.contains(&0) {
        return Err("this is a binary file (it contains NUL bytes), not text".to_owned());
    }
    let text = std::str::from_utf8(body).map_err(|e| {
        format!(
            "the file is not valid UTF-8 (first bad byte at offset {})",
            e.valid_up_to()
        )
    })?;
    if text.trim().is_empty() {
        return Err("the file is empty".to_owned());
    }
    let mut doc: Document = serde_json::from_str(text).map_err(|e| {
        format!(
            "not a valid Waqai document (line {}, column {}): {}",
            e.line(),
            e.column(),
            strip_position(&e.to_string())
        )
    })?;
    if doc.article.text.contains('\r') || doc.article.text.starts_with('\u{feff}') {
        doc.article.text = normalize_text(&doc.article.text);
    }
    Ok(doc)
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// Decodes UTF-8 text (BOM removed, line ends normalised); binary data is refused.
pub fn decode_text(bytes: &[u8]) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("the file is empty".to_owned());
    }
    if bytes.contains(&0) {
        return Err("this is a binary file (it contains NUL bytes), not text".to_owned());
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "the file is not valid UTF-8 (first bad byte at offset {})",
            e.valid_up_to()
        )
    })?;
    Ok(normalize_text(text))
}

/// Removes a BOM and turns CRLF and CR line ends into `\n`, as the offsets expect.
pub fn normalize_text(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// A document holding just the article text: the title is its first non-empty line.
pub fn document_from_text(text: &str) -> Document {
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or_default()
        .to_owned();
    Document {
        format: FORMAT.to_owned(),
        article: Article {
            title,
            text: text.to_owned(),
            language: "ar".to_owned(),
            published: None,
            source: Source::default(),
            extra: Default::default(),
        },
        ..Default::default()
    }
}

/// Serialises a document as pretty JSON.
pub fn to_json(doc: &Document) -> String {
    serde_json::to_string_pretty(doc).expect("documents always serialise")
}

/// Writes a document atomically: a temporary file in the same folder, flushed, then renamed.
/// On failure the previous file is untouched and no temporary file is left behind.
pub fn save_document(doc: &Document, path: &Path) -> Result<(), LoadError> {
    write_atomic(path, to_json(doc).as_bytes())
}

/// Writes bytes atomically (temporary file in the same folder, then rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), LoadError> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| err(path, "the path names no file"))?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(err(path, format!("could not save: {}", io_reason(&e))));
    }
    Ok(())
}
