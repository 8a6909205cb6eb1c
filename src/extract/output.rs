//! The last pass: entities, events and relations written as the document format's types, with
//! ids, spans, summaries, a chronological order and the relations the events imply.

use std::collections::BTreeMap;

use super::analysis::Text;
use super::coref::Entities;
use super::events::Found;
use super::kinds::{EntityKind, EventKind, Role};
use super::lexicon::{Entry, Lexicon};
use crate::model::{Entity, Event, Participant, Relation, Span, When};

/// What the extractor found in one article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extraction {
    /// Entities.
    pub entities: Vec<Entity>,
    /// Events, in chronological order.
    pub events: Vec<Event>,
    /// Relations.
    pub relations: Vec<Relation>,
}

fn prefix(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "org",
        EntityKind::Group => "group",
        EntityKind::Country => "country",
        EntityKind::City => "city",
        EntityKind::Site => "site",
    }
}

fn arabic(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Visit => "زيارة",
        EventKind::Arrival => "وصول",
        EventKind::Meeting => "لقاء",
        EventKind::Signing => "توقيع",
        EventKind::Agreement => "اتفاق",
    }
}

/// A Latin form from the lexicon's persons, when the full name is listed.
fn latin_of(lx: &Lexicon, name: &str) -> Option<String> {
    let words: Vec<String> = super::tokens::norm(name)
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    lx.phrases.get(&w).iter().find_map(|e| match e {
        Entry::Person(k) => Some(lx.persons[*k].latin.clone()),
        _ => None,
    })
}

/// Whether an actor's Arabic name is a name to romanise rather than a description: not a
/// group, and for an organisation four words at most with no preposition.
fn is_name(kind: EntityKind, name: &str) -> bool {
    match kind {
        EntityKind::Group => false,
        EntityKind::Organization => {
            let words: Vec<&str> = name.split_whitespace().collect();
            words.len() <= 4
                && !words
                    .iter()
                    .any(|w| matches!(*w, "في" | "من" | "عن" | "على" | "إلى" | "مع"))
        }
        _ => true,
    }
}

