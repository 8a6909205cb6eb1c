//! A storm of input: random but reproducible clicks, drags, wheels, keys, shortcuts and
//! button presses (undo/redo, find, the export dialog, merge, delete …) against the seed, a
//! real article and a 2,000-event document. Nothing panics, the document always validates, and
//! every 100 inputs undoing gives back the document as it was 100 inputs before, and redoing
//! the document as it had become.
//!
//! `WAQAI_STORM_INPUTS` sets the inputs per document (default 600; `.ci/run` runs 10,000);
//! `WAQAI_STORM_SEED` replays a failure with the seed it printed.

#[path = "support/synthetic.rs"]
mod synthetic;

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, MouseWheelUnit, PointerButton, Pos2, pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use waqai::app::{FilePicker, WaqaiApp};
use waqai::model::{self, Document};
use waqai::selection::Selection;

const SIZE: egui::Vec2 = vec2(1280.0, 900.0);
/// Inputs between two checks of undo and redo: fewer edits than the history keeps.
const CHECK_EVERY: usize = 100;

/// xorshift64*: small, fast, the same sequence everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pos(&mut self) -> Pos2 {
        pos2(
            self.below(SIZE.x as usize) as f32,
            self.below(SIZE.y as usize) as f32,
        )
    }
}

/// No file dialogs in a storm: every question is cancelled.
struct Cancel;

impl FilePicker for Cancel {
    fn open(&mut self) -> Option<PathBuf> {
        None
    }
    fn save(&mut self, _name: &str) -> Option<PathBuf> {
        None
    }
}

const KEYS: [Key; 16] = [
    Key::ArrowLeft,
    Key::ArrowRight,
    Key::ArrowUp,
    Key::ArrowDown,
    Key::J,
    Key::K,
    Key::Enter,
    Key::Escape,
    Key::F,
    Key::Tab,
    Key::Delete,
    Key::Backspace,
    Key::Home,
    Key::End,
    Key::F1,
    Key::Space,
];

const SHORTCUTS: [(Modifiers, Key); 10] = [
    (Modifiers::COMMAND, Key::Z),
    (Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z),
    (Modifiers::COMMAND, Key::Y),
    (Modifiers::COMMAND, Key::F),
    (Modifiers::COMMAND, Key::E),
    (Modifiers::COMMAND, Key::S),
    (Modifiers::COMMAND, Key::O),
    (Modifiers::COMMAND, Key::A),
    (Modifiers::COMMAND, Key::C),
    (Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S),
];

const TEXTS: [&str; 6] = ["ب", "وزير ", "2020", "(Paris)", "ـ", "لا"];

fn pointer(h: &mut Harness<'static, WaqaiApp>, pos: Pos2, button: PointerButton, down: bool) {
    h.event(Event::PointerButton {
        pos,
        button,
        pressed: down,
        modifiers: Modifiers::NONE,
    });
}

