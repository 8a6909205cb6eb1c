//! Finding a phrase in the article the way Arabic readers expect: hamza forms, ى/ي, ة/ه,
//! tatweel and diacritics do not matter. Pure logic.

use crate::arabic::norm_char;
use crate::model::Span;

/// Every place `query` occurs in `text`, as char spans of the original text.
pub fn find_all(text: &str, query: &str) -> Vec<Span> {
    let q: Vec<char> = query.trim().chars().filter_map(norm_char).collect();
    if q.is_empty() {
        return vec![];
    }
    // The normalised text, and for each of its chars the original char index.
    let mut norm = Vec::with_capacity(text.len());
    let mut at = Vec::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        if let Some(n) = norm_char(c) {
            norm.push(n);
            at.push(i);
        }
    }
    let mut out = Vec::new();
    let mut k = 0;
    while k + q.len() <= norm.len() {
        if norm[k..k + q.len()] == q[..] {
            out.push(Span::new(at[k], at[k + q.len() - 1] + 1));
            k += q.len();
        } else {
            k += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_variants_and_diacritics_are_ignored() {
        let text = "يُجري الوزير لقاءً مع إدارة الاستخبارات، ثم أدارة";
        let hits = find_all(text, "اداره");
        assert_eq!(hits.len(), 2);
        let quoted: String = text
            .chars()
            .skip(hits[0].start)
            .take(hits[0].len())
            .collect();
        assert_eq!(quoted, "إدارة");
        assert_eq!(find_all(text, "يجري").len(), 1);
        assert!(find_all(text, "  ").is_empty());
    }
}
