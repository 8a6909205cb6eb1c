//! The first pass: the article as tokens and sentences, each word with the forms it takes once
//! its proclitics are removed, and the helpers later passes use to look words up and to turn
//! token ranges back into spans and names of the original text.

use std::ops::Range;

use super::lexicon::Lexicon;
use super::phrases::{FastSet, PhraseIndex};
use super::tokens::{Sentence, Token, TokenKind, norm, norm_char, sentences, tokenize, variants};
use crate::model::Span;

/// The analysed article.
pub struct Text {
    /// The article's chars (offsets are into these).
    pub chars: Vec<char>,
    /// Tokens.
    pub toks: Vec<Token>,
    /// Sentences (the headline is the first).
    pub sents: Vec<Sentence>,
    /// Sentence index of each token.
    pub sent_of: Vec<usize>,
    /// Forms of each token without proclitics, the token itself first.
    pub forms: Vec<Vec<String>>,
    /// Tokens of web boilerplate lines, not analysed.
    pub skip: Vec<bool>,
    /// Whether each token starts with the conjunction و or ف (not «وفد», «فجر», «وزارة»).
    conjunction: Vec<bool>,
}

/// A phrase found at a token: its length in tokens, what it names, and the form of the first
/// token it matched (proclitics removed).
pub struct Found<'a, T> {
    /// Tokens covered.
    pub len: usize,
    /// Values of the phrase.
    pub values: &'a [T],
    /// The first token's form that matched.
    pub form: &'a str,
}

impl Text {
    /// Tokenises and splits the article.
    pub fn new(text: &str, lx: &Lexicon) -> Self {
        let toks = tokenize(text);
        let sents = sentences(text, &toks);
        let chars: Vec<char> = text.chars().collect();
        let mut sent_of = vec![0; toks.len()];
        let mut skip = vec![false; toks.len()];
        for (k, s) in sents.iter().enumerate() {
            for i in s.tokens.clone() {
                sent_of[i] = k;
            }
            let line = norm(&chars[s.span.start..s.span.end].iter().collect::<String>());
            if s.tokens.len() <= 6 && lx.boilerplate.iter().any(|b| line.starts_with(b.as_str())) {
                for i in s.tokens.clone() {
                    skip[i] = true;
                }
            }
        }
        let forms: Vec<Vec<String>> = toks.iter().map(|t| variants(&t.norm)).collect();
        let conjunction = toks
            .iter()
            .map(|t| {
                let w = t.norm.as_str();
                let known = lx.common_words.contains(w)
                    || lx.name_unit(w).given + lx.name_unit(w).surname > 0
                    || lx.org_heads.contains(w)
                    || !lx.phrases.get(&[w]).is_empty();
                !known
                    && w.strip_prefix('و')
                        .or_else(|| w.strip_prefix('ف'))
                        .is_some_and(|rest| rest.chars().count() >= 3)
            })
            .collect();
        Self {
            chars,
            toks,
            sents,
            sent_of,
            forms,
            skip,
            conjunction,
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Whether there is no token.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The normalised token.
    pub fn word(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.norm.as_str())
    }

    /// Whether token `i` is a word (not a number or punctuation) of an analysed line.
    pub fn is_word(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].kind == TokenKind::Word && !self.skip[i]
    }

