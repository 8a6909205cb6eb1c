//! The relationship graph: nodes and weighted edges from a document, and a deterministic
//! force-directed layout. No GUI code.

use std::collections::BTreeMap;

use crate::model::Document;

/// An edge between two entities, aggregating all relations between them.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    /// Index of one end in `Graph::nodes`.
    pub a: usize,
    /// Index of the other end.
    pub b: usize,
    /// Relation kinds between the two, in first-seen order (`met`, `counterpart` …).
    pub kinds: Vec<String>,
    /// Ids of the events supporting any of the relations.
    pub events: Vec<String>,
    /// Indices into `Document::relations`.
    pub relations: Vec<usize>,
}

impl Edge {
    /// An edge with nothing on it yet between nodes `k.0` and `k.1`.
    fn between(k: (usize, usize)) -> Self {
        Self {
            a: k.0,
            b: k.1,
            kinds: vec![],
            events: vec![],
            relations: vec![],
        }
    }

    /// Line weight: grows with the number of shared events.
    pub fn weight(&self) -> f32 {
        1.0 + self.events.len() as f32
    }
}

/// Nodes (entity indices) and edges of the relationship panel.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Graph {
    /// Indices into `Document::entities`.
    pub nodes: Vec<usize>,
    /// Aggregated edges.
    pub edges: Vec<Edge>,
}

impl Graph {
    /// Every entity that takes part in an event or a relation (places only with `places`).
    pub fn of(doc: &Document, places: bool) -> Self {
        let index: BTreeMap<&str, usize> = doc
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let is_place =
            |i: usize| matches!(doc.entities[i].kind.as_str(), "city" | "country" | "site");
        let keep = |i: usize| places || !is_place(i);
        let mut used = vec![false; doc.entities.len()];
        for ev in &doc.events {
            for p in &ev.participants {
                if let Some(&i) = index.get(p.entity.as_str()) {
                    used[i] = true;
                }
            }
        }
        let mut pairs: BTreeMap<(usize, usize), Edge> = BTreeMap::new();
        for (ri, r) in doc.relations.iter().enumerate() {
            let (Some(&s), Some(&t)) = (index.get(r.source.as_str()), index.get(r.target.as_str()))
            else {
                continue;
            };
            if s == t || !keep(s) || !keep(t) {
                continue;
            }
            used[s] = true;
            used[t] = true;
            let k = (s.min(t), s.max(t));
            let e = pairs.entry(k).or_insert_with(|| Edge::between(k));
            if !e.kinds.contains(&r.kind) {
                e.kinds.push(r.kind.clone());
            }
            for ev in &r.events {
                if !e.events.contains(ev) {
                    e.events.push(ev.clone());
                }
            }
            e.relations.push(ri);
        }
        // Who met whom follows the events too, so that edits of participants show at once.
        for ev in &doc.events {
            let kind = match ev.kind.as_str() {
                "meeting" | "visit" => "met",
                "signing" | "agreement" => "signed_with",
                _ => continue,
            };
            let side = |role: &str| match role {
                "guest" | "delegation" => 0,
                "host" => 1,
                _ => 2,
            };
            let ps: Vec<(usize, u8)> = ev
                .participants
                .iter()
                .filter_map(|p| index.get(p.entity.as_str()).map(|&i| (i, side(&p.role))))
                .filter(|&(i, _)| keep(i))
                .collect();
            for (x, &(a, sa)) in ps.iter().enumerate() {
                for &(b, sb) in &ps[x + 1..] {
                    let person = |i: usize| doc.entities[i].kind == "person";
                    if a == b || sa == sb && sa != 2 || !person(a) && !person(b) {
                        continue;
                    }
                    let k = (a.min(b), a.max(b));
                    let e = pairs.entry(k).or_insert_with(|| Edge::between(k));
                    if e.kinds.is_empty() {
                        e.kinds.push(kind.to_owned());
                    }
                    if !e.events.contains(&ev.id) {
                        e.events.push(ev.id.clone());
                    }
                }
            }
        }
        let nodes: Vec<usize> = (0..doc.entities.len())
            .filter(|&i| used[i] && keep(i))
            .collect();
        let pos: BTreeMap<usize, usize> = nodes.iter().enumerate().map(|(k, &i)| (i, k)).collect();
        let edges = pairs
            .into_values()
            .map(|mut e| {
                e.a = pos[&e.a];
                e.b = pos[&e.b];
                e
            })
            .collect();
        Self { nodes, edges }
    }

    /// Index in `nodes` of entity `entity`.
    pub fn node_of(&self, entity: usize) -> Option<usize> {
        self.nodes.iter().position(|&n| n == entity)
    }
}

/// Positions for the nodes of `graph`, in a square of side about `100·√n`; the same graph always
/// gives the same picture (Fruchterman–Reingold from a circle, fixed cooling schedule).
pub fn force_layout(graph: &Graph) -> Vec<[f32; 2]> {
    let n = graph.nodes.len();
    if n == 0 {
        return vec![];
    }
    let side = 110.0 * (n as f32).sqrt().max(2.0);
    let k = side / (n as f32).sqrt() * 1.5;
    let mut pos: Vec<[f32; 2]> = (0..n)
        .map(|i| {
            let a = i as f32 / n as f32 * std::f32::consts::TAU;
            let r = side * 0.4 * (1.0 + 0.1 * (i % 3) as f32);
            [r * a.cos(), r * a.sin()]
        })
        .collect();
    let iterations = (30_000_000 / (n * n).max(1)).clamp(15, 300);
    let mut temp = side * 0.1;
    let cool = temp / (iterations as f32 + 1.0);
    let mut disp = vec![[0.0f32; 2]; n];
    for _ in 0..iterations {
        disp.iter_mut().for_each(|d| *d = [0.0, 0.0]);
        for i in 0..n {
            for j in i + 1..n {
                let dx = pos[i][0] - pos[j][0];
                let dy = pos[i][1] - pos[j][1];
                let d2 = (dx * dx + dy * dy).max(0.01);
                let f = k * k / d2;
                disp[i][0] += dx * f;
                disp[i][1] += dy * f;
                disp[j][0] -= dx * f;
                disp[j][1] -= dy * f;
            }
        }
        for e in &graph.edges {
            let (i, j) = (e.a, e.b);
            let dx = pos[i][0] - pos[j][0];
            let dy = pos[i][1] - pos[j][1];
            let d = (dx * dx + dy * dy).sqrt().max(0.1);
            let f = d / k * (0.6 + 0.2 * e.weight().min(5.0));
            disp[i][0] -= dx * f;
            disp[i][1] -= dy * f;
            disp[j][0] += dx * f;
            disp[j][1] += dy * f;
        }
        for i in 0..n {
            // A weak pull to the centre keeps unconnected nodes in view.
            disp[i][0] -= pos[i][0] * 0.02;
            disp[i][1] -= pos[i][1] * 0.02;
            let l = (disp[i][0] * disp[i][0] + disp[i][1] * disp[i][1])
                .sqrt()
                .max(1e-6);
            let step = l.min(temp);
            pos[i][0] += disp[i][0] / l * step;
            pos[i][1] += disp[i][1] / l * step;
        }
        temp = (temp - cool).max(1.0);
    }
    pos
}
