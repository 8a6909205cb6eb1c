//! Scoring an extraction against a gold document by the rules of `shared/docs/annotation.md`.
//!
//! Entities are aligned one to one, exact names first, then partial ones: names are compared as
//! sets of normalised tokens, one contained in the other; a single shared token is enough only
//! for people and for places of the same kind and country; countries, when both sides give one,
//! must agree. Persons, organisations, countries and cities are counted; groups and sites are
//! aligned but neither rewarded nor penalised.
//!
//! Events are aligned one to one in gold order: same class (meeting; visit or arrival; signing
//! or agreement), overlapping evidence, and the gold event's key participants (its persons, or
//! all its participants when it has none) matched, through the entity alignment, among the
//! predicted event's participants: at least two of them, or all when fewer.

use std::collections::BTreeSet;

use unicode_normalization::UnicodeNormalization;

use crate::model::{Document, Entity, Event, Span};

/// Counts and scores of one comparison.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Score {
    /// Matched.
    pub tp: usize,
    /// Predicted, not in gold.
    pub fp: usize,
    /// In gold, not predicted.
    pub fn_: usize,
}

impl Score {
    /// Precision (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// Recall (1 when there was nothing to find).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// F1 (1 when there was nothing to find and nothing was predicted).
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Adds another score's counts.
    pub fn add(&mut self, o: Score) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Attributes of matched event pairs: how many the gold gives and how many are right.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Attributes {
    /// Matched pairs whose gold gives a date, and of those, right.
    pub date: (usize, usize),
    /// Matched pairs whose gold gives a weekday, and of those, right.
    pub weekday: (usize, usize),
    /// Matched pairs whose gold gives a relative day, and of those, right.
    pub relative_day: (usize, usize),
    /// Matched pairs, and of those, with the right status.
    pub status: (usize, usize),
}

impl Attributes {
    /// Adds another article's counts.
    pub fn add(&mut self, o: Attributes) {
        for (a, b) in [
            (&mut self.date, o.date),
            (&mut self.weekday, o.weekday),
            (&mut self.relative_day, o.relative_day),
            (&mut self.status, o.status),
        ] {
            a.0 += b.0;
            a.1 += b.1;
        }
    }
}

/// The scores of one article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Evaluation {
    /// Entities (persons, organisations, countries, cities).
    pub entities: Score,
    /// Events of the annotated kinds.
    pub events: Score,
    /// Attributes of the matched events.
    pub attributes: Attributes,
    /// What was missed or wrongly predicted, a line each («missed person …»).
    pub errors: Vec<String>,
}

/// Entity classes that can match each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Person,
    Organisation,
    Place,
}

fn class(kind: &str) -> Class {
    match kind {
        "person" => Class::Person,
        "organization" | "group" => Class::Organisation,
        _ => Class::Place,
    }
}

fn counted(kind: &str) -> bool {
    matches!(kind, "person" | "organization" | "country" | "city")
}

/// Event classes that can match each other; `None` for kinds that are not scored.
fn event_class(kind: &str) -> Option<u8> {
    match kind {
        "meeting" => Some(0),
        "visit" | "arrival" => Some(1),
        "signing" | "agreement" => Some(2),
        _ => None,
    }
}

/// The normalised token set of a name, as the scoring rules define it.
pub fn name_tokens(name: &str) -> BTreeSet<String> {
    let text: String = name
        .nfkc()
        .filter_map(|c| match c {
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => None,
            'أ' | 'إ' | 'آ' | 'ٱ' => Some('ا'),
            'ى' => Some('ي'),
            'ة' => Some('ه'),
            'ؤ' => Some('و'),
            'ئ' => Some('ي'),
            c if c.is_alphanumeric() => Some(c),
            _ => Some(' '),
        })
        .collect();
    text.split_whitespace().map(strip_article).collect()
}

fn strip_article(token: &str) -> String {
    for prefix in ["وال", "بال", "فال", "كال", "لل", "ال"] {
        if let Some(rest) = token.strip_prefix(prefix)
            && rest.chars().count() >= 2
        {
            return rest.to_owned();
        }
    }
    token.to_owned()
}

struct Named<'a> {
    entity: &'a Entity,
    tokens: BTreeSet<String>,
}

fn named(doc: &Document) -> Vec<Named<'_>> {
    doc.entities
        .iter()
        .map(|entity| Named {
            entity,
            tokens: name_tokens(&entity.name),
        })
        .collect()
}

fn countries_agree(a: &Entity, b: &Entity) -> bool {
    match (&a.country, &b.country) {
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
        _ => true,
    }
}

