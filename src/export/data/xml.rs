//! The relationship graph as GEXF 1.3 and GraphML, written with `quick-xml` (which escapes).

use std::io::Cursor;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use crate::graph::Graph;
use crate::model::Document;

type Xml = Writer<Cursor<Vec<u8>>>;
type Res = std::io::Result<()>;

/// Node attributes: (id, GraphML/GEXF type).
const NODE_ATTRS: [(&str, &str); 5] = [
    ("kind", "string"),
    ("country", "string"),
    ("latin", "string"),
    ("roles", "string"),
    ("centrality", "double"),
];
/// Edge attributes besides the weight.
const EDGE_ATTRS: [(&str, &str); 2] = [("kind", "string"), ("events", "string")];

/// What the exports say about one node.
struct NodeData {
    id: String,
    label: String,
    values: [String; 5],
    kind: String,
}

/// What the exports say about one edge.
struct EdgeData {
    source: String,
    target: String,
    weight: usize,
    kind: String,
    events: String,
}

fn nodes(doc: &Document, g: &Graph) -> Vec<NodeData> {
    let centrality = g.degree_centrality();
    g.nodes
        .iter()
        .enumerate()
        .map(|(k, &ent)| {
            let e = &doc.entities[ent];
            NodeData {
                id: e.id.clone(),
                label: e.name.clone(),
                values: [
                    e.kind.clone(),
                    e.country.clone().unwrap_or_default(),
                    e.latin.clone().unwrap_or_default(),
                    e.roles.join("; "),
                    format!("{:.6}", centrality[k]),
                ],
                kind: e.kind.clone(),
            }
        })
        .collect()
}

