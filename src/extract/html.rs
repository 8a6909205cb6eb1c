//! HTML pages reduced to their headline and paragraphs: scripts, styles, navigation, headers,
//! footers, forms and share widgets are dropped. A small tag scanner, no DOM.

/// Tags whose whole content is dropped.
const SKIP: [&str; 11] = [
    "script", "style", "nav", "header", "footer", "form", "aside", "noscript", "button", "svg",
    "iframe",
];
/// Tags that end a paragraph of text.
const BLOCK: [&str; 16] = [
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "div",
    "br",
    "tr",
    "article",
    "section",
    "blockquote",
    "title",
    "figcaption",
];

/// The headline (the `<h1>`, else the `<title>`) and the paragraphs, one per line, blank lines
/// between them, as a plain-text article.
pub fn to_text(html: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut title = None;
    let mut h1 = None;
    let mut current = String::new();
    let mut skip_depth: Vec<String> = Vec::new();
    let mut in_tag: Option<String> = None;
    let mut rest = html;
    let flush = |current: &mut String, paragraphs: &mut Vec<String>| {
        let t = collapse(current);
        if !t.is_empty() {
            paragraphs.push(t);
        }
        current.clear();
    };
    while !rest.is_empty() {
        if let Some(stripped) = rest.strip_prefix("<!--") {
            rest = stripped.split_once("-->").map_or("", |(_, after)| after);
            continue;
        }
        if let Some(inner) = rest.strip_prefix('<') {
            // An unclosed tag runs to the end of the page.
            let (tag, after) = inner.split_once('>').unwrap_or((inner, ""));
            rest = after;
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            let classes = tag.to_ascii_lowercase();
            let widget = [
                "share",
                "social",
                "comment",
                "related",
                "breadcrumb",
                "menu",
                "cookie",
                "advert",
            ]
            .iter()
            .any(|w| {
                classes.contains(&format!("class=\"{w}"))
                    || classes.contains(&format!("id=\"{w}"))
                    || classes.contains(&format!("-{w}"))
            });
            if !closing
                && !tag.ends_with('/')
                && (SKIP.contains(&name.as_str()) || widget && name == "div")
            {
                skip_depth.push(name);
                continue;
            }
            if closing && skip_depth.last() == Some(&name) {
                skip_depth.pop();
                continue;
            }
            if !skip_depth.is_empty() {
                continue;
            }
            if BLOCK.contains(&name.as_str()) {
                if closing {
                    match in_tag.as_deref() {
                        Some("title") if title.is_none() => title = Some(collapse(&current)),
                        Some("h1") if h1.is_none() => h1 = Some(collapse(&current)),
                        _ => {}
                    }
                    if matches!(in_tag.as_deref(), Some("title")) {
                        current.clear();
                    } else {
                        flush(&mut current, &mut paragraphs);
                    }
                    in_tag = None;
                } else {
                    flush(&mut current, &mut paragraphs);
                    in_tag = Some(name);
                }
            }
            continue;
        }
        let (chunk, after) = rest.split_at(rest.find('<').unwrap_or(rest.len()));
        if skip_depth.is_empty() {
            current.push_str(&unescape(chunk));
        }
        rest = after;
    }
    flush(&mut current, &mut paragraphs);
    let headline = h1.or(title).filter(|t| !t.is_empty());
    let mut out = String::new();
    if let Some(h) = &headline {
        out.push_str(h);
        out.push_str("\n\n");
    }
    let mut first = true;
    for p in paragraphs {
        if headline.as_deref() == Some(p.as_str()) || p.chars().count() < 2 {
            continue;
        }
        if !first {
            out.push_str("\n\n");
        }
        out.push_str(&p);
        first = false;
    }
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some((before, after)) = rest.split_once('&') {
        out.push_str(before);
        let entity = after
            .split_once(';')
            .filter(|(ent, _)| ent.len() < 10)
            .and_then(|(ent, tail)| Some((entity(ent)?, tail)));
        match entity {
            Some((c, tail)) => {
                out.push(c);
                rest = tail;
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The char an entity name (between `&` and `;`) stands for.
fn entity(ent: &str) -> Option<char> {
    match ent {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        "laquo" => Some('«'),
        "raquo" => Some('»'),
        _ => {
            if let Some(hex) = ent.strip_prefix("#x").or_else(|| ent.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else {
                ent.strip_prefix('#')?.parse().ok().and_then(char::from_u32)
            }
        }
    }
}

/// What a page says about itself: when it was published and by whom.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// The publication day (YYYY-MM-DD), from `<meta>` (`article:published_time`, `date`,
    /// `pubdate`, `DC.date.issued` …) or the first `<time datetime>`.
    pub published: Option<String>,
    /// The outlet, from `<meta property="og:site_name">`.
    pub outlet: Option<String>,
}

/// Names of `<meta>` tags that carry the publication date, the most specific first.
const DATE_METAS: [&str; 9] = [
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "dc.date.issued",
    "dc.date",
    "date",
];

/// The attribute `name` of a tag's inside (`meta property="x" content="y"`), unquoted.
fn attribute(tag: &str, name: &str) -> Option<String> {
    // ASCII lowercasing keeps byte positions, so offsets found in `lower` hold in `tag`.
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower.get(from..)?.find(name) {
        let at = from + i;
        from = at + name.len();
        let before_ok = lower
            .get(..at)?
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
        let rest = lower.get(from..)?.trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value = tag.get(tag.len() - rest.len() + 1..)?.trim_start();
        let (quote, body) = match value.chars().next() {
            Some(q @ ('"' | '\'')) => (Some(q), value.get(1..)?),
            _ => (None, value),
        };
        let end = match quote {
            Some(q) => body.find(q).unwrap_or(body.len()),
            None => body
                .find(|c: char| c.is_whitespace() || c == '/')
                .unwrap_or(body.len()),
        };
        return Some(body.get(..end)?.trim().to_owned());
    }
    None
}

/// The day of an ISO-like date or date-time (`2015-08-04T10:00:00+03:00` → `2015-08-04`).
fn day_of(value: &str) -> Option<String> {
    let day: String = value.trim().chars().take(10).collect();
    crate::model::parse_date(&day).map(|_| day)
}

/// Reads the publication date and the outlet from a page's tags.
pub fn metadata(html: &str) -> Meta {
    let mut meta = Meta::default();
    let mut best = usize::MAX;
    let mut time = None;
    for piece in html.split('<').skip(1) {
        let tag = piece.split('>').next().unwrap_or_default();
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match name.as_str() {
            "meta" => {
                let key = attribute(tag, "property")
                    .or_else(|| attribute(tag, "name"))
                    .or_else(|| attribute(tag, "itemprop"))
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                let content = attribute(tag, "content").unwrap_or_default();
                if key == "og:site_name" && !content.is_empty() {
                    meta.outlet.get_or_insert(content);
                } else if let Some(rank) = DATE_METAS.iter().position(|m| *m == key)
                    && rank < best
                    && let Some(day) = day_of(&content)
                {
                    best = rank;
                    meta.published = Some(day);
                }
            }
            "time" if time.is_none() => {
                time = attribute(tag, "datetime").and_then(|d| day_of(&d));
            }
            // The head's tags are read; in the body only a `<time>` is still wanted.
            "body" if meta.published.is_some() => break,
            _ => {}
        }
    }
    if meta.published.is_none() {
        meta.published = time;
    }
    meta
}

#[cfg(test)]
mod meta_tests {
    use super::*;

    #[test]
    fn a_page_says_when_and_where_it_was_published() {
        let page = r#"<html><head><title>x</title>
            <meta property="og:site_name" content="Okaz">
            <meta name="date" content="2015-08-03">
            <meta property="article:published_time" content="2015-08-04T09:30:00+03:00" />
            </head><body><p>نص</p><time datetime="2015-08-01">1 أغسطس</time></body></html>"#;
        let m = metadata(page);
        assert_eq!(m.published.as_deref(), Some("2015-08-04"));
        assert_eq!(m.outlet.as_deref(), Some("Okaz"));
        // Without a dated <meta>, the first <time datetime>, in the body too.
        let m = metadata(r#"<p>نص <time datetime='2016-02-29T08:00'>اليوم</time></p>"#);
        assert_eq!(m.published.as_deref(), Some("2016-02-29"));
        let page = r#"<html><head></head><body><time datetime="2016-03-01">x</time></body>"#;
        assert_eq!(metadata(page).published.as_deref(), Some("2016-03-01"));
        // A date that is not one is no date.
        assert_eq!(
            metadata(r#"<meta name="date" content="2015-02-30">"#).published,
            None
        );
    }
}