    /// Whether token `i` is punctuation.
    pub fn is_punct(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].kind == TokenKind::Punct
    }

    /// Whether token `i` is this punctuation mark.
    pub fn is_mark(&self, i: usize, marks: &[&str]) -> bool {
        self.is_punct(i) && marks.contains(&self.word(i))
    }

    /// Whether a form of token `i` is in the set.
    pub fn in_set(&self, i: usize, set: &FastSet<String>) -> bool {
        self.forms
            .get(i)
            .is_some_and(|fs| fs.iter().any(|f| set.contains(f)))
    }

    /// Whether token `i` itself (no proclitic removed) is in the set.
    pub fn exactly_in(&self, i: usize, set: &FastSet<String>) -> bool {
        set.contains(self.word(i))
    }

    /// Whether the original spelling of token `i` ends with `c`.
    pub fn raw_ends_with(&self, i: usize, c: char) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.span.end > 0 && self.chars.get(t.span.end - 1) == Some(&c))
    }

    /// Whether token `i` carries a proclitic (its first form differs from the token).
    pub fn has_conjunction(&self, i: usize) -> bool {
        self.conjunction.get(i).copied().unwrap_or(false)
    }

    /// The longest phrase of `index` starting at token `i` (a proclitic allowed on the first
    /// word), within `limit`.
    pub fn phrase_at<'a, T: PartialEq>(
        &'a self,
        i: usize,
        index: &'a PhraseIndex<T>,
        limit: usize,
    ) -> Option<Found<'a, T>> {
        if !(self.is_word(i) || i < self.len() && self.toks[i].kind == TokenKind::Number) {
            return None;
        }
        let end = limit.min(self.len());
        let mut best: Option<Found<T>> = None;
        for form in &self.forms[i] {
            let rest = self.toks[i + 1..end.max(i + 1)]
                .iter()
                .map(|t| t.norm.as_str());
            if let Some((len, values)) = index.matches(form, rest).pop()
                && best.as_ref().is_none_or(|b| len > b.len)
            {
                best = Some(Found { len, values, form });
            }
        }
        best
    }

    /// All phrases of `index` starting at token `i` (any proclitic form), each with its form.
    pub fn phrases_at<'a, T: PartialEq>(
        &'a self,
        i: usize,
        index: &'a PhraseIndex<T>,
    ) -> Vec<Found<'a, T>> {
        let mut out = Vec::new();
        if !self.is_word(i) {
            return out;
        }
        for form in &self.forms[i] {
            let rest = self.toks[i + 1..].iter().map(|t| t.norm.as_str());
            for (len, values) in index.matches(form, rest) {
                out.push(Found { len, values, form });
            }
        }
        out
    }

    /// Whether a phrase of `index` occurs in tokens `r`.
    pub fn contains_phrase<T: PartialEq>(&self, r: Range<usize>, index: &PhraseIndex<T>) -> bool {
        r.clone().any(|i| self.phrase_at(i, index, r.end).is_some())
    }

    /// Where the original text of token `i` starts once `form` (one of its forms) is kept:
    /// the char offset and the original text from there, with «ال» restored after «لل».
    fn strip(&self, i: usize, form: &str) -> (usize, String) {
        let t = &self.toks[i];
        let orig = &self.chars[t.span.start..t.span.end];
        // Index in `orig` of each normalised char.
        let map: Vec<usize> = orig
            .iter()
            .enumerate()
            .filter_map(|(k, c)| norm_char(*c).map(|_| k))
            .collect();
        let n = map.len();
        let f = form.chars().count();
        let text = |k: usize| -> String {
            orig[map.get(k).copied().unwrap_or(orig.len())..]
                .iter()
                .collect()
        };
        if t.norm.ends_with(form) && f <= n {
            let k = n - f;
            (t.span.start + map.get(k).copied().unwrap_or(0), text(k))
        } else if let Some(rest) = form.strip_prefix('ا')
            && t.norm.ends_with(rest)
            && rest.chars().count() < n
        {
            let k = n - rest.chars().count();
            (
                t.span.start + map.get(k).copied().unwrap_or(0),
                format!("ا{}", text(k)),
            )
        } else {
            (t.span.start, orig.iter().collect())
        }
    }

    /// The span of tokens `r`, the first token read as `form`.
    pub fn span(&self, r: Range<usize>, form: Option<&str>) -> Span {
        let start = match form {
            Some(f) => self.strip(r.start, f).0,
            None => self.toks[r.start].span.start,
        };
        Span::new(start, self.toks[r.end - 1].span.end)
    }

    /// The original text of tokens `r` (the first read as `form`), with single spaces.
    pub fn display(&self, r: Range<usize>, form: Option<&str>) -> String {
        let mut out = String::new();
        for i in r.clone() {
            let piece: String = if i == r.start
                && let Some(f) = form
            {
                self.strip(i, f).1
            } else {
                let s = self.toks[i].span;
                self.chars[s.start..s.end].iter().collect()
            };
            let glue = i > r.start && {
                let prev = self.toks[i - 1].span.end;
                prev == self.toks[i].span.start
            };
            if i > r.start && !glue {
                out.push(' ');
            }
            out.push_str(&piece);
        }
        out
    }

    /// The sentence holding token `i`.
    pub fn sentence(&self, i: usize) -> &Sentence {
        &self.sents[self.sent_of[i]]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proclitic_is_left_out_of_spans_and_names() {
        let lx = crate::extract::lexicon();
        let t = Text::new("وقال للأمم المتحدة والدّباشي", lx);
        assert_eq!(t.display(1..3, Some("الامم")), "الأمم المتحدة");
        assert_eq!(t.display(3..4, Some("الدباشي")), "الدّباشي");
        let s = t.span(3..4, Some("الدباشي"));
        assert_eq!(t.chars[s.start], 'ا');
    }
}
