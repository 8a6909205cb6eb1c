//! Undo and redo by differences: a step keeps what an edit changed, not a copy of the
//! document. List items are matched by id: the items removed, inserted or changed are kept;
//! the chronological `order` numbers, which a deletion shifts on every later event, are kept
//! apart as bare numbers.

use super::types::{Article, Document, Entity, Event, Extra, Relation};

/// What turns one version of a list into another. Items are matched by a key (an id) in
/// order; what has no match was removed or inserted, what matched but differs changed in place.
/// Edits keep the order of the items they leave, so this stays as small as the edit.
#[derive(Clone, Debug, PartialEq)]
struct ListDiff<T> {
    /// Items of the version this diff goes back to that the other lacks: position and value.
    removed: Vec<(usize, T)>,
    /// Positions, in the version this diff starts from, of items the other lacks.
    inserted: Vec<usize>,
    /// Items changed in place: position in the version this diff goes back to, and value there.
    changed: Vec<(usize, T)>,
}

impl<T: Clone> ListDiff<T> {
    /// The difference that takes `new` back to `old`; `key` names an item across versions,
    /// `equal` tells whether two versions of it are identical.
    fn between(
        old: &[T],
        new: &[T],
        key: impl Fn(&T) -> String,
        equal: impl Fn(&T, &T) -> bool,
    ) -> Self {
        let mut positions: std::collections::HashMap<String, std::collections::VecDeque<usize>> =
            std::collections::HashMap::new();
        for (i, t) in old.iter().enumerate() {
            positions.entry(key(t)).or_default().push_back(i);
        }
        let (mut removed, mut inserted, mut changed) = (Vec::new(), Vec::new(), Vec::new());
        let mut next_old = 0;
        for (j, t) in new.iter().enumerate() {
            let queue = positions.get_mut(&key(t));
            let found = queue.and_then(|q| {
                while q.front().is_some_and(|&i| i < next_old) {
                    q.pop_front();
                }
                q.pop_front()
            });
            match found {
                Some(i) => {
                    removed.extend((next_old..i).map(|r| (r, old[r].clone())));
                    if !equal(&old[i], t) {
                        changed.push((i, old[i].clone()));
                    }
                    next_old = i + 1;
                }
                None => inserted.push(j),
            }
        }
        removed.extend((next_old..old.len()).map(|r| (r, old[r].clone())));
        Self {
            removed,
            inserted,
            changed,
        }
    }

    /// Whether it changes nothing.
    fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.inserted.is_empty() && self.changed.is_empty()
    }

    /// Turns `list` back and returns the difference that redoes it.
    fn revert(self, list: &mut Vec<T>) -> Self {
        let back_len = list.len() - self.inserted.len() + self.removed.len();
        let mut current: Vec<Option<T>> = std::mem::take(list).into_iter().map(Some).collect();
        let mut redo_removed = Vec::with_capacity(self.inserted.len());
        for &j in &self.inserted {
            if let Some(t) = current[j].take() {
                redo_removed.push((j, t));
            }
        }
        let mut survivors = current
            .into_iter()
            .enumerate()
            .filter_map(|(j, t)| t.map(|t| (j, t)));
        let mut removed = self.removed.into_iter().peekable();
        let mut changed = self.changed.into_iter().peekable();
        let mut redo_inserted = Vec::new();
        let mut redo_changed = Vec::new();
        let mut out = Vec::with_capacity(back_len);
        for i in 0..back_len {
            if removed.peek().is_some_and(|(r, _)| *r == i) {
                let (_, t) = removed.next().expect("peeked");
                redo_inserted.push(i);
                out.push(t);
                continue;
            }
            let Some((j, now)) = survivors.next() else {
                break;
            };
            if changed.peek().is_some_and(|(c, _)| *c == i) {
                let (_, before) = changed.next().expect("peeked");
                redo_changed.push((j, now));
                out.push(before);
            } else {
                out.push(now);
            }
        }
        *list = out;
        Self {
            removed: redo_removed,
            inserted: redo_inserted,
            changed: redo_changed,
        }
    }

    /// Heap bytes it holds, roughly (the items' own heap data counted by `size`).
    fn bytes(&self, size: impl Fn(&T) -> usize) -> usize {
        self.removed.iter().map(|(_, t)| size(t) + 8).sum::<usize>()
            + self.inserted.len() * 8
            + self.changed.iter().map(|(_, t)| size(t) + 8).sum::<usize>()
    }
}

