//! The relationship panel: actors as nodes (shape by kind, colour by country), relations as
//! labelled edges weighted by shared events; pan, zoom, drag, click to select.

use egui::{Align2, Color32, Pos2, Rect, Stroke, Vec2, pos2, vec2};

use super::bitmap::{Bitmap, DenseLayer};
use super::style::{ACCENT, actor_shape, country_color, faded, kind_color};
use super::{Action, ViewState};
use crate::selection::Selection;
use crate::text::paint_label;

/// The panel's own state between frames.
#[derive(Debug)]
pub struct RelationsState {
    /// Node positions in graph coordinates (same order as `Graph::nodes`).
    pub pos: Vec<[f32; 2]>,
    /// Graph point shown at the centre of the panel.
    pub center: Vec2,
    /// Screen points per graph unit, per axis (a fit stretches the graph to the panel's shape).
    pub scale: Vec2,
    /// Fit the whole graph on the next frame.
    pub fit_request: bool,
    /// Screen position of each node last frame: (entity index, centre).
    pub screen: Vec<(usize, Pos2)>,
    /// Hit rects of the nodes drawn last frame: (node, entity, rect).
    pub hits: Vec<(usize, usize, Rect)>,
    /// The node being dragged.
    pub dragging: Option<usize>,
    /// Bumped when a node moves (caches compare it).
    pub pos_version: u64,
    /// The mesh and labels of a crowded graph, with the key of the view they were made for.
    pub crowded_cache: Option<CrowdedCache>,
    /// Where each node's name was placed last frame: (node index, rect); names that found no
    /// free place are not listed (hovering the node shows them).
    pub names: Vec<(usize, Rect)>,
    /// Nodes sized by their centrality (betweenness, or degree for large graphs).
    pub size_by_centrality: bool,
    /// Show only the selected actor's neighbourhood, this many steps out (0: everything).
    pub ego: usize,
    /// The (node, steps) of the neighbourhood shown last frame, if any.
    pub ego_shown: Option<(usize, usize)>,
    /// The nodes of that neighbourhood, with the (node, steps, document generation) they are for.
    pub ego_mask: Option<((usize, usize, u64), Vec<bool>)>,
    /// The layout still settling on its own thread.
    pub layout: Option<crate::graph::LayoutWorker>,
    /// Finish a layout at once instead of over frames (pictures for export).
    pub settle_now: bool,
    /// Keep the graph fitted to the panel while its layout settles (until the user pans or
    /// zooms).
    pub auto_fit: bool,
}

/// Key, plain layer, highlighted layer and labels (position, name) of a crowded graph.
pub type CrowdedCache = (
    u64,
    Option<DenseLayer>,
    std::sync::Arc<egui::Mesh>,
    Vec<(Pos2, String)>,
);

impl Default for RelationsState {
    fn default() -> Self {
        Self {
            pos: vec![],
            center: Vec2::ZERO,
            scale: Vec2::splat(1.0),
            fit_request: true,
            screen: vec![],
            hits: vec![],
            dragging: None,
            pos_version: 0,
            crowded_cache: None,
            names: vec![],
            ego: 0,
            size_by_centrality: false,
            ego_shown: None,
            ego_mask: None,
            layout: None,
            settle_now: false,
            auto_fit: true,
        }
    }
}

const R: f32 = 9.0;

/// Room kept around a fitted graph for the names (each side).
const FIT_MARGIN: Vec2 = vec2(70.0, 30.0);

/// Graphs with more edges label only the edges of the selection.
const EDGE_LABEL_LIMIT: usize = 40;

/// Radius of each node: `R`, or from 0.7 R to 1.6 R by centrality (betweenness where it is
/// computed, else degree) relative to the most central node.
pub fn node_radii(graph: &crate::graph::Graph, by_centrality: bool) -> Vec<f32> {
    if !by_centrality {
        return vec![R; graph.nodes.len()];
    }
    let c = if graph.betweenness.len() == graph.nodes.len() {
        graph.betweenness.clone()
    } else {
        graph.degree_centrality()
    };
    let most = c.iter().copied().fold(0.0f64, f64::max).max(1e-9);
    c.iter()
        .map(|v| R * (0.7 + 0.9 * (v / most) as f32))
        .collect()
}

