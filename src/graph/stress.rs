//! Stress majorisation (the layout of Graphviz `neato`): graph distances become drawing
//! distances as nearly as possible, each connected component on its own, the components then
//! packed side by side to fill the panel's shape, and no two nodes closer than a minimum.
//! Deterministic: the same graph always gives the same picture.

use super::Graph;

/// Drawing length of one edge.
pub const EDGE_LENGTH: f32 = 120.0;
/// No two nodes closer than this (room for a node and its name).
pub const MIN_GAP: f32 = 48.0;
/// Space between packed components.
const COMPONENT_GAP: f32 = 90.0;
const MAX_SWEEPS: usize = 400;

/// The connected components of `graph`, each a list of node indices in ascending order, the
/// largest first (ties: the one with the smallest node first).
pub fn components(graph: &Graph) -> Vec<Vec<usize>> {
    let n = graph.nodes.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for e in &graph.edges {
        let (a, b) = (find(&mut parent, e.a), find(&mut parent, e.b));
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut by_root: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for i in 0..n {
        let r = find(&mut parent, i);
        by_root.entry(r).or_default().push(i);
    }
    let mut comps: Vec<Vec<usize>> = by_root.into_values().collect();
    comps.sort_by_key(|c| (std::cmp::Reverse(c.len()), c[0]));
    comps
}

/// Lays out `graph` by stress majorisation, components packed in rows whose width suits a
/// panel of `aspect` (width / height).
pub fn stress_layout(graph: &Graph, aspect: f32) -> Vec<[f32; 2]> {
    let adj = adjacency(graph);
    let comps = components(graph);
    let local: Vec<Vec<[f32; 2]>> = comps.iter().map(|c| layout_component(c, &adj)).collect();
    let mut pos = pack(&comps, &local, graph.nodes.len(), aspect);
    separate(&mut pos, MIN_GAP);
    pos
}

/// The neighbours of each node (loops left out).
pub(crate) fn adjacency(graph: &Graph) -> Vec<Vec<usize>> {
    let mut adj = vec![Vec::new(); graph.nodes.len()];
    for e in &graph.edges {
        if e.a != e.b {
            adj[e.a].push(e.b);
            adj[e.b].push(e.a);
        }
    }
    adj
}

/// Places components laid out on their own (`local[c]` for the nodes `comps[c]`) side by side:
/// shelf packing, rows as wide as a panel of `aspect` asks for the total area.
pub(crate) fn pack(
    comps: &[Vec<usize>],
    local: &[Vec<[f32; 2]>],
    n: usize,
    aspect: f32,
) -> Vec<[f32; 2]> {
    let mut pos = vec![[0.0f32; 2]; n];
    let mut boxes = Vec::with_capacity(comps.len());
    for (comp, local) in comps.iter().zip(local) {
        let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
        for p in local {
            for d in 0..2 {
                lo[d] = lo[d].min(p[d]);
                hi[d] = hi[d].max(p[d]);
            }
        }
        for (&i, p) in comp.iter().zip(local) {
            pos[i] = [p[0] - lo[0], p[1] - lo[1]];
        }
        boxes.push([hi[0] - lo[0], hi[1] - lo[1]]);
    }
    let area: f32 = boxes
        .iter()
        .map(|b| (b[0] + COMPONENT_GAP) * (b[1] + COMPONENT_GAP))
        .sum();
    let widest = boxes.iter().map(|b| b[0]).fold(0.0, f32::max);
    let row_width = (area * aspect.max(0.2)).sqrt().max(widest);
    let (mut x, mut y, mut row_h) = (0.0f32, 0.0f32, 0.0f32);
    for (comp, b) in comps.iter().zip(&boxes) {
        if x > 0.0 && x + b[0] > row_width {
            x = 0.0;
            y += row_h + COMPONENT_GAP;
            row_h = 0.0;
        }
        for &i in comp {
            pos[i][0] += x;
            pos[i][1] += y;
        }
        x += b[0] + COMPONENT_GAP;
        row_h = row_h.max(b[1]);
    }
    pos
}

/// Stress majorisation of one component (localised SMACOF, weights 1/d²), from a circle in
/// breadth-first order around its best-connected node.
pub(crate) fn layout_component(comp: &[usize], adj: &[Vec<usize>]) -> Vec<[f32; 2]> {
    let m = comp.len();
    if m == 1 {
        return vec![[0.0, 0.0]];
    }
    let local: std::collections::HashMap<usize, usize> =
        comp.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    // All-pairs graph distances by breadth-first search.
    let mut dist = vec![0u32; m * m];
    for s in 0..m {
        let row = &mut dist[s * m..(s + 1) * m];
        row.iter_mut().for_each(|d| *d = u32::MAX);
        row[s] = 0;
        let mut queue = std::collections::VecDeque::from([s]);
        while let Some(u) = queue.pop_front() {
            for &v in &adj[comp[u]] {
                let v = local[&v];
                if row[v] == u32::MAX {
                    row[v] = row[u] + 1;
                    queue.push_back(v);
                }
            }
        }
    }
    // Start: a circle, nodes in breadth-first order from the node of highest degree.
    let hub = (0..m)
        .max_by_key(|&k| (adj[comp[k]].len(), std::cmp::Reverse(k)))
        .unwrap_or(0);
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by_key(|&k| (dist[hub * m + k], k));
    let radius = EDGE_LENGTH * m as f32 / std::f32::consts::TAU * 1.2;
    let mut pos = vec![[0.0f32; 2]; m];
    for (rank, &k) in order.iter().enumerate() {
        let a = rank as f32 / m as f32 * std::f32::consts::TAU;
        pos[k] = [radius * a.cos(), radius * a.sin()];
    }
    for _ in 0..MAX_SWEEPS {
        let mut moved = 0.0f32;
        for i in 0..m {
            let (mut sx, mut sy, mut sw) = (0.0f32, 0.0f32, 0.0f32);
            for j in 0..m {
                if i == j {
                    continue;
                }
                let d = dist[i * m + j] as f32 * EDGE_LENGTH;
                let w = 1.0 / (d * d);
                let dx = pos[i][0] - pos[j][0];
                let dy = pos[i][1] - pos[j][1];
                let len = (dx * dx + dy * dy).sqrt().max(1e-3);
                sx += w * (pos[j][0] + d * dx / len);
                sy += w * (pos[j][1] + d * dy / len);
                sw += w;
            }
            let new = [sx / sw, sy / sw];
            moved = moved.max((new[0] - pos[i][0]).abs() + (new[1] - pos[i][1]).abs());
            pos[i] = new;
        }
        if moved < 0.05 {
            break;
        }
    }
    pos
}

/// Pushes apart nodes closer than `gap`, a little at a time, until none is.
pub fn separate(pos: &mut [[f32; 2]], gap: f32) {
    let n = pos.len();
    for _ in 0..200 {
        let mut any = false;
        // A grid of cells as wide as the gap: only neighbouring cells can be too close.
        let cell = |p: [f32; 2]| ((p[0] / gap).floor() as i64, (p[1] / gap).floor() as i64);
        let mut grid: crate::hash::FastMap<(i64, i64), Vec<usize>> = Default::default();
        for (i, p) in pos.iter().enumerate() {
            grid.entry(cell(*p)).or_default().push(i);
        }
        for i in 0..n {
            let (cx, cy) = cell(pos[i]);
            for gx in cx - 1..=cx + 1 {
                for gy in cy - 1..=cy + 1 {
                    let Some(others) = grid.get(&(gx, gy)) else {
                        continue;
                    };
                    for &j in others {
                        if j <= i {
                            continue;
                        }
                        let dx = pos[j][0] - pos[i][0];
                        let dy = pos[j][1] - pos[i][1];
                        let d = (dx * dx + dy * dy).sqrt();
                        if d >= gap {
                            continue;
                        }
                        any = true;
                        // Coincident nodes part along a direction fixed by their indices.
                        let (ux, uy) = if d < 1e-3 {
                            let a = (i * 7 + j * 13) as f32;
                            (a.cos(), a.sin())
                        } else {
                            (dx / d, dy / d)
                        };
                        let push = (gap - d) / 2.0 + 0.01;
                        pos[i][0] -= ux * push;
                        pos[i][1] -= uy * push;
                        pos[j][0] += ux * push;
                        pos[j][1] += uy * push;
                    }
                }
            }
        }
        if !any {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Edge;

    fn graph(n: usize, edges: &[(usize, usize)]) -> Graph {
        Graph {
            nodes: (0..n).collect(),
            edges: edges
                .iter()
                .map(|&(a, b)| Edge {
                    a,
                    b,
                    kinds: vec!["met".into()],
                    events: vec![],
                    relations: vec![],
                })
                .collect(),
            betweenness: vec![],
        }
    }

    #[test]
    fn betweenness_counts_shortest_paths_through_a_node() {
        // A path 0–1–2–3: node 1 lies on 2 of the 3 pairs of the others.
        let g = graph(4, &[(0, 1), (1, 2), (2, 3)]);
        let b = g.compute_betweenness();
        assert!((b[1] - 2.0 / 3.0).abs() < 1e-9, "{b:?}");
        assert_eq!(b[0], 0.0);
        // A star: the centre is on every path.
        let g = graph(5, &[(0, 1), (0, 2), (0, 3), (0, 4)]);
        let b = g.compute_betweenness();
        assert!((b[0] - 1.0).abs() < 1e-9 && b[1] == 0.0, "{b:?}");
        // A square: two equal paths share each pair.
        let g = graph(4, &[(0, 1), (1, 2), (2, 3), (3, 0)]);
        let b = g.compute_betweenness();
        assert!(b.iter().all(|x| (x - 1.0 / 6.0).abs() < 1e-9), "{b:?}");
    }

    #[test]
    fn an_ego_network_reaches_as_many_steps_as_asked() {
        let g = graph(5, &[(0, 1), (1, 2), (2, 3)]);
        assert_eq!(g.within(0, 1), [true, true, false, false, false]);
        assert_eq!(g.within(0, 2), [true, true, true, false, false]);
        assert_eq!(g.within(4, 2), [false, false, false, false, true]);
    }

    fn dist(p: [f32; 2], q: [f32; 2]) -> f32 {
        ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2)).sqrt()
    }

    #[test]
    fn a_path_is_drawn_straight_with_even_edges() {
        let g = graph(4, &[(0, 1), (1, 2), (2, 3)]);
        let p = stress_layout(&g, 1.5);
        for (a, b) in [(0, 1), (1, 2), (2, 3)] {
            assert!((dist(p[a], p[b]) - EDGE_LENGTH).abs() < 6.0, "{p:?}");
        }
        assert!((dist(p[0], p[3]) - 3.0 * EDGE_LENGTH).abs() < 12.0, "{p:?}");
    }

    #[test]
    fn components_sit_side_by_side_and_nothing_overlaps() {
        let g = graph(7, &[(0, 1), (1, 2), (2, 0), (3, 4), (5, 5)]);
        assert_eq!(
            components(&g),
            vec![vec![0, 1, 2], vec![3, 4], vec![5], vec![6]]
        );
        let p = stress_layout(&g, 1.5);
        for i in 0..7 {
            for j in i + 1..7 {
                assert!(dist(p[i], p[j]) >= MIN_GAP - 0.1, "{i} {j}: {p:?}");
            }
        }
        assert_eq!(p, stress_layout(&g, 1.5), "deterministic");
    }
}
