//! Curation: edits through the UI, undo/redo, saving, recovery after a crash, and random edit
//! sequences.

use std::path::PathBuf;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use proptest::prelude::*;
use waqai::app::WaqaiApp;
use waqai::model::{self, Document, Edit, Span};
use waqai::selection::Selection;

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("waqai-edit-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).expect("scratch folder");
    d
}

fn harness_on(doc: Document, path: Option<PathBuf>) -> Harness<'static, WaqaiApp> {
    let app = WaqaiApp::new(doc, path);
    // A tall window: the whole inspector form is on screen.
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 2400.0))
        .with_context_setup(waqai::fonts::install)
        .build_ui_state(|ui, app: &mut WaqaiApp| app.show(ui), app);
    h.run_steps(3);
    h
}

fn json(doc: &Document) -> String {
    model::to_json(doc)
}

#[test]
fn changing_date_and_participants_in_the_inspector_updates_the_views() {
    let mut doc = waqai::seed::document();
    doc.article.published = Some("2020-11-19".into());
    model::resolve_relative_dates(&mut doc);
    let mut h = harness_on(doc, None);
    let i = h
        .state()
        .session
        .doc()
        .event_index("e4_meeting_biometric")
        .unwrap();
    h.state_mut().select(Selection::Event(i));
    h.run_steps(2);

    let before = *h.state().session.chronology().of_event(i).unwrap();
    assert!(
        !before.day_known,
        "no date yet: in the 'date not stated' band"
    );
    // The second text field of the form is the date.
    let fields = h
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .collect::<Vec<_>>();
    assert!(fields.len() >= 2);
    fields[1].scroll_to_me();
    h.run_steps(2);
    h.get_all_by_role(egui::accesskit::Role::TextInput)
        .nth(1)
        .unwrap()
        .focus();
    h.run_steps(1);
    h.get_all_by_role(egui::accesskit::Role::TextInput)
        .nth(1)
        .unwrap()
        .type_text("2020-11-21");
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert_eq!(
        h.state().session.doc().events[i].when.date.as_deref(),
        Some("2020-11-21")
    );
    // Out of the band, onto its day on the axis.
    let after = *h.state().session.chronology().of_event(i).unwrap();
    assert!(after.day_known, "{after:?}");
    assert_eq!(after.day, model::parse_date("2020-11-21").unwrap());
    assert!((after.x - after.day as f64).abs() <= 0.5, "{after:?}");
    assert_ne!(before.x, after.x);
    // Fit (F): its mark is drawn on the timeline again, further right.
    h.key_press(Key::F);
    h.run_steps(3);
    assert!(h.state().panels.timeline.marks.iter().any(|(e, _)| *e == i));
    // Add Darmanin as a participant: his lane gets the event, the graph links him.
    let nodes_before = h.state().session.graph().edges.len();
    h.get_by_value("Add a participant…").scroll_to_me();
    h.run_steps(2);
    h.get_by_value("Add a participant…").click();
    h.run_steps(2);
    h.get_by_label("جيرالد دارمانان · person").click();
    h.run_steps(3);
    let app = h.state();
    let k = app.session.doc().entity_index("darmanin").unwrap();
    assert!(
        app.session.doc().events[i]
            .participants
            .iter()
            .any(|p| p.entity == "darmanin")
    );
    let lane = app
        .session
        .lanes()
        .lanes
        .iter()
        .position(|l| l.entity == Some(k))
        .unwrap();
    assert!(app.session.lanes().event_lanes[i].contains(&lane));
    assert!(app.session.graph().edges.len() >= nodes_before);
    let kb = app.session.graph().node_of(k).unwrap();
    assert!(
        app.session
            .graph()
            .edges
            .iter()
            .any(|e| (e.a == kb || e.b == kb) && e.events.contains(&i))
    );
}

