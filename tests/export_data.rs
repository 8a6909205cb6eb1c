//! Data exports read back by real consumers: GEXF and GraphML by Python's networkx, CSV and the
//! GDELT-like TSV by the `csv` crate, TimelineJS JSON against the format's required fields.
//! Counts must equal the document's: nodes, edges, events, actors, relations, rows per dyad.

#[path = "support/synthetic.rs"]
mod synthetic;

use std::path::{Path, PathBuf};
use std::process::Command;

use waqai::export::data::{DataFormat, Table, data_bytes, gdelt_rows};
use waqai::graph::Graph;
use waqai::model::Document;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("waqai-data-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch");
    dir
}

fn seed() -> Document {
    let mut doc = waqai::seed::document();
    doc.article.published = Some("2020-11-19".into());
    waqai::model::resolve_relative_dates(&mut doc);
    doc
}

/// Documents to check: the seed, a real article when the corpus is there, a generated one.
fn documents() -> Vec<(String, Document)> {
    let mut docs = vec![
        ("seed".to_owned(), seed()),
        ("synthetic".to_owned(), synthetic::synthetic(300, 80)),
    ];
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    match waqai::extract::gold::find_corpus(root) {
        Some(corpus) => {
            // The first real article with a few events between several actors.
            let mut paths: Vec<PathBuf> = std::fs::read_dir(corpus.join("dev"))
                .expect("dev folder")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            paths.sort();
            let real = paths
                .iter()
                .map(|p| waqai::open::open_path(p).expect("opens"))
                .find(|d| d.events.len() >= 3 && Graph::of(d, false).edges.len() >= 2)
                .expect("a real article with events");
            docs.push(("real".to_owned(), real));
        }
        None => println!("skipped the real article: ../shared/corpus is absent"),
    }
    docs
}

