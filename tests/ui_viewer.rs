//! The viewer driven through its real UI with egui_kittest.

#[path = "support/synthetic.rs"]
mod synthetic;
#[path = "support/window.rs"]
mod window;

use std::path::PathBuf;

use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use waqai::app::WaqaiApp;
use waqai::selection::Selection;
use window::{Paths, wait};

fn harness() -> Harness<'static, WaqaiApp> {
    let app = WaqaiApp::new(waqai::seed::document(), None);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(waqai::fonts::install)
        .build_ui_state(|ui, app: &mut WaqaiApp| app.show(ui), app);
    h.run_steps(3);
    h
}

fn click_at(h: &mut Harness<'static, WaqaiApp>, pos: Pos2) {
    h.hover_at(pos);
    h.run_steps(1);
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run_steps(3);
}

/// Presses the primary button at `from`, moves to `to` in `steps` frames and lets go there.
fn drag(h: &mut Harness<'static, WaqaiApp>, from: Pos2, to: Pos2, steps: usize) {
    h.hover_at(from);
    h.run_steps(1);
    let button = |pos, pressed| Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    h.event(button(from, true));
    h.run_steps(1);
    for k in 1..=steps {
        h.event(Event::PointerMoved(
            from + (to - from) * (k as f32 / steps as f32),
        ));
        h.run_steps(1);
    }
    h.event(button(to, false));
}

/// Runs frames until the export running in the background has finished.
fn wait_for_export(h: &mut Harness<'static, WaqaiApp>) {
    for _ in 0..3000 {
        if h.state().export.running.is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.run_steps(1);
    }
}

fn press(h: &mut Harness<'static, WaqaiApp>, key: Key) {
    h.key_press(key);
    h.run_steps(2);
}

fn event_index(h: &Harness<'static, WaqaiApp>, id: &str) -> usize {
    h.state()
        .session
        .doc()
        .event_index(id)
        .expect("the event exists")
}

#[test]
fn starts_on_the_seed_with_every_event_on_the_timeline() {
    let h = harness();
    let app = h.state();
    assert_eq!(app.session.doc().events.len(), 6);
    assert!(
        app.session.problems().is_empty(),
        "{:?}",
        app.session.problems()
    );
    for i in 0..6 {
        assert!(
            app.panels.timeline.marks.iter().any(|(e, _)| *e == i),
            "event {i} has no mark"
        );
    }
    assert!(app.panels.relations.screen.len() >= 10);
    assert!(h.query_by_label("Inspector").is_some());
}

#[test]
fn clicking_an_event_shows_it_and_highlights_its_evidence() {
    let mut h = harness();
    let darmanin = event_index(&h, "e3_meeting_darmanin");
    let pos = h
        .state()
        .panels
        .timeline
        .marks
        .iter()
        .find(|(e, _)| *e == darmanin)
        .unwrap()
        .1;
    click_at(&mut h, pos);
    h.run_steps(10);
    let app = h.state();
    assert_eq!(app.session.selection(), Selection::Event(darmanin));
    // The inspector shows its place and participants.
    assert!(
        h.query_by_label_contains("counterpart Darmanin").is_some()
            || app.session.related().spans.len() == 3
    );
    // Evidence highlighted and scrolled into view in the article panel.
    let ev = &app.session.doc().events[darmanin].evidence[0];
    let rects = app.panels.article.screen_rects(ev.start..ev.end);
    assert!(!rects.is_empty());
    assert!(
        rects[0].top() > 300.0 && rects[0].top() < 780.0,
        "evidence not in view: {:?}",
        rects[0]
    );
    // Participants are related in the graph.
    let k = app.session.doc().entity_index("darmanin").unwrap();
    assert!(app.session.related().entities[k]);
}

#[test]
fn arrow_keys_and_j_k_step_through_events_in_order() {
    let mut h = harness();
    let order = h.state().session.doc().chronological();
    for &i in &order {
        press(&mut h, Key::ArrowRight);
        assert_eq!(h.state().session.selection(), Selection::Event(i));
    }
    press(&mut h, Key::J);
    assert_eq!(
        h.state().session.selection(),
        Selection::Event(order[order.len() - 2])
    );
    press(&mut h, Key::K);
    assert_eq!(
        h.state().session.selection(),
        Selection::Event(order[order.len() - 1])
    );
    press(&mut h, Key::Escape);
    assert_eq!(h.state().session.selection(), Selection::None);
}