/// Builds the document parts.
pub fn build(text: &Text, lx: &Lexicon, ents: &Entities, found: &[Found]) -> Extraction {
    let mut out = Extraction::default();
    let mut ids: Vec<Option<String>> = vec![None; ents.list.len()];
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (e, ent) in ents.list.iter().enumerate() {
        if ent.mentions.is_empty() {
            continue;
        }
        let p = prefix(ent.kind);
        let n = counts.entry(p).or_default();
        *n += 1;
        let id = format!("{p}-{n}");
        ids[e] = Some(id.clone());
        let mut mentions: Vec<Span> = ent
            .mentions
            .iter()
            .map(|&k| {
                let m = &ents.mentions[k];
                text.span(m.toks.clone(), m.form.as_deref())
            })
            .collect();
        mentions.sort();
        mentions.dedup();
        let listed = ent.latin.clone().or_else(|| match ent.kind {
            EntityKind::Person if !ent.title_only => latin_of(lx, &ent.name),
            EntityKind::Country => ent
                .country
                .as_ref()
                .and_then(|c| lx.country_latin.get(c).cloned()),
            EntityKind::City => lx.city_latin.get(&super::tokens::norm(&ent.name)).cloned(),
            _ => None,
        });
        // Every named actor gets a Latin form: from the name lists, else by rule (marked
        // automatic). Groups are descriptions («عدد من المسؤولين»), not names: they get none.
        let latin_auto = listed.is_none();
        let latin = listed.or_else(|| {
            let r = crate::romanize::romanize(&ent.name);
            (!r.is_empty() && is_name(ent.kind, &ent.name)).then_some(r)
        });
        out.entities.push(Entity {
            id,
            name: ent.name.clone(),
            latin_auto: latin_auto && latin.is_some(),
            latin,
            kind: ent.kind.as_str().to_owned(),
            roles: ent.titles.iter().map(|t| t.text.clone()).collect(),
            country: ent.country.clone(),
            part_of: None,
            mentions,
            extra: Default::default(),
        });
    }
    let id = |e: usize| ids[e].clone();
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&k| {
        let f = &found[k];
        let day = f.time.relative_days.unwrap_or(0);
        (day, f.evidence.first().copied().unwrap_or(0))
    });
    let event_id = |k: usize| format!("event-{}", k + 1);
    for (rank, &k) in order.iter().enumerate() {
        let f = &found[k];
        let participants: Vec<Participant> = f
            .participants
            .iter()
            .filter_map(|(e, r)| {
                Some(Participant {
                    entity: id(*e)?,
                    role: r.as_str().to_owned(),
                    extra: Default::default(),
                })
            })
            .collect();
        let names: Vec<&str> = f
            .participants
            .iter()
            .map(|(e, _)| ents.list[*e].name.as_str())
            .collect();
        let summary = format!("{} {}", arabic(f.kind), names.join("، "));
        let evidence = f
            .evidence
            .iter()
            .map(|&s| text.sents[s].span)
            .collect::<Vec<_>>();
        out.events.push(Event {
            id: event_id(k),
            kind: f.kind.as_str().to_owned(),
            cameo: Some(f.kind.cameo().to_owned()),
            summary,
            participants,
            place: f.place.and_then(id),
            when: When {
                date: f.time.date.clone(),
                precision: f.time.precision.clone(),
                expression: f.time.expression.clone(),
                weekday: f.time.weekday.clone(),
                relative_days: f.time.relative_days,
                extra: Default::default(),
            },
            order: rank as i64 + 1,
            status: f.status.as_str().to_owned(),
            topics: vec![],
            evidence,
            extra: Default::default(),
        });
    }
    out.relations = relations(ents, found, &ids, event_id);
    out
}

fn relations(
    ents: &Entities,
    found: &[Found],
    ids: &[Option<String>],
    event_id: impl Fn(usize) -> String,
) -> Vec<Relation> {
    let mut rel: BTreeMap<(String, String, &'static str), Relation> = BTreeMap::new();
    for (k, f) in found.iter().enumerate() {
        let kind = match f.kind {
            EventKind::Signing | EventKind::Agreement => "signed_with",
            _ => "met",
        };
        let sides: Vec<(usize, Role)> = f
            .participants
            .iter()
            .copied()
            .filter(|(e, _)| ents.list[*e].kind.is_actor())
            .collect();
        for a in 0..sides.len() {
            for b in a + 1..sides.len() {
                let (Some(x), Some(y)) = (&ids[sides[a].0], &ids[sides[b].0]) else {
                    continue;
                };
                if sides[a].1 == Role::Delegation && sides[b].1 == Role::Delegation {
                    continue;
                }
                let r = rel
                    .entry((x.clone(), y.clone(), kind))
                    .or_insert_with(|| Relation {
                        source: x.clone(),
                        target: y.clone(),
                        kind: kind.to_owned(),
                        ..Default::default()
                    });
                let ev = event_id(k);
                if !r.events.contains(&ev) {
                    r.events.push(ev);
                }
            }
        }
    }
    // Cities in the countries the article names.
    for (c, city) in ents.list.iter().enumerate() {
        if city.kind != EntityKind::City {
            continue;
        }
        let country = ents.list.iter().position(|e| {
            e.kind == EntityKind::Country && e.country.is_some() && e.country == city.country
        });
        if let (Some(n), Some(x)) = (country, &ids[c])
            && let Some(y) = &ids[n]
        {
            rel.insert(
                (x.clone(), y.clone(), "located_in"),
                Relation {
                    source: x.clone(),
                    target: y.clone(),
                    kind: "located_in".to_owned(),
                    ..Default::default()
                },
            );
        }
    }
    rel.into_values().collect()
}
