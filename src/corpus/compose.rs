//! A corpus seen as one document, so that every view works on it unchanged: the articles' texts
//! one after another, one entity per corpus actor, and each meeting that several articles report
//! as one event whose `sources` say which articles told it and where.

use std::collections::HashMap;
use std::ops::Range;

use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::{Corpus, sql};
use crate::model::{Document, Entity, Event, FORMAT, Participant, Relation, Span};

/// What part of a corpus to show. Empty fields do not filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words the article must hold (spelling variants ignored, as in search).
    pub query: String,
    /// Only events this corpus actor takes part in.
    pub actor: Option<i64>,
    /// Only events of this kind.
    pub kind: Option<String>,
    /// Only events with a participant of this country (ISO code).
    pub country: Option<String>,
    /// Only articles of this outlet.
    pub outlet: Option<String>,
    /// Only events on or after this day (YYYY-MM-DD); undated events stay.
    pub from: Option<String>,
    /// Only events on or before this day (YYYY-MM-DD); undated events stay.
    pub to: Option<String>,
}

impl Filter {
    /// Whether it lets everything through.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    fn filters_events(&self) -> bool {
        self.actor.is_some()
            || self.kind.is_some()
            || self.country.is_some()
            || self.from.is_some()
            || self.to.is_some()
    }
}

/// One article's place in a composed corpus.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticlePart {
    /// Its id in the corpus.
    pub id: i64,
    /// Its title.
    pub title: String,
    /// Its outlet, when known.
    pub outlet: Option<String>,
    /// Its publication date, when known.
    pub published: Option<String>,
    /// Its text's chars in the composed text.
    pub chars: Range<usize>,
    /// Its text's bytes in the composed text.
    pub bytes: Range<usize>,
    /// How many of its events are shown.
    pub events: usize,
}

/// A corpus composed into one document.
#[derive(Clone, Debug)]
pub struct Composed {
    /// The document every view draws.
    pub doc: Document,
    /// The articles it holds, in their order in its text.
    pub articles: Vec<ArticlePart>,
    /// Corpus actors shown as another one (the same person spelled alike, or named by the
    /// start of a single longer name): actor → the one shown.
    pub same_as: HashMap<i64, i64>,
}

/// The corpus actors shown as `actor` (by a composition's `same_as`), besides itself.
pub fn shown_as(same_as: &HashMap<i64, i64>, actor: i64) -> Vec<i64> {
    let mut out: Vec<i64> = same_as
        .iter()
        .filter(|(_, to)| **to == actor)
        .map(|(from, _)| *from)
        .collect();
    out.sort_unstable();
    out
}

impl Composed {
    /// The article whose text holds char `at` of the composed text.
    pub fn article_at(&self, at: usize) -> Option<usize> {
        let k = self.articles.partition_point(|a| a.chars.end <= at);
        (k < self.articles.len() && self.articles[k].chars.contains(&at)).then_some(k)
    }
}

/// One account of an event: the article that told it and its evidence there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// The article's corpus id.
    pub article: i64,
    /// The event's id in that article's document.
    pub event: String,
    /// Its evidence in the composed text.
    pub evidence: Vec<Span>,
}

/// The accounts of an event of a composed corpus (empty for an event of a single article).
pub fn accounts(e: &Event) -> Vec<Account> {
    e.extra
        .get("sources")
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .unwrap_or_default()
}

/// How far apart (in days) two dated accounts of one event may be.
const SAME_EVENT_DAYS: i64 = 2;

/// Kinds that may name the same happening: a visit is also its arrival and its talks.
fn kind_group(kind: &str) -> u8 {
    match kind {
        "visit" | "arrival" | "meeting" => 0,
        "signing" | "agreement" => 1,
        "statement" => 2,
        _ => 3,
    }
}

/// One event of one article, its actors resolved to corpus actors.
struct Told {
    event: Event,
    article: i64,
    day: Option<i64>,
    actors: Vec<i64>,
    place: Option<i64>,
}

/// A happening gathered from its accounts.
struct Cluster {
    told: Told,
    accounts: Vec<Account>,
    articles: Vec<i64>,
}