/// Takes the positions the settling layout has found since the last frame (for a picture,
/// waits for the last ones).
fn settle(st: &mut RelationsState) {
    let Some(worker) = &mut st.layout else {
        return;
    };
    if st.settle_now {
        while !worker.is_done() {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
    }
    let done = worker.is_done();
    if let Some(pos) = worker.take() {
        st.pos = pos;
        st.pos_version += 1;
        if st.auto_fit {
            st.fit_request = true;
        }
    }
    if done {
        st.layout = None;
    }
}

/// How central node `k` is: its betweenness, else its number of links.
fn centrality(graph: &crate::graph::Graph, k: usize) -> f64 {
    graph
        .betweenness
        .get(k)
        .copied()
        .unwrap_or_else(|| graph.edges.iter().filter(|e| e.a == k || e.b == k).count() as f64)
}

/// The node nearest to `from` in direction `dir` (screen axes, y down) among the `allowed`
/// ones: within 60° of the direction, a node straight ahead is preferred to a nearer one
/// off to the side.
pub fn nearest_in_direction(
    pos: &[[f32; 2]],
    from: usize,
    dir: [f32; 2],
    allowed: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let o = pos[from];
    (0..pos.len())
        .filter(|&k| k != from && allowed(k))
        .filter_map(|k| {
            let d = [pos[k][0] - o[0], pos[k][1] - o[1]];
            let len = (d[0] * d[0] + d[1] * d[1]).sqrt().max(1e-6);
            let cos = (d[0] * dir[0] + d[1] * dir[1]) / len;
            (cos > 0.5).then_some((k, len * (1.0 + 2.0 * (1.0 - cos))))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(k, _)| k)
}

/// Shows the graph; returns a selection when a node is clicked. Text keeps its size at every
/// zoom: only positions are scaled.
pub fn show(ui: &mut egui::Ui, vs: &ViewState<'_>, st: &mut RelationsState) -> Option<Action> {
    let mut action = None;
    let graph = vs.graph;
    if graph.nodes.is_empty() {
        ui.centered_and_justified(|ui| ui.label(super::tr::t(ui, "graph-empty")));
        return None;
    }
    if st.pos.len() != graph.nodes.len() {
        let size = ui.available_size();
        let aspect = (size.x / size.y.max(1.0)).clamp(0.5, 3.0);
        let avail = ui.available_rect_before_wrap().shrink2(FIT_MARGIN).size();
        let min_distance = 2.0
            * node_radii(graph, st.size_by_centrality)
                .into_iter()
                .fold(R, f32::max)
            + 3.0;
        let mut run = crate::graph::LayoutRun::with_aspect(graph, aspect)
            .fitting([avail.x, avail.y], min_distance);
        if st.settle_now {
            while !run.step(graph) {}
        }
        st.pos.clone_from(&run.pos);
        // The first frame shows the starting positions at once; a large layout settles on
        // its own thread and asks for a frame whenever it has new positions.
        st.layout = (!run.is_done()).then(|| {
            let ctx = ui.ctx().clone();
            crate::graph::LayoutWorker::spawn(graph, run, move || ctx.request_repaint())
        });
        st.auto_fit = true;
        st.fit_request = true;
    } else {
        settle(st);
    }
    let (rect, bg) = ui.allocate_exact_size(ui.available_size(), egui::Sense::click_and_drag());
    super::set_focus_target(ui.ctx(), super::Panel::Relations, bg.id);
    bg.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Figure,
            true,
            vs.locale().f(
                "graph-description",
                &[
                    ("actors", graph.nodes.len().into()),
                    ("links", graph.edges.len().into()),
                ],
            ),
        )
    });
    let radius = node_radii(graph, st.size_by_centrality);
    let largest = radius.iter().copied().fold(R, f32::max);
    // The ego view: with an actor selected, only its neighbourhood is drawn, and fitted.
    let ego_of = match vs.selection {
        Selection::Entity(k) if st.ego > 0 => graph.node_of(k).map(|n| (n, st.ego)),
        _ => None,
    };
    if ego_of != st.ego_shown {
        st.ego_shown = ego_of;
        st.fit_request = true;
    }
    // The neighbourhood is found once per selection, steps and document, not every frame.
    let ego_key = ego_of.map(|(n, steps)| (n, steps, vs.generation));
    if st.ego_mask.as_ref().map(|m| m.0) != ego_key {
        st.ego_mask = ego_key.map(|k| (k, graph.within(k.0, k.1)));
    }
    let ego = st.ego_mask.as_ref().map(|m| m.1.clone());
    let shown_node = |k: usize| ego.as_ref().is_none_or(|m| m[k]);
    if st.fit_request {
        // Fit; once the layout is still, part nodes that would touch at this scale, and fit
        // again (a few rounds: parting widens the picture).
        for round in 0..6 {
            let mut b = Rect::NOTHING;
            for (k, p) in st.pos.iter().enumerate() {
                if shown_node(k) {
                    b.extend_with(pos2(p[0], p[1]));
                }
            }
            st.center = b.center().to_vec2();
            let avail = rect.shrink2(FIT_MARGIN);
            // One scale for both axes: the layout's distances mean something.
            let sx = avail.width() / b.width().max(1.0);
            let sy = avail.height() / b.height().max(1.0);
            st.scale = Vec2::splat(sx.min(sy).clamp(0.05, 4.0));
            // A large layout was parted for the panel on its own thread: no frame waits for it.
            if st.layout.is_some() || round == 5 || graph.nodes.len() > crate::graph::STRESS_LIMIT {
                break;
            }
            let before = st.pos.clone();
            crate::graph::stress::separate(&mut st.pos, (2.0 * largest + 3.0) / st.scale.x);
            if st.pos == before {
                break;
            }
            st.pos_version += 1;
        }
        st.fit_request = false;
    }
    bg.context_menu(|ui| {
        if ui.button(super::tr::t(ui, "fit-graph")).clicked() {
            st.fit_request = true;
        }
        if ui.button(super::tr::t(ui, "export-this-view")).clicked() {
            action = Some(Action::Export(super::Panel::Relations));
        }
    });
    if bg.drag_started() {
        let p = bg.interact_pointer_pos();
        st.dragging = p.and_then(|p| {
            st.hits
                .iter()
                .rev()
                .find(|(_, _, r)| r.contains(p))
                .map(|h| h.0)
        });
    }
    if bg.dragged() {
        match st.dragging {
            Some(k) if k < st.pos.len() => {
                // The user places nodes now: the layout stops where it is.
                st.layout = None;
                let d = bg.drag_delta() / st.scale;
                st.pos[k][0] += d.x;
                st.pos[k][1] += d.y;
                st.pos_version += 1;
            }
            _ => {
                st.center -= bg.drag_delta() / st.scale;
                st.auto_fit = false;
            }
        }
    }
    if bg.drag_stopped() {
        st.dragging = None;
    }
    if let Some(p) = bg.hover_pos() {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = zoom * (scroll * 0.003).exp();
        if (factor - 1.0).abs() > 1e-4 {
            let before = st.center + (p - rect.center()) / st.scale;
            st.scale = (st.scale * factor).clamp(Vec2::splat(0.05), Vec2::splat(8.0));
            st.auto_fit = false;
            st.center = before - (p - rect.center()) / st.scale;
        }
    }
    let to_screen = |p: [f32; 2]| rect.center() + (vec2(p[0], p[1]) - st.center) * st.scale;
    let painter = ui.painter_at(rect);
    let dark = vs.dark;
    let text = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let fade = |c: Color32, related: bool| {
        if vs.related.active && !related {
            faded(c, dark)
        } else {
            c
        }
    };
    let selected_event = match vs.selection {
        Selection::Event(i) => Some(i),
        _ => None,
    };
    let small = crate::fonts::ui(10.5);
    // Crowded graphs are drawn as one cached mesh of quads; the rest is drawn shape by shape.
    let crowded = graph.nodes.len() > 150 && st.scale.min_elem() < 1.5;
    if crowded {
        crowded_graph(&painter, vs, st, rect, dark, weak, ego.as_deref());
    } else {
        // Many edges: the plain ones go into one mesh of thin quads (cheap to draw); highlighted
        // ones are still stroked with anti-aliasing.
        let batch = graph.edges.len() > 500;
        // Edge labels are drawn after the names, where they do not cover one.
        let mut edge_labels: Vec<(Pos2, String, Color32)> = Vec::new();
        let mut mesh = egui::Mesh::default();
        for e in &graph.edges {
            let (a, b) = (to_screen(st.pos[e.a]), to_screen(st.pos[e.b]));
            if !rect.intersects(Rect::from_two_pos(a, b)) || !shown_node(e.a) || !shown_node(e.b) {
                continue;
            }
            let (ea, eb) = (graph.nodes[e.a], graph.nodes[e.b]);
            let on_selected = selected_event.is_some_and(|i| e.events.binary_search(&i).is_ok());
            let related = on_selected
                || (vs.related.entities[ea]
                    && vs.related.entities[eb]
                    && !matches!(vs.selection, Selection::Event(_)));
            let base = if on_selected {
                vs.selection_event_color()
            } else {
                weak
            };
            let width = 1.0 + (e.weight() - 1.0) * 1.5 + if on_selected { 1.5 } else { 0.0 };
            if batch && !(related && vs.related.active) {
                quad_line(&mut mesh, a, b, width, fade(base, related));
                continue;
            }
            painter.line_segment([a, b], Stroke::new(width, fade(base, related)));
            // A few edges are labelled; with many, only those of the selection.
            if graph.edges.len() <= EDGE_LABEL_LIMIT && a.distance(b) > 90.0
                || related && vs.related.active
            {
                let mid = pos2((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
                let kinds: Vec<String> = e
                    .kinds
                    .iter()
                    .map(|k| vs.locale().term("relation", k))
                    .collect();
                edge_labels.push((mid, kinds.join(" · "), fade(weak, related)));
            }
        }
        if batch {
            painter.add(egui::Shape::mesh(mesh));
        }
        let name_font = crate::fonts::ui(12.0);
        let mut screen = Vec::new();
        let mut hits = Vec::new();
        // Too many names to read: only those of the selection and what it relates to.
        // Busy nodes first, so that their names are the ones kept.
        let mut degree = vec![0usize; graph.nodes.len()];
        for e in &graph.edges {
            degree[e.a] += 1;
            degree[e.b] += 1;
        }
        let mut order: Vec<usize> = (0..graph.nodes.len()).collect();
        // What the selection relates to is placed first, then busy nodes.
        let shown = |k: usize| vs.related.active && vs.related.entities[graph.nodes[k]];
        order.sort_by_key(|&k| (!shown(k), std::cmp::Reverse(degree[k])));
        let mut taken: Vec<Rect> = Vec::new();
        // Names must not cover a node either.
        let node_rects: Vec<Rect> = st
            .pos
            .iter()
            .enumerate()
            .map(|(k, &p)| {
                let r = radius[k];
                Rect::from_center_size(to_screen(p), vec2(2.0 * r + 4.0, 2.0 * r + 4.0))
            })
            .collect();
        let halo = ui.visuals().panel_fill.gamma_multiply(0.85);
        st.names.clear();
        for k in order {
            let ent = graph.nodes[k];
            let e = &vs.doc.entities[ent];
            let c = to_screen(st.pos[k]);
            if !shown_node(k) {
                continue;
            }
            screen.push((ent, c));
            if !rect.expand(100.0).contains(c) {
                continue;
            }
            let related = vs.related.entities[ent];
            let selected = vs.selection == Selection::Entity(ent);
            let r = radius[k];
            actor_shape(
                &painter,
                c,
                r,
                &e.kind,
                fade(country_color(e.country.as_deref()), related),
                Stroke::NONE,
            );
            if selected || (related && vs.related.active) {
                painter.circle_stroke(
                    c,
                    r + 4.0,
                    Stroke::new(if selected { 2.5 } else { 1.5 }, ACCENT),
                );
            }
            // Names that would overlap one already drawn are left out (hover shows them); the
            // selection's are always drawn.
            let keep = selected;
            let name = vs.names.show(&e.name, e.latin.as_deref());
            let (ls, ll) = crate::text::label_layout(painter.ctx(), &name, &name_font, 130.0);
            let size = vec2(ls.natural_width(), ll.height);
            // Below, above, after or before the node: the first place that covers no name and
            // no other node.
            let places = [
                (pos2(c.x, c.y + r + 3.0), Align2::CENTER_TOP),
                (pos2(c.x, c.y - r - 3.0), Align2::CENTER_BOTTOM),
                (pos2(c.x + r + 4.0, c.y), Align2::LEFT_CENTER),
                (pos2(c.x - r - 4.0, c.y), Align2::RIGHT_CENTER),
            ];
            let free = |r: Rect| {
                rect.contains_rect(r)
                    && !taken.iter().any(|t: &Rect| t.intersects(r))
                    && !node_rects
                        .iter()
                        .enumerate()
                        .any(|(j, n)| j != k && n.intersects(r))
            };
            let place = places
                .iter()
                .find(|(at, anchor)| free(anchor.anchor_size(*at, size)))
                .or(keep.then_some(&places[0]));
            let name_rect = match place {
                Some(&(at, anchor)) if keep || !crowded => {
                    let r = anchor.anchor_size(at, size);
                    taken.push(r);
                    st.names.push((k, r));
                    painter.rect_filled(r.expand(1.5), 3.0, halo);
                    paint_label(
                        &painter,
                        at,
                        anchor,
                        &name,
                        &name_font,
                        fade(text, related),
                        130.0,
                    )
                }
                _ => Rect::from_center_size(c, vec2(2.0 * r, 2.0 * r)),
            };
            if let Some(role) = e
                .roles
                .first()
                .filter(|_| selected || related && vs.related.active || st.scale.min_elem() > 1.2)
            {
                let (rs, rl) = crate::text::label_layout(painter.ctx(), role, &small, 170.0);
                let r = Align2::CENTER_TOP.anchor_size(
                    name_rect.center_bottom(),
                    vec2(rs.natural_width(), rl.height),
                );
                if !taken.iter().any(|t| t.intersects(r)) {
                    taken.push(r);
                    paint_label(
                        &painter,
                        name_rect.center_bottom(),
                        Align2::CENTER_TOP,
                        role,
                        &small,
                        fade(weak, related),
                        170.0,
                    );
                }
            }
            hits.push((
                k,
                ent,
                Rect::from_center_size(c, vec2(2.0 * r + 6.0, 2.0 * r + 6.0)).union(name_rect),
            ));
        }
        for (mid, label, color) in edge_labels {
            let (ls, ll) = crate::text::label_layout(painter.ctx(), &label, &small, 140.0);
            let r = Align2::CENTER_CENTER.anchor_size(mid, vec2(ls.natural_width(), ll.height));
            if !taken.iter().any(|t| t.intersects(r)) && !node_rects.iter().any(|n| n.intersects(r))
            {
                taken.push(r);
                painter.rect_filled(r.expand(1.0), 2.0, halo);
                paint_label(
                    &painter,
                    mid,
                    Align2::CENTER_CENTER,
                    &label,
                    &small,
                    color,
                    140.0,
                );
            }
        }
        st.hits = hits;
        st.screen = screen;
    }
    // One interaction for the whole panel: nodes are found under the pointer by their rects.
    let under = |p: Option<Pos2>| {
        p.and_then(|p| {
            st.hits
                .iter()
                .rev()
                .find(|(_, _, r)| r.contains(p))
                .map(|h| (h.0, h.1))
        })
    };
    if let Some((_, ent)) = under(bg.hover_pos()) {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        let e = &vs.doc.entities[ent];
        let doc = vs.doc;
        bg.clone().on_hover_ui_at_pointer(|ui| {
            ui.set_max_width(320.0);
            let f = crate::fonts::ui(13.0);
            let col = ui.visuals().text_color();
            crate::text::label(ui, &e.name, &f, col);
            if let Some(l) = &e.latin {
                ui.label(l);
            }
            for r in &e.roles {
                crate::text::label(ui, r, &f, col);
            }
            let n = doc
                .events
                .iter()
                .filter(|ev| crate::selection::involves(ev, &e.id))
                .count();
            let line = vs.locale().f(
                "actor-summary",
                &[
                    ("kind", vs.locale().term("entity", &e.kind).into()),
                    ("country", e.country.as_deref().unwrap_or("?").into()),
                    ("events", n.into()),
                ],
            );
            crate::text::label(ui, &line, &f, col);
        });
    }
    if bg.clicked()
        && let Some((_, ent)) = under(bg.interact_pointer_pos())
    {
        action = Some(Action::Select(Selection::Entity(ent)));
    }
    if bg.has_focus() {
        // Keyboard: the arrows go to the nearest actor in their direction (egui would move the
        // focus with them).
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                bg.id,
                egui::EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    ..Default::default()
                },
            );
        });
        painter.rect_stroke(
            rect.shrink(1.0),
            2.0,
            ui.visuals().selection.stroke,
            egui::StrokeKind::Inside,
        );
        let dir = ui.input(|i| {
            [
                (egui::Key::ArrowLeft, [-1.0, 0.0]),
                (egui::Key::ArrowRight, [1.0, 0.0]),
                (egui::Key::ArrowUp, [0.0, -1.0]),
                (egui::Key::ArrowDown, [0.0, 1.0]),
            ]
            .into_iter()
            .find(|(k, _)| i.key_pressed(*k))
            .map(|(_, d)| d)
        });
        if let Some(dir) = dir {
            let from = match vs.selection {
                Selection::Entity(k) => graph.node_of(k),
                _ => None,
            };
            let to = match from {
                Some(n) => nearest_in_direction(&st.pos, n, dir, &shown_node),
                // Nothing selected yet: the most central actor.
                None => (0..graph.nodes.len())
                    .filter(|&k| shown_node(k))
                    .max_by(|&a, &b| centrality(graph, a).total_cmp(&centrality(graph, b))),
            };
            if let Some(to) = to {
                action = Some(Action::Select(Selection::Entity(graph.nodes[to])));
            }
        }
    }
    if let Some(worker) = &st.layout {
        let note = vs.locale().f(
            "graph-laying-out",
            &[
                ("actors", graph.nodes.len().into()),
                (
                    "percent",
                    ((worker.progress() * 100.0).round() as i64).into(),
                ),
            ],
        );
        crate::text::paint_label(
            &painter,
            rect.left_bottom() + vec2(8.0, -8.0),
            Align2::LEFT_BOTTOM,
            &note,
            &small,
            weak,
            f32::INFINITY,
        );
    }
    action
}

