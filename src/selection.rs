//! What is selected, and what that makes related in every view. Pure logic, no GUI.

use crate::model::{Document, Span};

/// What is selected, by stable id: it survives edits that move items around, and is dropped
/// when its item is gone (as rerun's selection state does).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Item {
    /// Nothing.
    #[default]
    None,
    /// An event, by id.
    Event(String),
    /// An entity, by id.
    Entity(String),
}

impl Item {
    /// The item a view's selection points at in `doc`.
    pub fn of(doc: &Document, sel: Selection) -> Self {
        match sel {
            Selection::Event(i) => doc
                .events
                .get(i)
                .map_or(Item::None, |e| Item::Event(e.id.clone())),
            Selection::Entity(k) => doc
                .entities
                .get(k)
                .map_or(Item::None, |e| Item::Entity(e.id.clone())),
            Selection::None => Item::None,
        }
    }

    /// Where the item is in `doc` now (`Selection::None` when it is gone).
    pub fn resolve(&self, doc: &Document) -> Selection {
        match self {
            Item::Event(id) => doc
                .event_index(id)
                .map_or(Selection::None, Selection::Event),
            Item::Entity(id) => doc
                .entity_index(id)
                .map_or(Selection::None, Selection::Entity),
            Item::None => Selection::None,
        }
    }
}

/// The selection as views use it for one frame: indices into the document as it is now.
/// It is derived from an [`Item`] after every change, never kept across one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Selection {
    /// Nothing.
    #[default]
    None,
    /// An event, by index into `Document::events`.
    Event(usize),
    /// An entity, by index into `Document::entities`.
    Entity(usize),
}

/// What the selection relates to, computed once per change of selection.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Related {
    /// Per event: related to the selection.
    pub events: Vec<bool>,
    /// Per entity: related to the selection.
    pub entities: Vec<bool>,
    /// Passages to highlight strongly in the article (evidence or mentions).
    pub spans: Vec<Span>,
    /// Whether anything is selected (when not, nothing fades).
    pub active: bool,
}

impl Related {
    /// What `sel` relates to in `doc`.
    pub fn of(doc: &Document, sel: Selection) -> Self {
        let mut r = Self {
            events: vec![false; doc.events.len()],
            entities: vec![false; doc.entities.len()],
            spans: vec![],
            active: sel != Selection::None,
        };
        let index = |id: &str| doc.entity_index(id);
        match sel {
            Selection::None => {}
            Selection::Event(i) => {
                let Some(ev) = doc.events.get(i) else {
                    return r;
                };
                r.events[i] = true;
                for p in &ev.participants {
                    if let Some(k) = index(&p.entity) {
                        r.entities[k] = true;
                    }
                }
                if let Some(k) = ev.place.as_deref().and_then(index) {
                    r.entities[k] = true;
                }
                r.spans = ev.evidence.clone();
            }
            Selection::Entity(k) => {
                let Some(ent) = doc.entities.get(k) else {
                    return r;
                };
                r.entities[k] = true;
                for (i, ev) in doc.events.iter().enumerate() {
                    if involves(ev, &ent.id) {
                        r.events[i] = true;
                    }
                }
                r.spans = ent.mentions.clone();
            }
        }
        r.spans.sort();
        r
    }
}

/// Whether entity `id` takes part in the event or is its place.
pub fn involves(ev: &crate::model::Event, id: &str) -> bool {
    ev.participants.iter().any(|p| p.entity == id) || ev.place.as_deref() == Some(id)
}

/// What a click on char `offset` of the article selects: the entity of the shortest mention
/// there, else the first event (chronologically) whose evidence covers it.
pub fn at_offset(doc: &Document, offset: usize) -> Selection {
    let mut best: Option<(usize, usize)> = None;
    for (k, e) in doc.entities.iter().enumerate() {
        for m in &e.mentions {
            if m.contains(offset) && best.is_none_or(|(_, len)| m.len() < len) {
                best = Some((k, m.len()));
            }
        }
    }
    if let Some((k, _)) = best {
        return Selection::Entity(k);
    }
    for i in doc.chronological() {
        if doc.events[i].evidence.iter().any(|s| s.contains(offset)) {
            return Selection::Event(i);
        }
    }
    Selection::None
}

/// The event after (`forward`) or before the selected one in chronological order; from no
/// event selected, the first (or last).
pub fn step(doc: &Document, sel: Selection, forward: bool) -> Selection {
    let order = doc.chronological();
    if order.is_empty() {
        return sel;
    }
    let pos = match sel {
        Selection::Event(i) => order.iter().position(|&e| e == i),
        _ => None,
    };
    let next = match (pos, forward) {
        (None, true) => 0,
        (None, false) => order.len() - 1,
        (Some(p), true) => (p + 1).min(order.len() - 1),
        (Some(p), false) => p.saturating_sub(1),
    };
    Selection::Event(order[next])
}
