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
            rest = stripped.find("-->").map_or("", |i| &stripped[i + 3..]);
            continue;
        }
        if rest.starts_with('<') {
            // An unclosed tag runs to the end of the page.
            let (tag, after) = match rest.find('>') {
                Some(end) => (&rest[1..end], &rest[end + 1..]),
                None => (&rest[1..], ""),
            };
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
        let next = rest.find('<').unwrap_or(rest.len());
        if skip_depth.is_empty() {
            current.push_str(&unescape(&rest[..next]));
        }
        rest = &rest[next..];
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
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|e| *e <= 10);
        let Some(end) = end else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let ent = &rest[1..end];
        let c = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            "laquo" => Some('«'),
            "raquo" => Some('»'),
            _ if ent.starts_with("#x") || ent.starts_with("#X") => {
                u32::from_str_radix(&ent[2..], 16)
                    .ok()
                    .and_then(char::from_u32)
            }
            _ if ent.starts_with('#') => ent[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
