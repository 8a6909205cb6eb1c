//! The layer rule of `docs/architecture.md`, checked on the source: each top-level module of
//! `src/` uses only modules of a lower layer, and the pure-logic layers never touch egui.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Modules by layer, lowest first; a module may use only modules of a lower layer.
const LAYERS: &[&[&str]] = &[
    &["hash", "i18n", "timings"],
    &["arabic", "model", "romanize"],
    &[
        "extract",
        "graph",
        "selection",
        "search",
        "lanes",
        "seed",
        "fonts",
    ],
    &["text", "open", "stream"],
    &["session", "corpus"],
    &["views"],
    &["export"],
    &["app"],
];

/// Modules that must stay free of GUI code.
const NO_GUI: &[&str] = &[
    "hash",
    "i18n",
    "timings",
    "arabic",
    "model",
    "romanize",
    "extract",
    "graph",
    "selection",
    "search",
    "open",
    "corpus",
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable src") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a source file belongs to (`src/views/article.rs` → `views`).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(name, "lib" | "main")).then(|| name.to_string())
}

/// The code of a file without line comments, so doc comments naming a module do not count.
fn code(text: &str) -> String {
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Top-level modules named by `crate::x` paths, including `use crate::{x, y::z}` groups.
fn uses(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Only the first segment of each item at the group's own depth names a module.
            let (mut depth, mut item_start) = (0, true);
            let mut name = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if depth == 0 && item_start && (c.is_ascii_alphanumeric() || c == '_') => {
                        name.push(c)
                    }
                    _ if !name.is_empty() => {
                        found.insert(std::mem::take(&mut name));
                        item_start = false;
                    }
                    _ => {}
                }
            }
            if !name.is_empty() {
                found.insert(name);
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            found.insert(name);
        }
    }
    found
}

#[test]
fn modules_use_only_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for file in &files {
        let Some(module) = module_of(&src, file) else {
            continue;
        };
        seen.insert(module.clone());
        let Some(own) = layer(&module) else {
            problems.push(format!("{module} is in no layer: add it to LAYERS"));
            continue;
        };
        let text = code(&std::fs::read_to_string(file).expect("readable source"));
        for used in uses(&text) {
            if used == module {
                continue;
            }
            match layer(&used) {
                Some(l) if l < own => {}
                _ => problems.push(format!("{} uses crate::{used}", file.display())),
            }
        }
        if NO_GUI.contains(&module.as_str()) && (text.contains("egui") || text.contains("eframe")) {
            problems.push(format!(
                "{} touches egui but belongs to a GUI-free layer",
                file.display()
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "layer rule broken:\n{}",
        problems.join("\n")
    );
    // The check means something only if it saw the modules it is about.
    for module in ["model", "extract", "views", "app", "session"] {
        assert!(seen.contains(module), "no source file found for {module}");
    }
}

#[test]
fn use_groups_are_read() {
    let found = uses(
        "use crate::{model::{Doc, Event}, text};\nlet x = crate::views::draw();\n\
         use crate::{\n    session::Session,\n    selection::Item,\n};",
    );
    let expected: BTreeSet<String> = ["model", "selection", "session", "text", "views"]
        .map(String::from)
        .into();
    assert_eq!(found, expected);
}
