//! One full frame of the app without a GPU (egui pass + tessellation), on the seed and on a
//! generated document of 10,000 events and 2,000 actors.

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use criterion::{Criterion, criterion_group, criterion_main};
use waqai::app::WaqaiApp;

fn frame_bench(c: &mut Criterion, name: &str, doc: waqai::model::Document) {
    let ctx = egui::Context::default();
    waqai::fonts::install(&ctx);
    let mut app = WaqaiApp::new(doc, None);
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    };
    // Warm up: fonts and text layouts are computed once, the graph's layout settles.
    for frame in 0.. {
        let out = ctx.run_ui(input(), |ui| app.show(ui));
        let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
        if frame >= 3 && app.panels.relations.layout.is_none() {
            break;
        }
    }
    c.bench_function(name, |b| {
        b.iter(|| {
            let out = ctx.run_ui(input(), |ui| app.show(ui));
            ctx.tessellate(out.shapes, out.pixels_per_point)
        })
    });
}

fn benches(c: &mut Criterion) {
    frame_bench(c, "frame/seed", waqai::seed::document());
    frame_bench(
        c,
        "frame/10k_events_2k_actors",
        synthetic::synthetic(10_000, 2_000),
    );
}

criterion_group! {
    name = frame;
    config = Criterion::default()
        .sample_size(30)
        .measurement_time(std::time::Duration::from_secs(4));
    targets = benches
}
criterion_main!(frame);
