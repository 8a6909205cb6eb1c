//! `waqai extract --jsonl` keeps a bounded window of lines in flight: the heap it needs does
//! not grow with the length of the stream. Alone in its binary, so that no other test's
//! allocations are counted.

#[path = "support/counting.rs"]
mod counting;

#[global_allocator]
static ALLOC: counting::Counting = counting::Counting;

use std::path::Path;

use serde_json::{Value, json};
use waqai::stream::{Options, run};

#[test]
fn memory_does_not_grow_with_the_stream() {
    let Some(corpus) = waqai::extract::gold::find_corpus(Path::new(env!("CARGO_MANIFEST_DIR")))
    else {
        println!("skipped: ../shared/corpus is not here (set WAQAI_CORPUS to run this test)");
        return;
    };
    let smoke = std::fs::read_to_string(corpus.join("smoke/articles.jsonl")).expect("smoke");
    let texts: Vec<String> = smoke
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("a JSON line");
            v["text"].as_str().expect("a text field").to_owned()
        })
        .collect();
    let lines = |n: usize| -> String {
        (0..n)
            .map(|k| json!({"id": k, "text": texts[k % texts.len()]}).to_string() + "\n")
            .collect()
    };
    let peak_of = |input: &str| {
        let mut sink = std::io::sink();
        counting::reset_peak();
        let before = counting::live();
        run(input.as_bytes(), &mut sink, Options::with_threads(Some(2))).expect("runs");
        counting::peak() - before
    };
    // The input itself is held by the test; what is measured is what the stream adds, once
    // the lexicons and the tagger (loaded once per process) are in.
    peak_of(&lines(4));
    let short = lines(100);
    let long = lines(1_000);
    let (p_short, p_long) = (peak_of(&short), peak_of(&long));
    println!(
        "peak heap added by the stream: {:.1} MB for 100 lines, {:.1} MB for 1,000",
        p_short as f64 / 1e6,
        p_long as f64 / 1e6
    );
    assert!(
        p_long < 2 * p_short + 1_000_000,
        "memory grew with the stream: {p_short} → {p_long} bytes"
    );
}
