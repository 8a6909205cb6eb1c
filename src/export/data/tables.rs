//! Tables: events, actors and relations as CSV (UTF-8 with a byte-order mark, so spreadsheet
//! programs read the Arabic), and a GDELT-like event table as TSV, one row per dyad per event.
//! Written by the `csv` crate, which quotes what needs quoting.

use super::{Entities, Quotes, event_date};
use crate::model::{Document, Participant};

/// Which table of a CSV export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Table {
    /// One row per event.
    Events,
    /// One row per actor.
    Actors,
    /// One row per relation.
    Relations,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Where the article came from, for a table's `article` column: its URL, else its file, else
/// its title.
fn article_ref(doc: &Document) -> String {
    let s = &doc.article.source;
    s.url
        .clone()
        .or_else(|| s.path.clone())
        .unwrap_or_else(|| doc.article.title.clone())
}

fn writer(delimiter: u8) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new())
}

fn finish(w: csv::Writer<Vec<u8>>, bom: bool) -> Vec<u8> {
    let body = w.into_inner().expect("writing into memory");
    if bom { [BOM, &body].concat() } else { body }
}

/// One table as CSV, with a BOM.
pub fn csv_table(doc: &Document, table: Table) -> Vec<u8> {
    let mut w = writer(b',');
    let quotes = Quotes::of(doc);
    let ents = Entities::of(doc);
    let article = article_ref(doc);
    let row = |w: &mut csv::Writer<Vec<u8>>, fields: &[&str]| {
        w.write_record(fields).expect("writing into memory");
    };
    match table {
        Table::Events => {
            row(
                &mut w,
                &[
                    "id",
                    "order",
                    "date",
                    "precision",
                    "relative_days",
                    "kind",
                    "cameo",
                    "status",
                    "place",
                    "place_id",
                    "participants",
                    "participant_ids",
                    "summary",
                    "evidence",
                    "article",
                ],
            );
            for i in doc.chronological() {
                let e = &doc.events[i];
                let participants: Vec<String> = e
                    .participants
                    .iter()
                    .map(|p| format!("{} ({})", ents.name(&p.entity), p.role))
                    .collect();
                let ids: Vec<&str> = e.participants.iter().map(|p| p.entity.as_str()).collect();
                let place = e.place.as_deref().map(|p| ents.name(p)).unwrap_or_default();
                row(
                    &mut w,
                    &[
                        &e.id,
                        &e.order.to_string(),
                        &event_date(doc, i).unwrap_or_default(),
                        &e.when.precision,
                        &e.when
                            .relative_days
                            .map(|d| d.to_string())
                            .unwrap_or_default(),
                        &e.kind,
                        e.cameo.as_deref().unwrap_or_default(),
                        &e.status,
                        &place,
                        e.place.as_deref().unwrap_or_default(),
                        &participants.join("; "),
                        &ids.join(" "),
                        &e.summary,
                        &quotes.of_spans(&e.evidence),
                        &article,
                    ],
                );
            }
        }
        Table::Actors => {
            row(
                &mut w,
                &[
                    "id", "name", "latin", "kind", "country", "roles", "part_of", "mentions",
                    "events", "article",
                ],
            );
            let mut events = crate::hash::FastMap::<&str, usize>::default();
            for e in &doc.events {
                for p in &e.participants {
                    *events.entry(p.entity.as_str()).or_default() += 1;
                }
            }
            for a in &doc.entities {
                row(
                    &mut w,
                    &[
                        &a.id,
                        &a.name,
                        a.latin.as_deref().unwrap_or_default(),
                        &a.kind,
                        a.country.as_deref().unwrap_or_default(),
                        &a.roles.join("; "),
                        a.part_of.as_deref().unwrap_or_default(),
                        &a.mentions.len().to_string(),
                        &events.get(a.id.as_str()).copied().unwrap_or(0).to_string(),
                        &article,
                    ],
                );
            }
        }
        Table::Relations => {
            row(
                &mut w,
                &[
                    "source",
                    "source_name",
                    "target",
                    "target_name",
                    "kind",
                    "events",
                    "evidence",
                    "article",
                ],
            );
            for r in &doc.relations {
                row(
                    &mut w,
                    &[
                        &r.source,
                        &ents.name(&r.source),
                        &r.target,
                        &ents.name(&r.target),
                        &r.kind,
                        &r.events.join(" "),
                        &quotes.of_spans(&r.evidence),
                        &article,
                    ],
                );
            }
        }
    }
    finish(w, true)
}