#[test]
fn clicking_an_actor_highlights_its_events() {
    let mut h = harness();
    let k = h.state().session.doc().entity_index("ledrian").unwrap();
    let pos = h
        .state()
        .panels
        .relations
        .screen
        .iter()
        .find(|(e, _)| *e == k)
        .unwrap()
        .1;
    click_at(&mut h, pos);
    let app = h.state();
    assert_eq!(app.session.selection(), Selection::Entity(k));
    let meeting = app.session.doc().event_index("e2_meeting_ledrian").unwrap();
    assert!(app.session.related().events[meeting]);
    assert_eq!(
        app.session.related().events.iter().filter(|r| **r).count(),
        1
    );
    assert_eq!(
        app.session.related().spans.len(),
        app.session.doc().entities[k].mentions.len()
    );
}

#[test]
fn clicking_a_mention_in_the_article_selects_its_actor() {
    let mut h = harness();
    let k = h.state().session.doc().entity_index("bashagha").unwrap();
    // The title's «باشاغا» is the first mention of Bashagha.
    let m = h.state().session.doc().entities[k].mentions[0];
    let r = h.state().panels.article.screen_rects(m.start..m.end)[0];
    click_at(&mut h, r.center());
    assert_eq!(h.state().session.selection(), Selection::Entity(k));
}

