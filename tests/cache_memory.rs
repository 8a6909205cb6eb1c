//! The text layout cache drops what frames stop using: resizing the window through 1,000 widths
//! keeps its size and the heap flat.

#[path = "support/counting.rs"]
mod counting;

#[global_allocator]
static ALLOC: counting::Counting = counting::Counting;

use egui_kittest::Harness;
use waqai::app::WaqaiApp;

#[test]
fn a_thousand_widths_leave_memory_flat() {
    let app = WaqaiApp::new(waqai::seed::document(), None);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(waqai::fonts::install)
        .build_ui_state(|ui, app: &mut WaqaiApp| app.show(ui), app);
    h.run_steps(3);
    let mut at_100 = (0, (0, 0));
    for step in 0..1000 {
        let w = 900.0 + (step % 500) as f32 + (step / 500) as f32 * 0.5;
        h.set_size(egui::vec2(w, 800.0));
        h.step();
        if step == 100 {
            at_100 = (counting::live(), waqai::text::cache_sizes(&h.ctx));
        }
    }
    let end = (counting::live(), waqai::text::cache_sizes(&h.ctx));
    println!("after 100 widths: {at_100:?}; after 1,000: {end:?} (live bytes, (shaped, layouts))");
    assert!(
        end.1.1 <= at_100.1.1 + 50,
        "layouts grew: {at_100:?} → {end:?}"
    );
    assert!(
        end.0 < at_100.0 + 4_000_000,
        "heap grew: {at_100:?} → {end:?}"
    );
}
