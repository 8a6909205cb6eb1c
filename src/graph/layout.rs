//! Layouts of the relationship graph, computed step by step: stress majorisation for graphs of
//! up to a few hundred nodes, a Barnes–Hut force layout beyond. Deterministic: the same graph
//! always gives the same picture, however the steps are spread over frames or threads.

use super::{Graph, barnes_hut, stress};

/// Graphs up to this many nodes are laid out by stress majorisation; larger ones by a force
/// layout.
pub const STRESS_LIMIT: usize = 300;

/// Graphs up to this many nodes are laid out at once, within a frame (a few milliseconds);
/// larger ones start on a circle and settle in a [`super::LayoutWorker`].
pub const INLINE_LIMIT: usize = 60;

/// Iterations of the force layout.
const FORCE_ITERATIONS: usize = 300;

/// Positions for the nodes of `graph`, the layout run to its end; no two nodes closer than
/// [`stress::MIN_GAP`].
pub fn force_layout(graph: &Graph) -> Vec<[f32; 2]> {
    let mut run = LayoutRun::new(graph);
    while !run.step(graph) {}
    run.pos
}

/// A layout computed step by step, so that a window can draw the graph at once and let it
/// settle. The steps, and so the final picture, are the same however they are spread.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutRun {
    /// Positions so far.
    pub pos: Vec<[f32; 2]>,
    /// The panel the finished layout is fitted to: its size and the least distance between
    /// node centres there (screen units).
    panel: Option<([f32; 2], f32)>,
    method: Method,
    aspect: f32,
    done: usize,
    iterations: usize,
}

/// How the positions are found.
#[derive(Clone, Debug, PartialEq)]
enum Method {
    /// Stress majorisation of every component, in one step.
    Stress,
    /// Each connected component on its own, packed side by side: the small ones by stress
    /// majorisation (the first step), the large ones by a force layout (the others).
    Parts(Vec<Part>),
}

/// One connected component of a large graph.
#[derive(Clone, Debug, PartialEq)]
struct Part {
    /// Its nodes (indices into `Graph::nodes`), ascending.
    nodes: Vec<usize>,
    /// Their positions, in the part's own frame.
    pos: Vec<[f32; 2]>,
    /// Its edges between local indices, with their weights.
    edges: Vec<(usize, usize, f32)>,
    /// The neighbours of each node, by local index.
    adj: Vec<Vec<usize>>,
    /// The force layout's state, for a part larger than [`STRESS_LIMIT`].
    force: Option<Cooling>,
}

/// Fruchterman–Reingold's ideal distance and temperature.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Cooling {
    k: f32,
    temp: f32,
    cool: f32,
}

impl LayoutRun {
    /// A layout for a panel about 1.4 times as wide as high.
    pub fn new(graph: &Graph) -> Self {
        Self::with_aspect(graph, 1.4)
    }

    /// A layout for a panel of `aspect` (width / height). Graphs up to [`INLINE_LIMIT`] nodes
    /// are laid out at once (components side by side); larger ones start with each component
    /// on a circle, no step done.
    pub fn with_aspect(graph: &Graph, aspect: f32) -> Self {
        let n = graph.nodes.len();
        let mut run = if n <= STRESS_LIMIT {
            Self {
                pos: circle(n, 110.0 * (n as f32).sqrt().max(2.0)),
                panel: None,
                method: Method::Stress,
                aspect,
                done: 0,
                iterations: 1,
            }
        } else {
            let parts = parts(graph);
            let big = parts.iter().any(|p| p.force.is_some());
            let mut run = Self {
                pos: vec![],
                panel: None,
                method: Method::Parts(parts),
                aspect,
                done: 0,
                iterations: 1 + if big { FORCE_ITERATIONS } else { 0 },
            };
            run.pack();
            run
        };
        if n <= INLINE_LIMIT {
            while !run.step(graph) {}
        }
        run
    }

    /// Fits the finished layout to a panel of `size` (screen units) where node centres must be
    /// `min_distance` apart: the nodes that would be closer at the scale that fits are parted
    /// (a few rounds, since parting widens the picture). Done on the layout's thread, so that a
    /// window does not spend a frame on it.
    pub fn fitting(mut self, size: [f32; 2], min_distance: f32) -> Self {
        self.panel = Some((size, min_distance));
        if self.is_done() {
            part_for_panel(&mut self.pos, size, min_distance);
        }
        self
    }

