//! The events as a TimelineJS timeline (its JSON format: `title`, `events` with `start_date`,
//! `text` and `group`), evidence in Arabic and the summary in each slide.

use serde_json::{Value, json};

use super::{Entities, Quotes, event_date};
use crate::model::{Chronology, Document};

/// HTML-escapes text for TimelineJS's `text` fields (they are HTML).
fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// The timeline. An event without a date of its own sits where Waqai's timeline puts it (the
/// day of the events told around it), and its slide says so; without any calendar date in the
/// document (TimelineJS needs a year) it is an error.
pub fn timelinejs(doc: &Document) -> Result<String, String> {
    let quotes = Quotes::of(doc);
    let ents = Entities::of(doc);
    let chron = Chronology::of(doc);
    let mut events = Vec::new();
    for i in doc.chronological() {
        let (date, stated) = match event_date(doc, i) {
            Some(d) => (d, true),
            None => match chron.of_event(i).filter(|_| chron.absolute) {
                Some(p) => {
                    let (y, m, d) = crate::model::civil(p.day);
                    (format!("{y:04}-{m:02}-{d:02}"), false)
                }
                None => continue,
            },
        };
        let e = &doc.events[i];
        let mut parts = date.split('-');
        let (y, m, d) = (parts.next(), parts.next(), parts.next());
        let mut start = json!({ "year": y.unwrap_or_default() });
        if e.when.precision != "year" {
            start["month"] = json!(m.unwrap_or_default().trim_start_matches('0'));
            if e.when.precision != "month" {
                start["day"] = json!(d.unwrap_or_default().trim_start_matches('0'));
            }
        }
        let who: Vec<String> = e
            .participants
            .iter()
            .map(|p| ents.name(&p.entity))
            .collect();
        let headline = if e.summary.is_empty() {
            format!("{}: {}", e.kind, who.join("، "))
        } else {
            e.summary.clone()
        };
        let evidence = quotes.of_spans(&e.evidence);
        let mut text = String::new();
        if !evidence.is_empty() {
            text.push_str(&format!(
                "<p dir=\"rtl\" lang=\"ar\">{}</p>",
                html(&evidence)
            ));
        }
        if !e.summary.is_empty() {
            text.push_str(&format!("<p>{}</p>", html(&e.summary)));
        }
        if !stated {
            text.push_str(
                "<p><i>No date in the text: placed with the events told around it.</i></p>",
            );
        }
        if !who.is_empty() {
            text.push_str(&format!(
                "<p dir=\"rtl\" lang=\"ar\">{}</p>",
                html(&who.join("، "))
            ));
        }
        events.push(json!({
            "unique_id": e.id,
            "start_date": start,
            "text": { "headline": html(&headline), "text": text },
            "group": e.kind,
        }));
    }
    if events.is_empty() {
        return Err(
            "no event has a calendar date (TimelineJS needs one): set the publication date first"
                .to_owned(),
        );
    }
    let title = json!({
        "text": {
            "headline": html(&doc.article.title),
            "text": doc.article.source.outlet.as_deref().map(html).unwrap_or_default(),
        }
    });
    let timeline: Value = json!({ "title": title, "events": events });
    Ok(serde_json::to_string_pretty(&timeline).expect("JSON values serialise"))
}