impl Cluster {
    fn accepts(&self, t: &Told) -> bool {
        let c = &self.told;
        !self.articles.contains(&t.article)
            && kind_group(&c.event.kind) == kind_group(&t.event.kind)
            && match (c.day, t.day) {
                (Some(a), Some(b)) => (a - b).abs() <= SAME_EVENT_DAYS,
                _ => true,
            }
            && match (c.place, t.place) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
    }

    fn absorb(&mut self, t: Told) {
        for (p, actor) in t.event.participants.iter().zip(&t.actors) {
            if !self.told.actors.contains(actor) {
                self.told.actors.push(*actor);
                self.told.event.participants.push(p.clone());
            }
        }
        self.told.place = self.told.place.or(t.place);
        if self.told.event.place.is_none() {
            self.told.event.place.clone_from(&t.event.place);
        }
        if self.told.day.is_none() && t.day.is_some() {
            self.told.day = t.day;
            self.told.event.when = t.event.when.clone();
        }
        if t.event.status == "occurred" {
            self.told.event.status = "occurred".into();
        }
        self.told
            .event
            .evidence
            .extend(t.event.evidence.iter().copied());
        self.accounts.push(Account {
            article: t.article,
            event: t.event.id.clone(),
            evidence: t.event.evidence.clone(),
        });
        self.articles.push(t.article);
    }
}

struct Row {
    id: i64,
    title: String,
    outlet: Option<String>,
    published: Option<String>,
    doc: Document,
}

