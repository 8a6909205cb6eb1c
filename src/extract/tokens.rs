//! Normalised tokens and sentences with their spans in the original text.
//!
//! Matching ignores what Arabic spelling varies on (hamza and madda on alef, ى/ي, ة/ه, tatweel,
//! diacritics, Arabic-Indic digits); spans always point into the original text.

use crate::model::Span;

pub use crate::arabic::{norm, norm_char};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (Arabic or Latin).
    Word,
    /// Digits.
    Number,
    /// Anything else that is not space.
    Punct,
}

/// One token.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// Normalised text.
    pub norm: String,
    /// Where it stands in the original text (chars).
    pub span: Span,
    /// Word, number or punctuation.
    pub kind: TokenKind,
}

fn is_word_char(c: char) -> bool {
    // Arabic letters first: `is_alphabetic` takes a slow path outside ASCII.
    matches!(c as u32, 0x0621..=0x063A | 0x0641..=0x064A | 0x066E..=0x06D3)
        || c.is_ascii_alphabetic()
        || (!c.is_ascii() && c.is_alphabetic())
        || matches!(
            c,
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200C}' | '\u{200D}'
        )
}

/// Splits text into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let kind = if is_word_char(c) {
            while i < chars.len()
                && (is_word_char(chars[i])
                    || chars[i] == '-'
                        && i + 1 < chars.len()
                        && is_word_char(chars[i + 1])
                        && chars[i + 1].is_ascii_alphabetic())
            {
                i += 1;
            }
            TokenKind::Word
        } else if c.is_numeric() {
            while i < chars.len() && chars[i].is_numeric() {
                i += 1;
            }
            TokenKind::Number
        } else {
            i += 1;
            TokenKind::Punct
        };
        out.push(Token {
            norm: chars[start..i]
                .iter()
                .copied()
                .filter_map(norm_char)
                .collect(),
            span: Span::new(start, i),
            kind,
        });
    }
    out
}

/// Whether a token ends a sentence.
pub fn ends_sentence(t: &Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.norm.as_str(), "." | "!" | "?" | "؟" | "؛" | ";")
}

/// Whether a token separates clauses.
pub fn is_comma(t: &Token) -> bool {
    t.kind == TokenKind::Punct
        && matches!(
            t.norm.as_str(),
            "،" | "," | ":" | "(" | ")" | "«" | "»" | "\""
        )
}

/// The forms a word may take once proclitics (و ف, then ب ل ك, then ال or لل) are removed,
/// the word itself first; a form keeps at least two letters.
pub fn variants(word: &str) -> Vec<String> {
    let first = word.chars().next();
    if !matches!(first, Some('و' | 'ف' | 'ب' | 'ل' | 'ك' | 'ا')) {
        return vec![word.to_owned()];
    }
    let mut out: Vec<String> = Vec::with_capacity(6);
    let mut push = |w: String| {
        if !out.contains(&w) {
            out.push(w);
        }
    };
    let strip = |w: &str, p: &str| -> Option<String> {
        w.strip_prefix(p)
            .filter(|r| r.chars().count() >= 2)
            .map(str::to_owned)
    };
    let mut conj = vec![word.to_owned()];
    conj.extend(["و", "ف"].iter().filter_map(|p| strip(word, p)));
    let mut preps = Vec::new();
    for w in &conj {
        preps.push(w.clone());
        if let Some(r) = strip(w, "لل") {
            // «للأمم» is «ل» + «الأمم».
            preps.push(format!("ال{r}"));
        }
        preps.extend(["ب", "ل", "ك"].iter().filter_map(|p| strip(w, p)));
    }
    let long = word.chars().count() > 4;
    for w in preps {
        let bare = strip(&w, "ال").filter(|_| long);
        push(w);
        if let Some(b) = bare {
            push(b);
        }
    }
    out
}

/// The word without its proclitics and the definite article: the shortest of [`variants`]
/// that is still a plausible word (three letters or more when the word had them).
pub fn stem(word: &str) -> String {
    stem_of(word, &variants(word)).to_owned()
}

/// [`stem`] from the word's [`variants`], already computed.
pub fn stem_of<'a>(word: &'a str, forms: &'a [String]) -> &'a str {
    let n = word.chars().count();
    forms
        .iter()
        .filter(|v| v.chars().count() >= 3.min(n))
        .min_by_key(|v| v.chars().count())
        .map_or(word, String::as_str)
}

/// A sentence: a token range and whether it is web boilerplate.
#[derive(Clone, Debug, PartialEq)]
pub struct Sentence {
    /// Tokens `[start, end)`.
    pub tokens: std::ops::Range<usize>,
    /// The chars it covers (trimmed).
    pub span: Span,
    /// Paragraph number.
    pub paragraph: usize,
}

/// Splits tokens into sentences at sentence punctuation and paragraph breaks.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut paragraph = 0;
    let mut prev_end = 0;
    for (i, t) in tokens.iter().enumerate() {
        let newline = chars[prev_end.min(chars.len())..t.span.start].contains(&'\n');
        if newline && i > start {
            push(&mut out, tokens, start..i, paragraph);
            start = i;
        }
        if newline {
            paragraph += 1;
        }
        if ends_sentence(t) {
            push(&mut out, tokens, start..i + 1, paragraph);
            start = i + 1;
        }
        prev_end = t.span.end;
    }
    if start < tokens.len() {
        push(&mut out, tokens, start..tokens.len(), paragraph);
    }
    out
}

fn push(out: &mut Vec<Sentence>, tokens: &[Token], r: std::ops::Range<usize>, paragraph: usize) {
    if r.is_empty() {
        return;
    }
    let span = Span::new(tokens[r.start].span.start, tokens[r.end - 1].span.end);
    out.push(Sentence {
        tokens: r,
        span,
        paragraph,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proclitics_come_off_and_the_article_is_restored_after_lil() {
        let v = variants("وللامم");
        assert!(v.contains(&"الامم".to_owned()), "{v:?}");
        assert_eq!(stem("والدباشي"), "دباشي");
        assert_eq!(variants("في"), ["في"]);
    }
}
