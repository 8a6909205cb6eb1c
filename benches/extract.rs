//! Extraction throughput, tagger included, on one core: the real articles of
//! `../shared/corpus/` (40 development + 371 smoke articles) one by one, as `waqai extract`
//! runs them; and the seed with the project's own development set when the corpus is absent.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn real_articles() -> Option<Vec<String>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut out = Vec::new();
    for f in std::fs::read_dir(root.join("dev")).ok()? {
        out.push(std::fs::read_to_string(f.ok()?.path()).ok()?);
    }
    let jsonl = std::fs::read_to_string(root.join("smoke/articles.jsonl")).ok()?;
    for line in jsonl.lines() {
        let v: serde_json::Value = serde_json::from_str(line).ok()?;
        out.push(v["text"].as_str()?.to_owned());
    }
    Some(out)
}

fn own_articles() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/devset");
    let mut out = vec![waqai::seed::SEED_TEXT.to_owned()];
    for i in 1..=14 {
        out.push(std::fs::read_to_string(format!("{dir}/{i:02}.txt")).expect("devset article"));
    }
    out
}

fn benches(c: &mut Criterion) {
    let lx = waqai::extract::lexicon();
    let mut group = c.benchmark_group("extract");
    let sets = match real_articles() {
        Some(real) => vec![
            ("real_411_articles", real),
            ("seed_and_devset", own_articles()),
        ],
        None => {
            eprintln!("../shared/corpus is absent: benchmarking the project's own articles only");
            vec![("seed_and_devset", own_articles())]
        }
    };
    for (name, articles) in sets {
        let bytes: usize = articles.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                for a in &articles {
                    std::hint::black_box(waqai::extract::pipeline::extract(lx, a, None));
                }
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = extract;
    config = Criterion::default()
        .sample_size(10)
        .measurement_time(std::time::Duration::from_secs(10));
    targets = benches
}
criterion_main!(extract);