/// GDELT's quad class of a CAMEO code: 1 verbal cooperation (01–05), 2 material cooperation
/// (06–08), 3 verbal conflict (09–13), 4 material conflict (14–20).
pub fn quad_class(cameo: &str) -> Option<u8> {
    let root: u8 = cameo.get(..2)?.parse().ok()?;
    Some(match root {
        1..=5 => 1,
        6..=8 => 2,
        9..=13 => 3,
        14..=20 => 4,
        _ => return None,
    })
}

/// Rank of a role as the source side of a dyad: hosts first, guests and subjects last.
fn source_rank(role: &str) -> u8 {
    match role {
        "host" => 0,
        "signatory" => 1,
        "participant" => 2,
        "delegation" => 3,
        "guest" => 4,
        _ => 5,
    }
}

/// The dyads of an event as (source, target) participants: every pair, the side that receives
/// or hosts first; one row with no target when only one actor takes part, none without actors.
pub fn gdelt_rows(
    participants: &[Participant],
) -> Vec<(Option<&Participant>, Option<&Participant>)> {
    let mut ps: Vec<&Participant> = Vec::new();
    for p in participants {
        if !ps.iter().any(|q| q.entity == p.entity) {
            ps.push(p);
        }
    }
    ps.sort_by_key(|p| source_rank(&p.role));
    match ps.len() {
        0 => vec![(None, None)],
        1 => vec![(Some(ps[0]), None)],
        n => (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .map(|(i, j)| (Some(ps[i]), Some(ps[j])))
            .collect(),
    }
}

/// The GDELT-like event table, tab-separated, without a BOM (for R and pandas).
pub fn gdelt_tsv(doc: &Document) -> Vec<u8> {
    let mut w = writer(b'\t');
    let ents = Entities::of(doc);
    let article = article_ref(doc);
    w.write_record([
        "GlobalEventID",
        "SQLDATE",
        "Actor1ID",
        "Actor1Name",
        "Actor1CountryCode",
        "Actor2ID",
        "Actor2Name",
        "Actor2CountryCode",
        "EventCode",
        "EventRootCode",
        "QuadClass",
        "Status",
        "ActionGeo_FullName",
        "ActionGeo_CountryCode",
        "WaqaiEventID",
        "SOURCEURL",
    ])
    .expect("writing into memory");
    for i in doc.chronological() {
        let e = &doc.events[i];
        let date = event_date(doc, i).unwrap_or_default().replace('-', "");
        let cameo = e.cameo.as_deref().unwrap_or_default();
        let root = cameo.get(..2).unwrap_or_default();
        let quad = quad_class(cameo).map(|q| q.to_string()).unwrap_or_default();
        let place = e.place.as_deref().and_then(|p| ents.get(p));
        let side = |p: Option<&Participant>| match p {
            Some(p) => {
                let ent = ents.get(&p.entity);
                (
                    p.entity.clone(),
                    ents.name(&p.entity),
                    ent.and_then(|x| x.country.clone()).unwrap_or_default(),
                )
            }
            None => Default::default(),
        };
        for (k, (a, b)) in gdelt_rows(&e.participants).into_iter().enumerate() {
            let (a, b) = (side(a), side(b));
            w.write_record([
                format!("{}-{}", e.id, k + 1).as_str(),
                &date,
                &a.0,
                &a.1,
                &a.2,
                &b.0,
                &b.1,
                &b.2,
                cameo,
                root,
                &quad,
                &e.status,
                place.map(|p| p.name.as_str()).unwrap_or_default(),
                place.and_then(|p| p.country.as_deref()).unwrap_or_default(),
                &e.id,
                &article,
            ])
            .expect("writing into memory");
        }
    }
    finish(w, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(entity: &str, role: &str) -> Participant {
        Participant {
            entity: entity.into(),
            role: role.into(),
            extra: Default::default(),
        }
    }

    #[test]
    fn dyads_put_the_host_first_and_count_every_pair() {
        let ps = [
            p("guest1", "guest"),
            p("host", "host"),
            p("x", "participant"),
        ];
        let rows = gdelt_rows(&ps);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].0.unwrap().entity, "host");
        assert_eq!(gdelt_rows(&ps[..1]).len(), 1);
        assert!(gdelt_rows(&ps[..1])[0].1.is_none());
        assert_eq!(gdelt_rows(&[]).len(), 1);
        // The same actor twice is one side.
        assert_eq!(gdelt_rows(&[p("a", "host"), p("a", "guest")]).len(), 1);
    }

    #[test]
    fn quad_classes_follow_cameo_roots() {
        assert_eq!(quad_class("040"), Some(1));
        assert_eq!(quad_class("057"), Some(1));
        assert_eq!(quad_class("061"), Some(2));
        assert_eq!(quad_class("112"), Some(3));
        assert_eq!(quad_class("190"), Some(4));
        assert_eq!(quad_class(""), None);
        assert_eq!(quad_class("x1"), None);
    }
}
