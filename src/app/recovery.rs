//! Recovery files: unsaved edits written aside every little while, offered back after a crash.

use std::path::{Path, PathBuf};

/// How often unsaved edits are written to the recovery file.
pub const AUTOSAVE_EVERY: std::time::Duration = std::time::Duration::from_secs(30);

/// Where recovery files live: `WAQAI_RECOVERY_DIR`, else the user's data folder.
pub fn recovery_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("WAQAI_RECOVERY_DIR") {
        return PathBuf::from(d);
    }
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("waqai").join("recovery")
}

/// The recovery file of a document: named after its file and the sha256 of its path, which
/// stays the same from one build of Waqai to the next; an untitled document's is named after
/// the sha256 of its article text, so that it is offered back only with the same article.
pub fn recovery_path(doc_path: Option<&Path>, text: &str) -> PathBuf {
    let (stem, hash) = match doc_path {
        Some(p) => (
            p.file_name().map_or_else(
                || "document".to_owned(),
                |n| n.to_string_lossy().into_owned(),
            ),
            crate::extract::gold::sha256_hex(p.to_string_lossy().as_bytes()),
        ),
        None => (
            "untitled".to_owned(),
            crate::extract::gold::sha256_hex(text.as_bytes()),
        ),
    };
    recovery_dir().join(format!(
        "{stem}.{}.recovery.json",
        hash.get(..16).unwrap_or("")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_is_stable() {
        let p = recovery_path(Some(Path::new("/tmp/a.waqai.json")), "any text");
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        // sha256("/tmp/a.waqai.json") starts with these 16 hex digits, whatever the build.
        let want = &crate::extract::gold::sha256_hex(b"/tmp/a.waqai.json")[..16];
        assert_eq!(name, format!("a.waqai.json.{want}.recovery.json"));
    }

    #[test]
    fn untitled_documents_are_told_apart_by_their_text() {
        let a = recovery_path(None, "نص أول");
        assert_eq!(a, recovery_path(None, "نص أول"));
        assert_ne!(a, recovery_path(None, "نص ثان"));
    }
}