/// What an edit changed in a document: enough to undo it, and (once undone) to redo it.
#[derive(Clone, Debug, PartialEq)]
pub struct Diff {
    /// The article before, without its text, when it changed.
    article: Option<Article>,
    /// The article's text before, when it changed (only a restored or replaced document
    /// changes it: edits never do).
    text: Option<String>,
    /// Unknown top-level fields before, when they changed.
    extra: Option<Extra>,
    entities: ListDiff<Entity>,
    events: ListDiff<Event>,
    /// Every event's `order` before, when any changed.
    orders: Option<Vec<i64>>,
    relations: ListDiff<Relation>,
}

fn same_except_order(a: &Event, b: &Event) -> bool {
    a.id == b.id
        && a.kind == b.kind
        && a.cameo == b.cameo
        && a.summary == b.summary
        && a.participants == b.participants
        && a.place == b.place
        && a.when == b.when
        && a.status == b.status
        && a.topics == b.topics
        && a.evidence == b.evidence
        && a.extra == b.extra
}

fn without_text(a: &Article) -> Article {
    Article {
        text: String::new(),
        ..a.clone()
    }
}

impl Diff {
    /// The difference that takes `new` back to `old`.
    pub fn between(old: &Document, new: &Document) -> Self {
        let article_same = old.article.title == new.article.title
            && old.article.language == new.article.language
            && old.article.published == new.article.published
            && old.article.source == new.article.source
            && old.article.extra == new.article.extra;
        let events = ListDiff::between(
            &old.events,
            &new.events,
            |e| e.id.clone(),
            same_except_order,
        );
        let orders_changed = old.events.len() != new.events.len()
            || old
                .events
                .iter()
                .zip(&new.events)
                .any(|(a, b)| a.order != b.order);
        Self {
            article: (!article_same).then(|| without_text(&old.article)),
            text: (old.article.text != new.article.text).then(|| old.article.text.clone()),
            extra: (old.extra != new.extra).then(|| old.extra.clone()),
            entities: ListDiff::between(
                &old.entities,
                &new.entities,
                |e| e.id.clone(),
                |a, b| a == b,
            ),
            events,
            orders: orders_changed.then(|| old.events.iter().map(|e| e.order).collect()),
            relations: ListDiff::between(
                &old.relations,
                &new.relations,
                |r| format!("{}\u{0}{}\u{0}{}", r.source, r.target, r.kind),
                |a, b| a == b,
            ),
        }
    }

    /// Whether the edit changed nothing.
    pub fn is_empty(&self) -> bool {
        self.article.is_none()
            && self.text.is_none()
            && self.extra.is_none()
            && self.entities.is_empty()
            && self.events.is_empty()
            && self.orders.is_none()
            && self.relations.is_empty()
    }

    /// Turns `doc` back; returns the difference that redoes the change.
    pub fn revert(self, doc: &mut Document) -> Self {
        let article = self.article.map(|mut a| {
            std::mem::swap(&mut a.text, &mut doc.article.text);
            let now = std::mem::replace(&mut doc.article, a);
            without_text(&now)
        });
        let text = self
            .text
            .map(|t| std::mem::replace(&mut doc.article.text, t));
        let extra = self.extra.map(|e| std::mem::replace(&mut doc.extra, e));
        let current_orders: Option<Vec<i64>> = self
            .orders
            .as_ref()
            .map(|_| doc.events.iter().map(|e| e.order).collect());
        let entities = self.entities.revert(&mut doc.entities);
        let events = self.events.revert(&mut doc.events);
        if let Some(orders) = &self.orders {
            for (e, o) in doc.events.iter_mut().zip(orders) {
                e.order = *o;
            }
        }
        let relations = self.relations.revert(&mut doc.relations);
        Self {
            article,
            text,
            extra,
            entities,
            events,
            orders: current_orders,
            relations,
        }
    }

