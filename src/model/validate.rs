//! The rules of the format's Validation section, reported as sentences for the user.

use crate::hash::FastSet as HashSet;

use super::chronology::parse_date;
use super::types::{Document, FORMAT, Span};
use crate::i18n::Locale;

/// One problem found in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// A sentence a person understands (in English; [`Problem::text`] in another language).
    pub message: String,
    /// Id of the event or entity concerned, when there is one.
    pub item: Option<String>,
    /// The id of its message in the translation files.
    pub key: &'static str,
    /// The values its message is written with.
    pub args: Vec<(&'static str, String)>,
}

impl Problem {
    fn new(item: Option<&str>, key: &'static str, args: Vec<(&'static str, String)>) -> Self {
        let mut p = Problem {
            message: String::new(),
            item: item.map(str::to_owned),
            key,
            args,
        };
        p.message = p.text(Locale::default());
        p
    }

    /// The problem in words of `locale`.
    pub fn text(&self, locale: Locale) -> String {
        let args: Vec<(&str, crate::i18n::Arg<'_>)> = self
            .args
            .iter()
            .map(|(k, v)| (*k, v.as_str().into()))
            .collect();
        locale.f(self.key, &args)
    }
}

type Push<'a> = dyn FnMut(Option<&str>, &'static str, Vec<(&'static str, String)>) + 'a;

/// Checks every rule of the format and lists what is wrong; an empty list means a valid document.
pub fn validate(doc: &Document) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut push = |item: Option<&str>, key: &'static str, args: Vec<(&'static str, String)>| {
        out.push(Problem::new(item, key, args));
    };
    if doc.format != FORMAT {
        push(
            None,
            "problem-format",
            vec![
                ("found", doc.format.clone()),
                ("expected", FORMAT.to_owned()),
            ],
        );
    }
    let text_len = doc.article.text.chars().count();
    // `what` is `mention` or `evidence`: the keys `problem-{what}-reversed` / `-outside`.
    let check_span = |push: &mut Push<'_>, id: &str, what: &str, s: &Span| {
        let (reversed, outside) = if what == "mention" {
            ("problem-mention-reversed", "problem-mention-outside")
        } else {
            ("problem-evidence-reversed", "problem-evidence-outside")
        };
        let span = vec![
            ("id", id.to_owned()),
            ("start", s.start.to_string()),
            ("end", s.end.to_string()),
        ];
        if s.start > s.end {
            push(Some(id), reversed, span);
        } else if s.end > text_len {
            let mut args = span;
            args.push(("length", text_len.to_string()));
            push(Some(id), outside, args);
        }
    };
    if let Some(p) = &doc.article.published
        && parse_date(p).is_none()
    {
        push(None, "problem-published", vec![("date", p.clone())]);
    }

    let mut entity_ids = HashSet::default();
    for e in &doc.entities {
        if !entity_ids.insert(e.id.as_str()) {
            push(
                Some(&e.id),
                "problem-entity-id-twice",
                vec![("id", e.id.clone())],
            );
        }
    }
    let mut event_ids = HashSet::default();
    for e in &doc.events {
        if !event_ids.insert(e.id.as_str()) {
            push(
                Some(&e.id),
                "problem-event-id-twice",
                vec![("id", e.id.clone())],
            );
        }
    }
    for e in &doc.entities {
        if let Some(p) = &e.part_of
            && !entity_ids.contains(p.as_str())
        {
            push(
                Some(&e.id),
                "problem-part-of-missing",
                vec![("id", e.id.clone()), ("part", p.clone())],
            );
        }
        for m in &e.mentions {
            check_span(&mut push, &e.id, "mention", m);
        }
    }
    for ev in &doc.events {
        for p in &ev.participants {
            if !entity_ids.contains(p.entity.as_str()) {
                push(
                    Some(&ev.id),
                    "problem-participant-missing",
                    vec![("id", ev.id.clone()), ("entity", p.entity.clone())],
                );
            }
        }
        if let Some(place) = &ev.place
            && !entity_ids.contains(place.as_str())
        {
            push(
                Some(&ev.id),
                "problem-place-missing",
                vec![("id", ev.id.clone()), ("place", place.clone())],
            );
        }
        if let Some(d) = &ev.when.date
            && parse_date(d).is_none()
        {
            push(
                Some(&ev.id),
                "problem-event-date",
                vec![("id", ev.id.clone()), ("date", d.clone())],
            );
        }
        for s in &ev.evidence {
            check_span(&mut push, &ev.id, "evidence", s);
        }
    }
    for (i, r) in doc.relations.iter().enumerate() {
        // Written only when there is something to say (a document holds thousands).
        let relation = || {
            vec![
                ("n", (i + 1).to_string()),
                ("source", r.source.clone()),
                ("kind", r.kind.clone()),
                ("target", r.target.clone()),
            ]
        };
        for end in [&r.source, &r.target] {
            if !entity_ids.contains(end.as_str()) {
                let mut args = relation();
                args.push(("end", end.clone()));
                push(None, "problem-relation-end-missing", args);
            }
        }
        for ev in &r.events {
            if !event_ids.contains(ev.as_str()) {
                let mut args = relation();
                args.push(("event", ev.clone()));
                push(None, "problem-relation-event-missing", args);
            }
        }
        if !r.evidence.is_empty() {
            let label = format!("relation {} ({} {} {})", i + 1, r.source, r.kind, r.target);
            for s in &r.evidence {
                check_span(&mut push, &label, "evidence", s);
            }
        }
    }
    check_order(doc, &mut push);
    out
}

fn check_order(doc: &Document, push: &mut Push<'_>) {
    let mut by_order: Vec<(i64, usize)> = doc
        .events
        .iter()
        .enumerate()
        .map(|(k, e)| (e.order, k))
        .collect();
    by_order.sort_unstable();
    let id = |k: usize| doc.events[k].id.as_str();
    let mut expected = 1;
    let mut k = 0;
    while k < by_order.len() {
        let o = by_order[k].0;
        let same = by_order[k..].partition_point(|&(x, _)| x == o);
        let group = &by_order[k..k + same];
        if group.len() > 1 {
            let ids: Vec<&str> = group.iter().map(|&(_, e)| id(e)).collect();
            push(
                Some(ids[1]),
                "problem-order-shared",
                vec![("ids", ids.join(", ")), ("order", o.to_string())],
            );
        }
        if o != expected {
            push(
                Some(id(group[0].1)),
                "problem-order-skips",
                vec![("from", (expected - 1).to_string()), ("to", o.to_string())],
            );
        }
        expected = o + 1;
        k += same;
    }
}