impl Corpus {
    /// The part of the corpus `filter` lets through, as one document.
    pub fn compose(&self, filter: &Filter) -> Result<Composed, String> {
        let rows = self.rows(filter)?;
        let mentions = self.mention_map()?;
        let actors = self.actor_table()?;
        let (from, to) = (
            filter.from.as_deref().and_then(crate::model::parse_date),
            filter.to.as_deref().and_then(crate::model::parse_date),
        );
        let canonical = canonical_actors(&actors);
        let canon = |a: i64| canonical.get(&a).copied().unwrap_or(a);
        let actor_of = |article: i64, entity: &str| {
            mentions
                .get(&article)
                .and_then(|m| m.get(entity))
                .map(|a| canon(*a))
        };
        let wanted_actor = filter.actor.map(canon);

        // Each article's events, with corpus actors, through the event filters.
        let mut kept: Vec<(Row, Vec<Told>)> = Vec::new();
        for row in rows {
            let mut told = Vec::new();
            for e in &row.doc.events {
                let ids: Vec<i64> = e
                    .participants
                    .iter()
                    .filter_map(|p| actor_of(row.id, &p.entity))
                    .collect();
                let day = e.when.date.as_deref().and_then(crate::model::parse_date);
                let country_ok = filter.country.as_deref().is_none_or(|c| {
                    ids.iter().any(|a| {
                        actors
                            .get(a)
                            .is_some_and(|x| x.country.as_deref() == Some(c))
                    })
                });
                let keep = wanted_actor.is_none_or(|a| ids.contains(&a))
                    && filter.kind.as_deref().is_none_or(|k| e.kind == k)
                    && country_ok
                    && from.is_none_or(|f| day.is_none_or(|d| d >= f))
                    && to.is_none_or(|t| day.is_none_or(|d| d <= t));
                if !keep {
                    continue;
                }
                let mut event = e.clone();
                let mut actor_ids = Vec::new();
                event.participants.clear();
                for p in &e.participants {
                    if let Some(a) = actor_of(row.id, &p.entity)
                        && !actor_ids.contains(&a)
                    {
                        actor_ids.push(a);
                        // What the actor was then, as this article says.
                        let roles = row
                            .doc
                            .entities
                            .iter()
                            .find(|x| x.id == p.entity)
                            .map(|x| x.roles.clone())
                            .unwrap_or_default();
                        let mut joined = Participant {
                            entity: entity_id(a),
                            ..p.clone()
                        };
                        if !roles.is_empty() {
                            joined.extra.insert("roles_then".into(), roles.into());
                        }
                        event.participants.push(joined);
                    }
                }
                let place = e.place.as_deref().and_then(|p| actor_of(row.id, p));
                event.place = place.map(entity_id);
                told.push(Told {
                    event,
                    article: row.id,
                    day,
                    actors: actor_ids,
                    place,
                });
            }
            if told.is_empty() && filter.filters_events() {
                continue;
            }
            kept.push((row, told));
        }

        // The texts one after another; every span moves with its article.
        let mut text = String::new();
        let mut len = 0usize;
        let mut articles = Vec::new();
        let mut entities: Vec<Entity> = Vec::new();
        let mut entity_of: HashMap<i64, usize> = HashMap::new();
        let mut relations: HashMap<(i64, String, i64), Relation> = HashMap::new();
        let mut all_told = Vec::new();
        for (row, told) in kept {
            if !text.is_empty() {
                text.push_str("\n\n");
                len += 2;
            }
            let base = len;
            let byte_base = text.len();
            text.push_str(&row.doc.article.text);
            len += row.doc.article.text.chars().count();
            let shift = |s: &Span| Span::new(s.start + base, s.end + base);
            for e in &row.doc.entities {
                let Some(a) = actor_of(row.id, &e.id) else {
                    continue;
                };
                let k = *entity_of.entry(a).or_insert_with(|| {
                    let info = actors.get(&a);
                    entities.push(Entity {
                        id: entity_id(a),
                        name: info.map_or_else(|| e.name.clone(), |x| x.name.clone()),
                        latin: info
                            .and_then(|x| x.latin.clone())
                            .or_else(|| e.latin.clone()),
                        latin_auto: e.latin_auto,
                        kind: e.kind.clone(),
                        country: info
                            .and_then(|x| x.country.clone())
                            .or_else(|| e.country.clone()),
                        ..Entity::default()
                    });
                    entities.len() - 1
                });
                let ent = &mut entities[k];
                ent.mentions.extend(e.mentions.iter().map(shift));
                for r in &e.roles {
                    if !ent.roles.contains(r) {
                        ent.roles.push(r.clone());
                    }
                }
            }
            for r in &row.doc.relations {
                let (Some(s), Some(t)) = (actor_of(row.id, &r.source), actor_of(row.id, &r.target))
                else {
                    continue;
                };
                let rel = relations
                    .entry((s, r.kind.clone(), t))
                    .or_insert_with(|| Relation {
                        source: entity_id(s),
                        target: entity_id(t),
                        kind: r.kind.clone(),
                        ..Relation::default()
                    });
                // Its passages in every article that tells it (its events are gathered
                // afresh, under other ids).
                rel.evidence.extend(r.evidence.iter().map(shift));
            }
            let shown = told.len();
            for mut t in told {
                t.event.id = format!("a{}_{}", row.id, t.event.id);
                t.event.evidence = t.event.evidence.iter().map(shift).collect();
                all_told.push(t);
            }
            articles.push(ArticlePart {
                id: row.id,
                title: row.title,
                outlet: row.outlet,
                published: row.published,
                chars: base..len,
                bytes: byte_base..text.len(),
                events: shown,
            });
        }

        let clusters = cluster(all_told);
        let mut events: Vec<Event> = Vec::with_capacity(clusters.len());
        let mut sorted: Vec<(Option<i64>, usize, Cluster)> = clusters
            .into_iter()
            .enumerate()
            .map(|(k, c)| (c.told.day, k, c))
            .collect();
        sorted.sort_by_key(|(day, k, _)| (day.is_none(), *day, *k));
        for (n, (_, _, c)) in sorted.into_iter().enumerate() {
            let mut e = c.told.event;
            e.order = n as i64 + 1;
            if c.accounts.len() > 1 {
                e.extra.insert(
                    "sources".into(),
                    serde_json::to_value(&c.accounts).map_err(|x| x.to_string())?,
                );
            }
            events.push(e);
        }
        // Only actors the kept events or texts name.
        let mut relations: Vec<Relation> = relations.into_values().collect();
        relations
            .sort_by(|a, b| (&a.source, &a.kind, &a.target).cmp(&(&b.source, &b.kind, &b.target)));
        let doc = Document {
            format: FORMAT.to_owned(),
            article: crate::model::Article {
                title: self
                    .path()
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
                text,
                language: "ar".into(),
                ..Default::default()
            },
            entities,
            events,
            relations,
            extra: Default::default(),
        };
        Ok(Composed {
            doc,
            articles,
            same_as: canonical,
        })
    }

