//! Data exports, for the tools analysts take the data to: the relationship graph as GEXF 1.3
//! (Gephi) and GraphML, the events as TimelineJS JSON, events, actors and relations as CSV for
//! spreadsheets, and a GDELT-like event table (TSV, one row per dyad per event).

mod tables;
mod timelinejs;
mod xml;

use std::path::Path;

use crate::graph::Graph;
use crate::model::{Document, LoadError, write_atomic};

pub use tables::{Table, csv_table, gdelt_rows, gdelt_tsv, quad_class};
pub use timelinejs::timelinejs;
pub use xml::{gexf, graphml};

/// A data format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum DataFormat {
    /// GEXF 1.3: the graph with attributes, colours and positions (Gephi).
    Gexf,
    /// GraphML: the graph with attributes (yEd, Cytoscape, networkx, igraph).
    Graphml,
    /// TimelineJS JSON (`events`, `start_date`, `text`, `group`).
    TimelineJs,
    /// One table as CSV, UTF-8 with a BOM.
    Csv(Table),
    /// GDELT-like event table, tab-separated, one row per dyad per event.
    Gdelt,
}

impl DataFormat {
    /// Every format, in menu order.
    pub const ALL: [DataFormat; 7] = [
        DataFormat::Gexf,
        DataFormat::Graphml,
        DataFormat::TimelineJs,
        DataFormat::Csv(Table::Events),
        DataFormat::Csv(Table::Actors),
        DataFormat::Csv(Table::Relations),
        DataFormat::Gdelt,
    ];

    /// The name users see.
    pub fn label_id(self) -> &'static str {
        match self {
            DataFormat::Gexf => "data-gexf",
            DataFormat::Graphml => "data-graphml",
            DataFormat::TimelineJs => "data-timelinejs",
            DataFormat::Csv(Table::Events) => "data-csv-events",
            DataFormat::Csv(Table::Actors) => "data-csv-actors",
            DataFormat::Csv(Table::Relations) => "data-csv-relations",
            DataFormat::Gdelt => "data-gdelt",
        }
    }

    /// File name ending, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            DataFormat::Gexf => "gexf",
            DataFormat::Graphml => "graphml",
            DataFormat::TimelineJs => "timeline.json",
            DataFormat::Csv(Table::Events) => "events.csv",
            DataFormat::Csv(Table::Actors) => "actors.csv",
            DataFormat::Csv(Table::Relations) => "relations.csv",
            DataFormat::Gdelt => "gdelt.tsv",
        }
    }
}

/// The document in `format`. `positions` are the graph's node positions (as laid out in the
/// window) for GEXF; without them the graph is laid out here, as a picture would be.
pub fn data_bytes(
    doc: &Document,
    format: DataFormat,
    places: bool,
    positions: Option<&[[f32; 2]]>,
) -> Result<Vec<u8>, String> {
    let graph = || Graph::of(doc, places);
    Ok(match format {
        DataFormat::Gexf => {
            let g = graph();
            let laid;
            let pos = match positions.filter(|p| p.len() == g.nodes.len()) {
                Some(p) => p,
                None => {
                    laid = crate::graph::force_layout(&g);
                    &laid
                }
            };
            gexf(doc, &g, pos).into_bytes()
        }
        DataFormat::Graphml => graphml(doc, &graph()).into_bytes(),
        DataFormat::TimelineJs => timelinejs(doc)?.into_bytes(),
        DataFormat::Csv(t) => csv_table(doc, t),
        DataFormat::Gdelt => gdelt_tsv(doc),
    })
}

/// Writes the document in `format` atomically; a failure leaves no partial file.
pub fn export_data_to(
    doc: &Document,
    format: DataFormat,
    places: bool,
    positions: Option<&[[f32; 2]]>,
    path: &Path,
) -> Result<(), LoadError> {
    let bytes = data_bytes(doc, format, places, positions)
        .map_err(|r| crate::model::load_error(path, r))?;
    write_atomic(path, &bytes)
}

/// The calendar date of event `i` (`YYYY-MM-DD`): its own, or publication day plus its relative
/// days; `None` when the text does not place it in the calendar.
pub fn event_date(doc: &Document, i: usize) -> Option<String> {
    let w = &doc.events[i].when;
    let day = w
        .date
        .as_deref()
        .and_then(crate::model::parse_date)
        .or_else(|| {
            let published = doc.article.published.as_deref()?;
            Some(crate::model::parse_date(published)? + w.relative_days?)
        })?;
    let (y, m, d) = crate::model::civil(day);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// The article's text of spans, found in one pass over the text's char offsets.
pub(crate) struct Quotes<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Quotes<'a> {
    /// Indexes `doc`'s text.
    pub(crate) fn of(doc: &'a Document) -> Self {
        let text = doc.article.text.as_str();
        let mut starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        starts.push(text.len());
        Self { text, starts }
    }

    /// The text of `spans`, joined by a space; spans outside the text are skipped.
    pub(crate) fn of_spans(&self, spans: &[crate::model::Span]) -> String {
        let mut out = String::new();
        for s in spans {
            let (Some(&a), Some(&b)) = (self.starts.get(s.start), self.starts.get(s.end)) else {
                continue;
            };
            if a < b {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(self.text[a..b].trim());
            }
        }
        out
    }
}

/// Entities by id, built once per export.
pub(crate) struct Entities<'a>(crate::hash::FastMap<&'a str, &'a crate::model::Entity>);

impl<'a> Entities<'a> {
    /// Indexes `doc`'s entities.
    pub(crate) fn of(doc: &'a Document) -> Self {
        Self(doc.entities.iter().map(|e| (e.id.as_str(), e)).collect())
    }

    /// The entity with this id.
    pub(crate) fn get(&self, id: &str) -> Option<&'a crate::model::Entity> {
        self.0.get(id).copied()
    }

    /// Its Arabic name, or the id itself when it is missing.
    pub(crate) fn name(&self, id: &str) -> String {
        self.get(id)
            .map_or_else(|| id.to_owned(), |e| e.name.clone())
    }
}
