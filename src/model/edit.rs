//! Edits of a document, each checked so that it cannot leave a dangling reference. Every change
//! a user makes is one of these, so that it can be undone (see `History`).

use super::types::{Document, Entity, Event, Participant, Span, When};

/// One change a user makes.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Event kind (`meeting` …).
    EventKind(String, String),
    /// Event status (`occurred`, `planned`, `reported`).
    EventStatus(String, String),
    /// Event summary.
    EventSummary(String, String),
    /// Event date (`YYYY-MM-DD` or none) and precision.
    EventDate(String, Option<String>, String),
    /// Event place (entity id or none).
    EventPlace(String, Option<String>),
    /// Event topics.
    EventTopics(String, Vec<String>),
    /// Adds (or re-roles) a participant: event, entity, role.
    SetParticipant(String, String, String),
    /// Removes a participant: event, entity.
    RemoveParticipant(String, String),
    /// Adds a span of evidence to an event.
    AddEvidence(String, Span),
    /// A new event of a kind with a span of evidence; its id is returned by [`apply`].
    NewEvent(String, Span),
    /// Deletes an event (and its mentions in relations).
    DeleteEvent(String),
    /// Entity name.
    EntityName(String, String),
    /// Entity Latin name.
    EntityLatin(String, Option<String>),
    /// Entity kind.
    EntityKind(String, String),
    /// Entity country code.
    EntityCountry(String, Option<String>),
    /// Entity roles.
    EntityRoles(String, Vec<String>),
    /// Adds a mention to an entity.
    AddMention(String, Span),
    /// A new entity of a kind named by a span of the text, with that span as its mention.
    NewEntity(String, Span),
    /// Moves one mention of an entity to a new entity of the same kind.
    SplitMention(String, Span),
    /// Merges the second entity into the first: mentions, participations, places, relations.
    Merge(String, String),
    /// Sets the publication date (`YYYY-MM-DD` or none) and resolves the relative dates of the
    /// events with it («أمس» is the day before).
    SetPublished(Option<String>),
}

fn event<'a>(doc: &'a mut Document, id: &str) -> Result<&'a mut Event, String> {
    doc.events
        .iter_mut()
        .find(|e| e.id == id)
        .ok_or_else(|| format!("there is no event \"{id}\""))
}

fn entity<'a>(doc: &'a mut Document, id: &str) -> Result<&'a mut Entity, String> {
    doc.entities
        .iter_mut()
        .find(|e| e.id == id)
        .ok_or_else(|| format!("there is no actor \"{id}\""))
}

fn check_entity(doc: &Document, id: &str) -> Result<(), String> {
    doc.entity(id)
        .map(|_| ())
        .ok_or_else(|| format!("there is no actor \"{id}\""))
}

fn check_span(doc: &Document, s: Span) -> Result<(), String> {
    let n = doc.article.text.chars().count();
    if s.start >= s.end || s.end > n {
        return Err(format!(
            "the passage {}..{} is not inside the text",
            s.start, s.end
        ));
    }
    Ok(())
}

fn fresh_id(prefix: &str, taken: impl Fn(&str) -> bool) -> String {
    (1..)
        .map(|i| format!("{prefix}{i}"))
        .find(|id| !taken(id))
        .expect("an unused id exists")
}

/// The event kinds of the format.
pub const EVENT_KINDS: [&str; 7] = [
    "visit",
    "arrival",
    "meeting",
    "signing",
    "agreement",
    "statement",
    "other",
];
/// The event statuses of the format.
pub const STATUSES: [&str; 3] = ["occurred", "planned", "reported"];
/// The actor kinds of the format.
pub const ENTITY_KINDS: [&str; 6] = ["person", "organization", "group", "country", "city", "site"];
/// The participant roles of the format.
pub const ROLES: [&str; 6] = [
    "host",
    "guest",
    "signatory",
    "delegation",
    "subject",
    "participant",
];
/// The date precisions of the format.
pub const PRECISIONS: [&str; 4] = ["day", "month", "year", "unknown"];

