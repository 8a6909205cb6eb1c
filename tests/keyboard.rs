//! The whole app from the keyboard alone: open an article, step through its events, move
//! through the graph with the arrows, and export a view, without a pointer event.

#[path = "support/window.rs"]
mod window;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::NodeT as _;
use waqai::app::WaqaiApp;
use waqai::selection::Selection;
use window::{Paths, wait};

/// The label of the node that has the keyboard focus.
fn focused(h: &Harness<'static, WaqaiApp>) -> Option<String> {
    h.root()
        .children_recursive()
        .find(|n| n.accesskit_node().is_focused())
        .map(|n| n.accesskit_node().label().unwrap_or_default())
}

/// Presses Tab until the focused node's label starts with `prefix`.
fn tab_to(h: &mut Harness<'static, WaqaiApp>, prefix: &str) {
    for _ in 0..80 {
        if focused(h).is_some_and(|l| l.starts_with(prefix)) {
            return;
        }
        h.key_press(Key::Tab);
        h.run_steps(1);
    }
    panic!("Tab never reached «{prefix}» (last: {:?})", focused(h));
}

#[test]
fn open_step_navigate_and_export_from_the_keyboard() {
    let dir = std::env::temp_dir().join(format!("waqai-keyboard-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let picture = dir.join("walk.png");
    let _ = std::fs::remove_file(&picture);
    let article = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/devset/02.txt");
    let app = WaqaiApp::new(waqai::seed::document(), None);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(waqai::fonts::install)
        .build_ui_state(|ui, app: &mut WaqaiApp| app.show(ui), app);
    h.state_mut().picker = Paths::of([article, picture.clone()]);
    h.run_steps(2);

    // Ctrl+O opens the article (extracted in the background).
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(1);
    wait(&mut h, WaqaiApp::is_loading);
    h.run_steps(2);
    assert!(h.state().banner().is_none(), "{:?}", h.state().banner());
    let title = h.state().session.doc().article.title.clone();
    assert!(!title.is_empty() && h.state().session.doc().events.len() >= 3);

    // → and ← step through the events in time order; Enter shows the evidence.
    h.key_press(Key::ArrowRight);
    h.run_steps(1);
    let first = h.state().session.selection();
    assert!(matches!(first, Selection::Event(_)), "{first:?}");
    h.key_press(Key::ArrowRight);
    h.run_steps(1);
    assert_ne!(h.state().session.selection(), first);
    h.key_press(Key::ArrowLeft);
    h.run_steps(1);
    assert_eq!(h.state().session.selection(), first);
    h.key_press(Key::Enter);
    h.run_steps(2);

    // F6 moves between the panels: the timeline, then the graph, where the arrows go from
    // actor to actor.
    h.key_press(Key::F6);
    h.run_steps(2);
    assert!(
        focused(&h).is_some_and(|l| l.starts_with("Timeline")),
        "{:?}",
        focused(&h)
    );
    h.key_press(Key::F6);
    h.run_steps(2);
    assert!(
        focused(&h).is_some_and(|l| l.starts_with("Relationship graph")),
        "{:?}",
        focused(&h)
    );
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    let Selection::Entity(a) = h.state().session.selection() else {
        panic!("no actor selected: {:?}", h.state().session.selection());
    };
    let mut seen = vec![a];
    for key in [
        Key::ArrowLeft,
        Key::ArrowDown,
        Key::ArrowUp,
        Key::ArrowRight,
    ] {
        h.key_press(key);
        h.run_steps(2);
        if let Selection::Entity(k) = h.state().session.selection() {
            seen.push(k);
        }
    }
    seen.dedup();
    assert!(seen.len() >= 2, "the arrows did not move: {seen:?}");

    // Ctrl+E opens the export dialog; Tab to its button, Enter exports.
    h.key_press(Key::Escape);
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(2);
    tab_to(&mut h, "Export…");
    h.key_press(Key::Enter);
    h.run_steps(2);
    wait(&mut h, |app| !picture.exists() && app.banner().is_none());
    assert!(h.state().banner().is_none(), "{:?}", h.state().banner());
    let bytes = std::fs::read(&picture).expect("the picture was written");
    assert!(bytes.starts_with(b"\x89PNG"), "not a PNG");
    let _ = std::fs::remove_dir_all(&dir);
}
