//! The timeline's lanes: one per actor (in order of first appearance in the chronology) or one
//! per event kind, and which lanes each event sits in. Pure logic; the timeline view draws it.

use std::collections::HashMap;

use crate::model::{Document, EVENT_KINDS};

/// A lane of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// What the lane shows: an actor's name or an event kind.
    pub label: String,
    /// The actor of the lane (actor mode).
    pub entity: Option<usize>,
}

/// Lanes and which lanes each event sits in; rebuilt when the document or the mode changes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimelineModel {
    /// Lanes from top to bottom.
    pub lanes: Vec<Lane>,
    /// Per event (index into `Document::events`): its lanes.
    pub event_lanes: Vec<Vec<usize>>,
}

impl TimelineModel {
    /// Lanes per actor (in order of first appearance in the chronology) or per event kind.
    pub fn of(doc: &Document, by_kind: bool) -> Self {
        let mut lanes = Vec::new();
        let mut event_lanes = vec![Vec::new(); doc.events.len()];
        if by_kind {
            let mut kinds: Vec<&str> = EVENT_KINDS
                .iter()
                .copied()
                .filter(|k| doc.events.iter().any(|e| e.kind == *k))
                .collect();
            for e in &doc.events {
                if !kinds.contains(&e.kind.as_str()) {
                    kinds.push(&e.kind);
                }
            }
            for (i, e) in doc.events.iter().enumerate() {
                if let Some(l) = kinds.iter().position(|k| *k == e.kind) {
                    event_lanes[i].push(l);
                }
            }
            lanes = kinds
                .into_iter()
                .map(|k| Lane {
                    label: k.to_owned(),
                    entity: None,
                })
                .collect();
        } else {
            let index: HashMap<&str, usize> = doc
                .entities
                .iter()
                .enumerate()
                .map(|(i, e)| (e.id.as_str(), i))
                .collect();
            let mut lane_of: HashMap<usize, usize> = HashMap::new();
            for i in doc.chronological() {
                for p in &doc.events[i].participants {
                    let Some(&k) = index.get(p.entity.as_str()) else {
                        continue;
                    };
                    let l = *lane_of.entry(k).or_insert_with(|| {
                        lanes.push(Lane {
                            label: doc.entities[k].name.clone(),
                            entity: Some(k),
                        });
                        lanes.len() - 1
                    });
                    if !event_lanes[i].contains(&l) {
                        event_lanes[i].push(l);
                    }
                }
            }
            let other = lanes.len();
            let mut used_other = false;
            for lanes_of in event_lanes.iter_mut() {
                if lanes_of.is_empty() {
                    lanes_of.push(other);
                    used_other = true;
                }
            }
            if used_other {
                lanes.push(Lane {
                    label: "(no participant)".to_owned(),
                    entity: None,
                });
            }
        }
        Self { lanes, event_lanes }
    }
}