fn edges(doc: &Document, g: &Graph) -> Vec<EdgeData> {
    g.edges
        .iter()
        .map(|e| EdgeData {
            source: doc.entities[g.nodes[e.a]].id.clone(),
            target: doc.entities[g.nodes[e.b]].id.clone(),
            // Shared events; an edge stated only by a relation counts one.
            weight: e.events.len().max(1),
            kind: e.kinds.join(","),
            events: e
                .events
                .iter()
                .map(|&i| doc.events[i].id.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        })
        .collect()
}

/// Colour of an actor kind in the graph files (Okabe–Ito, as the window's palette).
pub(super) fn actor_kind_rgb(kind: &str) -> [u8; 3] {
    match kind {
        "person" => [0x00, 0x72, 0xB2],
        "organization" => [0xD5, 0x5E, 0x00],
        "group" => [0xCC, 0x79, 0xA7],
        "country" => [0x00, 0x9E, 0x73],
        "city" | "site" => [0xE6, 0x9F, 0x00],
        _ => [0x99, 0x99, 0x99],
    }
}

fn declaration(w: &mut Xml) -> Res {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
}

fn finish(w: Xml) -> String {
    String::from_utf8(w.into_inner().into_inner()).expect("quick-xml writes UTF-8")
}

/// The graph as GEXF 1.3: attributes, a colour per actor kind, the layout's positions.
pub fn gexf(doc: &Document, g: &Graph, positions: &[[f32; 2]]) -> String {
    let mut w = Writer::new_with_indent(Cursor::new(Vec::new()), b' ', 2);
    write_gexf(&mut w, doc, g, positions).expect("writing into memory");
    finish(w)
}

fn write_gexf(w: &mut Xml, doc: &Document, g: &Graph, positions: &[[f32; 2]]) -> Res {
    declaration(w)?;
    let nodes = nodes(doc, g);
    let edges = edges(doc, g);
    w.create_element("gexf")
        .with_attributes([
            ("xmlns", "http://gexf.net/1.3"),
            ("xmlns:viz", "http://gexf.net/1.3/viz"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            ),
            ("version", "1.3"),
        ])
        .write_inner_content(|w| {
            w.create_element("meta").write_inner_content(|w| {
                w.create_element("creator")
                    .write_text_content(BytesText::new(&creator()))?;
                w.create_element("description")
                    .write_text_content(BytesText::new(&doc.article.title))?;
                Ok(())
            })?;
            w.create_element("graph")
                .with_attributes([("mode", "static"), ("defaultedgetype", "undirected")])
                .write_inner_content(|w| {
                    attribute_decls(w, "node", &NODE_ATTRS)?;
                    attribute_decls(w, "edge", &EDGE_ATTRS)?;
                    w.create_element("nodes").write_inner_content(|w| {
                        for (k, n) in nodes.iter().enumerate() {
                            gexf_node(w, n, positions.get(k).copied().unwrap_or_default())?;
                        }
                        Ok(())
                    })?;
                    w.create_element("edges").write_inner_content(|w| {
                        for (k, e) in edges.iter().enumerate() {
                            let (id, weight) = (k.to_string(), e.weight.to_string());
                            w.create_element("edge")
                                .with_attributes([
                                    ("id", id.as_str()),
                                    ("source", &e.source),
                                    ("target", &e.target),
                                    ("weight", &weight),
                                    ("label", &e.kind),
                                ])
                                .write_inner_content(|w| {
                                    attvalues(w, &EDGE_ATTRS, &[&e.kind, &e.events])
                                })?;
                        }
                        Ok(())
                    })?;
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

fn attribute_decls(w: &mut Xml, class: &str, attrs: &[(&str, &str)]) -> Res {
    w.create_element("attributes")
        .with_attribute(("class", class))
        .write_inner_content(|w| {
            for (id, ty) in attrs {
                w.create_element("attribute")
                    .with_attributes([("id", *id), ("title", *id), ("type", *ty)])
                    .write_empty()?;
            }
            Ok(())
        })?;
    Ok(())
}

fn attvalues(w: &mut Xml, attrs: &[(&str, &str)], values: &[&str]) -> Res {
    w.create_element("attvalues").write_inner_content(|w| {
        for ((id, _), v) in attrs.iter().zip(values) {
            if !v.is_empty() {
                w.create_element("attvalue")
                    .with_attributes([("for", *id), ("value", *v)])
                    .write_empty()?;
            }
        }
        Ok(())
    })?;
    Ok(())
}

fn gexf_node(w: &mut Xml, n: &NodeData, pos: [f32; 2]) -> Res {
    let [r, g, b] = actor_kind_rgb(&n.kind).map(|c| c.to_string());
    // Gephi's y axis points up, the window's down.
    let (x, y) = (format!("{:.3}", pos[0]), format!("{:.3}", -pos[1]));
    w.create_element("node")
        .with_attributes([("id", n.id.as_str()), ("label", &n.label)])
        .write_inner_content(|w| {
            let values: Vec<&str> = n.values.iter().map(String::as_str).collect();
            attvalues(w, &NODE_ATTRS, &values)?;
            w.create_element("viz:color")
                .with_attributes([("r", r.as_str()), ("g", &g), ("b", &b)])
                .write_empty()?;
            w.create_element("viz:position")
                .with_attributes([("x", x.as_str()), ("y", &y), ("z", "0.0")])
                .write_empty()?;
            w.create_element("viz:size")
                .with_attribute(("value", "10.0"))
                .write_empty()?;
            Ok(())
        })?;
    Ok(())
}

/// The graph as GraphML, with the same attributes as the GEXF file and the weight as a key.
pub fn graphml(doc: &Document, g: &Graph) -> String {
    let mut w = Writer::new_with_indent(Cursor::new(Vec::new()), b' ', 2);
    write_graphml(&mut w, doc, g).expect("writing into memory");
    finish(w)
}

fn write_graphml(w: &mut Xml, doc: &Document, g: &Graph) -> Res {
    declaration(w)?;
    let nodes = nodes(doc, g);
    let edges = edges(doc, g);
    let key = |w: &mut Xml, id: &str, domain: &str, name: &str, ty: &str| -> Res {
        w.create_element("key")
            .with_attributes([
                ("id", id),
                ("for", domain),
                ("attr.name", name),
                ("attr.type", ty),
            ])
            .write_empty()?;
        Ok(())
    };
    w.create_element("graphml")
        .with_attributes([
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns \
                 http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ])
        .write_inner_content(|w| {
            key(w, "label", "node", "label", "string")?;
            for (id, ty) in NODE_ATTRS {
                key(w, &format!("n_{id}"), "node", id, ty)?;
            }
            key(w, "weight", "edge", "weight", "double")?;
            for (id, ty) in EDGE_ATTRS {
                key(w, &format!("e_{id}"), "edge", id, ty)?;
            }
            w.create_element("graph")
                .with_attributes([("id", "waqai"), ("edgedefault", "undirected")])
                .write_inner_content(|w| {
                    for n in &nodes {
                        w.create_element("node")
                            .with_attribute(("id", n.id.as_str()))
                            .write_inner_content(|w| {
                                data(w, "label", &n.label)?;
                                for ((id, _), v) in NODE_ATTRS.iter().zip(&n.values) {
                                    if !v.is_empty() {
                                        data(w, &format!("n_{id}"), v)?;
                                    }
                                }
                                Ok(())
                            })?;
                    }
                    for (k, e) in edges.iter().enumerate() {
                        let id = format!("e{k}");
                        w.create_element("edge")
                            .with_attributes([
                                ("id", id.as_str()),
                                ("source", &e.source),
                                ("target", &e.target),
                            ])
                            .write_inner_content(|w| {
                                data(w, "weight", &e.weight.to_string())?;
                                data(w, "e_kind", &e.kind)?;
                                if !e.events.is_empty() {
                                    data(w, "e_events", &e.events)?;
                                }
                                Ok(())
                            })?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

fn data(w: &mut Xml, key: &str, value: &str) -> Res {
    w.create_element("data")
        .with_attribute(("key", key))
        .write_text_content(BytesText::new(value))?;
    Ok(())
}

/// `Waqai 0.1.0`.
pub(crate) fn creator() -> String {
    format!("Waqai {}", env!("CARGO_PKG_VERSION"))
}
