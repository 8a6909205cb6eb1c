//! The relationship graph: nodes and weighted edges from a document, and a deterministic
//! force-directed layout. No GUI code.

mod barnes_hut;
mod layout;
pub mod stress;
mod worker;

pub use layout::{INLINE_LIMIT, LayoutRun, STRESS_LIMIT, force_layout};
pub use worker::LayoutWorker;

use crate::hash::FastMap as HashMap;

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
    /// Indices into `Document::events` of the events supporting any of the relations, sorted.
    pub events: Vec<usize>,
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
    /// Betweenness centrality of each node (normalised to 0–1), for graphs of up to
    /// [`BETWEENNESS_LIMIT`] nodes; empty beyond.
    pub betweenness: Vec<f64>,
}

/// Betweenness is computed for graphs up to this many nodes (it costs nodes × edges).
pub const BETWEENNESS_LIMIT: usize = 500;

impl Graph {
    /// Every entity that takes part in an event or a relation (places only with `places`).
    pub fn of(doc: &Document, places: bool) -> Self {
        let index: HashMap<&str, usize> = doc
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let event_index: HashMap<&str, usize> = doc
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let is_place =
            |i: usize| matches!(doc.entities[i].kind.as_str(), "city" | "country" | "site");
        let person: Vec<bool> = doc.entities.iter().map(|e| e.kind == "person").collect();
        let keep = |i: usize| places || !is_place(i);
        let mut used = vec![false; doc.entities.len()];
        for ev in &doc.events {
            for p in &ev.participants {
                if let Some(&i) = index.get(p.entity.as_str()) {
                    used[i] = true;
                }
            }
        }
        let mut pairs: HashMap<(usize, usize), Edge> = HashMap::default();
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
            e.events.extend(
                r.events
                    .iter()
                    .filter_map(|id| event_index.get(id.as_str())),
            );
            e.relations.push(ri);
        }
        // Who met whom follows the events too, so that edits of participants show at once.
        let mut sides: Vec<(usize, u8)> = Vec::new();
        for (ei, ev) in doc.events.iter().enumerate() {
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
            sides.clear();
            sides.extend(
                ev.participants
                    .iter()
                    .filter_map(|p| index.get(p.entity.as_str()).map(|&i| (i, side(&p.role))))
                    .filter(|&(i, _)| keep(i)),
            );
            for (x, &(a, sa)) in sides.iter().enumerate() {
                for &(b, sb) in &sides[x + 1..] {
                    if a == b || sa == sb && sa != 2 || !person[a] && !person[b] {
                        continue;
                    }
                    let k = (a.min(b), a.max(b));
                    let e = pairs.entry(k).or_insert_with(|| Edge::between(k));
                    if e.kinds.is_empty() {
                        e.kinds.push(kind.to_owned());
                    }
                    e.events.push(ei);
                }
            }
        }
        let nodes: Vec<usize> = (0..doc.entities.len())
            .filter(|&i| used[i] && keep(i))
            .collect();
        let mut pos = vec![usize::MAX; doc.entities.len()];
        for (k, &i) in nodes.iter().enumerate() {
            pos[i] = k;
        }
        let mut edges: Vec<Edge> = pairs.into_values().collect();
        // In the order of their ends, so that the same document gives the same graph.
        edges.sort_unstable_by_key(|e| (e.a, e.b));
        for e in &mut edges {
            e.a = pos[e.a];
            e.b = pos[e.b];
            e.events.sort_unstable();
            e.events.dedup();
        }
        let mut g = Self {
            nodes,
            edges,
            betweenness: vec![],
        };
        if g.nodes.len() <= BETWEENNESS_LIMIT {
            g.betweenness = g.compute_betweenness();
        }
        g
    }

    /// Degree centrality of each node: its neighbours over the most it could have (edges are
    /// aggregated, one per pair).
    pub fn degree_centrality(&self) -> Vec<f64> {
        let mut degree = vec![0usize; self.nodes.len()];
        for e in &self.edges {
            if e.a != e.b {
                degree[e.a] += 1;
                degree[e.b] += 1;
            }
        }
        let most = self.nodes.len().saturating_sub(1).max(1) as f64;
        degree.into_iter().map(|d| d as f64 / most).collect()
    }

    /// Betweenness centrality of every node (Brandes' algorithm, unweighted, undirected),
    /// normalised by the number of pairs of other nodes.
    pub fn compute_betweenness(&self) -> Vec<f64> {
        let n = self.nodes.len();
        let mut adj = vec![Vec::new(); n];
        for e in &self.edges {
            if e.a != e.b {
                adj[e.a].push(e.b);
                adj[e.b].push(e.a);
            }
        }
        let mut bc = vec![0.0f64; n];
        let mut stack = Vec::with_capacity(n);
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut sigma = vec![0.0f64; n];
        let mut dist = vec![-1i64; n];
        let mut delta = vec![0.0f64; n];
        let mut queue = std::collections::VecDeque::new();
        for s in 0..n {
            stack.clear();
            preds.iter_mut().for_each(Vec::clear);
            sigma.iter_mut().for_each(|x| *x = 0.0);
            dist.iter_mut().for_each(|x| *x = -1);
            delta.iter_mut().for_each(|x| *x = 0.0);
            sigma[s] = 1.0;
            dist[s] = 0;
            queue.push_back(s);
            while let Some(v) = queue.pop_front() {
                stack.push(v);
                for &w in &adj[v] {
                    if dist[w] < 0 {
                        dist[w] = dist[v] + 1;
                        queue.push_back(w);
                    }
                    if dist[w] == dist[v] + 1 {
                        sigma[w] += sigma[v];
                        preds[w].push(v);
                    }
                }
            }
            while let Some(w) = stack.pop() {
                for &v in &preds[w] {
                    delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
                }
                if w != s {
                    bc[w] += delta[w];
                }
            }
        }
        // Each pair was counted from both ends.
        let pairs = ((n.saturating_sub(1)) * (n.saturating_sub(2))) as f64;
        bc.iter()
            .map(|b| if pairs > 0.0 { b / pairs } else { 0.0 })
            .collect()
    }

    /// Which nodes lie within `steps` edges of node `from` (the ego network).
    pub fn within(&self, from: usize, steps: usize) -> Vec<bool> {
        let n = self.nodes.len();
        let mut adj = vec![Vec::new(); n];
        for e in &self.edges {
            adj[e.a].push(e.b);
            adj[e.b].push(e.a);
        }
        let mut dist = vec![usize::MAX; n];
        let mut queue = std::collections::VecDeque::new();
        if from < n {
            dist[from] = 0;
            queue.push_back(from);
        }
        while let Some(u) = queue.pop_front() {
            if dist[u] == steps {
                continue;
            }
            for &v in &adj[u] {
                if dist[v] == usize::MAX {
                    dist[v] = dist[u] + 1;
                    queue.push_back(v);
                }
            }
        }
        dist.into_iter().map(|d| d <= steps).collect()
    }

    /// Index in `nodes` of entity `entity`.
    pub fn node_of(&self, entity: usize) -> Option<usize> {
        // Nodes are in the order of the entities.
        self.nodes.binary_search(&entity).ok()
    }
}
