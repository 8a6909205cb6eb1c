//! The fourth pass: events from trigger words, sentence by sentence. Each trigger takes the
//! actors named from it to the next trigger (and, for the first, those before it); sentences
//! that continue an event («جاء ذلك خلال …», «وبحث الجانبان …») and later tellings of the same
//! event (the headline, then the lead) are folded into it as evidence.

use std::ops::Range;

use super::analysis::Text;
use super::coref::Entities;
use super::kinds::{EntityKind, EventKind, Role, Status};
use super::lexicon::Lexicon;
use super::time::{TimeInfo, find_time};

/// An event found in the article.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// What happened.
    pub kind: EventKind,
    /// Whether it happened.
    pub status: Status,
    /// Entities taking part, with their roles.
    pub participants: Vec<(usize, Role)>,
    /// Where (an entity).
    pub place: Option<usize>,
    /// Sentences stating it (indices into the text's sentences).
    pub evidence: Vec<usize>,
    /// When.
    pub time: TimeInfo,
    /// The trigger token of its first telling.
    pub trigger: usize,
    /// Whether someone is named right after the trigger (the one who arrives).
    pub subject_near: bool,
}

impl Found {
    fn persons(&self, ents: &Entities) -> Vec<usize> {
        self.participants
            .iter()
            .map(|p| p.0)
            .filter(|&e| ents.list[e].kind == EntityKind::Person)
            .collect()
    }
}

/// A trigger: token, length and kind.
struct Trigger {
    at: usize,
    kind: EventKind,
    /// Written after «خلال», «في ختام», «على هامش»: it points back to an event.
    backward: bool,
}

fn signing_object_near(text: &Text, lx: &Lexicon, r: Range<usize>) -> bool {
    text.contains_phrase(r, &lx.signing_objects)
}

/// A single-word trigger under a pronoun suffix: its kind and the bare form.
fn suffixed_trigger(text: &Text, lx: &Lexicon, i: usize) -> Option<(EventKind, String)> {
    for f in &text.forms[i] {
        for suffix in ["هما", "هم", "ها", "ه"] {
            if let Some(stem) = f.strip_suffix(suffix)
                && stem.chars().count() >= 3
            {
                let stem = stem
                    .strip_suffix('ت')
                    .filter(|_| suffix != "ه")
                    .map_or(stem, |x| x);
                for cand in [stem.to_owned(), format!("{stem}ه")] {
                    if let Some(k) = lx.trigger_word(&cand) {
                        return Some((k, cand));
                    }
                }
            }
        }
    }
    None
}

