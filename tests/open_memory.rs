//! What the window holds for a document of 10,000 events and 2,000 actors: the heap of the
//! document, of the session built on it (models, history) and of the settled window, measured
//! by a counting allocator. The process as a whole (under Xvfb) is measured by `idle_cpu.rs`.

#[path = "support/counting.rs"]
mod counting;
#[path = "support/synthetic.rs"]
mod synthetic;

#[global_allocator]
static ALLOC: counting::Counting = counting::Counting;

use egui_kittest::Harness;
use waqai::app::WaqaiApp;

const MB: f64 = 1024.0 * 1024.0;

#[test]
fn ten_thousand_events_fit_in_a_modest_heap() {
    let base = counting::live();
    let doc = synthetic::synthetic(10_000, 2_000);
    let bytes = serde_json::to_vec(&doc).expect("serialises");
    drop(doc);
    let before_doc = counting::live();
    let doc = waqai::model::parse_document(&bytes).expect("parses");
    let doc_bytes = counting::live() - before_doc;
    let app = WaqaiApp::new(doc, None);
    let session_bytes = counting::live() - before_doc;
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(waqai::fonts::install)
        .with_max_steps(2_000)
        .build_ui_state(|ui, app: &mut WaqaiApp| app.show(ui), app);
    h.run_steps(4);
    // The graph's layout settles on its own thread.
    for _ in 0..2_000 {
        if h.state().panels.relations.layout.is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.run_steps(1);
    }
    h.run_steps(4);
    let window_bytes = counting::live() - before_doc;
    println!(
        "JSON {:.1} MB; document {:.1} MB; with its session {:.1} MB; settled window {:.1} MB \
         (heap before: {:.1} MB)",
        bytes.len() as f64 / MB,
        doc_bytes as f64 / MB,
        session_bytes as f64 / MB,
        window_bytes as f64 / MB,
        base as f64 / MB,
    );
    assert!(
        h.state().panels.relations.layout.is_none(),
        "the graph settled"
    );
    // Measured 22.9 MB; the process under Xvfb adds some 120 MB of window system and GL.
    assert!(window_bytes as f64 / MB < 35.0, "the window holds too much");
}
