//! A desk of articles: many articles and their documents in one SQLite file (`*.waqai.db`),
//! the same person, organisation or place across them as one corpus actor, and a full-text
//! index over normalised Arabic. Every article is written in one transaction (WAL journal), so
//! an import stopped at any point leaves a consistent corpus. No GUI code.

mod compose;
mod import;

pub use compose::{
    Account, ArticlePart, Composed, Filter, accounts, actor_of_entity, entity_id, shown_as,
};
pub use import::{ImportReport, Progress, import_paths, input_files};

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};

use crate::model::Document;

/// `PRAGMA application_id` of a Waqai corpus ("WQAI").
const APPLICATION_ID: i64 = 0x5751_4149;
/// Schema version (`PRAGMA user_version`). Version 2 keeps each article's text in `body`, out of
/// its document's JSON (composing a corpus then parses a third as much); version 1 files are
/// upgraded in place, their old rows read as they are.
const SCHEMA_VERSION: i64 = 2;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    file_sha256 TEXT,
    path TEXT,
    title TEXT NOT NULL,
    outlet TEXT,
    published TEXT,
    events INTEGER NOT NULL,
    document TEXT NOT NULL,
    body TEXT
);
CREATE TABLE IF NOT EXISTS actors (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    latin TEXT,
    kind TEXT NOT NULL,
    country TEXT
);
CREATE TABLE IF NOT EXISTS mentions (
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity TEXT NOT NULL,
    actor INTEGER NOT NULL REFERENCES actors(id),
    confidence REAL NOT NULL,
    PRIMARY KEY (article, entity)
);
CREATE INDEX IF NOT EXISTS mentions_actor ON mentions(actor);
CREATE INDEX IF NOT EXISTS articles_file ON articles(file_sha256);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published, id);
CREATE VIRTUAL TABLE IF NOT EXISTS article_text USING fts5(title, body, tokenize = 'unicode61');
";

/// Whether `path` names a corpus (`*.waqai.db`, or any `*.db`).
pub fn is_corpus_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("db"))
}

/// One article's entity made a mention of a corpus actor (merging and splitting actors across
/// articles are lists of these).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Move {
    /// The article.
    pub article: i64,
    /// The entity's id in the article's document.
    pub entity: String,
    /// The corpus actor it names.
    pub actor: i64,
}

/// An open corpus file.
pub struct Corpus {
    conn: Connection,
    path: PathBuf,
}

/// One article of a corpus.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleRow {
    /// Row id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Outlet, when known.
    pub outlet: Option<String>,
    /// Publication date, when known.
    pub published: Option<String>,
    /// Number of events extracted.
    pub events: i64,
}

impl ArticleRow {
    /// The row of `SELECT id, title, outlet, published, events`.
    fn of_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            id: r.get(0)?,
            title: r.get(1)?,
            outlet: r.get(2)?,
            published: r.get(3)?,
            events: r.get(4)?,
        })
    }
}

/// A corpus actor with the number of articles that name it.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorRow {
    /// Row id.
    pub id: i64,
    /// Arabic name (as first seen).
    pub name: String,
    /// Latin form, when known.
    pub latin: Option<String>,
    /// Kind (`person`, `organization` …).
    pub kind: String,
    /// Articles that name it.
    pub articles: i64,
}

/// What adding one document did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Added {
    /// A new article.
    New,
    /// The same text was already in the corpus: nothing changed.
    Unchanged,
}

fn sql(e: rusqlite::Error) -> String {
    format!("database error: {e}")
}