fn exact(p: &Named, g: &Named) -> bool {
    class(&p.entity.kind) == class(&g.entity.kind)
        && countries_agree(p.entity, g.entity)
        && !p.tokens.is_empty()
        && p.tokens == g.tokens
}

fn partial(p: &Named, g: &Named) -> bool {
    if class(&p.entity.kind) != class(&g.entity.kind) || !countries_agree(p.entity, g.entity) {
        return false;
    }
    let (small, large) = if p.tokens.len() <= g.tokens.len() {
        (&p.tokens, &g.tokens)
    } else {
        (&g.tokens, &p.tokens)
    };
    if small.is_empty() || !small.is_subset(large) {
        return false;
    }
    if small.len() >= 2 {
        return true;
    }
    match class(&g.entity.kind) {
        Class::Person => true,
        Class::Place => {
            p.entity.kind == g.entity.kind
                && matches!((&p.entity.country, &g.entity.country),
                    (Some(a), Some(b)) if a.eq_ignore_ascii_case(b))
        }
        Class::Organisation => false,
    }
}

/// The one-to-one entity alignment: for each gold entity, the index of its predicted match.
pub fn align_entities(pred: &Document, gold: &Document) -> Vec<Option<usize>> {
    let (p, g) = (named(pred), named(gold));
    let mut of_gold = vec![None; g.len()];
    let mut used = vec![false; p.len()];
    for rule in [exact as fn(&Named, &Named) -> bool, partial] {
        for (j, gn) in g.iter().enumerate() {
            if of_gold[j].is_some() {
                continue;
            }
            if let Some(i) = (0..p.len()).find(|&i| !used[i] && rule(&p[i], gn)) {
                used[i] = true;
                of_gold[j] = Some(i);
            }
        }
    }
    of_gold
}

fn overlaps(a: &[Span], b: &[Span]) -> bool {
    a.iter()
        .any(|x| b.iter().any(|y| x.start.max(y.start) < x.end.min(y.end)))
}

/// The gold event's key participants: its persons, or all its participants when none is one.
fn key_participants<'a>(gold: &'a Document, event: &'a Event) -> Vec<&'a str> {
    let kind_of = |id: &str| {
        gold.entities
            .iter()
            .find(|e| e.id == id)
            .map_or("", |e| e.kind.as_str())
    };
    let ids: Vec<&str> = event
        .participants
        .iter()
        .map(|p| p.entity.as_str())
        .collect();
    let persons: Vec<&str> = ids
        .iter()
        .copied()
        .filter(|id| kind_of(id) == "person")
        .collect();
    if persons.is_empty() { ids } else { persons }
}

fn event_matches(
    p: &Event,
    g: &Event,
    pred: &Document,
    gold: &Document,
    alignment: &[Option<usize>],
) -> bool {
    if event_class(&p.kind) != event_class(&g.kind) || !overlaps(&p.evidence, &g.evidence) {
        return false;
    }
    let keys = key_participants(gold, g);
    let found = keys
        .iter()
        .filter(|id| {
            let Some(j) = gold.entities.iter().position(|e| &e.id == *id) else {
                return false;
            };
            alignment[j].is_some_and(|i| {
                let pid = &pred.entities[i].id;
                p.participants.iter().any(|pp| &pp.entity == pid)
            })
        })
        .count();
    found >= keys.len().min(2)
}

fn compare_attributes(p: &Event, g: &Event, a: &mut Attributes) {
    let tally = |slot: &mut (usize, usize), given: bool, right: bool| {
        if given {
            slot.0 += 1;
            slot.1 += usize::from(right);
        }
    };
    tally(
        &mut a.date,
        g.when.date.is_some(),
        p.when.date == g.when.date,
    );
    tally(
        &mut a.weekday,
        g.when.weekday.is_some(),
        p.when.weekday == g.when.weekday,
    );
    tally(
        &mut a.relative_day,
        g.when.relative_days.is_some(),
        p.when.relative_days == g.when.relative_days,
    );
    tally(&mut a.status, true, p.status == g.status);
}

