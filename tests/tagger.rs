//! The bundled name tagger, scored on the tenth of the ANERcorp train split it was not trained
//! on (`../shared/datasets`; skipped with a notice when absent).

use std::path::Path;

use waqai::extract::tagger::{self, train};

#[test]
fn the_tagger_finds_names_in_held_back_newswire() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/datasets/anercorp/ANERCorp_CamelLab_train.txt");
    let Ok(text) = std::fs::read_to_string(&data) else {
        println!("skipped: {} is not here", data.display());
        return;
    };
    let all = train::read_conll(&text);
    let (_, held) = train::split_held_back(&all);
    let lx = waqai::extract::lexicon();
    let s = train::evaluate(tagger::bundled(), &held, lx, &["PERS", "LOC", "ORG"]);
    println!("{:?} micro F1 {:.3}", s.classes, s.micro_f1());
    assert!(s.micro_f1() >= 0.75, "micro F1 {:.3}", s.micro_f1());
}

#[test]
fn the_model_is_small_and_loads() {
    let size = std::fs::metadata(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/tagger.bin"))
        .unwrap()
        .len();
    assert!(size <= 10 * 1024 * 1024, "{size} bytes");
    assert!(tagger::bundled().weights.len() > 10_000);
    let lx = waqai::extract::lexicon();
    let words = ["وقال", "الرئيس", "باراك", "اوباما", "في", "واشنطن"];
    let names = tagger::tag(&words, lx);
    assert!(
        names
            .iter()
            .any(|n| n.class == "PERS" && n.start <= 2 && n.end >= 4),
        "{names:?}"
    );
}