/// The triggers of a sentence, with the checks that separate an event from a homograph.
/// Words inside a name («فيصل» is not «يصل») and purposes («لبحث», «لتوقيع») are not triggers.
fn triggers(text: &Text, lx: &Lexicon, s: Range<usize>, named: &[bool]) -> Vec<Trigger> {
    let mut out: Vec<Trigger> = Vec::new();
    let mut i = s.start;
    while i < s.end {
        if named[i] {
            i += 1;
            continue;
        }
        let (mut kind, len, form, suffixed) = match text.phrase_at(i, &lx.triggers, s.end) {
            Some(f) => (f.values[0], f.len, f.form.to_owned(), false),
            // «وقعها», «استقبله», «زيارته»: a trigger with a pronoun on it points back.
            None => match suffixed_trigger(text, lx, i) {
                Some((k, f)) => (k, 1, f, true),
                None => {
                    i += 1;
                    continue;
                }
            },
        };
        let form = form.as_str();
        let word = text.word(i);
        let prefix: String = word
            .chars()
            .take(word.chars().count().saturating_sub(form.chars().count()))
            .collect();
        if prefix.contains('ل') {
            i += len;
            continue;
        }
        let clause_start = i == s.start
            || text.is_punct(i - 1)
            || text.has_conjunction(i)
            || text.is_mark(i.saturating_sub(1), &["،", ","]);
        let ok = match kind {
            // «وقع» is also «happened»: a signing has something signed («وقعها»: it).
            EventKind::Signing if suffixed => true,
            // «الاتفاق النووي الذي وقعته الدول الكبرى»: the thing signed may come first.
            EventKind::Signing => {
                form.starts_with("بالاحرف")
                    || signing_object_near(text, lx, i + len..(i + len + 12).min(s.end))
                    || signing_object_near(text, lx, i.saturating_sub(5).max(s.start)..i)
            }
            // «بحث» is also «research»: the verb opens its clause.
            EventKind::Meeting if form == "بحث" => clause_start,
            // «توصل» is an agreement when an agreement is reached.
            EventKind::Agreement if form.contains("توصل") => {
                signing_object_near(text, lx, i + len..(i + len + 4).min(s.end))
            }
            _ => true,
        };
        // «جولة مفاوضات» is a round of talks, not a tour.
        if kind == EventKind::Visit
            && form.contains("جول")
            && text.forms.get(i + 1).is_some_and(|fs| {
                fs.iter().any(|f| {
                    f.contains("مفاوضات") || f.contains("محادثات") || f.contains("مباحثات")
                })
            })
        {
            kind = EventKind::Meeting;
        }
        // «خلال الزيارة», «في ختام اللقاء», «الزيارة» …: the event told before.
        // «ندعو إلى اجتماع»: a call for an event is not one.
        let noun = !lx.trigger_word(form).is_some_and(|_| {
            form.starts_with('ي') || form.starts_with('ت') || form.starts_with('س')
        });
        let called = i > s.start
            && (noun || text.forms[i - 1].iter().any(|f| f == "الي"))
            && (i.saturating_sub(6).max(s.start)..i).any(|x| {
                text.forms[x].iter().any(|f| {
                    [
                        "دعا",
                        "ندعو",
                        "يدعو",
                        "تدعو",
                        "دعوه",
                        "طالب",
                        "يطالب",
                        "مطالبه",
                    ]
                    .iter()
                    .any(|c| f.starts_with(c))
                })
            });
        // «بحث»/«ناقش» is a meeting when it is «with» someone.
        let discuss = [
            "بحث",
            "يبحث",
            "تبحث",
            "سيبحث",
            "ستبحث",
            "ناقش",
            "يناقش",
            "تناقش",
            "ناقشت",
            "بحثت",
        ]
        .contains(&form);
        let with_someone =
            (i + 1..s.end.min(i + 16)).any(|x| text.forms[x].iter().any(|f| f == "مع"));
        let ok = ok
            && !called
            && (!discuss || with_someone || form.ends_with("ان") || form.ends_with('ا'));
        let before = |words: &[&str]| {
            i > s.start
                && words
                    .iter()
                    .any(|w| text.forms[i - 1].iter().any(|f| f == w))
        };
        // «في استقباله», «مراسم استقبال»: the reception of an arrival told before.
        let reception = form.contains("ستقبال") || form.contains("وداع");
        // «الزيارة» (the visit) points back; «التقى» (met) does not.
        let definite = form
            .strip_prefix("ال")
            .is_some_and(|bare| lx.trigger_word(bare).is_some());
        let backward = suffixed
            || definite
            || before(&["خلال", "ختام", "هامش", "اثناء", "عقب", "بعد", "قبيل", "حول"])
            || reception && before(&["في", "مراسم", "لدي"]);
        if ok {
            out.push(Trigger {
                at: i,
                kind,
                backward,
            });
        }
        i += len;
    }
    out
}

fn status_of(text: &Text, lx: &Lexicon, s: Range<usize>, t: &Trigger) -> Status {
    let w = text.word(t.at);
    let verb_future = text.forms[t.at]
        .iter()
        .any(|f| f.starts_with("سي") || f.starts_with("ست") || f.starts_with("سن"))
        && text.forms[t.at]
            .iter()
            .any(|f| lx.trigger_word(f).is_some())
        || w.starts_with("سوف");
    if verb_future || text.contains_phrase(s.clone(), &lx.future_markers) {
        Status::Planned
    } else if text.contains_phrase(s, &lx.reported_markers) {
        Status::Reported
    } else {
        Status::Occurred
    }
}

/// The entity mentions in tokens `r` (resolved references included), each once, in order.
fn actors_in(ents: &Entities, r: Range<usize>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (k, m) in ents.mentions.iter().enumerate() {
        if m.toks.start < r.start || m.toks.start >= r.end {
            continue;
        }
        if let Some(e) = ents.of[k]
            && !out.iter().any(|(x, _)| *x == e)
        {
            out.push((e, m.toks.start));
        }
    }
    out
}

/// Whether a place is introduced by «في» or «بـ» («in»).
fn in_word(text: &Text, at: usize) -> bool {
    at > 0 && text.forms[at - 1].iter().any(|f| f == "في")
        || text.word(at).starts_with('ب') && text.forms[at].len() > 1
}