/// Scores `pred` against `gold` (the same article text) by the annotation rules.
pub fn evaluate(pred: &Document, gold: &Document) -> Evaluation {
    let alignment = align_entities(pred, gold);
    let mut out = Evaluation::default();
    let mut pred_matched = vec![false; pred.entities.len()];
    for (j, m) in alignment.iter().enumerate() {
        if let Some(i) = m {
            pred_matched[*i] = true;
        }
        let g = &gold.entities[j];
        if counted(&g.kind) {
            if m.is_some() {
                out.entities.tp += 1;
            } else {
                out.entities.fn_ += 1;
                out.errors.push(format!(
                    "missed {} «{}» {}",
                    g.kind,
                    g.name,
                    g.country.as_deref().unwrap_or("")
                ));
            }
        }
    }
    for (e, m) in pred.entities.iter().zip(&pred_matched) {
        if !*m && counted(&e.kind) {
            out.entities.fp += 1;
            out.errors.push(format!(
                "extra {} «{}» {}",
                e.kind,
                e.name,
                e.country.as_deref().unwrap_or("")
            ));
        }
    }

    let scored = |e: &&Event| event_class(&e.kind).is_some();
    let pred_events: Vec<&Event> = pred.events.iter().filter(scored).collect();
    let mut used = vec![false; pred_events.len()];
    for g in gold.events.iter().filter(scored) {
        let hit = (0..pred_events.len())
            .find(|&i| !used[i] && event_matches(pred_events[i], g, pred, gold, &alignment));
        match hit {
            Some(i) => {
                used[i] = true;
                out.events.tp += 1;
                compare_attributes(pred_events[i], g, &mut out.attributes);
            }
            None => {
                out.events.fn_ += 1;
                out.errors
                    .push(format!("missed event {}", describe(gold, g)));
            }
        }
    }
    for (i, u) in used.iter().enumerate() {
        if !*u {
            out.events.fp += 1;
            out.errors
                .push(format!("extra event {}", describe(pred, pred_events[i])));
        }
    }
    out
}

/// An event in a line: kind, participants, the start of its first evidence.
fn describe(doc: &Document, e: &Event) -> String {
    let who: Vec<String> = e
        .participants
        .iter()
        .map(|p| {
            doc.entity(&p.entity)
                .map_or(p.entity.clone(), |x| x.name.clone())
        })
        .collect();
    let quote: String = e
        .evidence
        .first()
        .and_then(|s| doc.quote(*s))
        .unwrap_or_default()
        .chars()
        .take(60)
        .collect();
    format!("{} [{}] «{quote}»", e.kind, who.join("، "))
}

/// Scores of several articles: the mean of the per-article F1s, and the pooled counts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Articles scored.
    pub articles: usize,
    /// Mean over articles of entity precision, recall and F1.
    pub entities: (f64, f64, f64),
    /// Mean over articles of event precision, recall and F1.
    pub events: (f64, f64, f64),
    /// Pooled entity counts.
    pub entity_counts: Score,
    /// Pooled event counts.
    pub event_counts: Score,
    /// Pooled attribute counts.
    pub attributes: Attributes,
}

/// The mean and pooled scores of per-article evaluations.
pub fn summarize(all: &[Evaluation]) -> Summary {
    let n = all.len().max(1) as f64;
    let mean = |f: &dyn Fn(&Evaluation) -> f64| all.iter().map(f).sum::<f64>() / n;
    let mut s = Summary {
        articles: all.len(),
        entities: (
            mean(&|e| e.entities.precision()),
            mean(&|e| e.entities.recall()),
            mean(&|e| e.entities.f1()),
        ),
        events: (
            mean(&|e| e.events.precision()),
            mean(&|e| e.events.recall()),
            mean(&|e| e.events.f1()),
        ),
        ..Summary::default()
    };
    for e in all {
        s.entity_counts.add(e.entities);
        s.event_counts.add(e.events);
        s.attributes.add(e.attributes);
    }
    s
}

/// One line of scores.
pub fn line(label: &str, e: &Evaluation) -> String {
    format!(
        "{label:<28} entities P {:.3} R {:.3} F1 {:.3} ({}/{}/{})   \
         events P {:.3} R {:.3} F1 {:.3} ({}/{}/{})",
        e.entities.precision(),
        e.entities.recall(),
        e.entities.f1(),
        e.entities.tp,
        e.entities.fp,
        e.entities.fn_,
        e.events.precision(),
        e.events.recall(),
        e.events.f1(),
        e.events.tp,
        e.events.fp,
        e.events.fn_,
    )
}

