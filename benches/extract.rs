//! Extraction throughput on Arabic text (the seed and the development set, concatenated).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn benches(c: &mut Criterion) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/devset");
    let mut corpus = String::from(waqai::seed::SEED_TEXT);
    for i in 1..=14 {
        corpus.push('\n');
        corpus.push_str(
            &std::fs::read_to_string(format!("{dir}/{i:02}.txt")).expect("devset article"),
        );
    }
    let g = waqai::extract::gazetteer();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(corpus.len() as u64));
    group.bench_function("seed_and_devset", |b| {
        b.iter(|| waqai::extract::pipeline::extract(g, &corpus, None))
    });
    group.finish();
}

criterion_group! {
    name = extract;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(5));
    targets = benches
}
criterion_main!(extract);