/// A crowded graph: edges as thin quads and nodes as small squares in one mesh, rebuilt only when
/// the view, the selection or the document changes; names only for what the selection relates to.
fn crowded_graph(
    painter: &egui::Painter,
    vs: &ViewState<'_>,
    st: &mut RelationsState,
    rect: Rect,
    dark: bool,
    weak: Color32,
    ego: Option<&[bool]>,
) {
    use std::hash::{Hash, Hasher};
    let shown_node = |k: usize| ego.is_none_or(|m| m[k]);
    let graph = vs.graph;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (
        vs.generation,
        vs.selection,
        vs.names,
        dark,
        st.pos_version,
        graph.nodes.len(),
        st.settle_now,
        st.layout.is_some(),
        st.ego,
        painter.ctx().pixels_per_point().to_bits(),
    )
        .hash(&mut h);
    for v in [
        rect.min.x,
        rect.min.y,
        rect.max.x,
        rect.max.y,
        st.center.x,
        st.center.y,
        st.scale.x,
        st.scale.y,
    ] {
        v.to_bits().hash(&mut h);
    }
    let key = h.finish();
    if st.crowded_cache.as_ref().is_none_or(|c| c.0 != key) {
        let to_screen = |p: [f32; 2]| rect.center() + (vec2(p[0], p[1]) - st.center) * st.scale;
        let fade = |c: Color32, related: bool| {
            if vs.related.active && !related {
                faded(c, dark)
            } else {
                c
            }
        };
        // Plain edges and nodes go into one bitmap in the window once the layout has settled;
        // what is highlighted, everything while the layout still moves (a bitmap per frame
        // would cost more than the mesh), and everything in a picture for export, is drawn as
        // shapes.
        let vector = st.settle_now || st.layout.is_some();
        let ppp = painter.ctx().pixels_per_point();
        let px = |p: Pos2| ((p - rect.min) * ppp).to_pos2();
        let mut bitmap = (!vector).then(|| {
            Bitmap::new(
                (rect.width() * ppp).ceil() as usize,
                (rect.height() * ppp).ceil() as usize,
            )
        });
        let mut mesh = egui::Mesh::default();
        let mut hits = Vec::with_capacity(graph.nodes.len());
        let mut screen = Vec::with_capacity(graph.nodes.len());
        let mut labels = Vec::new();
        // While a crowded layout still moves, its nodes show where it is going; the edges (a
        // mesh of thousands of quads every time the nodes move) wait until it is still.
        let moving = st.layout.is_some() && !st.settle_now;
        for e in graph.edges.iter().filter(|_| !moving) {
            let (a, b) = (to_screen(st.pos[e.a]), to_screen(st.pos[e.b]));
            if !rect.intersects(Rect::from_two_pos(a, b)) || !shown_node(e.a) || !shown_node(e.b) {
                continue;
            }
            let related = vs.related.active
                && vs.related.entities[graph.nodes[e.a]]
                && vs.related.entities[graph.nodes[e.b]];
            match &mut bitmap {
                Some(bm) if !related => bm.line(px(a), px(b), fade(weak, false)),
                _ => {
                    let color = if related {
                        vs.selection_event_color()
                    } else {
                        fade(weak, false)
                    };
                    quad_line(&mut mesh, a, b, if related { 2.5 } else { 1.0 }, color);
                }
            }
        }
        for (k, &ent) in graph.nodes.iter().enumerate() {
            if !shown_node(k) {
                continue;
            }
            let c = to_screen(st.pos[k]);
            screen.push((ent, c));
            let e = &vs.doc.entities[ent];
            let related = vs.related.entities[ent];
            let highlighted = related && vs.related.active;
            let r = if highlighted { R } else { R * 0.6 };
            if highlighted {
                mesh.add_colored_rect(
                    Rect::from_center_size(c, vec2(2.0 * r + 6.0, 2.0 * r + 6.0)),
                    ACCENT,
                );
                labels.push((c, vs.names.show(&e.name, e.latin.as_deref())));
            }
            let color = fade(country_color(e.country.as_deref()), related);
            match &mut bitmap {
                Some(bm) if !highlighted && rect.contains(c) => {
                    bm.square(px(c), 2.0 * r * ppp, color)
                }
                _ => {
                    mesh.add_colored_rect(Rect::from_center_size(c, vec2(2.0 * r, 2.0 * r)), color)
                }
            }
            hits.push((
                k,
                ent,
                Rect::from_center_size(c, vec2(2.0 * r + 4.0, 2.0 * r + 4.0)),
            ));
        }
        let plain = bitmap.map(|bm| {
            let shown =
                Rect::from_min_size(rect.min, vec2(rect.width().ceil(), rect.height().ceil()));
            DenseLayer::Texture(bm.into_texture(painter.ctx(), "graph-dense"), shown)
        });
        st.crowded_cache = Some((key, plain, std::sync::Arc::new(mesh), labels));
        st.hits = hits;
        st.screen = screen;
    }
    if let Some((_, plain, mesh, labels)) = &st.crowded_cache {
        if let Some(layer) = plain {
            layer.paint(painter);
        }
        painter.add(egui::Shape::Mesh(mesh.clone()));
        let font = crate::fonts::ui(12.0);
        let text = painter.ctx().global_style().visuals.text_color();
        for (c, name) in labels.iter().take(60) {
            paint_label(
                painter,
                pos2(c.x, c.y + R + 3.0),
                Align2::CENTER_TOP,
                name,
                &font,
                text,
                130.0,
            );
        }
    }
}

