//! A window that has nothing new to show stops drawing: after opening each kind of input (the
//! seed, an article extracted in the background, a 10,000-event document) and after every
//! command, the app stops asking for frames within a few steps (`Harness::try_run`).

#[path = "support/synthetic.rs"]
mod synthetic;

use std::path::PathBuf;

use egui_kittest::Harness;
use waqai::app::{Command, FilePicker, WaqaiApp};
use waqai::model::Document;
use waqai::selection::Selection;

struct Cancel;

impl FilePicker for Cancel {
    fn open(&mut self) -> Option<PathBuf> {
        None
    }
    fn save(&mut self, _name: &str) -> Option<PathBuf> {
        None
    }
}

fn harness(doc: Document) -> Harness<'static, WaqaiApp> {
    let mut app = WaqaiApp::new(doc, None);
    app.picker = Box::new(Cancel);
    // A large graph's layout settles on its own thread and asks for frames: allow them.
    Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .with_max_steps(2_000)
        .with_context_setup(waqai::fonts::install)
        .build_ui_state(|ui, app: &mut WaqaiApp| app.show(ui), app)
}

fn settles(h: &mut Harness<'static, WaqaiApp>, what: &str) {
    if let Err(e) = h.try_run() {
        panic!("still drawing after {what}: {e}");
    }
}

fn every_command_settles(h: &mut Harness<'static, WaqaiApp>, name: &str) {
    settles(h, &format!("opening {name}"));
    for c in Command::ALL {
        h.state_mut().select(Selection::Event(0));
        let ctx = h.ctx.clone();
        h.state_mut().run(&ctx, c);
        settles(h, &format!("{c:?} on {name}"));
    }
}

#[test]
fn the_seed_settles() {
    every_command_settles(&mut harness(waqai::seed::document()), "the seed");
}

#[test]
fn ten_thousand_events_settle() {
    every_command_settles(
        &mut harness(synthetic::synthetic(10_000, 2_000)),
        "10,000 events",
    );
}

#[test]
fn an_article_settles_once_extracted() {
    let mut h = harness(waqai::seed::document());
    let article = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds/000_53d1f05ff851aa2a.txt");
    h.state_mut().request_open(&article);
    for _ in 0..500 {
        if !h.state().is_loading() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    assert!(!h.state().is_loading(), "the article was extracted");
    assert_eq!(h.state().session.path(), Some(article.as_path()));
    every_command_settles(&mut h, "an extracted article");
}