impl Corpus {
    /// Opens the corpus at `path`, creating it when the file does not exist. A file that is not
    /// SQLite, or an SQLite database of another program, is refused with a message and left
    /// as it is.
    pub fn open(path: &Path) -> Result<Self, String> {
        let existed = path.exists();
        if existed {
            let mut head = Vec::with_capacity(16);
            std::io::Read::read_to_end(
                &mut std::io::Read::take(
                    std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?,
                    16,
                ),
                &mut head,
            )
            .map_err(|e| format!("{}: {e}", path.display()))?;
            // An empty file becomes a new corpus; anything else must be SQLite.
            if !head.is_empty() && head != b"SQLite format 3\0" {
                return Err(format!(
                    "{} is not a Waqai corpus (not an SQLite database); it was left as it is",
                    path.display()
                ));
            }
        }
        let conn = Connection::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
        // Another process may be writing (an import): wait for it rather than fail.
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(sql)?;
        let app: i64 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(|e| format!("{} cannot be read as a corpus: {e}", path.display()))?;
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(|e| format!("{} cannot be read as a corpus: {e}", path.display()))?;
        if app != APPLICATION_ID && tables > 0 {
            return Err(format!(
                "{} is an SQLite database of another program, not a Waqai corpus; it was left \
                 as it is",
                path.display()
            ));
        }
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(sql)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(sql)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(sql)?;

        if app != APPLICATION_ID {
            // Schema and marks in one transaction: a crash leaves an empty file, not a
            // half-made corpus that later opens would refuse.
            conn.execute_batch(&format!(
                "BEGIN; {SCHEMA} PRAGMA application_id = {APPLICATION_ID}; \
                 PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
            ))
            .map_err(sql)?;
        }
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(sql)?;
        if version > SCHEMA_VERSION {
            return Err(format!(
                "{} was written by a newer Waqai (corpus version {version})",
                path.display()
            ));
        }
        if version == 1 {
            // Another process may be upgrading the same file: take the write lock, then look
            // again.
            conn.execute_batch("BEGIN IMMEDIATE").map_err(sql)?;
            let again: i64 = conn
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .map_err(sql)?;
            if again == 1 {
                conn.execute_batch(
                    "ALTER TABLE articles ADD COLUMN body TEXT; \
                     CREATE INDEX IF NOT EXISTS articles_published ON articles(published, id); \
                     PRAGMA user_version = 2;",
                )
                .map_err(sql)?;
            }
            conn.execute_batch("COMMIT").map_err(sql)?;
        }
        Ok(Self {
            conn,
            path: path.to_owned(),
        })
    }

    /// Where it is stored.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether a file with these bytes (their SHA-256) was imported already.
    pub fn has_file(&self, file_sha256: &str) -> Result<bool, String> {
        self.any("SELECT 1 FROM articles WHERE file_sha256 = ?1", file_sha256)
    }

    /// Whether `query` (one `?1` parameter) returns a row.
    fn any(&self, query: &str, value: &str) -> Result<bool, String> {
        self.conn
            .query_row(query, params![value], |_| Ok(()))
            .optional()
            .map(|r| r.is_some())
            .map_err(sql)
    }

    /// Whether an article with this text hash is already in the corpus.
    pub fn has(&self, sha256: &str) -> Result<bool, String> {
        self.any("SELECT 1 FROM articles WHERE sha256 = ?1", sha256)
    }

    /// Adds an extracted document (its article's text hashed to recognise it again), its actors
    /// resolved to corpus actors, and its text to the full-text index — all in one transaction.
    pub fn add(
        &mut self,
        doc: &Document,
        path: Option<&Path>,
        file_sha256: &str,
    ) -> Result<Added, String> {
        let sha = crate::extract::gold::sha256_hex(doc.article.text.as_bytes());
        if self.has(&sha)? {
            return Ok(Added::Unchanged);
        }
        // The text goes in its own column: composing reads it as it is, parsing only the rest.
        let mut without_text = doc.clone();
        without_text.article.text = String::new();
        let json = serde_json::to_string(&without_text).map_err(|e| e.to_string())?;
        let tx = self.conn.transaction().map_err(sql)?;
        tx.execute(
            "INSERT INTO articles
             (sha256, file_sha256, path, title, outlet, published, events, document, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                sha,
                file_sha256,
                path.map(|p| p.display().to_string()),
                doc.article.title,
                doc.article.source.outlet,
                doc.article.published,
                doc.events.len() as i64,
                json,
                doc.article.text
            ],
        )
        .map_err(sql)?;
        let article = tx.last_insert_rowid();
        for e in &doc.entities {
            let (key, confidence) = actor_key(e);
            tx.execute(
                "INSERT INTO actors (key, name, latin, kind, country) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(key) DO UPDATE SET latin = coalesce(actors.latin, excluded.latin)",
                params![key, e.name, e.latin, e.kind, e.country],
            )
            .map_err(sql)?;
            let actor: i64 = tx
                .query_row("SELECT id FROM actors WHERE key = ?1", params![key], |r| {
                    r.get(0)
                })
                .map_err(sql)?;
            tx.execute(
                "INSERT OR REPLACE INTO mentions (article, entity, actor, confidence)
                 VALUES (?1, ?2, ?3, ?4)",
                params![article, e.id, actor, confidence],
            )
            .map_err(sql)?;
        }
        tx.execute(
            "INSERT INTO article_text (rowid, title, body) VALUES (?1, ?2, ?3)",
            params![
                article,
                crate::arabic::norm(&doc.article.title),
                crate::arabic::norm(&doc.article.text)
            ],
        )
        .map_err(sql)?;
        tx.commit().map_err(sql)?;
        Ok(Added::New)
    }