#[test]
fn merging_two_actors_leaves_one_node_with_all_their_events_and_undo_redo_are_exact() {
    let mut h = harness_on(waqai::seed::document(), None);
    let original = json(h.state().session.doc());
    let k = h.state().session.doc().entity_index("ledrian").unwrap();
    h.state_mut().select(Selection::Entity(k));
    h.run_steps(2);

    h.get_by_value("Merge another actor into this one…")
        .scroll_to_me();
    h.run_steps(2);
    h.get_by_value("Merge another actor into this one…").click();
    h.run_steps(2);
    h.get_by_label("جيرالد دارمانان · person").click();
    h.run_steps(3);
    let merged = json(h.state().session.doc());
    {
        let app = h.state();
        assert!(app.session.doc().entity("darmanin").is_none());
        let k = app.session.doc().entity_index("ledrian").unwrap();
        let events: Vec<&str> = app
            .session
            .doc()
            .events
            .iter()
            .filter(|e| waqai::selection::involves(e, "ledrian"))
            .map(|e| e.id.as_str())
            .collect();
        assert!(events.contains(&"e2_meeting_ledrian") && events.contains(&"e3_meeting_darmanin"));
        assert!(app.session.graph().node_of(k).is_some());
        assert!(model::validate(app.session.doc()).is_empty());
        assert!(app.session.is_dirty());
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(json(h.state().session.doc()), original);
    assert_eq!(h.state().session.selection(), Selection::Entity(k));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(2);
    assert_eq!(json(h.state().session.doc()), merged);
}

#[test]
fn save_then_reload_gives_the_same_document_with_unknown_fields() {
    let dir = tmp("save");
    let path = dir.join("doc.waqai.json");
    let mut doc = waqai::seed::document();
    doc.extra.insert("x_project".into(), "briefing".into());
    doc.events[0].extra.insert("x_flag".into(), true.into());
    model::save_document(&doc, &path).unwrap();
    let mut h = harness_on(waqai::open::open_path(&path).unwrap(), Some(path.clone()));
    h.state_mut()
        .edit(Edit::EventSummary("e1_visit".into(), "edited".into()))
        .unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    assert!(!h.state().session.is_dirty());
    let again = waqai::open::open_path(&path).unwrap();
    assert_eq!(&again, h.state().session.doc());
    assert_eq!(
        again.extra.get("x_project").and_then(|v| v.as_str()),
        Some("briefing")
    );
    assert_eq!(
        again.events[0].extra.get("x_flag"),
        Some(&serde_json::Value::Bool(true))
    );
}

#[test]
fn a_failed_save_leaves_the_file_byte_identical() {
    let dir = tmp("fail");
    let path = dir.join("doc.waqai.json");
    model::save_document(&waqai::seed::document(), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut app = WaqaiApp::new(waqai::open::open_path(&path).unwrap(), Some(path.clone()));
    app.edit(Edit::EventSummary("e1_visit".into(), "edited".into()))
        .unwrap();
    // A directory where the temporary file must go makes the write fail midway.
    let blocker = dir.join(format!(".doc.waqai.json.{}.tmp", std::process::id()));
    std::fs::create_dir_all(&blocker).unwrap();
    app.save(false);
    assert!(app.banner().unwrap_or("").contains("could not save"));
    assert!(app.session.is_dirty());
    assert_eq!(std::fs::read(&path).unwrap(), before);
    std::fs::remove_dir(&blocker).unwrap();
}

#[test]
fn edits_of_a_killed_session_are_offered_back() {
    let dir = tmp("recovery");
    // SAFETY: every test in this file sets the same value.
    unsafe { std::env::set_var("WAQAI_RECOVERY_DIR", dir.join("rec")) };
    let path = dir.join("doc.waqai.json");
    model::save_document(&waqai::seed::document(), &path).unwrap();
    let edited = {
        let mut app = WaqaiApp::new(waqai::open::open_path(&path).unwrap(), Some(path.clone()));
        app.edit(Edit::EntityLatin(
            "paris".into(),
            Some("Paris, France".into()),
        ))
        .unwrap();
        app.edit(Edit::DeleteEvent("e6_planned_meetings".into()))
            .unwrap();
        app.autosave();
        app.session.doc().clone()
        // The app is dropped without saving: as if the process had been killed.
    };
    let mut app = WaqaiApp::new(waqai::open::open_path(&path).unwrap(), Some(path.clone()));
    assert!(app.recovery_offer().is_some(), "no recovery offered");
    app.resolve_recovery(true);
    assert_eq!(json(app.session.doc()), json(&edited));
    assert!(app.session.is_dirty());
    app.save(false);
    assert!(
        !waqai::app::recovery_path(Some(&path), "").exists(),
        "recovery file removed after a clean save"
    );
}

fn edit_strategy(doc: &Document) -> impl Strategy<Value = Edit> {
    let events: Vec<String> = doc.events.iter().map(|e| e.id.clone()).collect();
    let ents: Vec<String> = doc.entities.iter().map(|e| e.id.clone()).collect();
    let len = doc.article.text.chars().count();
    let ev = proptest::sample::select(events);
    let en = proptest::sample::select(ents);
    let en2 = en.clone();
    let span = (0..len - 10, 1usize..10).prop_map(|(s, l)| Span::new(s, s + l));
    prop_oneof![
        (
            ev.clone(),
            proptest::sample::select(vec!["meeting", "visit", "signing", "other"])
        )
            .prop_map(|(e, k)| Edit::EventKind(e, k.into())),
        (
            ev.clone(),
            proptest::sample::select(vec!["occurred", "planned"])
        )
            .prop_map(|(e, s)| Edit::EventStatus(e, s.into())),
        (ev.clone(), 1u32..28).prop_map(|(e, d)| Edit::EventDate(
            e,
            Some(format!("2020-11-{d:02}")),
            "day".into()
        )),
        (ev.clone(), en.clone()).prop_map(|(e, p)| Edit::SetParticipant(
            e,
            p,
            "participant".into()
        )),
        (ev.clone(), en.clone()).prop_map(|(e, p)| Edit::RemoveParticipant(e, p)),
        (ev.clone(), en.clone()).prop_map(|(e, p)| Edit::EventPlace(e, Some(p))),
        (ev.clone(), span.clone()).prop_map(|(e, s)| Edit::AddEvidence(e, s)),
        span.clone()
            .prop_map(|s| Edit::NewEvent("meeting".into(), s)),
        ev.prop_map(Edit::DeleteEvent),
        (en.clone(), en2).prop_map(|(a, b)| Edit::Merge(a, b)),
        (en.clone(), span.clone()).prop_map(|(e, s)| Edit::AddMention(e, s)),
        span.prop_map(|s| Edit::NewEntity("person".into(), s)),
        en.prop_map(|e| Edit::EntityName(e, "اسم".into())),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
    #[test]
    fn random_edits_keep_the_document_valid_and_undo_all_restores_it(
        edits in proptest::collection::vec(edit_strategy(&waqai::seed::document()), 1..25)
    ) {
        let original = waqai::seed::document();
        let mut app = WaqaiApp::new(original.clone(), None);
        for e in edits {
            let _ = app.edit(e);
            let problems = model::validate(app.session.doc());
            prop_assert!(problems.is_empty(), "{:?}", problems);
        }
        while app.session.can_undo() {
            app.undo();
        }
        prop_assert_eq!(json(app.session.doc()), json(&original));
    }
}
