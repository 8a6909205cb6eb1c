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