    fn rows(&self, filter: &Filter) -> Result<Vec<Row>, String> {
        // Words, not punctuation alone, filter.
        let words = filter.query.chars().any(char::is_alphanumeric);
        let matching: Option<std::collections::HashSet<i64>> = if !words {
            None
        } else {
            Some(
                self.search(&filter.query)?
                    .into_iter()
                    .map(|a| a.id)
                    .collect(),
            )
        };
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, title, outlet, published, document, body FROM articles
                 ORDER BY published, id",
            )
            .map_err(sql)?;
        let mut raw = Vec::new();
        let mut rows = stmt.query([]).map_err(sql)?;
        while let Some(r) = rows.next().map_err(sql)? {
            let id: i64 = r.get(0).map_err(sql)?;
            if matching.as_ref().is_some_and(|m| !m.contains(&id)) {
                continue;
            }
            let outlet: Option<String> = r.get(2).map_err(sql)?;
            if filter.outlet.is_some() && outlet != filter.outlet {
                continue;
            }
            let json: String = r.get(4).map_err(sql)?;
            let body: Option<String> = r.get(5).map_err(sql)?;
            let title: String = r.get(1).map_err(sql)?;
            let published: Option<String> = r.get(3).map_err(sql)?;
            raw.push((id, title, outlet, published, json, body));
        }
        // Parsing is most of the work: on every core.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = raw.len().div_ceil(threads).max(1);
        let mut parts: Vec<Result<Vec<Row>, String>> = Vec::new();
        std::thread::scope(|scope| {
            let handles: Vec<_> = raw
                .chunks_mut(chunk)
                .map(|rows| {
                    scope.spawn(move || {
                        rows.iter_mut()
                            .map(|(id, title, outlet, published, json, body)| {
                                let mut doc = super::stored_document(json, body.take())?;
                                // The corpus's date wins: the user may have set it since.
                                doc.article.published.clone_from(published);
                                crate::model::resolve_relative_dates(&mut doc);
                                Ok(Row {
                                    id: *id,
                                    title: std::mem::take(title),
                                    outlet: outlet.take(),
                                    published: published.take(),
                                    doc,
                                })
                            })
                            .collect::<Result<Vec<Row>, String>>()
                    })
                })
                .collect();
            parts = handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err("a parsing thread failed".into()))
                })
                .collect();
        });
        let mut out = Vec::with_capacity(raw.len());
        for p in parts {
            out.extend(p?);
        }
        Ok(out)
    }

    /// For each article, the corpus actor of each of its entities.
    fn mention_map(&self) -> Result<HashMap<i64, HashMap<String, i64>>, String> {
        let mut stmt = self
            .conn
            .prepare("SELECT article, entity, actor FROM mentions")
            .map_err(sql)?;
        let mut out: HashMap<i64, HashMap<String, i64>> = HashMap::new();
        let mut rows = stmt.query([]).map_err(sql)?;
        while let Some(r) = rows.next().map_err(sql)? {
            let article: i64 = r.get(0).map_err(sql)?;
            out.entry(article)
                .or_default()
                .insert(r.get(1).map_err(sql)?, r.get(2).map_err(sql)?);
        }
        Ok(out)
    }

    fn actor_table(&self) -> Result<HashMap<i64, ActorInfo>, String> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, latin, kind, country, key FROM actors")
            .map_err(sql)?;
        let rows = stmt
            .query_map(params![], |r| {
                Ok((
                    r.get(0)?,
                    ActorInfo {
                        name: r.get(1)?,
                        latin: r.get(2)?,
                        kind: r.get(3)?,
                        country: r.get(4)?,
                        split: r.get::<_, String>(5)?.contains("|split|"),
                    },
                ))
            })
            .map_err(sql)?;
        rows.collect::<Result<_, _>>().map_err(sql)
    }
}