/// Whether the tokens before `at` (within the sentence) say «to»: «إلى», «الى», «لـ».
fn after_to(text: &Text, s: &Range<usize>, at: usize) -> bool {
    at > s.start && text.forms[at - 1].iter().any(|f| f == "الي" || f == "نحو")
        || text.word(at).starts_with("لل")
}

/// Tokens inside a name (not a title standing alone).
fn named_tokens(text: &Text, ents: &Entities) -> Vec<bool> {
    let mut named = vec![false; text.len()];
    for m in ents.mentions.iter().filter(|m| !m.reference) {
        for i in m.toks.clone() {
            named[i] = true;
        }
    }
    named
}

/// Finds the events of the article.
pub fn find(text: &Text, lx: &Lexicon, ents: &Entities, published: Option<&str>) -> Vec<Found> {
    let named = named_tokens(text, ents);
    let mut events: Vec<Found> = Vec::new();
    for (si, sent) in text.sents.iter().enumerate() {
        let s = sent.tokens.clone();
        if s.clone().all(|i| text.skip[i]) {
            continue;
        }
        let trig = triggers(text, lx, s.clone(), &named);
        let pair = s
            .clone()
            .any(|i| text.forms[i].iter().any(|f| lx.pair_words.contains(f)));
        let backref = text.contains_phrase(s.start..(s.start + 8).min(s.end), &lx.backrefs) || pair;
        let backref_anywhere = backref || text.contains_phrase(s.clone(), &lx.backrefs);
        if trig.is_empty() {
            if backref
                && let Some(last) = events.last_mut()
                && !last.evidence.contains(&si)
            {
                last.evidence.push(si);
            }
            continue;
        }
        let in_sentence = actors_in(ents, s.clone());
        for (n, t) in trig.iter().enumerate() {
            let from = if n == 0 { s.start } else { t.at };
            let to = trig.get(n + 1).map_or(s.end, |x| x.at);
            let local = actors_in(ents, from..to);
            let mut participants: Vec<(usize, Role)> = Vec::new();
            let mut place = None;
            for (e, at) in &local {
                let kind = ents.list[*e].kind;
                let to_place = after_to(text, &s, *at) || *at > t.at;
                let in_place = in_word(text, *at);
                // «بحث الجانبان تطورات الأوضاع في سوريا»: what was talked about, unless
                // written next to the talks («في القاهرة بحث …», «مباحثات في باريس»).
                let topic = at.abs_diff(t.at) > 3
                    && text.forms[t.at]
                        .iter()
                        .any(|f| lx.discussion_words.contains(f));
                if ents.list[*e].kind.is_place() && in_place && topic {
                    continue;
                }
                if ents.list[*e].kind.is_place() && in_place {
                    place.get_or_insert(*e);
                    continue;
                }
                if ents.list[*e].outlet {
                    continue;
                }
                match kind {
                    EntityKind::City | EntityKind::Site => {
                        place.get_or_insert(*e);
                    }
                    EntityKind::Country
                        if to_place && matches!(t.kind, EventKind::Visit | EventKind::Arrival) =>
                    {
                        // The first country a visit goes to is where; the others too are
                        // places, never guests.
                        place.get_or_insert(*e);
                    }
                    _ if kind.is_actor() => {
                        let role = role_of(text, t, kind, *at, &participants);
                        participants.push((*e, role));
                    }
                    _ => {}
                }
            }
            // Everyone the sentence names takes part (a side left out cannot be found later);
            // signatories are those named with the signing itself.
            let signs = matches!(t.kind, EventKind::Signing | EventKind::Agreement);
            for (e, at) in in_sentence.iter().filter(|_| !signs) {
                if ents.list[*e].kind == EntityKind::Person
                    && !participants.iter().any(|p| p.0 == *e)
                {
                    let role = role_of(text, t, EntityKind::Person, *at, &participants);
                    participants.push((*e, role));
                }
            }
            let persons = participants
                .iter()
                .filter(|p| ents.list[p.0].kind == EntityKind::Person)
                .count();
            if persons > 0 {
                // Sides are people when the article names them: organisations and countries
                // stay only as far as they are the trigger's own arguments.
                // («… مع عدد من مسؤولي المؤسسات»: the side after «مع» stays too).
                participants.retain(|p| {
                    ents.list[p.0].kind == EntityKind::Person
                        || local.iter().any(|(e, at)| {
                            *e == p.0
                                && (at.abs_diff(t.at) <= 6
                                    || *at > 0
                                        && text.forms[*at - 1]
                                            .iter()
                                            .any(|f| f == "مع" || f == "بين"))
                        })
                });
            }
            // «وبحث الجانبان …», «تم الاتفاق …»: the sides of the event before.
            let inherits = pair
                || t.kind == EventKind::Agreement && (persons == 0 || backref_anywhere)
                || t.backward && t.kind != EventKind::Meeting && persons == 0;
            if inherits && let Some(last) = events.last() {
                for p in &last.participants {
                    if !participants.iter().any(|q| q.0 == p.0) {
                        participants.push(*p);
                    }
                }
            }
            let status = status_of(text, lx, s.clone(), t);
            let time = find_time(lx, &text.toks, &text.forms, s.clone(), published);
            // «وصل الوفد», «وصل وزير الخارجية المصري سامح شكري»: a title may come between.
            let subject_near = local.iter().any(|(e, at)| {
                let kind = ents.list[*e].kind;
                let reach = if matches!(kind, EntityKind::Person | EntityKind::Group) {
                    5
                } else {
                    3
                };
                kind.is_actor() && *at > t.at && *at <= t.at + reach
            }) || t.backward;
            let ev = Found {
                kind: t.kind,
                status,
                participants,
                place,
                evidence: vec![si],
                time,
                trigger: t.at,
                subject_near,
            };
            if let Some(target) = same_as(&events, &ev, ents, t.backward || backref && n == 0) {
                merge(&mut events[target], ev, ents);
                continue;
            }
            if complete(&ev, ents) {
                events.push(ev);
            }
        }
    }
    fold_arrivals(&mut events, ents);
    hosts_of_visits(&mut events, ents);
    venues_of_visits(&mut events, ents);
    events
}