/// The summary as a few lines: means over articles, pooled counts, attribute accuracy.
pub fn report(s: &Summary) -> String {
    let frac = |(n, k): (usize, usize)| format!("{k}/{n}");
    format!(
        "mean over {} articles: entities P {:.3} R {:.3} F1 {:.3}   \
         events P {:.3} R {:.3} F1 {:.3}\n\
         pooled: entities tp {} fp {} fn {}   events tp {} fp {} fn {}\n\
         matched events: date {}  weekday {}  relative day {}  status {}\n",
        s.articles,
        s.entities.0,
        s.entities.1,
        s.entities.2,
        s.events.0,
        s.events.1,
        s.events.2,
        s.entity_counts.tp,
        s.entity_counts.fp,
        s.entity_counts.fn_,
        s.event_counts.tp,
        s.event_counts.fp,
        s.event_counts.fn_,
        frac(s.attributes.date),
        frac(s.attributes.weekday),
        frac(s.attributes.relative_day),
        frac(s.attributes.status),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Participant;

    fn ent(id: &str, kind: &str, name: &str, country: Option<&str>) -> Entity {
        Entity {
            id: id.into(),
            name: name.into(),
            kind: kind.into(),
            country: country.map(str::to_owned),
            ..Entity::default()
        }
    }

    fn doc(entities: Vec<Entity>, events: Vec<Event>) -> Document {
        Document {
            entities,
            events,
            ..Document::default()
        }
    }

    fn meeting(who: &[&str], at: usize) -> Event {
        Event {
            kind: "meeting".into(),
            participants: who
                .iter()
                .map(|w| Participant {
                    entity: (*w).into(),
                    role: "participant".into(),
                    ..Participant::default()
                })
                .collect(),
            evidence: vec![Span::new(at, at + 10)],
            ..Event::default()
        }
    }

    #[test]
    fn names_are_token_sets_without_the_article() {
        let t = name_tokens("«الأمم» المتحدة، للأمم");
        assert_eq!(t, ["امم", "متحده"].iter().map(|s| s.to_string()).collect());
        // Two letters must remain.
        assert!(name_tokens("الى").contains("الي"));
    }

    #[test]
    fn a_surname_matches_a_person_but_one_word_does_not_match_an_organisation() {
        let gold = doc(
            vec![
                ent("p", "person", "نوري أبو سهمين", Some("LY")),
                ent("o", "organization", "وزارة الداخلية", None),
            ],
            vec![],
        );
        let pred = doc(
            vec![
                ent("a", "person", "سهمين", None),
                ent("b", "organization", "الداخلية", None),
            ],
            vec![],
        );
        let e = evaluate(&pred, &gold);
        assert_eq!((e.entities.tp, e.entities.fp, e.entities.fn_), (1, 1, 1));
    }

    #[test]
    fn places_need_the_same_kind_and_country_for_one_shared_word() {
        let gold = doc(
            vec![ent("s", "country", "المملكة العربية السعودية", Some("SA"))],
            vec![],
        );
        let good = doc(vec![ent("x", "country", "السعودية", Some("SA"))], vec![]);
        let wrong_kind = doc(vec![ent("x", "city", "السعودية", Some("SA"))], vec![]);
        assert_eq!(evaluate(&good, &gold).entities.tp, 1);
        assert_eq!(evaluate(&wrong_kind, &gold).entities.tp, 0);
    }

    #[test]
    fn countries_must_agree_and_groups_are_not_counted() {
        let gold = doc(
            vec![
                ent("p", "person", "جون كيري", Some("US")),
                ent("g", "group", "وفد رجال الأعمال", None),
            ],
            vec![],
        );
        let pred = doc(
            vec![
                ent("a", "person", "جون كيري", Some("GB")),
                ent("b", "group", "وفد", None),
            ],
            vec![],
        );
        let e = evaluate(&pred, &gold);
        assert_eq!((e.entities.tp, e.entities.fp, e.entities.fn_), (0, 1, 1));
    }

    #[test]
    fn an_event_needs_its_key_participants() {
        let people = vec![
            ent("a", "person", "عبدالله الثاني", None),
            ent("b", "person", "محمد بن سلمان", None),
            ent("c", "person", "عادل الجبير", None),
        ];
        let gold = doc(people.clone(), vec![meeting(&["a", "b"], 0)]);
        let right = doc(people.clone(), vec![meeting(&["a", "b", "c"], 5)]);
        let half = doc(people.clone(), vec![meeting(&["a", "c"], 5)]);
        let elsewhere = doc(people, vec![meeting(&["a", "b"], 10)]);
        assert_eq!(evaluate(&right, &gold).events.tp, 1);
        assert_eq!(
            evaluate(&half, &gold).events,
            Score {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(evaluate(&elsewhere, &gold).events.tp, 0);
    }

    #[test]
    fn with_no_person_every_participant_is_key_and_statements_are_ignored() {
        let sides = vec![
            ent("x", "country", "الأردن", Some("JO")),
            ent("y", "country", "السعودية", Some("SA")),
        ];
        let gold = doc(sides.clone(), vec![meeting(&["x", "y"], 0)]);
        let mut statement = meeting(&["x"], 0);
        statement.kind = "statement".into();
        let pred = doc(sides, vec![meeting(&["x", "y"], 0), statement]);
        assert_eq!(
            evaluate(&pred, &gold).events,
            Score {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
    }
}