/// A straight line of `width` as two triangles.
fn quad_line(mesh: &mut egui::Mesh, a: Pos2, b: Pos2, width: f32, color: Color32) {
    let d = (b - a).normalized().rot90() * (width / 2.0);
    let i = mesh.vertices.len() as u32;
    for p in [a + d, b + d, b - d, a - d] {
        mesh.colored_vertex(p, color);
    }
    mesh.add_triangle(i, i + 1, i + 2);
    mesh.add_triangle(i, i + 2, i + 3);
}

impl ViewState<'_> {
    /// Colour of the selected event's kind (accent when no event is selected).
    pub fn selection_event_color(&self) -> egui::Color32 {
        match self.selection {
            Selection::Event(i) => self
                .doc
                .events
                .get(i)
                .map_or(ACCENT, |e| kind_color(&e.kind)),
            _ => ACCENT,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_go_to_the_nearest_actor_in_their_direction() {
        //      1
        //  2   0   3 4
        //      5
        let pos = [
            [0.0, 0.0],
            [0.0, -10.0],
            [-10.0, 0.0],
            [10.0, 1.0],
            [14.0, 0.0],
            [0.0, 10.0],
        ];
        let all = |_: usize| true;
        assert_eq!(nearest_in_direction(&pos, 0, [1.0, 0.0], &all), Some(3));
        assert_eq!(nearest_in_direction(&pos, 0, [-1.0, 0.0], &all), Some(2));
        assert_eq!(nearest_in_direction(&pos, 0, [0.0, -1.0], &all), Some(1));
        assert_eq!(nearest_in_direction(&pos, 0, [0.0, 1.0], &all), Some(5));
        assert_eq!(nearest_in_direction(&pos, 3, [1.0, 0.0], &all), Some(4));
        // Nothing further right of the last one; hidden nodes are skipped.
        assert_eq!(nearest_in_direction(&pos, 4, [1.0, 0.0], &all), None);
        let not_3 = |k: usize| k != 3;
        assert_eq!(nearest_in_direction(&pos, 0, [1.0, 0.0], &not_3), Some(4));
    }
}