/// Whether an event names enough to stand: a meeting two sides, an arrival a place, any
/// event someone.
fn complete(ev: &Found, ents: &Entities) -> bool {
    let actors = ev
        .participants
        .iter()
        .filter(|p| ents.list[p.0].kind.is_actor())
        .count();
    let persons = ev.persons(ents).len();
    let bodies = ev
        .participants
        .iter()
        .filter(|p| {
            matches!(
                ents.list[p.0].kind,
                EntityKind::Organization | EntityKind::Group
            )
        })
        .count();
    match ev.kind {
        // Two people, a person and a body, or (when nobody is named) two bodies or states.
        EventKind::Meeting => {
            persons >= 2 || persons == 1 && bodies >= 1 || persons == 0 && actors >= 2
        }
        EventKind::Arrival => actors >= 1 && ev.place.is_some() && ev.subject_near,
        // Signing or agreeing takes two (a law signed alone is not one).
        EventKind::Signing | EventKind::Agreement => actors >= 2,
        EventKind::Visit => actors >= 1,
    }
}

/// A visit's hosts are the people its guest meets.
fn hosts_of_visits(events: &mut [Found], ents: &Entities) {
    let meetings: Vec<Vec<usize>> = events
        .iter()
        .filter(|e| e.kind == EventKind::Meeting)
        .map(|e| e.persons(ents))
        .collect();
    for v in events.iter_mut().filter(|e| e.kind == EventKind::Visit) {
        let guests = v.persons(ents);
        if guests.len() != 1 {
            continue;
        }
        for m in &meetings {
            if m.contains(&guests[0]) {
                for p in m {
                    if !v.participants.iter().any(|q| q.0 == *p) {
                        v.participants.push((*p, Role::Host));
                    }
                }
            }
        }
    }
}

/// Talks told after a visit, with the visitor among their sides and no place of their own,
/// took place where the visit went («زار الأردن … وعقد جلالته اجتماعاً مع سموه»).
fn venues_of_visits(events: &mut [Found], ents: &Entities) {
    for k in 0..events.len() {
        if events[k].place.is_some()
            || matches!(events[k].kind, EventKind::Visit | EventKind::Arrival)
        {
            continue;
        }
        let sides = events[k].persons(ents);
        let starts = events[k].evidence.first().copied().unwrap_or(0);
        let visit = events[..k].iter().rev().find(|v| {
            matches!(v.kind, EventKind::Visit | EventKind::Arrival)
                && v.status == events[k].status
                && v.evidence.first().copied().unwrap_or(usize::MAX) <= starts
                && v.participants
                    .iter()
                    .any(|(p, role)| *role == Role::Guest && sides.contains(p))
        });
        if let Some(place) = visit.and_then(|v| v.place) {
            events[k].place = Some(place);
        }
    }
}