/// Applies an edit. On error the document is unchanged. Returns the id of a created item.
pub fn apply(doc: &mut Document, edit: &Edit) -> Result<Option<String>, String> {
    match edit {
        Edit::EventKind(id, kind) => {
            one_of(kind, &EVENT_KINDS, "event kind")?;
            event(doc, id)?.kind = kind.clone();
        }
        Edit::EventStatus(id, s) => {
            one_of(s, &STATUSES, "status")?;
            event(doc, id)?.status = s.clone();
        }
        Edit::EventSummary(id, s) => event(doc, id)?.summary = s.clone(),
        Edit::EventDate(id, date, precision) => {
            one_of(precision, &PRECISIONS, "precision")?;
            if let Some(d) = date
                && super::chronology::parse_date(d).is_none()
            {
                return Err(format!("\"{d}\" is not a date (YYYY-MM-DD)"));
            }
            let e = event(doc, id)?;
            e.when.date = date.clone();
            e.when.precision = precision.clone();
        }
        Edit::EventPlace(id, place) => {
            if let Some(p) = place {
                check_entity(doc, p)?;
            }
            event(doc, id)?.place = place.clone();
        }
        Edit::EventTopics(id, t) => event(doc, id)?.topics = t.clone(),
        Edit::SetParticipant(id, ent, role) => {
            one_of(role, &ROLES, "role")?;
            check_entity(doc, ent)?;
            let e = event(doc, id)?;
            match e.participants.iter_mut().find(|p| p.entity == *ent) {
                Some(p) => p.role = role.clone(),
                None => e.participants.push(Participant {
                    entity: ent.clone(),
                    role: role.clone(),
                    extra: Default::default(),
                }),
            }
        }
        Edit::RemoveParticipant(id, ent) => {
            let e = event(doc, id)?;
            let before = e.participants.len();
            e.participants.retain(|p| p.entity != *ent);
            if e.participants.len() == before {
                return Err(format!("\"{ent}\" does not take part in \"{id}\""));
            }
        }
        Edit::AddEvidence(id, s) => {
            check_span(doc, *s)?;
            insert_sorted(&mut event(doc, id)?.evidence, *s);
        }
        Edit::NewEvent(kind, s) => {
            one_of(kind, &EVENT_KINDS, "event kind")?;
            check_span(doc, *s)?;
            let id = fresh_id("event", |id| doc.events.iter().any(|e| e.id == id));
            let order = doc.events.iter().map(|e| e.order).max().unwrap_or(0) + 1;
            let summary: String = doc.quote(*s).unwrap_or_default().chars().take(80).collect();
            doc.events.push(Event {
                id: id.clone(),
                kind: kind.clone(),
                summary,
                order,
                status: "occurred".into(),
                evidence: vec![*s],
                when: When::default(),
                ..Default::default()
            });
            return Ok(Some(id));
        }
        Edit::DeleteEvent(id) => {
            let i = doc
                .event_index(id)
                .ok_or_else(|| format!("there is no event \"{id}\""))?;
            let order = doc.events[i].order;
            doc.events.remove(i);
            for e in &mut doc.events {
                if e.order > order {
                    e.order -= 1;
                }
            }
            for r in &mut doc.relations {
                r.events.retain(|e| e != id);
            }
        }
        Edit::EntityName(id, n) => {
            if n.trim().is_empty() {
                return Err("a name cannot be empty".into());
            }
            entity(doc, id)?.name = n.clone();
        }
        Edit::EntityLatin(id, l) => {
            let e = entity(doc, id)?;
            e.latin.clone_from(l);
            e.latin_auto = false;
        }
        Edit::EntityKind(id, k) => {
            one_of(k, &ENTITY_KINDS, "actor kind")?;
            entity(doc, id)?.kind = k.clone();
        }
        Edit::EntityCountry(id, c) => {
            if let Some(c) = c
                && (c.len() != 2 || !c.chars().all(|x| x.is_ascii_uppercase()))
            {
                return Err(format!("\"{c}\" is not a two-letter country code"));
            }
            entity(doc, id)?.country = c.clone();
        }
        Edit::EntityRoles(id, r) => entity(doc, id)?.roles = r.clone(),
        Edit::AddMention(id, s) => {
            check_span(doc, *s)?;
            insert_sorted(&mut entity(doc, id)?.mentions, *s);
        }
        Edit::NewEntity(kind, s) => {
            one_of(kind, &ENTITY_KINDS, "actor kind")?;
            check_span(doc, *s)?;
            let id = fresh_id("actor", |id| doc.entities.iter().any(|e| e.id == id));
            let name = doc.quote(*s).unwrap_or_default();
            doc.entities.push(Entity {
                id: id.clone(),
                name: name.trim().to_owned(),
                kind: kind.clone(),
                mentions: vec![*s],
                ..Default::default()
            });
            return Ok(Some(id));
        }
        Edit::SplitMention(id, s) => {
            let e = doc
                .entity(id)
                .ok_or_else(|| format!("there is no actor \"{id}\""))?;
            if !e.mentions.contains(s) {
                return Err("that passage is not a mention of this actor".into());
            }
            let (kind, country) = (e.kind.clone(), e.country.clone());
            let new = fresh_id("actor", |x| doc.entities.iter().any(|e| e.id == x));
            let name = doc.quote(*s).unwrap_or_default();
            entity(doc, id)?.mentions.retain(|m| m != s);
            doc.entities.push(Entity {
                id: new.clone(),
                name: name.trim().to_owned(),
                kind,
                country,
                mentions: vec![*s],
                ..Default::default()
            });
            return Ok(Some(new));
        }
        Edit::SetPublished(date) => {
            if let Some(d) = date
                && super::chronology::parse_date(d).is_none()
            {
                return Err(format!("\"{d}\" is not a date (YYYY-MM-DD)"));
            }
            doc.article.published = date.clone();
            super::chronology::resolve_relative_dates(doc);
        }
        Edit::Merge(keep, gone) => {
            if keep == gone {
                return Err("an actor cannot be merged with itself".into());
            }
            check_entity(doc, keep)?;
            let g = doc
                .entity_index(gone)
                .ok_or_else(|| format!("there is no actor \"{gone}\""))?;
            let gone_e = doc.entities.remove(g);
            let k = entity(doc, keep)?;
            for m in gone_e.mentions {
                if !k.mentions.contains(&m) {
                    k.mentions.push(m);
                }
            }
            k.mentions.sort();
            for r in gone_e.roles {
                if !k.roles.contains(&r) {
                    k.roles.push(r);
                }
            }
            if k.latin.is_none() {
                k.latin = gone_e.latin;
            }
            if k.country.is_none() {
                k.country = gone_e.country;
            }
            for e in &mut doc.entities {
                if e.part_of.as_deref() == Some(gone.as_str()) {
                    e.part_of = (e.id != *keep).then(|| keep.clone());
                }
            }
            for ev in &mut doc.events {
                let mut seen = Vec::new();
                ev.participants.retain_mut(|p| {
                    if p.entity == *gone {
                        p.entity = keep.clone();
                    }
                    let fresh = !seen.contains(&p.entity);
                    seen.push(p.entity.clone());
                    fresh
                });
                if ev.place.as_deref() == Some(gone.as_str()) {
                    ev.place = Some(keep.clone());
                }
            }
            for r in &mut doc.relations {
                for end in [&mut r.source, &mut r.target] {
                    if end == gone {
                        *end = keep.clone();
                    }
                }
            }
            doc.relations.retain(|r| r.source != r.target);
            // Relations that now join the same two actors the same way become one.
            let mut first: std::collections::HashMap<(String, String, String), usize> =
                std::collections::HashMap::new();
            let mut kept: Vec<super::types::Relation> = Vec::with_capacity(doc.relations.len());
            for r in std::mem::take(&mut doc.relations) {
                let key = (r.source.clone(), r.target.clone(), r.kind.clone());
                match first.get(&key) {
                    Some(&j) => {
                        let into = &mut kept[j];
                        for e in r.events {
                            if !into.events.contains(&e) {
                                into.events.push(e);
                            }
                        }
                        for s in r.evidence {
                            if !into.evidence.contains(&s) {
                                into.evidence.push(s);
                            }
                        }
                    }
                    None => {
                        first.insert(key, kept.len());
                        kept.push(r);
                    }
                }
            }
            doc.relations = kept;
        }
    }
    Ok(None)
}

/// Adds a span to a list once, leaving the list sorted (lists read from files may not be).
fn insert_sorted(list: &mut Vec<Span>, s: Span) {
    if !list.contains(&s) {
        list.push(s);
        list.sort();
    }
}

fn one_of(v: &str, allowed: &[&str], what: &str) -> Result<(), String> {
    if allowed.contains(&v) {
        Ok(())
    } else {
        Err(format!("\"{v}\" is not a {what} ({})", allowed.join(", ")))
    }
}