struct ActorInfo {
    name: String,
    latin: Option<String>,
    kind: String,
    country: Option<String>,
    /// Split off by the user: a namesake, never shown as another actor.
    split: bool,
}

/// The words of a person's name as compared: normalised, «عبد X» as one word.
fn name_words(name: &str) -> Vec<String> {
    crate::arabic::norm(name.trim())
        .replace("عبد ", "عبد")
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// People the corpus holds as several actors who are one: the same name spelled alike (one
/// article's name matched a name list, another's did not), or a name of three words or more
/// that begins a longer one — «سلمان بن عبدالعزيز» and «سلمان بن عبدالعزيز آل سعود» — when no
/// other longer name begins with it and their countries do not differ. Each maps to the actor
/// with the longest such name (ties: the smallest id).
fn canonical_actors(actors: &HashMap<i64, ActorInfo>) -> HashMap<i64, i64> {
    let people: Vec<(i64, Vec<String>, Option<&str>)> = actors
        .iter()
        .filter(|(_, a)| a.kind == "person" && !a.split)
        .map(|(id, a)| (*id, name_words(&a.name), a.country.as_deref()))
        .filter(|(_, w, _)| w.len() >= 3)
        .collect();
    let mut by_prefix: HashMap<String, Vec<usize>> = HashMap::new();
    for (k, (_, words, _)) in people.iter().enumerate() {
        for n in 3..=words.len() {
            by_prefix.entry(words[..n].join(" ")).or_default().push(k);
        }
    }
    let mut out = HashMap::new();
    for (id, words, country) in &people {
        let Some(longer) = by_prefix.get(&words.join(" ")) else {
            continue;
        };
        let compatible: Vec<usize> = longer
            .iter()
            .copied()
            .filter(|&k| {
                let (_, _, c) = &people[k];
                country.is_none() || c.is_none() || c == country
            })
            .collect();
        // The longest; every other candidate must begin it too (one person, not two).
        let Some(&best) = compatible
            .iter()
            .max_by_key(|&&k| (people[k].1.len(), std::cmp::Reverse(people[k].0)))
        else {
            continue;
        };
        let head = &people[best].1;
        if compatible.iter().all(|&k| head.starts_with(&people[k].1)) && people[best].0 != *id {
            out.insert(*id, people[best].0);
        }
    }
    out
}

/// The id of corpus actor `a` in a composed document.
pub fn entity_id(a: i64) -> String {
    format!("actor{a}")
}

/// The corpus actor of an entity id of a composed document.
pub fn actor_of_entity(id: &str) -> Option<i64> {
    id.strip_prefix("actor")?.parse().ok()
}

/// Gathers the accounts of one happening: an event joins the first earlier one of another
/// article with a compatible kind, day and place that shares two of its actors. Matching
/// against each gathering's first account, not any account, keeps an undated report from
/// chaining two dated happenings together.
fn cluster(told: Vec<Told>) -> Vec<Cluster> {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut by_pair: HashMap<(u8, i64, i64), Vec<usize>> = HashMap::new();
    for t in told {
        let group = kind_group(&t.event.kind);
        let mut pairs = Vec::new();
        for (i, a) in t.actors.iter().enumerate() {
            for b in &t.actors[i + 1..] {
                pairs.push((group, *a.min(b), *a.max(b)));
            }
        }
        let found = pairs
            .iter()
            .filter_map(|p| by_pair.get(p))
            .flatten()
            .copied()
            .filter(|&c| clusters[c].accepts(&t))
            .min();
        match found {
            Some(c) => clusters[c].absorb(t),
            None => {
                let k = clusters.len();
                for p in pairs {
                    by_pair.entry(p).or_default().push(k);
                }
                clusters.push(Cluster {
                    accounts: vec![Account {
                        article: t.article,
                        event: t.event.id.clone(),
                        evidence: t.event.evidence.clone(),
                    }],
                    articles: vec![t.article],
                    told: t,
                });
            }
        }
    }
    clusters
}
