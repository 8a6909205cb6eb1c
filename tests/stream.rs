//! `waqai extract --jsonl` as a streaming filter: the 411 real articles of `../shared/corpus`
//! give the same documents as extracting each file alone, in input order, with error records
//! for broken lines in their place. (Memory: `tests/stream_memory.rs`.)

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use waqai::stream::{Options, Summary, run};

fn corpus() -> Option<PathBuf> {
    let found = waqai::extract::gold::find_corpus(Path::new(env!("CARGO_MANIFEST_DIR")));
    if found.is_none() {
        println!("skipped: ../shared/corpus is not here (set WAQAI_CORPUS to run these tests)");
    }
    found
}

/// The texts of the 40 dev articles and the 371 smoke articles, in a fixed order.
fn real_articles(corpus: &Path) -> Vec<String> {
    let mut dev: Vec<PathBuf> = std::fs::read_dir(corpus.join("dev"))
        .expect("the dev folder is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    dev.sort();
    let mut texts: Vec<String> = dev
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("a UTF-8 article"))
        .collect();
    let smoke = std::fs::read_to_string(corpus.join("smoke/articles.jsonl")).expect("smoke");
    for line in smoke.lines() {
        let v: Value = serde_json::from_str(line).expect("a JSON line");
        texts.push(v["text"].as_str().expect("a text field").to_owned());
    }
    texts
}

fn stream(input: &str, threads: usize) -> (Vec<Value>, Summary) {
    let mut out = Vec::new();
    let summary = run(
        input.as_bytes(),
        &mut out,
        Options::with_threads(Some(threads)),
    )
    .expect("in-memory streams do not fail");
    let text = String::from_utf8(out).expect("UTF-8 output");
    (
        text.lines()
            .map(|l| serde_json::from_str(l).expect("JSON"))
            .collect(),
        summary,
    )
}

#[test]
fn the_real_articles_stream_as_they_extract_alone() {
    let Some(corpus) = corpus() else { return };
    let texts = real_articles(&corpus);
    assert_eq!(texts.len(), 411);
    let broken = [3usize, 100, 257];
    let mut input = String::new();
    let mut expected: Vec<Option<Value>> = Vec::new();
    for (k, text) in texts.iter().enumerate() {
        if broken.contains(&k) {
            input += "{\"id\": \"broken\", \"text\": [1, 2]}\n";
            expected.push(None);
        }
        input += &json!({"id": k, "text": text}).to_string();
        input += "\n";
        let alone = waqai::extract::document_from_bytes(text.as_bytes(), None)
            .expect("every real article extracts");
        expected.push(Some(
            serde_json::to_value(alone).expect("documents serialise"),
        ));
    }
    let (out, summary) = stream(&input, 2);
    assert_eq!(summary.lines, 414);
    assert_eq!(summary.failed, 3);
    assert_eq!(out.len(), expected.len());
    let mut k = 0;
    for (got, want) in out.iter().zip(&expected) {
        match want {
            None => {
                assert_eq!(got["id"], "broken");
                assert!(got["error"].as_str().is_some_and(|e| e.contains("`text`")));
            }
            Some(want) => {
                assert_eq!(got["id"], k, "documents come out in input order");
                for field in ["article", "entities", "events", "relations"] {
                    assert_eq!(got[field], want[field], "article {k}: {field}");
                }
                k += 1;
            }
        }
    }
}