    /// Heap bytes it holds, roughly: the JSON size of the items it keeps, plus the numbers.
    pub fn bytes(&self) -> usize {
        let json = |v: &dyn erased::Json| v.json_len();
        self.article.as_ref().map_or(0, |a| json(a))
            + self.text.as_ref().map_or(0, String::len)
            + self.extra.as_ref().map_or(0, |e| json(e))
            + self.entities.bytes(|e| json(e))
            + self.events.bytes(|e| json(e))
            + self.orders.as_ref().map_or(0, |o| o.len() * 8)
            + self.relations.bytes(|r| json(r))
    }
}

mod erased {
    /// Anything whose JSON length can be measured.
    pub(super) trait Json {
        fn json_len(&self) -> usize;
    }

    impl<T: serde::Serialize> Json for T {
        fn json_len(&self) -> usize {
            serde_json::to_vec(self).map_or(0, |v| v.len())
        }
    }
}

/// Undo and redo, each step with a payload (the selection) restored with it.
#[derive(Clone, Debug)]
pub struct History<S> {
    undo: Vec<(Diff, S)>,
    redo: Vec<(Diff, S)>,
}

impl<S> Default for History<S> {
    fn default() -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }
}

/// How many steps are kept.
pub const HISTORY_LIMIT: usize = 200;

impl<S> History<S> {
    /// Remembers an edit that turned `before` into `after`, with the payload of `before`
    /// (what could be redone is forgotten). An edit that changed nothing is not a step.
    pub fn record(&mut self, before: &Document, after: &Document, payload: S) {
        let diff = Diff::between(before, after);
        if diff.is_empty() {
            return;
        }
        self.undo.push((diff, payload));
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Steps back: turns `doc` back, stores `current` (the payload now) for redo and returns
    /// the payload of the step.
    pub fn undo(&mut self, doc: &mut Document, current: S) -> Option<S> {
        let (diff, payload) = self.undo.pop()?;
        let redo = diff.revert(doc);
        self.redo.push((redo, current));
        Some(payload)
    }

    /// Steps forward again.
    pub fn redo(&mut self, doc: &mut Document, current: S) -> Option<S> {
        let (diff, payload) = self.redo.pop()?;
        let undo = diff.revert(doc);
        self.undo.push((undo, current));
        Some(payload)
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Steps that can be undone.
    pub fn len(&self) -> usize {
        self.undo.len()
    }

    /// Whether there is no step to undo.
    pub fn is_empty(&self) -> bool {
        self.undo.is_empty()
    }

    /// Forgets everything (a new document).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    /// Heap bytes the steps hold, roughly (see [`Diff::bytes`]).
    pub fn bytes(&self) -> usize {
        self.undo
            .iter()
            .chain(&self.redo)
            .map(|(d, _)| d.bytes() + std::mem::size_of::<(Diff, S)>())
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list_roundtrip(old: Vec<u32>, new: Vec<u32>) {
        let d = ListDiff::between(&old, &new, |a| (a / 10).to_string(), |a, b| a == b);
        let mut cur = new.clone();
        let redo = d.revert(&mut cur);
        assert_eq!(cur, old);
        redo.revert(&mut cur);
        assert_eq!(cur, new);
    }

    #[test]
    fn list_differences_undo_and_redo() {
        // Items are «the same» when their tens match; units are what changes in place.
        list_roundtrip(vec![10, 20, 30, 40], vec![10, 21, 30, 40]);
        list_roundtrip(vec![10, 20, 30, 40], vec![10, 30, 41]);
        list_roundtrip(vec![10, 20, 30], vec![11, 20, 30, 50, 60]);
        list_roundtrip(vec![], vec![10]);
        list_roundtrip(vec![10, 20, 30, 40, 50], vec![11, 22, 33, 44, 55]);
        list_roundtrip(vec![10, 20, 30, 40, 50], vec![11, 50]);
        list_roundtrip(vec![10, 20, 30, 40, 50], vec![15, 20, 60, 40, 70]);
        list_roundtrip(vec![10, 10, 20], vec![10, 20, 20]);
    }

    #[test]
    fn replacing_the_whole_document_undoes_its_text_too() {
        let old = crate::model::document_from_text("نص أول");
        let mut new = crate::model::document_from_text("نص ثان");
        new.article.title = "other".into();
        let diff = Diff::between(&old, &new);
        let mut cur = new.clone();
        let redo = diff.revert(&mut cur);
        assert_eq!(cur, old);
        redo.revert(&mut cur);
        assert_eq!(cur, new);
    }
}