    /// The articles, oldest first.
    pub fn articles(&self) -> Result<Vec<ArticleRow>, String> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, title, outlet, published, events FROM articles
                 ORDER BY published, id",
            )
            .map_err(sql)?;
        let rows = stmt.query_map([], ArticleRow::of_row).map_err(sql)?;
        rows.collect::<Result<_, _>>().map_err(sql)
    }

    /// The stored document of article `id`.
    pub fn document(&self, id: i64) -> Result<Document, String> {
        let (json, body): (String, Option<String>) = self
            .conn
            .query_row(
                "SELECT document, body FROM articles WHERE id = ?1",
                params![id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(sql)?;
        stored_document(&json, body)
    }

    /// Sets the publication date of article `id` (relative dates re-resolve when composed).
    pub fn set_published(&mut self, id: i64, date: Option<&str>) -> Result<(), String> {
        if let Some(d) = date
            && crate::model::parse_date(d).is_none()
        {
            return Err(format!("{d} is not a date (YYYY-MM-DD)"));
        }
        self.restore_published(id, date)
    }

    /// Puts back the publication date of article `id` as it was, unchecked (undo: an imported
    /// document may have carried a date-time).
    pub fn restore_published(&mut self, id: i64, date: Option<&str>) -> Result<(), String> {
        self.conn
            .execute(
                "UPDATE articles SET published = ?1 WHERE id = ?2",
                params![date, id],
            )
            .map_err(sql)?;
        Ok(())
    }

    /// Makes the entities of articles named by `moves` mentions of other corpus actors, in one
    /// transaction: each `(article, entity, actor)` goes to `actor`. Returns what each was
    /// before, in the same order, so that the change can be undone by moving them back.
    pub fn move_mentions(&mut self, moves: &[Move]) -> Result<Vec<Move>, String> {
        // Immediate: it reads before it writes, and a deferred transaction would fail at once
        // (not wait) if an import wrote in between.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(sql)?;
        let mut before = Vec::with_capacity(moves.len());
        for m in moves {
            let was: i64 = tx
                .query_row(
                    "SELECT actor FROM mentions WHERE article = ?1 AND entity = ?2",
                    params![m.article, m.entity],
                    |r| r.get(0),
                )
                .map_err(sql)?;
            tx.execute(
                "UPDATE mentions SET actor = ?1 WHERE article = ?2 AND entity = ?3",
                params![m.actor, m.article, m.entity],
            )
            .map_err(sql)?;
            before.push(Move {
                actor: was,
                ..m.clone()
            });
        }
        tx.commit().map_err(sql)?;
        Ok(before)
    }

    /// The moves that make corpus actor `gone` one with `keep`: every entity it names.
    pub fn merge_moves(&self, keep: i64, gone: i64) -> Result<Vec<Move>, String> {
        let mut stmt = self
            .conn
            .prepare("SELECT article, entity FROM mentions WHERE actor = ?1")
            .map_err(sql)?;
        let rows = stmt
            .query_map(params![gone], |r| {
                Ok(Move {
                    article: r.get(0)?,
                    entity: r.get(1)?,
                    actor: keep,
                })
            })
            .map_err(sql)?;
        rows.collect::<Result<_, _>>().map_err(sql)
    }

    /// The moves that split off what article `article` says of corpus actor `actor` — and of
    /// the `same` actors shown as one with it — as an actor of its own (a namesake), made here.
    pub fn split_moves(
        &mut self,
        actor: i64,
        same: &[i64],
        article: i64,
    ) -> Result<Vec<Move>, String> {
        let (name, latin, kind, country): (String, Option<String>, String, Option<String>) = self
            .conn
            .query_row(
                "SELECT name, latin, kind, country FROM actors WHERE id = ?1",
                params![actor],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .map_err(sql)?;
        let key = format!("{kind}|split|{actor}|{article}");
        self.conn
            .execute(
                "INSERT OR IGNORE INTO actors (key, name, latin, kind, country)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![key, name, latin, kind, country],
            )
            .map_err(sql)?;
        let new: i64 = self
            .conn
            .query_row("SELECT id FROM actors WHERE key = ?1", params![key], |r| {
                r.get(0)
            })
            .map_err(sql)?;
        let mut stmt = self
            .conn
            .prepare("SELECT entity FROM mentions WHERE actor = ?1 AND article = ?2")
            .map_err(sql)?;
        let mut out = Vec::new();
        for a in std::iter::once(&actor).chain(same) {
            let rows = stmt
                .query_map(params![a, article], |r| {
                    Ok(Move {
                        article,
                        entity: r.get(0)?,
                        actor: new,
                    })
                })
                .map_err(sql)?;
            for m in rows {
                out.push(m.map_err(sql)?);
            }
        }
        Ok(out)
    }

    /// The countries of its actors (ISO codes), in alphabetical order.
    pub fn countries(&self) -> Result<Vec<String>, String> {
        self.strings(
            "SELECT DISTINCT country FROM actors WHERE country IS NOT NULL ORDER BY country",
        )
    }

    /// The outlets of its articles, in alphabetical order.
    pub fn outlets(&self) -> Result<Vec<String>, String> {
        self.strings(
            "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet",
        )
    }

    /// The first column of every row of `query`, as text.
    fn strings(&self, query: &str) -> Result<Vec<String>, String> {
        let mut stmt = self.conn.prepare(query).map_err(sql)?;
        let rows = stmt.query_map([], |r| r.get(0)).map_err(sql)?;
        rows.collect::<Result<_, _>>().map_err(sql)
    }

    /// Actors named in at least `min_articles` articles, the most widely named first.
    pub fn actors(&self, min_articles: i64) -> Result<Vec<ActorRow>, String> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT a.id, a.name, a.latin, a.kind, count(DISTINCT m.article) AS n
                 FROM actors a JOIN mentions m ON m.actor = a.id
                 GROUP BY a.id HAVING n >= ?1 ORDER BY n DESC, a.id",
            )
            .map_err(sql)?;
        let rows = stmt
            .query_map(params![min_articles], |r| {
                Ok(ActorRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    latin: r.get(2)?,
                    kind: r.get(3)?,
                    articles: r.get(4)?,
                })
            })
            .map_err(sql)?;
        rows.collect::<Result<_, _>>().map_err(sql)
    }

    /// Articles whose title or text hold every word of `query`, spelling variants (hamza,
    /// ى/ي, ة/ه, diacritics) ignored; best matches first.
    pub fn search(&self, query: &str) -> Result<Vec<ArticleRow>, String> {
        let words: Vec<String> = crate::arabic::norm(query)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| format!("\"{w}\""))
            .collect();
        if words.is_empty() {
            return Ok(vec![]);
        }
        let mut stmt = self
            .conn
            .prepare(
                "SELECT a.id, a.title, a.outlet, a.published, a.events
                 FROM article_text t JOIN articles a ON a.id = t.rowid
                 WHERE article_text MATCH ?1 ORDER BY rank",
            )
            .map_err(sql)?;
        let rows = stmt
            .query_map(params![words.join(" ")], ArticleRow::of_row)
            .map_err(sql)?;
        rows.collect::<Result<_, _>>().map_err(sql)
    }

    /// The actor named `name`: `actorN`, its Latin form or its Arabic name (spelling variants
    /// ignored); the most widely named when several share it.
    pub fn find_actor(&self, name: &str) -> Result<Option<i64>, String> {
        if let Some(id) = actor_of_entity(name) {
            return Ok(Some(id));
        }
        let wanted = crate::arabic::norm(name.trim()).to_lowercase();
        let mut best = None;
        for a in self.actors(1)? {
            let latin = a.latin.as_deref().unwrap_or_default().to_lowercase();
            if crate::arabic::norm(&a.name) == wanted || latin == wanted {
                best = best.or(Some(a.id));
            }
        }
        Ok(best)
    }

    /// SQLite's own check of the file, and ours: every article indexed and its actors linked.
    pub fn check(&self) -> Result<(), String> {
        let ok: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(sql)?;
        if ok != "ok" {
            return Err(format!("integrity check: {ok}"));
        }
        let count = |q: &str| -> Result<i64, String> {
            self.conn.query_row(q, [], |r| r.get(0)).map_err(sql)
        };
        let articles = count("SELECT count(*) FROM articles")?;
        let indexed = count("SELECT count(*) FROM article_text")?;
        if articles != indexed {
            return Err(format!("{articles} articles but {indexed} indexed"));
        }
        let orphans = count(
            "SELECT count(*) FROM mentions m LEFT JOIN actors a ON a.id = m.actor
             WHERE a.id IS NULL",
        )?;
        if orphans > 0 {
            return Err(format!("{orphans} mentions of missing actors"));
        }
        Ok(())
    }
}