/// One random input; returns what it was, for the failure message.
fn storm_step(h: &mut Harness<'static, WaqaiApp>, rng: &mut Rng) -> String {
    match rng.below(100) {
        0..25 => {
            let p = rng.pos();
            h.hover_at(p);
            h.step();
            pointer(h, p, PointerButton::Primary, true);
            pointer(h, p, PointerButton::Primary, false);
            format!("click {p:?}")
        }
        25..30 => {
            let p = rng.pos();
            h.hover_at(p);
            h.step();
            pointer(h, p, PointerButton::Secondary, true);
            pointer(h, p, PointerButton::Secondary, false);
            format!("right-click {p:?}")
        }
        30..40 => {
            let (a, b) = (rng.pos(), rng.pos());
            let button = if rng.below(4) == 0 {
                PointerButton::Secondary
            } else {
                PointerButton::Primary
            };
            h.hover_at(a);
            h.step();
            pointer(h, a, button, true);
            for k in 1..=4 {
                h.hover_at(a + (b - a) * (k as f32 / 4.0));
                h.step();
            }
            pointer(h, b, button, false);
            format!("drag {a:?} → {b:?} ({button:?})")
        }
        40..50 => {
            let p = rng.pos();
            let delta = vec2(0.0, rng.below(240) as f32 - 120.0);
            let modifiers = if rng.below(2) == 0 {
                Modifiers::NONE
            } else {
                Modifiers::COMMAND
            };
            h.hover_at(p);
            h.event(Event::MouseWheel {
                unit: MouseWheelUnit::Point,
                delta,
                modifiers,
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
            });
            format!("wheel {delta:?} at {p:?} {modifiers:?}")
        }
        50..65 => {
            let key = KEYS[rng.below(KEYS.len())];
            h.key_press(key);
            format!("key {key:?}")
        }
        65..78 => {
            let (m, key) = SHORTCUTS[rng.below(SHORTCUTS.len())];
            h.key_press_modifiers(m, key);
            format!("shortcut {m:?}+{key:?}")
        }
        78..82 => {
            let t = TEXTS[rng.below(TEXTS.len())];
            h.event(Event::Text(t.to_owned()));
            format!("type {t:?}")
        }
        82..88 => {
            // Select something, so that its form (delete, merge, split, roles) is on screen.
            let doc = h.state().session.doc();
            let sel = if rng.below(2) == 0 && !doc.events.is_empty() {
                Selection::Event(rng.below(doc.events.len()))
            } else if !doc.entities.is_empty() {
                Selection::Entity(rng.below(doc.entities.len()))
            } else {
                Selection::None
            };
            h.state_mut().select(sel);
            format!("select {sel:?}")
        }
        _ => {
            // Press one of the buttons, menu entries or boxes on screen.
            let labels: Vec<String> = [Role::Button, Role::ComboBox, Role::MenuItem]
                .into_iter()
                .flat_map(|role| {
                    h.query_all_by_role(role)
                        .filter_map(|n| n.accesskit_node().label())
                        .collect::<Vec<_>>()
                })
                .filter(|l| !l.is_empty())
                .collect();
            if labels.is_empty() {
                return "no button".into();
            }
            let label = labels[rng.below(labels.len())].clone();
            press_label(h, &label);
            format!("press {label:?}")
        }
    }
}

/// Scrolls the first widget labelled `label` into view and clicks it with the pointer, as a
/// user would.
fn press_label(h: &mut Harness<'static, WaqaiApp>, label: &str) {
    if let Some(node) = h.query_all_by_label(label).next() {
        node.scroll_to_me();
    } else {
        return;
    }
    // Until the scrolling has finished moving it.
    let _ = h.try_run();
    let Some(b) = h
        .query_all_by_label(label)
        .next()
        .and_then(|n| n.accesskit_node().bounding_box())
    else {
        return;
    };
    let p = pos2(((b.x0 + b.x1) / 2.0) as f32, ((b.y0 + b.y1) / 2.0) as f32);
    h.hover_at(p);
    h.step();
    pointer(h, p, PointerButton::Primary, true);
    pointer(h, p, PointerButton::Primary, false);
}

fn harness(doc: Document) -> Harness<'static, WaqaiApp> {
    let mut app = WaqaiApp::new(doc, None);
    app.picker = Box::new(Cancel);
    let mut h = Harness::builder()
        .with_size(SIZE)
        .with_context_setup(waqai::fonts::install)
        .build_ui_state(|ui, app: &mut WaqaiApp| app.show(ui), app);
    h.run_steps(3);
    h
}

/// Undoes every edit since the history was last cleared, when the document was `start`, then
/// redoes them all, checking both ends.
fn undo_redo_round_trip(h: &mut Harness<'static, WaqaiApp>, start: &Document, at: &str) -> usize {
    let end = h.state().session.doc().clone();
    let mut undone = 0;
    while h.state().session.can_undo() {
        h.state_mut().undo();
        undone += 1;
    }
    assert_eq!(
        h.state().session.doc(),
        start,
        "undoing {undone} edits {at}"
    );
    for _ in 0..undone {
        h.state_mut().redo();
    }
    assert_eq!(
        h.state().session.doc(),
        &end,
        "redoing all {undone} edits {at}"
    );
    h.run_steps(2);
    undone
}

