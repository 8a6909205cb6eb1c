//! Headless PNG export of the timeline at 2× (1600×900 points), seed and 10,000 events.

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use criterion::{Criterion, criterion_group, criterion_main};
use waqai::export::{ExportOptions, View, render_bytes};

fn benches(c: &mut Criterion) {
    let opts = ExportOptions {
        scale: 2.0,
        ..ExportOptions::new(View::Timeline)
    };
    let seed = waqai::seed::document();
    c.bench_function("export/seed_timeline_png_2x", |b| {
        b.iter(|| render_bytes(&seed, &opts))
    });
    let big = synthetic::synthetic(10_000, 2_000);
    c.bench_function("export/10k_timeline_png_2x", |b| {
        b.iter(|| render_bytes(&big, &opts))
    });
}

criterion_group! {
    name = export;
    config = Criterion::default()
        .sample_size(10)
        .measurement_time(std::time::Duration::from_secs(8));
    targets = benches
}
criterion_main!(export);
