//! From the bytes of a document to the end of its first frame (`open/…/total`), and each stage
//! alone: JSON parsing, validation, chronology, timeline lanes, the relationship graph, and the
//! first frame (egui pass and tessellation, the graph's layout started). On the seed and on a
//! generated document of 10,000 events and 2,000 actors. The window is already running: fonts
//! are loaded, as when a user opens a file.

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use waqai::app::WaqaiApp;
use waqai::model::{self, Chronology, Document};

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    }
}

/// A context that has drawn a frame already (fonts in).
fn warm_context() -> egui::Context {
    let ctx = egui::Context::default();
    waqai::fonts::install(&ctx);
    let mut app = WaqaiApp::new(waqai::seed::document(), None);
    for _ in 0..2 {
        let out = ctx.run_ui(input(), |ui| app.show(ui));
        let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    }
    ctx
}

fn first_frame(ctx: &egui::Context, doc: Document) {
    let mut app = WaqaiApp::new(doc, None);
    let out = ctx.run_ui(input(), |ui| app.show(ui));
    let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
}

fn open_bench(c: &mut Criterion, name: &str, doc: &Document) {
    let bytes = serde_json::to_vec(doc).expect("documents serialise");
    let ctx = warm_context();
    let mut g = c.benchmark_group(format!("open/{name}"));
    g.bench_function("total", |b| {
        b.iter(|| {
            let doc = model::parse_document(&bytes).expect("parses");
            first_frame(&ctx, doc);
        })
    });
    g.bench_function("parse", |b| {
        b.iter(|| model::parse_document(&bytes).expect("parses"))
    });
    g.bench_function("validate", |b| b.iter(|| model::validate(doc)));
    g.bench_function("chronology", |b| b.iter(|| Chronology::of(doc)));
    g.bench_function("lanes", |b| {
        b.iter(|| waqai::lanes::TimelineModel::of(doc, false))
    });
    g.bench_function("graph", |b| b.iter(|| waqai::graph::Graph::of(doc, false)));
    g.bench_function("session", |b| {
        b.iter_batched(
            || doc.clone(),
            |d| WaqaiApp::new(d, None),
            BatchSize::LargeInput,
        )
    });
    g.bench_function("first_frame", |b| {
        b.iter_batched(
            || WaqaiApp::new(doc.clone(), None),
            |mut app| {
                let out = ctx.run_ui(input(), |ui| app.show(ui));
                ctx.tessellate(out.shapes, out.pixels_per_point)
            },
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

fn benches(c: &mut Criterion) {
    open_bench(c, "seed", &waqai::seed::document());
    open_bench(
        c,
        "10k_events_2k_actors",
        &synthetic::synthetic(10_000, 2_000),
    );
    // Stress layouts: about 200 nodes, about the most laid out by stress (on the layout
    // thread), and about the most laid out at once in a first frame.
    for (events, actors) in [(400, 210), (560, 300), (120, 62)] {
        let doc = synthetic::synthetic(events, actors);
        let g = waqai::graph::Graph::of(&doc, false);
        c.bench_function(&format!("layout/stress_{}_nodes", g.nodes.len()), |b| {
            b.iter(|| waqai::graph::stress::stress_layout(&g, 1.4))
        });
    }
    // The whole force layout of 2,000 actors, as the layout thread runs it after the first frame.
    let g = waqai::graph::Graph::of(&synthetic::synthetic(10_000, 2_000), false);
    let mut slow = c.benchmark_group("layout");
    slow.sample_size(10);
    slow.bench_function(format!("force_{}_nodes", g.nodes.len()), |b| {
        b.iter(|| waqai::graph::force_layout(&g))
    });
    slow.finish();
}

criterion_group! {
    name = open;
    config = Criterion::default()
        .sample_size(20)
        .measurement_time(std::time::Duration::from_secs(3));
    targets = benches
}
criterion_main!(open);