fn storm(name: &str, doc: Document, inputs: usize, seed: u64) {
    println!("storm on {name}: {inputs} inputs, seed {seed} (WAQAI_STORM_SEED={seed} replays)");
    let mut h = harness(doc);
    let mut start = h.state().session.doc().clone();
    if h.state().recovery_offer().is_some() {
        // Restoring is an edit like any other: the first check undoes and redoes it.
        press_label(&mut h, "Restore them");
        h.run_steps(2);
        assert!(
            h.state().recovery_offer().is_none(),
            "Restore them was pressed"
        );
        assert!(h.state().session.can_undo());
    }
    let mut rng = Rng(seed);
    let mut recent: Vec<String> = Vec::new();
    let mut edits = 0;
    let mut changes = 0;
    let mut pressed: std::collections::BTreeMap<String, usize> = Default::default();
    for n in 1..=inputs {
        let generation = h.state().session.generation();
        let what = storm_step(&mut h, &mut rng);
        if let Some(label) = what.strip_prefix("press ") {
            *pressed.entry(label.chars().take(24).collect()).or_default() += 1;
        }
        h.run_steps(2);
        changes += usize::from(h.state().session.generation() != generation);
        recent.push(what);
        if recent.len() > 8 {
            recent.remove(0);
        }
        let problems = model::validate(h.state().session.doc());
        assert!(
            problems.is_empty(),
            "{name}, seed {seed}, input {n}: the document no longer validates: {problems:?}; \
             last inputs: {recent:?}"
        );
        if n % CHECK_EVERY == 0 || n == inputs {
            // The history is checked from here: edits before are out of reach by design.
            let at = format!("on {name}, seed {seed}, after input {n} ({recent:?})");
            edits += undo_redo_round_trip(&mut h, &start, &at);
            start = h.state().session.doc().clone();
            h.state_mut().session.clear_history();
        }
    }
    report(name, changes, edits, &pressed);
}

fn report(
    name: &str,
    changes: usize,
    edits: usize,
    pressed: &std::collections::BTreeMap<String, usize>,
) {
    println!(
        "{name}: {changes} inputs changed the document or the view options, \
         {edits} edits undone and redone at checks; buttons pressed: {pressed:?}"
    );
}

fn inputs() -> usize {
    std::env::var("WAQAI_STORM_INPUTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(600)
}

fn seed(default: u64) -> u64 {
    std::env::var("WAQAI_STORM_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// Each storm gets its own empty recovery folder, so that what one storm autosaves is never
/// offered to another and a seed replays the same storm. (One test runs the storms one after
/// the other: the environment is the process's.)
fn recovery_in(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("waqai-storm-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    // SAFETY: this binary's only test sets it, before any harness of its own reads it.
    unsafe { std::env::set_var("WAQAI_RECOVERY_DIR", &dir) };
    dir
}

#[test]
fn storms_on_the_seed_a_real_article_and_two_thousand_events() {
    recovery_in("press");
    pressing_a_button_by_its_label_edits_the_document();

    // The seed's storm starts with a recovery file on offer, and restores it.
    let dir = recovery_in("seed");
    let mut kept = waqai::seed::document();
    let first = kept.events[0].id.clone();
    model::apply_edit(&mut kept, &model::Edit::DeleteEvent(first)).expect("a valid edit");
    let offer = waqai::app::recovery_path(None, &kept.article.text);
    assert!(offer.starts_with(&dir));
    model::save_document(&kept, &offer).expect("a recovery file");
    storm("the seed", waqai::seed::document(), inputs(), seed(0x5eed));

    recovery_in("article");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    match waqai::extract::gold::find_corpus(root) {
        Some(corpus) => {
            let doc = waqai::open::open_path(&corpus.join("dev/38_alweeam.txt"))
                .expect("the article opens");
            storm("a real article", doc, inputs(), seed(0xa57));
        }
        None => println!("skipped the real article: ../shared/corpus is not here"),
    }

    recovery_in("big");
    storm(
        "2,000 events",
        synthetic::synthetic(2_000, 400),
        inputs(),
        seed(0x2000),
    );
}

fn pressing_a_button_by_its_label_edits_the_document() {
    let mut h = harness(waqai::seed::document());
    h.state_mut().select(Selection::Event(0));
    h.run_steps(3);
    let before = h.state().session.doc().events.len();
    press_label(&mut h, "Delete this event");
    h.run_steps(3);
    assert_eq!(h.state().session.doc().events.len(), before - 1);
}