fn role_of(
    text: &Text,
    t: &Trigger,
    kind: EntityKind,
    at: usize,
    before: &[(usize, Role)],
) -> Role {
    match t.kind {
        EventKind::Signing | EventKind::Agreement => Role::Signatory,
        EventKind::Visit | EventKind::Arrival => {
            if at > t.at && kind == EntityKind::Person && !before.is_empty() {
                Role::Host
            } else {
                Role::Guest
            }
        }
        EventKind::Meeting => {
            let receive = text.forms[t.at].iter().any(|f| f.contains("ستقبل"));
            if receive {
                if before.is_empty() {
                    Role::Host
                } else {
                    Role::Guest
                }
            } else {
                Role::Participant
            }
        }
    }
}

fn class(k: EventKind) -> u8 {
    match k {
        EventKind::Meeting => 0,
        EventKind::Visit | EventKind::Arrival => 1,
        EventKind::Signing | EventKind::Agreement => 2,
    }
}

/// The earlier event a new telling belongs to. A back-reference («خلال الزيارة», «وقعها»)
/// joins the latest event of its class, or — when its class was never told — adds to the
/// latest event only if it names nobody new. Otherwise the new telling repeats an event of
/// its class whose people are the same (one set inside the other; for meetings, two people
/// at least).
fn same_as(events: &[Found], ev: &Found, ents: &Entities, backward: bool) -> Option<usize> {
    let mine = ev.persons(ents);
    if backward {
        if let Some(i) = (0..events.len())
            .rev()
            .find(|&i| class(events[i].kind) == class(ev.kind))
        {
            return Some(i);
        }
        if mine.is_empty() && ev.kind != EventKind::Agreement {
            return events.len().checked_sub(1);
        }
    }
    let least = if ev.kind == EventKind::Meeting { 2 } else { 1 };
    if mine.len() < least {
        let si = ev.evidence.first();
        return (0..events.len())
            .rev()
            .find(|&i| events[i].kind == ev.kind && events[i].evidence.last() == si);
    }
    (0..events.len()).rev().find(|&i| {
        let e = &events[i];
        // Two tellings in one sentence of the same kind are one event; a signing is not the
        // agreement told before it.
        let same_sentence = e.evidence.last() == ev.evidence.first() && e.kind == ev.kind;
        if same_sentence {
            return true;
        }
        let signs = matches!(ev.kind, EventKind::Signing | EventKind::Agreement);
        if class(e.kind) != class(ev.kind) || signs && e.kind != ev.kind {
            return false;
        }
        let theirs = e.persons(ents);
        theirs.len() >= least
            && (mine.iter().all(|p| theirs.contains(p)) || theirs.iter().all(|p| mine.contains(p)))
    })
}

fn merge(into: &mut Found, ev: Found, ents: &Entities) {
    let same_sentence = into.evidence.last() == ev.evidence.first();
    for s in ev.evidence {
        if !into.evidence.contains(&s) {
            into.evidence.push(s);
        }
    }
    // A later telling adds the people it names; bodies and states only when the event had
    // no person (otherwise every organisation a sentence mentions would join it).
    let has_person = !same_sentence
        && !matches!(into.kind, EventKind::Signing | EventKind::Agreement)
        && into
            .participants
            .iter()
            .any(|q| ents.list[q.0].kind == EntityKind::Person);
    for p in ev.participants {
        let person = ents.list[p.0].kind == EntityKind::Person;
        if (person || !has_person) && !into.participants.iter().any(|q| q.0 == p.0) {
            into.participants.push(p);
        }
    }
    if into.place.is_none() {
        into.place = ev.place;
    }
    // The most precise telling of the time wins: a date, then a weekday, then any words.
    let rank = |t: &TimeInfo| {
        (
            t.date.is_some(),
            t.weekday.is_some(),
            t.expression.is_some(),
        )
    };
    if rank(&ev.time) > rank(&into.time) {
        let relative = into.time.relative_days;
        into.time = ev.time;
        into.time.relative_days = into.time.relative_days.or(relative);
    }
    if into.kind == EventKind::Arrival && ev.kind == EventKind::Visit {
        into.kind = EventKind::Visit;
    }
    into.evidence.sort_unstable();
}

