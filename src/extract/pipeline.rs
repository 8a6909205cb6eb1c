//! The extraction pipeline, pass by pass:
//! text → tokens ([`analysis`](super::analysis)) → names ([`names`]: lexicon,
//! patterns, tagger) → entities ([`coref`]) → events with their roles, place,
//! time and status ([`events`]) → document parts and relations
//! ([`output`]). Each pass takes the previous passes' typed output.

use super::analysis::Text;
use super::lexicon::Lexicon;
pub use super::output::Extraction;
use super::{coref, events, names, output};

/// Runs the whole pipeline on an article text. `published` (YYYY-MM-DD) resolves relative dates.
pub fn extract(lx: &Lexicon, text: &str, published: Option<&str>) -> Extraction {
    let t = Text::new(text, lx);
    let mentions = names::find(&t, lx);
    let ents = coref::resolve(&t, lx, mentions);
    let found = events::find(&t, lx, &ents, published);
    if std::env::var_os("WAQAI_EXPLAIN").is_some() {
        explain(&t, &ents, &found);
    }
    output::build(&t, lx, &ents, &found)
}

/// Prints what each pass found, for whoever tunes the rules (`WAQAI_EXPLAIN=1`).
fn explain(t: &Text, ents: &coref::Entities, found: &[events::Found]) {
    for (k, s) in t.sents.iter().enumerate() {
        let words: String = t.chars[s.span.start..s.span.end].iter().take(70).collect();
        eprintln!("sentence {k}: {words}");
    }
    for (k, m) in ents.mentions.iter().enumerate() {
        eprintln!(
            "mention {:?} {:?}{} «{}» {:?} -> {:?}",
            m.source,
            m.kind,
            if m.reference { " (reference)" } else { "" },
            m.name,
            m.title
                .as_ref()
                .map(|t| (&t.office, &t.portfolio, &t.country)),
            ents.of[k].map(|e| &ents.list[e].name)
        );
    }
    for f in found {
        let who: Vec<String> = f
            .participants
            .iter()
            .map(|(e, r)| format!("{}:{}", ents.list[*e].name, r.as_str()))
            .collect();
        eprintln!(
            "event {:?} {:?} [{}] trigger «{}» sentences {:?}",
            f.kind,
            f.status,
            who.join(", "),
            t.word(f.trigger),
            f.evidence
        );
    }
}
