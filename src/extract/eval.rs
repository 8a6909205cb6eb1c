//! Precision, recall and F1 of an extraction against a hand-checked document.
//!
//! An entity matches a gold entity of the same class (person; organisation or group; place)
//! when one of its mentions overlaps one of the gold mentions. An event matches a gold event of
//! the same class (meeting; visit or arrival; signing or agreement; other) when their evidence
//! overlaps. Matching is one-to-one, greedy by overlap.

use crate::model::{Document, Span};

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
    /// Precision.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// Recall.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// F1.
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

fn entity_class(kind: &str) -> u8 {
    match kind {
        "person" => 0,
        "organization" | "group" => 1,
        _ => 2,
    }
}

fn event_class(kind: &str) -> u8 {
    match kind {
        "meeting" => 0,
        "visit" | "arrival" => 1,
        "signing" | "agreement" => 2,
        _ => 3,
    }
}

fn overlap(a: &[Span], b: &[Span]) -> usize {
    let mut n = 0;
    for x in a {
        for y in b {
            let s = x.start.max(y.start);
            let e = x.end.min(y.end);
            n += e.saturating_sub(s);
        }
    }
    n
}

fn greedy(pred: &[(u8, &[Span])], gold: &[(u8, &[Span])]) -> Score {
    let mut pairs = Vec::new();
    for (i, p) in pred.iter().enumerate() {
        for (j, g) in gold.iter().enumerate() {
            if p.0 == g.0 {
                let o = overlap(p.1, g.1);
                if o > 0 {
                    pairs.push((o, i, j));
                }
            }
        }
    }
    pairs.sort_by_key(|p| std::cmp::Reverse(p.0));
    let (mut used_p, mut used_g) = (vec![false; pred.len()], vec![false; gold.len()]);
    let mut tp = 0;
    for (_, i, j) in pairs {
        if !used_p[i] && !used_g[j] {
            used_p[i] = true;
            used_g[j] = true;
            tp += 1;
        }
    }
    Score {
        tp,
        fp: pred.len() - tp,
        fn_: gold.len() - tp,
    }
}

/// Entity and event scores of `pred` against `gold` (same article text).
pub fn evaluate(pred: &Document, gold: &Document) -> (Score, Score) {
    let pe: Vec<(u8, &[Span])> = pred
        .entities
        .iter()
        .map(|e| (entity_class(&e.kind), e.mentions.as_slice()))
        .collect();
    let ge: Vec<(u8, &[Span])> = gold
        .entities
        .iter()
        .map(|e| (entity_class(&e.kind), e.mentions.as_slice()))
        .collect();
    let pv: Vec<(u8, &[Span])> = pred
        .events
        .iter()
        .map(|e| (event_class(&e.kind), e.evidence.as_slice()))
        .collect();
    let gv: Vec<(u8, &[Span])> = gold
        .events
        .iter()
        .map(|e| (event_class(&e.kind), e.evidence.as_slice()))
        .collect();
    (greedy(&pe, &ge), greedy(&pv, &gv))
}

/// A report line per score.
pub fn report(entities: Score, events: Score) -> String {
    format!(
        "entities  P {:.3}  R {:.3}  F1 {:.3}  (tp {} fp {} fn {})\nevents    P {:.3}  R {:.3}  F1 {:.3}  (tp {} fp {} fn {})\n",
        entities.precision(),
        entities.recall(),
        entities.f1(),
        entities.tp,
        entities.fp,
        entities.fn_,
        events.precision(),
        events.recall(),
        events.f1(),
        events.tp,
        events.fp,
        events.fn_
    )
}