/// A stored document: its JSON, and its text when kept apart (schema 2).
fn stored_document(json: &str, body: Option<String>) -> Result<Document, String> {
    let mut doc = crate::model::parse_document(json.as_bytes())?;
    if let Some(text) = body {
        doc.article.text = text;
    }
    Ok(doc)
}

/// The key that makes two articles' actors one corpus actor, with its confidence: the kind and
/// the Latin form from a name list (not an automatic one, letters only) when there is one, else
/// the
/// normalised Arabic name («عبد العزيز» and «عبدالعزيز» alike).
fn actor_key(e: &crate::model::Entity) -> (String, f64) {
    match (&e.latin, e.latin_auto) {
        (Some(l), false) if l.chars().any(char::is_alphanumeric) => {
            let latin: String = l
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            (format!("{}|latin|{latin}", e.kind), 0.95)
        }
        _ => {
            let name = crate::arabic::norm(e.name.trim()).replace("عبد ", "عبد");
            (format!("{}|ar|{name}", e.kind), 0.8)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Entity;

    fn person(name: &str, latin: Option<&str>, auto: bool) -> Entity {
        Entity {
            name: name.into(),
            kind: "person".into(),
            latin: latin.map(str::to_owned),
            latin_auto: auto,
            ..Entity::default()
        }
    }

    #[test]
    fn a_version_1_corpus_is_upgraded_in_place_and_keeps_its_articles() {
        let dir = std::env::temp_dir().join(format!("waqai-v1-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch");
        let path = dir.join("old.waqai.db");
        let mut doc = crate::seed::document();
        {
            let conn = Connection::open(&path).expect("sqlite");
            let v1 = SCHEMA
                .replace(
                    "document TEXT NOT NULL,\n    body TEXT",
                    "document TEXT NOT NULL",
                )
                .replace(
                    "CREATE INDEX IF NOT EXISTS articles_published ON articles(published, id);",
                    "",
                );
            conn.execute_batch(&format!(
                "{v1} PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = 1;"
            ))
            .expect("a version 1 corpus");
            let json = serde_json::to_string(&doc).expect("json");
            conn.execute(
                "INSERT INTO articles (sha256, title, events, document) VALUES ('x', 't', 6, ?1)",
                params![json],
            )
            .expect("an old row");
        }
        let mut corpus = Corpus::open(&path).expect("opens and upgrades");
        let version: i64 = corpus
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("version");
        assert_eq!(version, SCHEMA_VERSION);
        // The old row still reads whole; a new one stores its text apart.
        let id = corpus.articles().expect("articles")[0].id;
        assert_eq!(corpus.document(id).expect("old document"), doc);
        doc.article.text.push_str(" جديد");
        corpus.add(&doc, None, "y").expect("added");
        let new = corpus.articles().expect("articles")[1].id;
        assert_eq!(
            corpus.document(new).expect("new document").article.text,
            doc.article.text
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_same_person_spelled_apart_is_one_key() {
        let key = |e: &Entity| actor_key(e).0;
        assert_eq!(
            key(&person("سلمان بن عبد العزيز", None, false)),
            key(&person("سلمان بن عبدالعزيز", None, false))
        );
        assert_eq!(
            key(&person("محمد بن سلمان", Some("Mohammed bin Salman"), false)),
            key(&person(
                "محمد بن سلمان آل سعود",
                Some("Mohammed Bin-Salman"),
                false
            ))
        );
        // An automatic Latin form proves nothing: the Arabic name decides.
        assert_ne!(
            key(&person("محمد", Some("Mohamed"), true)),
            key(&person("أحمد", Some("Mohamed"), true))
        );
        assert_ne!(
            key(&person("عمان", None, false)),
            key(&Entity {
                kind: "city".into(),
                ..person("عمان", None, false)
            })
        );
    }
}
