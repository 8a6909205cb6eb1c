//! Extraction as a streaming filter (`waqai extract --jsonl`): articles as JSON Lines on the
//! input, one document per line on the output **in input order**, on several threads, with a
//! bounded number of lines in flight so that memory stays flat however long the stream.
//!
//! An input line is an object with `text` (or `html`), and optionally `id`, `title`,
//! `published` (YYYY-MM-DD), `url` and `outlet`; other fields are kept in the document's
//! `article`. The `id` is carried into the document. A line that cannot be read becomes an
//! error record, `{"id": …, "line": N, "error": "…"}`, on its own output line, and the stream
//! goes on.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};

use serde_json::{Map, Value};

use crate::model::{self, Document};

/// How to run the stream.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Worker threads extracting articles.
    pub threads: usize,
    /// Most lines read but not yet written; bounds memory.
    pub window: usize,
}

impl Options {
    /// `threads` workers (all cores when `None`) and a window of 16 lines per worker.
    pub fn with_threads(threads: Option<usize>) -> Self {
        let threads = threads
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .max(1);
        Self {
            threads,
            window: 16 * threads,
        }
    }
}

/// What a run did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Lines answered (blank lines are skipped and not counted).
    pub lines: usize,
    /// Of those, answered with an error record.
    pub failed: usize,
}

/// One output line: the JSON text and whether it is a document (not an error record).
type Answer = (String, bool);

/// An input line: its place among the non-blank lines, its line number, its bytes.
type Line = (usize, usize, Vec<u8>);

/// Reads articles from `input` and writes documents to `output`, in input order.
/// Fails only when reading the input or writing the output fails.
pub fn run<R, W>(input: R, mut output: W, opts: Options) -> io::Result<Summary>
where
    R: BufRead + Send,
    W: Write,
{
    let window = opts.window.max(1);
    let (work_tx, work_rx) = mpsc::channel::<Line>();
    let work_rx = Arc::new(Mutex::new(work_rx));
    let (done_tx, done_rx) = mpsc::channel::<(usize, Answer)>();
    // One credit per line allowed in flight: the reader takes one before reading a line, the
    // writer gives it back once the line is written.
    let (credit_tx, credit_rx) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        credit_tx
            .send(())
            .expect("the channel holds a window of credits");
    }
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || read_lines(input, &work_tx, &credit_rx));
        for _ in 0..opts.threads.max(1) {
            let work_rx = Arc::clone(&work_rx);
            let done_tx = done_tx.clone();
            scope.spawn(move || work(&work_rx, &done_tx));
        }
        drop(done_tx);
        let written = write_in_order(&mut output, &done_rx, &credit_tx);
        // Stop the reader if writing failed (it waits for credits that will not come).
        drop(credit_tx);
        drop(done_rx);
        let read = reader.join().unwrap_or_else(|_| {
            Err(io::Error::other(
                "the reader of the input stopped unexpectedly",
            ))
        });
        let summary = written?;
        read?;
        output.flush()?;
        Ok(summary)
    })
}

/// Reads lines (raw bytes, so that a line in a wrong encoding is one error, not the end of
/// the stream) and numbers them from 1.
fn read_lines<R: BufRead>(
    mut input: R,
    work: &mpsc::Sender<Line>,
    credits: &Receiver<()>,
) -> io::Result<()> {
    let mut number = 0;
    for seq in 0.. {
        if credits.recv().is_err() {
            return Ok(());
        }
        let mut line = Vec::new();
        loop {
            number += 1;
            line.clear();
            if input.read_until(b'\n', &mut line)? == 0 {
                return Ok(());
            }
            if !line.iter().all(u8::is_ascii_whitespace) {
                break;
            }
        }
        if work.send((seq, number, line)).is_err() {
            return Ok(());
        }
    }
    Ok(())
}

fn work(queue: &Mutex<Receiver<Line>>, done: &mpsc::Sender<(usize, Answer)>) {
    loop {
        let next = match queue.lock() {
            Ok(q) => q.recv(),
            Err(_) => return,
        };
        let Ok((seq, number, line)) = next else {
            return;
        };
        if done.send((seq, answer(number, &line))).is_err() {
            return;
        }
    }
}

/// Writes answers as they come, each only after all the lines before it.
fn write_in_order<W: Write>(
    output: &mut W,
    done: &Receiver<(usize, Answer)>,
    credits: &mpsc::SyncSender<()>,
) -> io::Result<Summary> {
    let mut waiting: BTreeMap<usize, Answer> = BTreeMap::new();
    let mut summary = Summary::default();
    for (seq, answer) in done {
        waiting.insert(seq, answer);
        while let Some((text, ok)) = waiting.remove(&summary.lines) {
            output.write_all(text.as_bytes())?;
            output.write_all(b"\n")?;
            summary.lines += 1;
            summary.failed += usize::from(!ok);
            let _ = credits.try_send(());
        }
    }
    Ok(summary)
}

/// The output line for one input line: a document, or an error record.
pub fn answer(number: usize, line: &[u8]) -> Answer {
    let fail = |id: Value, error: String| -> Answer {
        let mut record = Map::new();
        record.insert("id".into(), id);
        record.insert("line".into(), Value::from(number));
        record.insert("error".into(), Value::String(error));
        (Value::Object(record).to_string(), false)
    };
    let Ok(line) = std::str::from_utf8(line) else {
        return fail(Value::Null, "the line is not UTF-8".into());
    };
    let fields = match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(fields)) => fields,
        Ok(_) => return fail(Value::Null, "the line is not a JSON object".into()),
        Err(e) => return fail(Value::Null, format!("the line is not JSON: {e}")),
    };
    let id = fields.get("id").cloned().unwrap_or(Value::Null);
    let document = std::panic::catch_unwind(|| document_of(fields)).unwrap_or_else(|_| {
        Err("the extractor failed on this article (a bug: please report it)".into())
    });
    match document {
        Ok(doc) => match serde_json::to_string(&doc) {
            Ok(text) => (text, true),
            Err(e) => fail(id, format!("the document could not be written: {e}")),
        },
        Err(e) => fail(id, e),
    }
}

