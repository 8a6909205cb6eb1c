//! `waqai extract --jsonl` over the 411 real articles of `../shared/corpus`: all cores against
//! one thread. Skips (prints so) without `../shared`.

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use waqai::stream::{Options, run};

fn input() -> Option<String> {
    let corpus = waqai::extract::gold::find_corpus(Path::new(env!("CARGO_MANIFEST_DIR")))?;
    let mut lines = String::new();
    let mut dev: Vec<_> = std::fs::read_dir(corpus.join("dev"))
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    dev.sort();
    for (k, p) in dev.iter().enumerate() {
        let text = std::fs::read_to_string(p).ok()?;
        lines += &serde_json::json!({"id": k, "text": text}).to_string();
        lines += "\n";
    }
    lines += &std::fs::read_to_string(corpus.join("smoke/articles.jsonl")).ok()?;
    Some(lines)
}

fn bench(c: &mut Criterion) {
    let Some(input) = input() else {
        println!("skipped: ../shared/corpus is not here");
        return;
    };
    let mut group = c.benchmark_group("stream");
    group.throughput(Throughput::Bytes(input.len() as u64));
    let cores = Options::with_threads(None).threads;
    for threads in [1, cores] {
        group.bench_function(format!("real_411_articles_{threads}_threads"), |b| {
            b.iter(|| {
                let opts = Options::with_threads(Some(threads));
                run(input.as_bytes(), std::io::sink(), opts).expect("runs")
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .measurement_time(std::time::Duration::from_secs(12));
    targets = bench
}
criterion_main!(benches);
