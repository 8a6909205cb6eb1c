//! Barnes–Hut approximation of the all-pairs repulsion of a force layout: a quadtree of the
//! nodes, far groups of nodes acting as one body at their centre of mass. O(n log n) a step
//! instead of O(n²).

/// Opening criterion: a cell acts as one body when its width is below this share of its distance.
const THETA: f32 = 0.8;

/// Deeper than this, coincident nodes share a leaf.
const MAX_DEPTH: u32 = 24;

/// A square of the quadtree.
#[derive(Clone, Copy)]
struct Cell {
    centre: [f32; 2],
    half: f32,
    /// Number of nodes inside.
    mass: f32,
    /// Sum of their positions.
    sum: [f32; 2],
    /// Children (index into the arena; 0 for none: the root is never a child).
    children: [u32; 4],
    /// The one node of a leaf, or `u32::MAX` for an inner cell.
    body: u32,
}

impl Cell {
    fn empty(centre: [f32; 2], half: f32) -> Self {
        Self {
            centre,
            half,
            mass: 0.0,
            sum: [0.0; 2],
            children: [0; 4],
            body: u32::MAX,
        }
    }

    fn quadrant(&self, p: [f32; 2]) -> usize {
        usize::from(p[0] >= self.centre[0]) + 2 * usize::from(p[1] >= self.centre[1])
    }

    fn child_centre(&self, q: usize) -> [f32; 2] {
        let h = self.half / 2.0;
        let dx = if q & 1 == 1 { h } else { -h };
        let dy = if q & 2 == 2 { h } else { -h };
        [self.centre[0] + dx, self.centre[1] + dy]
    }
}

/// For each node, the sum over all other nodes of `(p_i - p_j) · kk / |p_i - p_j|²`
/// (Fruchterman–Reingold repulsion), far groups approximated by their centre of mass.
pub(crate) fn repulsion(pos: &[[f32; 2]], kk: f32) -> Vec<[f32; 2]> {
    let tree = build(pos);
    let mut stack = Vec::with_capacity(64);
    pos.iter()
        .enumerate()
        .map(|(i, &p)| force_on(&tree, &mut stack, i as u32, p, kk))
        .collect()
}

fn build(pos: &[[f32; 2]]) -> Vec<Cell> {
    let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
    for p in pos {
        for a in 0..2 {
            lo[a] = lo[a].min(p[a]);
            hi[a] = hi[a].max(p[a]);
        }
    }
    let half = ((hi[0] - lo[0]).max(hi[1] - lo[1]) / 2.0).max(1.0) * 1.001;
    let centre = [(lo[0] + hi[0]) / 2.0, (lo[1] + hi[1]) / 2.0];
    let mut cells = vec![Cell::empty(centre, half)];
    for (i, &p) in pos.iter().enumerate() {
        insert(&mut cells, pos, i as u32, p);
    }
    cells
}

fn insert(cells: &mut Vec<Cell>, pos: &[[f32; 2]], body: u32, p: [f32; 2]) {
    let mut at = 0usize;
    let mut depth = 0;
    loop {
        let cell = &mut cells[at];
        cell.mass += 1.0;
        cell.sum[0] += p[0];
        cell.sum[1] += p[1];
        if cell.mass == 1.0 {
            cell.body = body;
            return;
        }
        if depth >= MAX_DEPTH {
            // Coincident nodes: the leaf keeps its first node and counts the rest.
            return;
        }
        if cell.body != u32::MAX {
            // A leaf becomes an inner cell: its node moves down a level.
            let old = cell.body;
            cell.body = u32::MAX;
            let q = cell.quadrant(pos[old as usize]);
            let child = Cell::empty(cell.child_centre(q), cell.half / 2.0);
            let index = cells.len() as u32;
            cells.push(child);
            cells[at].children[q] = index;
            let c = &mut cells[index as usize];
            c.mass = 1.0;
            c.sum = pos[old as usize];
            c.body = old;
        }
        let q = cells[at].quadrant(p);
        let next = match cells[at].children[q] {
            0 => {
                let child = Cell::empty(cells[at].child_centre(q), cells[at].half / 2.0);
                cells.push(child);
                let index = cells.len() - 1;
                cells[at].children[q] = index as u32;
                index
            }
            c => c as usize,
        };
        at = next;
        depth += 1;
    }
}

fn force_on(cells: &[Cell], stack: &mut Vec<usize>, body: u32, p: [f32; 2], kk: f32) -> [f32; 2] {
    let mut f = [0.0f32; 2];
    stack.clear();
    stack.push(0);
    while let Some(at) = stack.pop() {
        let cell = &cells[at];
        if cell.mass == 0.0 || cell.body == body && cell.mass == 1.0 {
            continue;
        }
        let com = [cell.sum[0] / cell.mass, cell.sum[1] / cell.mass];
        let dx = p[0] - com[0];
        let dy = p[1] - com[1];
        let d2 = (dx * dx + dy * dy).max(0.01);
        let leaf = cell.body != u32::MAX;
        if leaf || (2.0 * cell.half) * (2.0 * cell.half) < THETA * THETA * d2 {
            // A leaf that holds this node among coincident ones acts with the others only.
            let mass = if leaf && cell.body == body {
                cell.mass - 1.0
            } else {
                cell.mass
            };
            let s = mass * kk / d2;
            f[0] += dx * s;
            f[1] += dy * s;
        } else {
            stack.extend(
                cell.children
                    .iter()
                    .filter(|&&c| c != 0)
                    .map(|&c| c as usize),
            );
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(pos: &[[f32; 2]], kk: f32) -> Vec<[f32; 2]> {
        (0..pos.len())
            .map(|i| {
                let mut f = [0.0f32; 2];
                for j in 0..pos.len() {
                    if i != j {
                        let dx = pos[i][0] - pos[j][0];
                        let dy = pos[i][1] - pos[j][1];
                        let s = kk / (dx * dx + dy * dy).max(0.01);
                        f[0] += dx * s;
                        f[1] += dy * s;
                    }
                }
                f
            })
            .collect()
    }

    #[test]
    fn the_approximation_stays_close_to_the_exact_sum() {
        // A scattered cloud of 500 points (a fixed pseudo-random sequence).
        let mut x = 12345u32;
        let mut next = || {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 8) as f32 / (1u32 << 24) as f32 * 1000.0
        };
        let pos: Vec<[f32; 2]> = (0..500).map(|_| [next(), next()]).collect();
        let (a, b) = (repulsion(&pos, 100.0), exact(&pos, 100.0));
        let mut err = 0.0;
        let mut total = 0.0;
        for (u, v) in a.iter().zip(&b) {
            err += ((u[0] - v[0]).powi(2) + (u[1] - v[1]).powi(2)).sqrt();
            total += (v[0].powi(2) + v[1].powi(2)).sqrt();
        }
        assert!(err / total < 0.05, "relative error {}", err / total);
    }

    #[test]
    fn coincident_nodes_push_each_other_and_nothing_is_lost() {
        let pos = vec![[5.0, 5.0], [5.0, 5.0], [5.0, 5.0], [100.0, 5.0]];
        let f = repulsion(&pos, 1.0);
        assert!(f[3][0] > 0.0, "the far node is pushed away from the three");
        let tree = build(&pos);
        assert_eq!(tree[0].mass, 4.0);
    }
}