#[test]
fn a_malformed_file_shows_a_message_and_the_seed_stays() {
    let dir = std::env::temp_dir().join(format!("waqai-ui-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("broken.waqai.json");
    std::fs::write(
        &bad,
        "{\n  \"format\": \"waqai/1\",\n  \"article\": {\"text\": 5\n}",
    )
    .unwrap();
    let mut h = harness();
    h.state_mut().picker = Paths::of([bad]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(3);
    let banner = h
        .state()
        .banner()
        .map(str::to_owned)
        .expect("an error banner");
    assert!(
        banner.contains("broken.waqai.json") && banner.contains("line"),
        "{banner}"
    );
    assert!(h.query_by_label_contains("broken.waqai.json").is_some());
    assert_eq!(h.state().session.doc().events.len(), 6);
}

#[test]
fn opening_a_second_document_updates_the_views() {
    let dir = std::env::temp_dir().join(format!("waqai-ui2-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut doc = waqai::seed::document();
    doc.events.truncate(2);
    doc.relations.retain(|r| {
        r.events
            .iter()
            .all(|e| doc.events.iter().any(|x| &x.id == e))
    });
    let path = dir.join("two.waqai.json");
    waqai::model::save_document(&doc, &path).unwrap();
    let mut h = harness();
    h.state_mut().picker = Paths::of([path.clone()]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(4);
    let app = h.state();
    assert_eq!(app.session.doc().events.len(), 2);
    assert_eq!(app.session.path(), Some(path.as_path()));
    assert!(app.panels.timeline.marks.iter().all(|(e, _)| *e < 2));
    assert!(app.banner().is_none());
}

#[test]
fn export_from_the_menu_writes_a_png() {
    let dir = std::env::temp_dir().join(format!("waqai-ui3-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("timeline.png");
    let _ = std::fs::remove_file(&out);
    let mut h = harness();
    let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds/000_53d1f05ff851aa2a.waqai.json");
    assert!(h.state_mut().open_path(&seed));
    h.run_steps(3);
    h.state_mut().picker = Paths::of([out.clone()]);
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label_contains("Export…").click();
    h.run_steps(2);
    assert!(h.state().export.open, "the export dialog is open");
    h.get_by_label("Export…").click();
    h.run_steps(2);
    wait_for_export(&mut h);
    assert!(h.state().banner().is_none(), "{:?}", h.state().banner());
    let img = image::open(&out)
        .expect("the exported file decodes")
        .to_rgba8();
    assert_eq!(img.dimensions(), (1600, 900));
    assert!(
        h.state()
            .export
            .message
            .as_deref()
            .unwrap_or("")
            .contains("timeline.png")
    );
    // The sidecar records what the window showed, and replays to the same bytes.
    let side = waqai::export::sidecar::Sidecar::read(&dir.join("timeline.png.json")).unwrap();
    assert_eq!(side.view, "timeline");
    assert!(side.timeline_window.is_some(), "the visible time range");
    let input = side.input.as_ref().expect("the seed's file");
    assert!(
        input.path.ends_with("000_53d1f05ff851aa2a.waqai.json"),
        "{}",
        input.path
    );
    assert!(!side.unsaved_edits);
    let (path, _) = side
        .input_for_replay(&dir.join("timeline.png.json"))
        .unwrap();
    let doc = waqai::open::open_path(&path).unwrap();
    let again = waqai::export::render_bytes(&doc, &side.options().unwrap());
    assert!(again == std::fs::read(&out).unwrap(), "replay differs");
}

#[test]
fn data_export_from_the_dialog_writes_graphml_with_every_node() {
    let dir = std::env::temp_dir().join(format!("waqai-ui-data-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("g.graphml");
    let _ = std::fs::remove_file(&out);
    let mut h = harness();
    h.state_mut().picker = Paths::of([out.clone()]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(2);
    h.get_by_label("Data").click();
    h.run_steps(2);
    h.get_by_label("GraphML graph").click();
    h.run_steps(2);
    h.get_by_label("Export…").click();
    h.run_steps(2);
    wait_for_export(&mut h);
    assert!(h.state().banner().is_none(), "{:?}", h.state().banner());
    let xml = std::fs::read_to_string(&out).expect("written");
    let nodes = h.state().session.graph().nodes.len();
    assert!(nodes > 3);
    assert_eq!(xml.matches("<node ").count(), nodes);
    assert!(!dir.join("g.graphml.json").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn opening_an_article_extracts_it_in_the_background_and_dates_resolve() {
    let article = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/devset/02.txt");
    let mut h = harness();
    h.state_mut().picker = Paths::of([article]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(1);
    wait(&mut h, WaqaiApp::is_loading);
    h.run_steps(3);
    let app = h.state();
    assert!(app.banner().is_none(), "{:?}", app.banner());
    assert!(
        app.session.doc().events.len() >= 3,
        "{} events",
        app.session.doc().events.len()
    );
    assert!(app.session.doc().article.published.is_none());
    let meeting = app
        .session
        .doc()
        .events
        .iter()
        .position(|e| e.when.relative_days == Some(0))
        .unwrap();
    assert!(app.session.doc().events[meeting].when.date.is_none());
    // Type the publication date into the inspector and apply it.
    let field = h.get_by_role(egui::accesskit::Role::TextInput);
    field.click();
    h.run_steps(1);
    h.get_by_role(egui::accesskit::Role::TextInput)
        .type_text("2023-11-16");
    h.run_steps(1);
    h.get_by_label("Set").click();
    h.run_steps(2);
    let app = h.state();
    assert_eq!(
        app.session.doc().article.published.as_deref(),
        Some("2023-11-16")
    );
    assert_eq!(
        app.session.doc().events[meeting].when.date.as_deref(),
        Some("2023-11-16")
    );
}

#[test]
fn a_crowded_document_stays_usable() {
    let app = WaqaiApp::new(synthetic::synthetic(2_000, 400), None);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(waqai::fonts::install)
        .build_ui_state(|ui, app: &mut WaqaiApp| app.show(ui), app);
    h.run_steps(3);
    // The graph settles over frames, as fast as the machine goes: click once it is still.
    for _ in 0..2_000 {
        if h.state().panels.relations.layout.is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.run_steps(1);
    }
    h.run_steps(2);
    assert!(!h.state().panels.timeline.marks.is_empty());
    let (_, ent, rect) = *h
        .state()
        .panels
        .relations
        .hits
        .iter()
        .find(|(_, _, r)| {
            h.state()
                .panels
                .relations
                .hits
                .iter()
                .filter(|(_, _, o)| o.intersects(*r))
                .count()
                == 1
        })
        .expect("a node on its own");
    click_at(&mut h, rect.center());
    assert_eq!(h.state().session.selection(), Selection::Entity(ent));
    assert!(h.state().session.related().events.iter().any(|r| *r));
}

#[test]
fn dragging_over_the_article_selects_text_and_ctrl_c_copies_it_in_logical_order() {
    let mut h = harness();
    // The second paragraph's first line: drag from its first word (on the right) leftwards.
    let text = h.state().session.doc().article.text.clone();
    let start = text
        .find("بحث وزير الداخلية")
        .map(|b| text[..b].chars().count())
        .unwrap();
    let words = "بحث وزير الداخلية".chars().count();
    let r0 = h.state().panels.article.screen_rects(start..start + 1)[0];
    let r1 = h
        .state()
        .panels
        .article
        .screen_rects(start + words - 1..start + words)[0];
    let (from, to) = (r0.center(), r1.center());
    drag(&mut h, from, to, 6);
    h.run_steps(1);
    let selected = h
        .state()
        .panels
        .article
        .selected_text(&text)
        .expect("a selection");
    assert_eq!(selected, "بحث وزير الداخلية");
    h.event(Event::Copy);
    h.run_steps(1);
    let copied = h
        .output()
        .platform_output
        .commands
        .iter()
        .any(|c| matches!(c, egui::OutputCommand::CopyText(t) if t == "بحث وزير الداخلية"));
    assert!(copied, "{:?}", h.output().platform_output.commands);
}

#[test]
fn ctrl_f_finds_every_spelling_of_a_name_and_steps_through_them() {
    let mut h = harness();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    // The search field has the keyboard focus.
    h.event(Event::Text("باشاغا".into()));
    h.run_steps(2);
    let text = h.state().session.doc().article.text.clone();
    let hits = h.state().panels.article.search_hits.clone();
    assert_eq!(hits.len(), text.matches("باشاغا").count());
    assert!(hits.len() >= 5);
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(h.state().panels.article.search_current, 1);
}

#[test]
fn escape_closes_the_topmost_window_and_only_then_clears_the_selection() {
    let mut h = harness();
    h.state_mut().select(Selection::Event(0));
    h.run_steps(2);
    let esc = |h: &mut Harness<'static, WaqaiApp>| press(h, Key::Escape);

    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(2);
    assert!(h.state().export.open);
    esc(&mut h);
    assert!(!h.state().export.open, "Esc closes the export window");
    assert_eq!(
        h.state().session.selection(),
        Selection::Event(0),
        "and nothing else"
    );

    press(&mut h, Key::F1);
    assert!(h.state().help_is_open());
    esc(&mut h);
    assert!(!h.state().help_is_open());

    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    assert!(h.state().panels.article.search_open);
    // Esc in the find field closes the bar, as in a browser.
    esc(&mut h);
    assert!(
        !h.state().panels.article.search_open,
        "Esc closes the find bar"
    );
    assert_eq!(h.state().session.selection(), Selection::Event(0));

    // The unsaved-changes question: Esc is Cancel, the document stays.
    let before = h.state().session.doc().clone();
    h.state_mut()
        .edit(waqai::model::Edit::SetPublished(Some("2020-11-19".into())))
        .expect("a valid edit");
    h.state_mut()
        .request_open(&PathBuf::from("/nonexistent/other.txt"));
    h.run_steps(2);
    assert!(h.state().pending().is_some());
    esc(&mut h);
    assert!(h.state().pending().is_none(), "Esc answers Cancel");
    assert!(h.state().session.is_dirty());
    assert_ne!(h.state().session.doc(), &before);

    esc(&mut h);
    assert_eq!(
        h.state().session.selection(),
        Selection::None,
        "then Esc clears"
    );
}

#[test]
fn closing_a_window_with_escape_gives_the_keyboard_back() {
    let mut h = harness();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    let field = h
        .ctx
        .memory(|m| m.focused())
        .expect("the find field has the keyboard");
    // Ctrl+E works while typing; Esc closes the window and the field has the keyboard again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(2);
    assert!(h.state().export.open);
    press(&mut h, Key::Escape);
    assert!(!h.state().export.open);
    h.run_steps(1);
    assert_eq!(h.ctx.memory(|m| m.focused()), Some(field));
    assert!(h.state().panels.article.search_open);
}

#[test]
fn an_open_records_the_time_of_each_stage_up_to_its_first_frame() {
    let dir = std::env::temp_dir().join(format!("waqai-timings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch");
    let path = dir.join("big.waqai.json");
    waqai::model::save_document(&synthetic::synthetic(2_000, 400), &path).expect("saved");
    let mut h = harness();
    assert!(
        h.state().last_open_timings().is_none(),
        "nothing opened yet"
    );
    h.state_mut().open_path(&path);
    h.run_steps(1);
    let t = h.state().last_open_timings().expect("timed").clone();
    let names: Vec<&str> = t.stages().iter().map(|s| s.0).collect();
    assert_eq!(
        names,
        [
            "read",
            "parse",
            "validate",
            "chronology",
            "graph",
            "lanes",
            "selection",
            "wait",
            "first frame"
        ]
    );
    assert!(t.get("parse").expect("parsed") > std::time::Duration::ZERO);
    assert_eq!(h.state().session.doc().events.len(), 2_000);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_inspector_ranks_an_actor_by_centrality() {
    let mut h = harness();
    let k = h
        .state()
        .session
        .doc()
        .entity_index("bashagha")
        .expect("the seed's hub");
    h.state_mut().select(Selection::Entity(k));
    h.run_steps(3);
    // Bashagha is linked to most actors and on most paths: first on both.
    let g = h.state().session.graph();
    let node = g.node_of(k).unwrap();
    let n = g.nodes.len();
    let want = format!(
        "degree {:.2} (#1 of {n}) · betweenness {:.2} (#1 of {n})",
        g.degree_centrality()[node],
        g.betweenness[node]
    );
    h.get_by_label(&want);
}

#[test]
fn the_ego_view_shows_only_the_selected_actors_neighbourhood() {
    let mut h = harness();
    let all = h.state().panels.relations.screen.len();
    // Darmanin is linked to few actors: one step around him is a small part of the graph.
    let k = h.state().session.doc().entity_index("darmanin").unwrap();
    h.state_mut().select(Selection::Entity(k));
    h.run_steps(2);
    h.get_by_label("1 step").click();
    h.run_steps(3);
    let graph = h.state().session.graph().clone();
    let node = graph.node_of(k).unwrap();
    let want = graph.within(node, 1);
    let shown: Vec<usize> = h
        .state()
        .panels
        .relations
        .screen
        .iter()
        .map(|s| s.0)
        .collect();
    assert_eq!(shown.len(), want.iter().filter(|w| **w).count());
    assert!(shown.len() < all, "{} of {all}", shown.len());
    assert!(shown.iter().all(|e| want[graph.node_of(*e).unwrap()]));
    // Two steps reach further; "All" brings everything back.
    h.get_by_label("2 steps").click();
    h.run_steps(3);
    let two = h.state().panels.relations.screen.len();
    assert!(two > shown.len(), "{two}");
    h.get_by_label("All").click();
    h.run_steps(3);
    assert_eq!(h.state().panels.relations.screen.len(), all);
}

#[test]
fn the_overview_strip_brushes_the_timeline_to_a_stretch_of_time() {
    let app = WaqaiApp::new(synthetic::synthetic(300, 60), None);
    // Frames 20 ms apart, so that two clicks make a double click.
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_step_dt(0.02)
        .with_context_setup(waqai::fonts::install)
        .build_ui_state(|ui, app: &mut WaqaiApp| app.show(ui), app);
    h.run_steps(3);
    let strip = h
        .state()
        .panels
        .timeline
        .overview
        .expect("many events: the overview strip is shown");
    let (x0, x1) = h.state().session.chronology().x_range();
    let all_marks = h.state().panels.timeline.marks.len();
    let at = |share: f32| egui::pos2(strip.left() + share * strip.width(), strip.center().y);
    // Drag across a quarter of the strip: the timeline shows that quarter.
    let (from, to) = (at(0.25), at(0.5));
    drag(&mut h, from, to, 10);
    h.run_steps(3);
    let (a, b) = h.state().panels.timeline.x_window.expect("a window");
    let span = x1 - x0;
    let near = |v: f64, want: f64| (v - want).abs() < span * 0.03;
    assert!(
        near(a, x0 + span * 0.25) && near(b, x0 + span * 0.5),
        "shown {a:.1}..{b:.1} of {x0:.1}..{x1:.1}"
    );
    // Fewer marks than the whole document.
    let marks = h.state().panels.timeline.marks.len();
    assert!(
        marks > 0 && marks < all_marks,
        "{marks} of {all_marks} marks"
    );
    // A double click shows everything again.
    for _ in 0..2 {
        click_at(&mut h, at(0.8));
    }
    h.run_steps(3);
    let (a, b) = h.state().panels.timeline.x_window.expect("a window");
    assert!(a <= x0 && b >= x1, "after a double click: {a:.1}..{b:.1}");
}