    /// Whether every step is done.
    pub fn is_done(&self) -> bool {
        self.done >= self.iterations
    }

    /// Share of the steps done, from 0 to 1.
    pub fn progress(&self) -> f32 {
        self.done as f32 / self.iterations.max(1) as f32
    }

    /// Whether [`Self::step`] reads the graph (a graph large enough to be laid out in parts
    /// carries what it needs).
    pub fn needs_graph(&self) -> bool {
        matches!(self.method, Method::Stress)
    }

    /// One step; true when the layout is finished.
    pub fn step(&mut self, graph: &Graph) -> bool {
        if self.is_done() {
            return true;
        }
        match &mut self.method {
            Method::Stress => self.pos = stress::stress_layout(graph, self.aspect),
            Method::Parts(parts) => {
                if self.done == 0 {
                    for p in parts.iter_mut().filter(|p| p.force.is_none()) {
                        let all: Vec<usize> = (0..p.nodes.len()).collect();
                        p.pos = stress::layout_component(&all, &p.adj);
                    }
                } else {
                    for p in parts.iter_mut() {
                        if let Some(c) = &mut p.force {
                            force_step(&p.edges, &mut p.pos, c.k, c.temp);
                            c.temp = (c.temp - c.cool).max(1.0);
                        }
                    }
                }
                self.pack();
            }
        }
        self.done += 1;
        if self.is_done() && matches!(self.method, Method::Parts(_)) {
            stress::separate(&mut self.pos, stress::MIN_GAP);
        }
        if self.is_done()
            && let Some((size, min_distance)) = self.panel
        {
            part_for_panel(&mut self.pos, size, min_distance);
        }
        self.is_done()
    }

    /// Positions of the whole graph from those of its parts.
    fn pack(&mut self) {
        if let Method::Parts(parts) = &self.method {
            let comps: Vec<Vec<usize>> = parts.iter().map(|p| p.nodes.clone()).collect();
            let local: Vec<Vec<[f32; 2]>> = parts.iter().map(|p| p.pos.clone()).collect();
            let n = comps.iter().map(Vec::len).sum();
            self.pos = stress::pack(&comps, &local, n, self.aspect);
        }
    }
}

/// The one scale (screen units per layout unit) that fits `pos` into a panel of `size`.
fn fit_scale(pos: &[[f32; 2]], size: [f32; 2]) -> f32 {
    let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
    for p in pos {
        for a in 0..2 {
            lo[a] = lo[a].min(p[a]);
            hi[a] = hi[a].max(p[a]);
        }
    }
    let sx = size[0] / (hi[0] - lo[0]).max(1.0);
    let sy = size[1] / (hi[1] - lo[1]).max(1.0);
    sx.min(sy).clamp(0.05, 4.0)
}

/// Parts nodes that would be closer than `min_distance` on screen once `pos` is fitted to a
/// panel of `size`, and fits again, up to five rounds.
fn part_for_panel(pos: &mut [[f32; 2]], size: [f32; 2], min_distance: f32) {
    // A panel with no room (collapsed, or a first frame) tells nothing about the scale.
    if size[0] < 1.0 || size[1] < 1.0 {
        return;
    }
    for _ in 0..5 {
        let scale = fit_scale(pos, size);
        let before = pos.to_vec();
        stress::separate(pos, min_distance / scale);
        if pos == before.as_slice() {
            break;
        }
    }
}

/// The connected components of `graph` as parts, each on a circle.
fn parts(graph: &Graph) -> Vec<Part> {
    let comps = stress::components(graph);
    let mut local_of = vec![(0usize, 0usize); graph.nodes.len()];
    for (c, comp) in comps.iter().enumerate() {
        for (k, &i) in comp.iter().enumerate() {
            local_of[i] = (c, k);
        }
    }
    let mut edges = vec![Vec::new(); comps.len()];
    for e in &graph.edges {
        let ((c, a), (_, b)) = (local_of[e.a], local_of[e.b]);
        if a != b {
            edges[c].push((a, b, e.weight()));
        }
    }
    comps
        .into_iter()
        .zip(edges)
        .map(|(nodes, edges)| {
            let m = nodes.len();
            let mut adj = vec![Vec::new(); m];
            for &(a, b, _) in &edges {
                adj[a].push(b);
                adj[b].push(a);
            }
            let side = 110.0 * (m as f32).sqrt().max(2.0);
            let force = (m > STRESS_LIMIT).then(|| {
                let temp = side * 0.1;
                Cooling {
                    k: side / (m as f32).sqrt() * 1.5,
                    temp,
                    cool: temp / (FORCE_ITERATIONS as f32 + 1.0),
                }
            });
            Part {
                pos: circle(m, side),
                nodes,
                edges,
                adj,
                force,
            }
        })
        .collect()
}