fn networkx_available() -> bool {
    Command::new("python3")
        .args(["-c", "import networkx"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// What networkx reads from a graph file: node and edge counts, total weight, one node's data.
fn networkx_read(path: &Path, reader: &str) -> serde_json::Value {
    let script = format!(
        "import json, sys, networkx as nx\n\
         g = nx.{reader}(sys.argv[1])\n\
         nodes = dict(g.nodes(data=True))\n\
         print(json.dumps({{'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(),\n\
           'weight': sum(float(d.get('weight', 0)) for _, _, d in g.edges(data=True)),\n\
           'data': {{str(k): {{a: (v if isinstance(v, (str, int, float)) else str(v))\n\
                    for a, v in d.items()}} for k, d in nodes.items()}}}}, ensure_ascii=False))\n"
    );
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "networkx {reader} failed on {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON from the script")
}

#[test]
fn networkx_reads_the_graph_files_with_every_node_and_edge() {
    if !networkx_available() {
        println!("skipped: python3 with networkx is not installed (pip install networkx)");
        return;
    }
    let dir = scratch("graph");
    for (name, doc) in documents() {
        let g = Graph::of(&doc, false);
        let weight: usize = g.edges.iter().map(|e| e.events.len().max(1)).sum();
        for (format, reader) in [
            (DataFormat::Gexf, "read_gexf"),
            (DataFormat::Graphml, "read_graphml"),
        ] {
            let path = dir.join(format!("{name}.{}", format.extension()));
            std::fs::write(
                &path,
                data_bytes(&doc, format, false, None).expect("exports"),
            )
            .expect("written");
            let read = networkx_read(&path, reader);
            println!(
                "{name} {reader}: {} nodes, {} edges",
                read["nodes"], read["edges"]
            );
            assert_eq!(read["nodes"], g.nodes.len(), "{name} {reader}");
            assert_eq!(read["edges"], g.edges.len(), "{name} {reader}");
            assert_eq!(
                read["weight"].as_f64(),
                Some(weight as f64),
                "{name} {reader}"
            );
            // Attributes arrive, Arabic intact.
            let first = &doc.entities[g.nodes[0]];
            let data = &read["data"][&first.id];
            assert_eq!(data["kind"], first.kind.as_str(), "{name} {reader}: {data}");
            assert_eq!(
                data["label"],
                first.name.as_str(),
                "{name} {reader}: {data}"
            );
            assert!(data["centrality"].as_f64().is_some(), "{data}");
            if format == DataFormat::Gexf {
                assert!(
                    data["viz"].as_str().unwrap_or("").contains("position"),
                    "{data}"
                );
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn timelinejs_has_every_dated_event_with_the_fields_the_format_requires() {
    for (name, doc) in documents() {
        let chron = waqai::model::Chronology::of(&doc);
        // Events with a calendar date of their own, and, when the axis is in calendar days,
        // those placed by their neighbours.
        let dated = (0..doc.events.len())
            .filter(|&i| chron.absolute || waqai::export::data::event_date(&doc, i).is_some())
            .count();
        let bytes = match data_bytes(&doc, DataFormat::TimelineJs, false, None) {
            Ok(b) => b,
            Err(e) => {
                assert_eq!(dated, 0, "{name}: {e}");
                assert!(e.contains("publication date"), "{e}");
                continue;
            }
        };
        let tl: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
        let events = tl["events"].as_array().expect("an events array");
        assert_eq!(events.len(), dated, "{name}");
        for ev in events {
            let year = ev["start_date"]["year"].as_str().expect("start_date.year");
            assert!(
                year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()),
                "{ev}"
            );
            assert!(
                !ev["text"]["headline"].as_str().unwrap_or("").is_empty(),
                "{ev}"
            );
            assert!(ev["group"].is_string(), "{ev}");
        }
        assert!(tl["title"]["text"]["headline"].is_string());
    }
    // The seed, dated: every event (four of six placed by their neighbours, and saying so),
    // its evidence in Arabic, right to left.
    let doc = seed();
    let tl: serde_json::Value =
        serde_json::from_slice(&data_bytes(&doc, DataFormat::TimelineJs, false, None).unwrap())
            .unwrap();
    assert_eq!(tl["events"].as_array().unwrap().len(), doc.events.len());
    let text = tl["events"][0]["text"]["text"].as_str().unwrap();
    assert!(
        text.contains("dir=\"rtl\"") && text.contains("باشاغا"),
        "{text}"
    );
    let placed = tl["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| {
            e["text"]["text"]
                .as_str()
                .unwrap()
                .contains("No date in the text")
        })
        .count();
    let stated = (0..doc.events.len())
        .filter(|&i| waqai::export::data::event_date(&doc, i).is_some())
        .count();
    assert_eq!(placed, doc.events.len() - stated);
    // Undated: a clear error.
    let err = data_bytes(
        &waqai::seed::document(),
        DataFormat::TimelineJs,
        false,
        None,
    );
    assert!(err.is_err_and(|e| e.contains("calendar date")));
}

fn read_csv(bytes: &[u8], delimiter: u8) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(bytes);
    let header = r.headers().expect("a header").clone();
    let rows = r.records().map(|r| r.expect("a record")).collect();
    (header, rows)
}

#[test]
fn csv_tables_round_trip_arabic_quotes_commas_and_line_breaks() {
    for (name, mut doc) in documents() {
        // A summary that needs quoting.
        doc.events[0].summary = "قال \"نعم\", ثم\nمضى، وانتهى".to_owned();
        for (table, count) in [
            (Table::Events, doc.events.len()),
            (Table::Actors, doc.entities.len()),
            (Table::Relations, doc.relations.len()),
        ] {
            let bytes = data_bytes(&doc, DataFormat::Csv(table), false, None).expect("exports");
            let body = bytes
                .strip_prefix(b"\xEF\xBB\xBF")
                .expect("a byte-order mark for spreadsheet programs");
            let (header, rows) = read_csv(body, b',');
            assert_eq!(rows.len(), count, "{name} {table:?}");
            assert!(
                rows.iter().all(|r| r.len() == header.len()),
                "{name} {table:?}"
            );
            match table {
                Table::Events => {
                    let col = header.iter().position(|h| h == "summary").unwrap();
                    let id = header.iter().position(|h| h == "id").unwrap();
                    let first = rows.iter().find(|r| r[id] == doc.events[0].id).unwrap();
                    assert_eq!(&first[col], doc.events[0].summary, "{name}");
                }
                Table::Actors => {
                    let col = header.iter().position(|h| h == "name").unwrap();
                    let names: Vec<&str> = rows.iter().map(|r| r.get(col).unwrap()).collect();
                    let want: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
                    assert_eq!(names, want, "{name}");
                }
                Table::Relations => {}
            }
        }
    }
}

#[test]
fn the_gdelt_table_has_one_row_per_dyad_per_event() {
    for (name, doc) in documents() {
        let bytes = data_bytes(&doc, DataFormat::Gdelt, false, None).expect("exports");
        let (header, rows) = read_csv(&bytes, b'\t');
        assert_eq!(header.len(), 16);
        let want: usize = doc
            .events
            .iter()
            .map(|e| gdelt_rows(&e.participants).len())
            .sum();
        assert_eq!(rows.len(), want, "{name}");
        assert!(rows.iter().all(|r| r.len() == 16), "{name}");
        let ids: std::collections::HashSet<&str> = rows.iter().map(|r| r.get(0).unwrap()).collect();
        assert_eq!(ids.len(), rows.len(), "{name}: event ids are unique");
        // Dates as GDELT writes them, when the event has one.
        let date = header.iter().position(|h| h == "SQLDATE").unwrap();
        assert!(
            rows.iter()
                .all(|r| r[date].is_empty() || r[date].len() == 8)
        );
    }
    let doc = seed();
    let bytes = data_bytes(&doc, DataFormat::Gdelt, false, None).unwrap();
    let (_, rows) = read_csv(&bytes, b'\t');
    assert!(
        rows.iter()
            .any(|r| r[1].starts_with("2020") && r[3].contains("باشاغا"))
    );
}
