//! From bytes on disk to the article text: encodings (UTF-8/16 with BOM, Windows-1256,
//! ISO-8859-6, detected when there is no BOM), line ends, binary files refused, HTML reduced to
//! its headline and paragraphs.

use encoding_rs::{Encoding, ISO_8859_6, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1256};

/// A decoded article.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// The text as the document stores it: no BOM, `\n` line ends.
    pub text: String,
    /// The encoding it was read in (`UTF-8`, `windows-1256` …).
    pub encoding: &'static str,
    /// Whether it came from an HTML page.
    pub html: bool,
    /// Whether some bytes could not be decoded and were replaced by U+FFFD.
    pub replaced: bool,
    /// What an HTML page says of its publication (date, outlet).
    pub meta: super::html::Meta,
}

/// Decodes an article file. Refuses binary data (NUL bytes outside UTF-16, control bytes).
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if bytes.is_empty() {
        return Err("the file is empty".to_owned());
    }
    let (enc, body) = match Encoding::for_bom(bytes) {
        Some((enc, bom)) => (enc, &bytes[bom..]),
        None => (sniff(bytes)?, bytes),
    };
    let (text, had_errors) = enc.decode_without_bom_handling(body);
    if enc != UTF_16LE && enc != UTF_16BE && text.contains('\0') {
        return Err("this is a binary file (it contains NUL bytes), not text".to_owned());
    }
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if controls > 8 && controls * 50 > text.chars().count() {
        return Err("this looks like a binary file, not text".to_owned());
    }
    let text = crate::model::normalize_text(&text);
    let html = looks_like_html(&text);
    let (text, meta) = if html {
        (super::html::to_text(&text), super::html::metadata(&text))
    } else {
        (text, super::html::Meta::default())
    };
    if text.trim().is_empty() {
        return Err("the file holds no text".to_owned());
    }
    Ok(Decoded {
        text,
        encoding: enc.name(),
        html,
        replaced: had_errors,
        meta,
    })
}

/// Picks the encoding of BOM-less bytes: UTF-8 when valid, UTF-16 when every other byte is NUL,
/// else what `chardetng` guesses among the Arabic single-byte encodings.
fn sniff(bytes: &[u8]) -> Result<&'static Encoding, String> {
    if std::str::from_utf8(bytes).is_ok() {
        return Ok(UTF_8);
    }
    let n = bytes.len().min(4096) / 2 * 2;
    if n >= 4 {
        let even = bytes[..n].iter().step_by(2).filter(|b| **b == 0).count();
        let odd = bytes[1..n].iter().step_by(2).filter(|b| **b == 0).count();
        if odd * 3 > n && even * 20 < n {
            return Ok(UTF_16LE);
        }
        if even * 3 > n && odd * 20 < n {
            return Ok(UTF_16BE);
        }
    }
    if bytes.contains(&0) {
        return Err("this is a binary file (it contains NUL bytes), not text".to_owned());
    }
    // A truncated UTF-8 file: invalid only in its last few bytes.
    if let Err(e) = std::str::from_utf8(bytes)
        && e.error_len().is_none()
        && e.valid_up_to() + 4 >= bytes.len()
    {
        return Ok(UTF_8);
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    let guess = det.guess(Some(b"ar"), true);
    Ok(if guess == ISO_8859_6 {
        ISO_8859_6
    } else if guess == WINDOWS_1256
        || guess.name().starts_with("windows-125")
        || guess.name().starts_with("ISO-8859")
    {
        // Arabic text in a single-byte encoding is far more often Windows-1256.
        if iso_8859_6_fits(bytes) {
            ISO_8859_6
        } else {
            WINDOWS_1256
        }
    } else {
        guess
    })
}

/// Whether every high byte is an Arabic letter position of ISO-8859-6 and some are not valid in
/// Windows-1256 as Arabic (0xC1–0xDA and 0xE0–0xF2 are letters in both).
fn iso_8859_6_fits(bytes: &[u8]) -> bool {
    let high: Vec<u8> = bytes.iter().copied().filter(|b| *b >= 0x80).collect();
    !high.is_empty()
        && high.iter().all(
            |b| matches!(b, 0xA0 | 0xA4 | 0xAC | 0xAD | 0xBB | 0xBF | 0xC1..=0xDA | 0xE0..=0xF2),
        )
        && high.iter().any(|b| matches!(b, 0xE0..=0xEA))
        && !high.iter().any(|b| matches!(b, 0xDB..=0xDF))
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(2000)
        .collect::<String>()
        .to_ascii_lowercase();
    head.trim_start().starts_with("<!doctype html")
        || head.contains("<html")
        || (head.contains("<p>") || head.contains("<p ")) && head.contains("</p>")
}
