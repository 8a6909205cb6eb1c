//! The translation files: the same messages in English and Arabic, and every message the code
//! asks for present in both.

use std::collections::BTreeSet;
use std::path::Path;

use waqai::i18n::{ARABIC_FTL, ENGLISH_FTL, Language, Locale, has_message};

/// The ids of the messages of a Fluent file.
fn ids(ftl: &str) -> BTreeSet<String> {
    ftl.lines()
        .filter(|l| !l.starts_with([' ', '#', '\t']) && !l.trim().is_empty())
        .filter_map(|l| l.split_once(" ="))
        .map(|(id, _)| id.trim().to_owned())
        .collect()
}

#[test]
fn both_languages_have_the_same_messages() {
    let (en, ar) = (ids(ENGLISH_FTL), ids(ARABIC_FTL));
    assert!(en.len() > 200, "{} messages", en.len());
    let only_en: Vec<_> = en.difference(&ar).collect();
    let only_ar: Vec<_> = ar.difference(&en).collect();
    assert!(
        only_en.is_empty(),
        "not translated into Arabic: {only_en:?}"
    );
    assert!(only_ar.is_empty(), "only in Arabic: {only_ar:?}");
}

/// Every string literal in `src/` that is passed to a message function as its id.
fn ids_used_by_the_code() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut files = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(p) = files.pop() {
        if p.is_dir() {
            files.extend(
                std::fs::read_dir(&p)
                    .expect("src/ is readable")
                    .map(|e| e.expect("an entry").path()),
            );
            continue;
        }
        if p.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let src = std::fs::read_to_string(&p).expect("a source file");
        for call in [
            "t(ui, \"",
            "ts(ui, \"",
            "tf(ui, \"",
            "tsf(ui, \"",
            ".t(\"",
            ".f(\"",
            "title(ctx, \"",
        ] {
            for (i, _) in src.match_indices(call) {
                let rest = &src[i + call.len()..];
                let id: String = rest.chars().take_while(|c| *c != '"').collect();
                out.insert(id);
            }
        }
    }
    out
}

#[test]
fn every_message_the_code_asks_for_exists() {
    let used = ids_used_by_the_code();
    assert!(used.len() > 100, "{} ids found in the code", used.len());
    let missing: Vec<_> = used
        .iter()
        .filter(|id| !has_message(Language::English, id) || !has_message(Language::Arabic, id))
        .collect();
    assert!(
        missing.is_empty(),
        "asked for but not in the translation files: {missing:?}"
    );
}

#[test]
fn arabic_counts_take_their_plural_forms_and_digits() {
    let ar = Locale::new(Language::Arabic, waqai::i18n::Digits::Western);
    let count = |n: usize| ar.f("gap-days", &[("n", n.into())]);
    assert_eq!(count(1), "يوم واحد");
    assert_eq!(count(2), "يومان");
    assert_eq!(count(3), "3 أيام");
    assert_eq!(count(11), "11 يومًا");
    assert_eq!(count(100), "100 يوم");
    let indic = Locale::new(Language::Arabic, waqai::i18n::Digits::ArabicIndic);
    assert_eq!(indic.f("gap-days", &[("n", 14.into())]), "١٤ يومًا");
    let en = Locale::default();
    assert_eq!(en.f("gap-days", &[("n", 1.into())]), "1 day");
    assert_eq!(en.f("gap-months", &[("n", 5.into())]), "5 months");
    // A data value without a message keeps its own name.
    assert_eq!(ar.term("kind", "meeting"), "لقاء");
    assert_eq!(ar.term("kind", "press-conference"), "press-conference");
}

#[test]
fn arabic_plurals_follow_cldr_beyond_a_hundred() {
    let ar = Locale::new(Language::Arabic, waqai::i18n::Digits::Western);
    let count = |n: usize| ar.f("gap-days", &[("n", n.into())]);
    assert_eq!(count(515), "515 يومًا");
    assert_eq!(count(1000), "1000 يوم");
}
