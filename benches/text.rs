//! The text layer: re-laying out the seed article at a new width (shaping cached).

use criterion::{Criterion, criterion_group, criterion_main};
use waqai::text::{TextStyle, layout, shaped};

fn benches(c: &mut Criterion) {
    let ctx = egui::Context::default();
    waqai::fonts::install(&ctx);
    let text = waqai::seed::SEED_TEXT;
    let style = TextStyle {
        line_spacing: 1.0,
        ..TextStyle::new(waqai::fonts::reading(19.0))
    };
    let mut s = None;
    let _ = ctx.run_ui(egui::RawInput::default(), |ui| {
        s = Some(shaped(ui.ctx(), text, &style));
    });
    let s = s.expect("shaped in a pass");
    let mut width = 300.0f32;
    c.bench_function("text/seed_relayout_new_width", |b| {
        b.iter(|| {
            width = if width > 900.0 { 300.0 } else { width + 7.0 };
            layout(&s, width, style.align, style.line_spacing)
        })
    });
    c.bench_function("text/seed_shape_from_scratch", |b| {
        b.iter(|| {
            let mut out = None;
            let _ = ctx.run_ui(egui::RawInput::default(), |ui| {
                ctx_clear(ui.ctx());
                out = Some(shaped(ui.ctx(), text, &style));
            });
            out
        })
    });
}

fn ctx_clear(ctx: &egui::Context) {
    waqai::text::egui_text::clear_cache(ctx);
}

criterion_group! {
    name = text;
    config = Criterion::default()
        .sample_size(30)
        .measurement_time(std::time::Duration::from_secs(3));
    targets = benches
}
criterion_main!(text);
