//! Import: files and folders of articles (or Waqai documents) into a corpus, extracted on all
//! cores, written one article per transaction; an unchanged file is recognised by its hash and
//! skipped before any work.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use super::{Added, Corpus};

/// One thing to import: a file, or one line of a JSON Lines file.
struct Item {
    path: PathBuf,
    /// The line's number (from 1) and text, for a JSON Lines file.
    line: Option<(usize, String)>,
    /// SHA-256 of its bytes.
    hash: String,
}

/// How far an import has come, for a progress bar.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Progress {
    /// Files handled so far.
    pub done: usize,
    /// Files to handle.
    pub total: usize,
    /// Articles added.
    pub new: usize,
    /// Files already in the corpus.
    pub unchanged: usize,
    /// Files that could not be read or extracted.
    pub failed: usize,
    /// Seconds since the import started.
    pub seconds: f64,
}

impl Progress {
    /// Files per second so far.
    pub fn rate(&self) -> f64 {
        self.done as f64 / self.seconds.max(1e-9)
    }
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    /// The final counts.
    pub progress: Progress,
    /// Each file that failed, with why.
    pub failures: Vec<(PathBuf, String)>,
    /// Whether it was cancelled before the end.
    pub cancelled: bool,
}

/// The files to import from `paths`: files as given, folders searched (sorted, recursively) for
/// articles (`.txt`, `.html`, `.htm`), documents (`.json`) and JSON Lines of either (`.jsonl`).
pub fn input_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if p.is_dir() {
                walk(&p, out);
            } else if p
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e, "txt" | "html" | "htm" | "json" | "jsonl"))
            {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out);
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// Imports `files` into `corpus` with `threads` extraction threads, calling `progress` after
/// each file; stops early (what is written stays, consistent) when `cancel` is set.
pub fn import_paths(
    corpus: &mut Corpus,
    files: &[PathBuf],
    threads: usize,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(&Progress),
) -> ImportReport {
    let start = Instant::now();
    let mut report = ImportReport::default();
    // What to import: each file, or each line of a JSON Lines file, with the hash of its
    // bytes; those already in the corpus are skipped before any extraction.
    let mut todo: Vec<Item> = Vec::new();
    for f in files {
        if cancel.load(Ordering::Relaxed) {
            report.cancelled = true;
            return report;
        }
        let bytes = match std::fs::read(f) {
            Ok(b) => b,
            Err(e) => {
                report.failures.push((f.clone(), e.to_string()));
                continue;
            }
        };
        if f.extension().is_some_and(|e| e == "jsonl") {
            let text = String::from_utf8_lossy(&bytes);
            for (n, line) in text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
            {
                todo.push(Item {
                    path: f.clone(),
                    line: Some((n + 1, line.to_owned())),
                    hash: crate::extract::gold::sha256_hex(line.as_bytes()),
                });
            }
        } else {
            todo.push(Item {
                path: f.clone(),
                line: None,
                hash: crate::extract::gold::sha256_hex(&bytes),
            });
        }
    }
    let p = &mut report.progress;
    p.failed = report.failures.len();
    p.total = todo.len() + p.failed;
    p.done = p.failed;
    let mut fresh = Vec::with_capacity(todo.len());
    for item in todo {
        if corpus.has_file(&item.hash).unwrap_or(false) {
            p.unchanged += 1;
            p.done += 1;
        } else {
            fresh.push(item);
        }
    }
    let todo = fresh;
    p.seconds = start.elapsed().as_secs_f64();
    progress(p);
    let next = AtomicUsize::new(0);
    let (tx, rx) = std::sync::mpsc::sync_channel(threads.max(1) * 2);
    std::thread::scope(|s| {
        for _ in 0..threads.max(1) {
            let tx = tx.clone();
            let (next, todo) = (&next, &todo);
            s.spawn(move || {
                loop {
                    if cancel.load(Ordering::Relaxed) {
                        return;
                    }
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = todo.get(k) else {
                        return;
                    };
                    let doc = match &item.line {
                        Some((_, line)) => crate::stream::document_of_line(line),
                        None => {
                            crate::open::open_path_guarded(&item.path).map_err(|e| e.to_string())
                        }
                    };
                    if tx.send((k, doc)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(tx);
        for (k, doc) in rx {
            let item = &todo[k];
            let result = doc.and_then(|d| corpus.add(&d, Some(&item.path), &item.hash));
            let p = &mut report.progress;
            p.done += 1;
            match result {
                Ok(Added::New) => p.new += 1,
                Ok(Added::Unchanged) => p.unchanged += 1,
                Err(e) => {
                    p.failed += 1;
                    let at = match &item.line {
                        Some((n, _)) => format!("line {n}: {e}"),
                        None => e,
                    };
                    report.failures.push((item.path.clone(), at));
                }
            }
            p.seconds = start.elapsed().as_secs_f64();
            progress(p);
            if cancel.load(Ordering::Relaxed) {
                report.cancelled = true;
                break;
            }
        }
    });
    report.progress.seconds = start.elapsed().as_secs_f64();
    report.cancelled |=
        cancel.load(Ordering::Relaxed) && report.progress.done < report.progress.total;
    report
}
