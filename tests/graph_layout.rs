//! The relationship panel readable at a glance: on the graph of every real development article
//! and of generated documents, at the window's default size, no two nodes overlap and no placed
//! name covers another name or a node (geometry, not pixels); the layout is the same every run.

#[path = "support/synthetic.rs"]
mod synthetic;

use egui_kittest::Harness;
use waqai::app::WaqaiApp;
use waqai::model::Document;

struct Found {
    nodes: usize,
    node_overlaps: usize,
    name_overlaps: usize,
    names_on_nodes: usize,
    names: usize,
}

fn check(doc: Document, by_centrality: bool) -> Found {
    let mut app = WaqaiApp::new(doc, None);
    app.panels.relations.size_by_centrality = by_centrality;
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(waqai::fonts::install)
        .with_max_steps(5_000)
        .build_ui_state(|ui, app: &mut WaqaiApp| app.show(ui), app);
    h.run_steps(4);
    for _ in 0..3_000 {
        if h.state().panels.relations.layout.is_none() {
            break;
        }
        // The layout settles on its own thread.
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.run_steps(1);
    }
    h.run_steps(3);
    let st = &h.state().panels.relations;
    let graph = h.state().session.graph();
    let radii = waqai::views::relations::node_radii(graph, by_centrality);
    let pts: Vec<egui::Pos2> = st.screen.iter().map(|s| s.1).collect();
    let radius: Vec<f32> = st
        .screen
        .iter()
        .map(|s| radii[graph.node_of(s.0).expect("a node")])
        .collect();
    let mut found = Found {
        nodes: pts.len(),
        node_overlaps: 0,
        name_overlaps: 0,
        names_on_nodes: 0,
        names: st.names.len(),
    };
    for i in 0..pts.len() {
        for j in i + 1..pts.len() {
            if pts[i].distance(pts[j]) < radius[i] + radius[j] {
                found.node_overlaps += 1;
            }
        }
    }
    for (a, (ka, ra)) in st.names.iter().enumerate() {
        for (_, rb) in &st.names[a + 1..] {
            if ra.intersects(*rb) {
                found.name_overlaps += 1;
            }
        }
        let node_of = st
            .screen
            .iter()
            .position(|s| s.0 == h.state().session.graph().nodes[*ka]);
        for (j, p) in pts.iter().enumerate() {
            if Some(j) != node_of
                && ra.intersects(egui::Rect::from_center_size(
                    *p,
                    egui::Vec2::splat(2.0 * radius[j]),
                ))
            {
                found.names_on_nodes += 1;
            }
        }
    }
    found
}

#[test]
fn real_and_generated_graphs_have_no_overlapping_nodes_or_names() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs: Vec<(String, Document)> = [1usize, 2, 50, 500, 2000]
        .iter()
        .map(|&n| (format!("{n} actors"), synthetic::synthetic(n * 2, n)))
        .collect();
    match waqai::extract::gold::find_corpus(root) {
        Some(corpus) => {
            let mut paths: Vec<_> = std::fs::read_dir(corpus.join("dev"))
                .expect("dev articles")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            paths.sort();
            for p in paths {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                docs.push((name, waqai::open::open_path(&p).expect("opens")));
            }
        }
        None => println!("skipped the real articles: ../shared/corpus is absent"),
    }
    let mut bad = Vec::new();
    let (mut nodes, mut names) = (0, 0);
    for (name, doc) in docs {
        // Small graphs also with nodes sized by centrality.
        if doc.entities.len() <= 60 {
            let f = check(doc.clone(), true);
            if f.node_overlaps + f.name_overlaps + f.names_on_nodes > 0 {
                bad.push(format!(
                    "{name}, sized by centrality: {} node overlaps, {} name overlaps, {} names \
                     on nodes",
                    f.node_overlaps, f.name_overlaps, f.names_on_nodes
                ));
            }
        }
        let f = check(doc, false);
        nodes += f.nodes;
        names += f.names;
        if f.node_overlaps + f.name_overlaps + f.names_on_nodes > 0 {
            bad.push(format!(
                "{name}: {} nodes, {} node overlaps, {} name overlaps, {} names on nodes",
                f.nodes, f.node_overlaps, f.name_overlaps, f.names_on_nodes
            ));
        }
    }
    println!("{nodes} nodes, {names} names placed");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_layout_is_the_same_every_run() {
    let doc = synthetic::synthetic(300, 120);
    let g = waqai::graph::Graph::of(&doc, false);
    assert_eq!(
        waqai::graph::force_layout(&g),
        waqai::graph::force_layout(&g)
    );
}

/// With `WAQAI_WRITE_SYNTHETIC=DIR`, writes the generated documents laid out above to `DIR`,
/// to look at them in the app (`waqai export DIR/actors_2000.json --view relations`).
#[test]
fn write_the_generated_documents_when_asked() {
    let Some(dir) = std::env::var_os("WAQAI_WRITE_SYNTHETIC") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    for actors in [50, 500, 2_000] {
        let doc = synthetic::synthetic(actors * 2, actors);
        let path = dir.join(format!("actors_{actors}.json"));
        std::fs::write(&path, serde_json::to_vec(&doc).expect("serialises")).expect("writes");
    }
}
