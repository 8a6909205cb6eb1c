//! One full frame of the app without a GPU (egui pass + tessellation), on the seed and on a
//! generated document of 10,000 events and 2,000 actors.

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use criterion::{Criterion, criterion_group, criterion_main};
use waqai::app::WaqaiApp;

/// Benchmarks one frame of `doc`; with `week`, after zooming the timeline into the week around
/// the middle of the document's time span.
fn frame_bench(c: &mut Criterion, name: &str, doc: waqai::model::Document, week: bool) {
    let (lo, hi) = waqai::model::Chronology::of(&doc).x_range();
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
    let (mut slowest, mut frames) = (std::time::Duration::ZERO, 0);
    for frame in 0.. {
        let start = std::time::Instant::now();
        let out = ctx.run_ui(input(), |ui| app.show(ui));
        let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
        // The first frame builds the font atlas: the frames after it are the settling ones.
        if frame > 0 {
            slowest = slowest.max(start.elapsed());
        }
        frames += 1;
        if frame == 2 && week {
            let mid = ((lo + hi) / 2.0).round() as i64;
            app.panels.timeline.show_x = Some(waqai::views::timeline::week_around(mid));
        }
        if frame >= 3 && app.panels.relations.layout.is_none() {
            break;
        }
        // The graph's layout settles on its own thread.
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let marks = app.panels.timeline.marks.len();
    eprintln!(
        "{name}: {marks} marks on the timeline; the graph settled in {frames} frames, the \
         slowest after the first {:.1} ms",
        slowest.as_secs_f64() * 1e3
    );
    if week {
        assert!(
            marks > 0 && marks < 1500,
            "zoomed into a week: {marks} marks"
        );
    }
    c.bench_function(name, |b| {
        b.iter(|| {
            let out = ctx.run_ui(input(), |ui| app.show(ui));
            ctx.tessellate(out.shapes, out.pixels_per_point)
        })
    });
}

fn benches(c: &mut Criterion) {
    frame_bench(c, "frame/seed", waqai::seed::document(), false);
    let big = synthetic::synthetic(10_000, 2_000);
    frame_bench(c, "frame/10k_events_2k_actors", big.clone(), false);
    frame_bench(c, "frame/10k_events_2k_actors/week", big, true);
}

criterion_group! {
    name = frame;
    config = Criterion::default()
        .sample_size(30)
        .measurement_time(std::time::Duration::from_secs(4));
    targets = benches
}
criterion_main!(frame);
