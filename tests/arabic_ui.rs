//! The interface in Arabic: the menu bar reads right to left, and every string the window shows
//! comes from the Arabic translation file or from the document (a test fails on any English
//! string left in the Arabic interface).

use std::collections::BTreeSet;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use waqai::app::WaqaiApp;
use waqai::i18n::{ARABIC_FTL, Language};
use waqai::model::Document;
use waqai::selection::Selection;

fn harness(language: Language) -> Harness<'static, WaqaiApp> {
    let mut app = WaqaiApp::new(waqai::seed::document(), None);
    app.set_language(language);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(waqai::fonts::install)
        .build_ui_state(|ui, app: &mut WaqaiApp| app.show(ui), app);
    h.run_steps(4);
    h
}

/// Latin words of `s`.
fn latin_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
}

/// What the window shows now: every AccessKit name and value, and every text painted by our
/// text layer during one more frame.
fn shown(h: &mut Harness<'static, WaqaiApp>) -> BTreeSet<String> {
    waqai::text::egui_text::start_recording();
    h.run_steps(1);
    let mut out: BTreeSet<String> = waqai::text::egui_text::take_recording()
        .into_iter()
        .map(|(s, _)| s)
        .collect();
    for node in h.root().children_recursive() {
        let ak = node.accesskit_node();
        out.extend(ak.label().into_iter().chain(ak.value()));
    }
    out
}

/// The Latin words a user may see in the Arabic interface: those of the Arabic translation
/// file (key names such as Esc, formats such as PNG), those of the document's own data
/// (names, their Latin forms, the text), the keys egui writes for shortcuts, and the language
/// menu's «English», which names itself.
fn allowed_words(doc: &Document) -> BTreeSet<String> {
    let mut data = vec![doc.article.title.clone(), doc.article.text.clone()];
    for e in &doc.entities {
        data.extend([e.name.clone(), e.id.clone()]);
        data.extend(e.latin.clone());
        data.extend(e.country.clone());
        data.extend(e.roles.clone());
    }
    for e in &doc.events {
        data.extend([e.summary.clone(), e.id.clone()]);
        data.extend(e.topics.clone());
        data.extend(e.cameo.clone());
    }
    let values = ARABIC_FTL
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| {
            l.split_once('=')
                .map(|(_, v)| v.to_owned())
                .or(Some(l.to_owned()))
        })
        .filter(|v| !v.contains('$'));
    let keys = [
        "Ctrl", "Shift", "Right", "Left", "Enter", "Escape", "English", "work",
    ];
    data.into_iter()
        .chain(values)
        .flat_map(|s| latin_words(&s).map(str::to_owned).collect::<Vec<_>>())
        .chain(keys.into_iter().map(str::to_owned))
        .chain(('A'..='Z').map(String::from))
        .collect()
}

/// Strings with a Latin word that is not allowed.
fn english_left(shown: &BTreeSet<String>, allowed: &BTreeSet<String>) -> Vec<String> {
    shown
        .iter()
        .filter(|s| {
            // An elided text ends in a cut word.
            let whole = s.strip_suffix('…').map_or(s.as_str(), |t| {
                t.trim_end_matches(|c: char| c.is_ascii_alphabetic())
            });
            latin_words(whole).any(|w| !allowed.contains(w))
        })
        .cloned()
        .collect()
}

/// Opens each menu of the bar in turn (and the inspector's forms) and gathers what is shown.
fn everything_shown(h: &mut Harness<'static, WaqaiApp>, menus: &[&str]) -> BTreeSet<String> {
    let mut all = shown(h);
    for m in menus {
        h.get_by_label(m).click();
        h.run_steps(2);
        all.extend(shown(h));
        h.key_press(egui::Key::Escape);
        h.run_steps(2);
    }
    // The help window (F1) and the export dialog (Ctrl+E).
    h.key_press(egui::Key::F1);
    h.run_steps(2);
    all.extend(shown(h));
    h.key_press(egui::Key::Escape);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run_steps(2);
    all.extend(shown(h));
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    let n = h.state().session.doc().events.len();
    let selections = (0..n).map(Selection::Event).chain([Selection::Entity(0)]);
    for sel in selections {
        h.state_mut().select(sel);
        h.run_steps(3);
        all.extend(shown(h));
    }
    all
}

#[test]
fn the_arabic_interface_shows_no_english_string() {
    let mut h = harness(Language::Arabic);
    let allowed = allowed_words(&waqai::seed::document());
    let all = everything_shown(&mut h, &["ملف", "تحرير", "عرض", "مساعدة"]);
    assert!(all.len() > 60, "only {} strings seen", all.len());
    let left = english_left(&all, &allowed);
    assert!(
        left.is_empty(),
        "English left in the Arabic interface:\n{left:#?}"
    );

    // The same check finds the English interface full of English: it is not vacuous.
    let mut h = harness(Language::English);
    let all = everything_shown(&mut h, &["File", "Edit", "View", "Help"]);
    let left = english_left(&all, &allowed);
    assert!(left.len() > 40, "only {} English strings found", left.len());
}

#[test]
fn the_arabic_menu_bar_reads_right_to_left() {
    let h = harness(Language::Arabic);
    let x = |label: &str| {
        let b = h
            .get_by_label(label)
            .accesskit_node()
            .bounding_box()
            .expect("a menu has a place");
        (b.x0 + b.x1) / 2.0
    };
    let (file, edit, view, help) = (x("ملف"), x("تحرير"), x("عرض"), x("مساعدة"));
    assert!(
        file > edit && edit > view && view > help,
        "{file} {edit} {view} {help}"
    );
    assert!(file > 1000.0, "File is not at the right edge: {file}");

    let h = harness(Language::English);
    let x = |label: &str| {
        let b = h
            .get_by_label(label)
            .accesskit_node()
            .bounding_box()
            .unwrap();
        (b.x0 + b.x1) / 2.0
    };
    assert!(x("File") < x("Edit") && x("Edit") < x("View") && x("View") < x("Help"));
}

#[test]
fn problems_of_a_document_are_listed_in_arabic() {
    let mut doc = waqai::seed::document();
    doc.events[0].participants[0].entity = "nobody_here".into();
    doc.article.published = Some("2020-02-31".into());
    let mut app = WaqaiApp::new(doc.clone(), None);
    app.set_language(Language::Arabic);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(waqai::fonts::install)
        .build_ui_state(|ui, app: &mut WaqaiApp| app.show(ui), app);
    h.run_steps(4);
    let all = shown(&mut h);
    assert!(
        all.iter()
            .any(|s| s.contains("غير موجود") && s.contains("nobody_here")),
        "{all:#?}"
    );
    assert!(all.iter().any(|s| s.contains("ليس تاريخًا حقيقيًا")));
    let mut allowed = allowed_words(&doc);
    allowed.insert("nobody".into());
    allowed.insert("here".into());
    let left = english_left(&all, &allowed);
    assert!(left.is_empty(), "English left: {left:#?}");
}