/// `n` points on a circle about `side` across, the start of every large layout.
fn circle(n: usize, side: f32) -> Vec<[f32; 2]> {
    (0..n)
        .map(|i| {
            let a = i as f32 / n as f32 * std::f32::consts::TAU;
            let r = side * 0.4 * (1.0 + 0.1 * (i % 3) as f32);
            [r * a.cos(), r * a.sin()]
        })
        .collect()
}

/// One Fruchterman–Reingold iteration over one connected part: repulsion k²/d between all
/// nodes (Barnes–Hut), attraction d²/k along `edges` (local indices, weight), a weak pull to
/// the centre, moves capped at `temp`.
fn force_step(edges: &[(usize, usize, f32)], pos: &mut [[f32; 2]], k: f32, temp: f32) {
    let mut disp = barnes_hut::repulsion(pos, k * k);
    for &(i, j, weight) in edges {
        let dx = pos[i][0] - pos[j][0];
        let dy = pos[i][1] - pos[j][1];
        let d = (dx * dx + dy * dy).sqrt().max(0.1);
        let f = d / k * (0.6 + 0.2 * weight.min(5.0));
        disp[i][0] -= dx * f;
        disp[i][1] -= dy * f;
        disp[j][0] += dx * f;
        disp[j][1] += dy * f;
    }
    for (p, d) in pos.iter_mut().zip(&mut disp) {
        d[0] -= p[0] * 0.02;
        d[1] -= p[1] * 0.02;
        let l = (d[0] * d[0] + d[1] * d[1]).sqrt().max(1e-6);
        let step = l.min(temp);
        p[0] += d[0] / l * step;
        p[1] += d[1] / l * step;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Edge;

    fn ring(n: usize) -> Graph {
        let edges = (0..n)
            .map(|i| Edge {
                a: i,
                b: (i + 1) % n,
                kinds: vec!["met".into()],
                events: vec![0],
                relations: vec![],
            })
            .collect();
        Graph {
            nodes: (0..n).collect(),
            edges,
            betweenness: vec![],
        }
    }

    #[test]
    fn small_graphs_are_laid_out_at_once_large_ones_step_by_step() {
        let small = LayoutRun::new(&ring(INLINE_LIMIT));
        assert!(small.is_done());
        let g = ring(STRESS_LIMIT + 50);
        let mut run = LayoutRun::new(&g);
        assert!(!run.is_done());
        assert_eq!(run.progress(), 0.0);
        run.step(&g);
        assert!(run.progress() > 0.0 && run.progress() < 1.0);
    }

    #[test]
    fn the_force_layout_is_the_same_every_run_and_parts_every_node() {
        let g = ring(400);
        let a = force_layout(&g);
        assert_eq!(a, force_layout(&g));
        for i in 0..a.len() {
            for j in i + 1..a.len() {
                let d = ((a[i][0] - a[j][0]).powi(2) + (a[i][1] - a[j][1]).powi(2)).sqrt();
                assert!(d >= stress::MIN_GAP * 0.99, "{i} and {j} are {d} apart");
            }
        }
    }

    #[test]
    fn a_ring_settles_into_a_loop_not_a_knot() {
        // Neighbours on the ring end up much closer than the ring is wide.
        let g = ring(400);
        let p = force_layout(&g);
        let dist =
            |i: usize, j: usize| ((p[i][0] - p[j][0]).powi(2) + (p[i][1] - p[j][1]).powi(2)).sqrt();
        let neighbour: f32 = (0..400).map(|i| dist(i, (i + 1) % 400)).sum::<f32>() / 400.0;
        let across: f32 = (0..200).map(|i| dist(i, i + 200)).sum::<f32>() / 200.0;
        assert!(
            across > 4.0 * neighbour,
            "neighbours {neighbour}, across {across}"
        );
    }
}
