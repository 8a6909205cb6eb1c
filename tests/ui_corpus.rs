//! A desk of articles in the window, driven through its real UI: a folder added with progress,
//! the corpus filtered by an actor (the timeline shows only their events) and searched in
//! another hamza spelling, the article panel turning to the article an event comes from.
//! Reads the 40 development articles from `../shared/corpus` (skips without it).

#[path = "support/window.rs"]
mod window;

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use waqai::app::WaqaiApp;
use waqai::selection::Selection;
use window::{Paths, wait};

fn dev_articles() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    Some(waqai::extract::gold::find_corpus(root)?.join("dev"))
}

#[test]
fn a_corpus_built_filtered_and_searched_in_the_window() {
    let Some(dev) = dev_articles() else {
        println!("skipped: ../shared/corpus is absent");
        return;
    };
    let dir = std::env::temp_dir().join(format!("waqai-ui-corpus-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch");
    let db = dir.join("desk.waqai.db");

    let app = WaqaiApp::new(waqai::seed::document(), None);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_context_setup(waqai::fonts::install)
        .build_ui_state(|ui, app: &mut WaqaiApp| app.show(ui), app);
    h.state_mut().picker = Paths::of([db.clone(), dev]);
    h.run_steps(2);

    // File → New corpus (Ctrl+N), then Add a folder (Ctrl+Shift+F): imported in the
    // background, the progress in the status bar.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run_steps(2);
    wait(&mut h, WaqaiApp::is_composing);
    assert!(h.state().desk().is_some(), "{:?}", h.state().banner());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    h.run_steps(1);
    assert!(h.state().is_importing());
    wait(&mut h, |app| app.is_importing() || app.is_composing());
    h.run_steps(2);
    let desk = h.state().desk().expect("a corpus");
    assert_eq!(desk.articles.len(), 40);
    let all_events = h.state().session.doc().events.len();
    assert!(all_events > 40, "{all_events} events");
    assert!(h.state().banner().is_none(), "{:?}", h.state().banner());

    // Filter by an actor named in several articles: the timeline shows only their events.
    let (actor, name) = {
        let a = &h.state().desk().expect("a corpus").actors[0];
        (a.id, a.name.clone())
    };
    h.get_by_label("Actor").click();
    h.run_steps(2);
    let label = h
        .state()
        .desk()
        .expect("a corpus")
        .actors
        .iter()
        .find(|a| a.id == actor)
        .map(|a| format!("{} ({})", a.name, a.articles))
        .expect("listed");
    h.get_by_label(&label).click();
    h.run_steps(1);
    wait(&mut h, WaqaiApp::is_composing);
    h.run_steps(2);
    assert_eq!(
        h.state().desk().expect("a corpus").filter.actor,
        Some(actor)
    );
    let doc = h.state().session.doc();
    let id = waqai::corpus::entity_id(actor);
    assert!(!doc.events.is_empty() && doc.events.len() < all_events);
    let marks = &h.state().panels.timeline.marks;
    assert!(!marks.is_empty());
    for (ev, _) in marks {
        assert!(
            doc.events[*ev].participants.iter().any(|p| p.entity == id),
            "a mark of an event without {name}"
        );
    }
    // The filter is shown, and clears.
    h.get_by_label("Clear the filter").click();
    h.run_steps(1);
    wait(&mut h, WaqaiApp::is_composing);
    h.run_steps(2);
    assert_eq!(h.state().session.doc().events.len(), all_events);

    // Words in another hamza spelling: «الاردن» finds the articles that write «الأردن».
    h.get_by_label("words in the articles").click();
    h.run_steps(1);
    h.get_by_label("words in the articles").type_text("الاردن");
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(1);
    wait(&mut h, WaqaiApp::is_composing);
    h.run_steps(2);
    let desk = h.state().desk().expect("a corpus");
    assert!(
        (4..40).contains(&desk.articles.len()),
        "{}",
        desk.articles.len()
    );
    let text = &h.state().session.doc().article.text;
    assert!(text.contains("الأردن") && !text.contains("الاردن "));

    // Selecting an event turns the article panel to the article it comes from.
    let last = h.state().session.doc().events.len() - 1;
    h.state_mut().select(Selection::Event(last));
    h.run_steps(2);
    let start = h.state().session.doc().events[last].evidence[0].start;
    let app = h.state();
    let part = app
        .desk()
        .expect("a corpus")
        .articles
        .iter()
        .find(|a| a.chars.contains(&start))
        .expect("its article");
    assert_eq!(app.panels.article.base, part.chars.start);

    // Merging two actors is made in the corpus, and undone with Ctrl+Z.
    let (keep, gone, line) = {
        let doc = h.state().session.doc();
        let gone = &doc.entities[1];
        (
            doc.entities[0].id.clone(),
            gone.id.clone(),
            format!("{} · {}", gone.name, gone.kind),
        )
    };
    let before = h.state().session.doc().entities.len();
    h.state_mut().select(Selection::Entity(0));
    h.run_steps(2);
    h.get_by_label("Merge another actor into this one…").click();
    h.run_steps(2);
    h.get_by_label(&line).click();
    h.run_steps(1);
    wait(&mut h, WaqaiApp::is_composing);
    h.run_steps(2);
    let doc = h.state().session.doc();
    assert_eq!(doc.entities.len(), before - 1, "{keep} ← {gone}");
    assert!(doc.entity(&gone).is_none() && doc.entity(&keep).is_some());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(1);
    wait(&mut h, WaqaiApp::is_composing);
    h.run_steps(2);
    let doc = h.state().session.doc();
    assert_eq!(doc.entities.len(), before);
    assert!(doc.entity(&gone).is_some());
    let _ = std::fs::remove_dir_all(&dir);
}