/// An arrival of someone who also visits is told as part of the visit.
fn fold_arrivals(events: &mut Vec<Found>, ents: &Entities) {
    let mut k = 0;
    while k < events.len() {
        if events[k].kind == EventKind::Arrival {
            let who = events[k].persons(ents);
            if let Some(v) = (0..events.len()).find(|&v| {
                v != k
                    && events[v].kind == EventKind::Visit
                    && !who.is_empty()
                    && who.iter().all(|p| events[v].persons(ents).contains(p))
            }) {
                let a = events.remove(k);
                let v = if v > k { v - 1 } else { v };
                merge(&mut events[v], a, ents);
                continue;
            }
        }
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::pipeline::extract;
    use crate::model::Event;

    fn events(s: &str) -> Vec<Event> {
        extract(crate::extract::lexicon(), s, None).events
    }

    fn kinds(s: &str) -> Vec<String> {
        events(s).into_iter().map(|e| e.kind).collect()
    }

    #[test]
    fn a_reception_has_a_host_and_a_guest() {
        let e = events("استقبل وزير الخارجية المصري سامح شكري نظيره الأردني ناصر جودة.");
        assert_eq!(e.len(), 1);
        let roles: Vec<&str> = e[0].participants.iter().map(|p| p.role.as_str()).collect();
        assert_eq!(roles, ["host", "guest"]);
    }

    #[test]
    fn a_country_talked_about_is_no_venue() {
        let doc = extract(
            crate::extract::lexicon(),
            "بحث وزير الخارجية المصري سامح شكري مع نظيره الأردني ناصر جودة \
             تطورات الأوضاع في سوريا. وتناول الجانبان الوضع في ليبيا وسبل الحل فيها.",
            None,
        );
        assert_eq!(doc.events.len(), 1);
        assert_eq!(doc.events[0].place, None);
        let doc = extract(
            crate::extract::lexicon(),
            "التقى وزير الخارجية المصري سامح شكري نظيره الأردني ناصر جودة في عمان.",
            None,
        );
        let place = doc.events[0].place.as_deref();
        let name = doc.entities.iter().find(|e| Some(e.id.as_str()) == place);
        assert_eq!(name.map(|e| e.name.as_str()), Some("عمان"));
    }

    #[test]
    fn talks_during_a_visit_take_place_where_it_went() {
        let doc = extract(
            crate::extract::lexicon(),
            "وصل وزير الخارجية المصري سامح شكري إلى عمان في زيارة رسمية. \
             والتقى شكري نظيره الأردني ناصر جودة.",
            None,
        );
        let meeting = doc
            .events
            .iter()
            .find(|e| e.kind == "meeting")
            .expect("a meeting");
        let place = doc
            .entities
            .iter()
            .find(|e| Some(&e.id) == meeting.place.as_ref());
        assert_eq!(place.map(|e| e.name.as_str()), Some("عمان"));
    }

    #[test]
    fn a_future_verb_is_planned() {
        let e = events("سيزور الرئيس الأمريكي باراك أوباما كينيا.");
        assert_eq!(
            (e[0].kind.as_str(), e[0].status.as_str()),
            ("visit", "planned")
        );
    }

    #[test]
    fn a_back_reference_continues_the_event() {
        let e = events(
            "بحث وزير الخارجية المصري سامح شكري مع نظيره الأردني ناصر جودة العلاقات. \
             جاء ذلك خلال استقبال شكري لجودة في القاهرة.",
        );
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].evidence.len(), 2);
    }

    #[test]
    fn calls_purposes_and_homographs_are_no_events() {
        assert!(kinds("ودعا أبو مرزوق إلى اجتماع للفصائل.").is_empty());
        assert!(kinds("وقع الحادث في الرياض أمس.").is_empty());
        assert!(
            kinds("توجه الوزير سامح شكري إلى عمان لبحث الأزمة.")
                .iter()
                .all(|k| k != "meeting")
        );
        assert!(
            kinds("استقبل الأمير فيصل بن بندر المهنئين.")
                .iter()
                .all(|k| k != "arrival")
        );
    }

    #[test]
    fn a_meeting_needs_two_sides() {
        assert!(kinds("يبحث وزير الدفاع الأمريكي آشتون كارتر مواجهة داعش.").is_empty());
    }

    #[test]
    fn an_agreement_during_talks_takes_their_sides() {
        let e = events(
            "التقى الملك عبدالله الثاني الأمير محمد بن سلمان. \
             وقد تم الاتفاق خلال المباحثات على تعزيز التعاون.",
        );
        let agreement = e.iter().find(|e| e.kind == "agreement").unwrap();
        assert!(agreement.participants.len() >= 2, "{e:?}");
    }
}