/// The document of one JSON Lines line: a Waqai document as it is (a line of `waqai extract`'s
/// output), or an article object extracted as `--jsonl` does.
pub fn document_of_line(line: &str) -> Result<Document, String> {
    let fields = match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(fields)) => fields,
        Ok(_) => return Err("the line is not a JSON object".into()),
        Err(e) => return Err(format!("the line is not JSON: {e}")),
    };
    if fields.contains_key("entities") && fields.contains_key("article") {
        return crate::model::parse_document(line.as_bytes()).map_err(|e| e.to_string());
    }
    std::panic::catch_unwind(|| document_of(fields)).unwrap_or_else(|_| {
        Err("the extractor failed on this article (a bug: please report it)".into())
    })
}

/// Builds and extracts the document of one input object.
fn document_of(mut fields: Map<String, Value>) -> Result<Document, String> {
    let mut take_str = |key: &str| -> Result<Option<String>, String> {
        match fields.remove(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(format!("`{key}` is not a string")),
        }
    };
    let text = take_str("text")?;
    let html = take_str("html")?;
    let title = take_str("title")?;
    let published = take_str("published")?;
    let url = take_str("url")?;
    let outlet = take_str("outlet")?;
    let body = text
        .or(html)
        .ok_or("the line has no `text` (or `html`) field")?;
    if let Some(p) = &published
        && model::parse_date(p).is_none()
    {
        return Err(format!("`published` {p:?} is not a date (YYYY-MM-DD)"));
    }
    let id = fields.remove("id");
    // The same decoding as a file of these bytes: line ends, HTML pages, empty texts.
    let decoded = crate::extract::decode::decode(body.as_bytes())?;
    let mut doc = model::document_from_text(&decoded.text);
    if let Some(t) = title.filter(|t| !t.trim().is_empty()) {
        doc.article.title = t;
    }
    doc.article.published = published;
    doc.article.source.url = url;
    doc.article.source.outlet = outlet;
    doc.article.extra.extend(fields);
    if let Some(id) = id {
        doc.extra.insert("id".into(), id);
    }
    crate::extract::extract_into(&mut doc);
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stream(input: &str, threads: usize) -> (Vec<Value>, Summary) {
        let mut out = Vec::new();
        let opts = Options { threads, window: 3 };
        let summary = run(input.as_bytes(), &mut out, opts).expect("in-memory streams work");
        let lines = String::from_utf8(out).expect("UTF-8 output");
        let values = lines
            .lines()
            .map(|l| serde_json::from_str(l).expect("JSON lines"))
            .collect();
        (values, summary)
    }

    #[test]
    fn lines_come_out_in_order_with_their_ids_and_errors_in_place() {
        let article = |id: usize| {
            serde_json::json!({
                "id": id,
                "text": "التقى وزير الخارجية المصري سامح شكري نظيره الأردني ناصر جودة.",
                "feed": "test",
            })
            .to_string()
        };
        let mut input = String::new();
        for id in 0..12 {
            input += &match id {
                4 => "not json".to_owned(),
                7 => r#"{"id": 7, "text": 3}"#.to_owned(),
                9 => r#"{"id": 9, "text": "  "}"#.to_owned(),
                _ => article(id),
            };
            input += if id == 5 { "\n\n" } else { "\n" };
        }
        let (out, summary) = stream(&input, 2);
        assert_eq!(
            summary,
            Summary {
                lines: 12,
                failed: 3
            }
        );
        assert_eq!(out.len(), 12);
        for (k, v) in out.iter().enumerate() {
            match k {
                4 => assert_eq!(v["line"], 5),
                7 | 9 => {
                    assert_eq!(v["id"], k);
                    assert!(v["error"].is_string());
                }
                _ => {
                    assert_eq!(v["id"], k, "line {k}");
                    assert_eq!(v["article"]["feed"], "test");
                    assert_eq!(v["events"].as_array().map(Vec::len), Some(1));
                }
            }
        }
    }

    #[test]
    fn a_line_in_another_encoding_is_one_error() {
        let mut input = b"{\"id\": 1, \"text\": \"\xe1\xd1\"}\n".to_vec();
        input.extend_from_slice(b"{\"id\": 2, \"text\": \"x\"}\n");
        let mut out = Vec::new();
        let summary = run(&input[..], &mut out, Options::with_threads(Some(1))).expect("runs");
        assert_eq!(
            summary,
            Summary {
                lines: 2,
                failed: 1
            }
        );
        let text = String::from_utf8(out).expect("UTF-8 output");
        assert!(text.lines().next().is_some_and(|l| l.contains("not UTF-8")));
    }

    #[test]
    fn a_bad_publication_date_is_named() {
        let (out, _) = stream(r#"{"id": "a", "text": "نص", "published": "2020-13-40"}"#, 1);
        assert!(
            out[0]["error"]
                .as_str()
                .is_some_and(|e| e.contains("2020-13-40"))
        );
    }
}
