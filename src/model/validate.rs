//! The rules of the format's Validation section, reported as sentences for the user.

use crate::hash::FastSet as HashSet;

use super::chronology::parse_date;
use super::types::{Document, FORMAT, Span};

/// One problem found in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// A sentence a person understands.
    pub message: String,
    /// Id of the event or entity concerned, when there is one.
    pub item: Option<String>,
}

/// Checks every rule of the format and lists what is wrong; an empty list means a valid document.
pub fn validate(doc: &Document) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut push = |item: Option<&str>, message: String| {
        out.push(Problem {
            message,
            item: item.map(str::to_owned),
        })
    };
    if doc.format != FORMAT {
        push(
            None,
            format!(
                "unknown format \"{}\" (this program reads \"{FORMAT}\")",
                doc.format
            ),
        );
    }
    let text_len = doc.article.text.chars().count();
    let check_span =
        |push: &mut dyn FnMut(Option<&str>, String), id: &str, what: &str, s: &Span| {
            if s.start > s.end {
                push(
                    Some(id),
                    format!(
                        "{what} of \"{id}\" starts after it ends ({}..{})",
                        s.start, s.end
                    ),
                );
            } else if s.end > text_len {
                push(
                    Some(id),
                    format!(
                        "{what} of \"{id}\" ({}..{}) lies outside the text, \
                     which has {text_len} characters",
                        s.start, s.end
                    ),
                );
            }
        };
    if let Some(p) = &doc.article.published
        && parse_date(p).is_none()
    {
        push(
            None,
            format!("the publication date \"{p}\" is not a real calendar date (YYYY-MM-DD)"),
        );
    }

    let mut entity_ids = HashSet::default();
    for e in &doc.entities {
        if !entity_ids.insert(e.id.as_str()) {
            push(
                Some(&e.id),
                format!("two entities have the id \"{}\"", e.id),
            );
        }
    }
    let mut event_ids = HashSet::default();
    for e in &doc.events {
        if !event_ids.insert(e.id.as_str()) {
            push(Some(&e.id), format!("two events have the id \"{}\"", e.id));
        }
    }
    for e in &doc.entities {
        if let Some(p) = &e.part_of
            && !entity_ids.contains(p.as_str())
        {
            push(
                Some(&e.id),
                format!(
                    "entity \"{}\" is part of \"{p}\", which does not exist",
                    e.id
                ),
            );
        }
        for m in &e.mentions {
            check_span(&mut push, &e.id, "a mention", m);
        }
    }
    for ev in &doc.events {
        for p in &ev.participants {
            if !entity_ids.contains(p.entity.as_str()) {
                push(
                    Some(&ev.id),
                    format!(
                        "event \"{}\" has participant \"{}\", which does not exist",
                        ev.id, p.entity
                    ),
                );
            }
        }
        if let Some(place) = &ev.place
            && !entity_ids.contains(place.as_str())
        {
            push(
                Some(&ev.id),
                format!(
                    "event \"{}\" takes place at \"{place}\", which does not exist",
                    ev.id
                ),
            );
        }
        if let Some(d) = &ev.when.date
            && parse_date(d).is_none()
        {
            push(
                Some(&ev.id),
                format!(
                    "event \"{}\" has the date \"{d}\", which is not a real calendar date",
                    ev.id
                ),
            );
        }
        for s in &ev.evidence {
            check_span(&mut push, &ev.id, "evidence", s);
        }
    }
    for (i, r) in doc.relations.iter().enumerate() {
        // Written only when there is something to say (a document holds thousands).
        let label = || format!("relation {} ({} {} {})", i + 1, r.source, r.kind, r.target);
        for end in [&r.source, &r.target] {
            if !entity_ids.contains(end.as_str()) {
                push(
                    None,
                    format!("{} names \"{end}\", which does not exist", label()),
                );
            }
        }
        for ev in &r.events {
            if !event_ids.contains(ev.as_str()) {
                push(
                    None,
                    format!("{} cites event \"{ev}\", which does not exist", label()),
                );
            }
        }
        if !r.evidence.is_empty() {
            let label = label();
            for s in &r.evidence {
                check_span(&mut push, &label, "evidence", s);
            }
        }
    }
    check_order(doc, &mut push);
    out
}

fn check_order(doc: &Document, push: &mut dyn FnMut(Option<&str>, String)) {
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
                format!("events {} share the order {o}", ids.join(", ")),
            );
        }
        if o != expected {
            push(
                Some(id(group[0].1)),
                format!(
                    "the event order skips from {} to {o} (orders must run 1, 2, 3 …)",
                    expected - 1
                ),
            );
        }
        expected = o + 1;
        k += same;
    }
}
