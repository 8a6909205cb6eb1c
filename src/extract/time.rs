//! Time expressions: «اليوم/أمس/غداً», weekday names, explicit dates with month names in every
//! regional form (CLDR) or in digits, and Hijri dates (tabular Islamic calendar).

use std::ops::Range;

use super::lexicon::Lexicon;
use super::tokens::{Token, TokenKind, variants};
use crate::model::parse_date;

/// When a sentence says something happened.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeInfo {
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// `day`, `month`, `year` or `unknown`.
    pub precision: String,
    /// The words as written.
    pub expression: Option<String>,
    /// Weekday named.
    pub weekday: Option<String>,
    /// Days from publication.
    pub relative_days: Option<i64>,
    /// The date came from a Hijri date, converted by the tabular calendar (which can be a day
    /// off the sighted one).
    pub hijri: bool,
}

impl Default for TimeInfo {
    fn default() -> Self {
        Self {
            date: None,
            precision: "unknown".into(),
            expression: None,
            weekday: None,
            relative_days: None,
            hijri: false,
        }
    }
}

/// When tokens `r` say something happened: the first time expression, completed by an explicit
/// date written after it («اليوم الثلاثاء 19/10/1436هـ الموافق 4/8/2015م»). A Hijri date gives
/// way to the Gregorian one «الموافق» it, or else is moved a day to agree with a weekday named.
/// `vars` holds the proclitic variants of every token (see [`variants`]).
pub fn find_time(
    g: &Lexicon,
    toks: &[Token],
    vars: &[Vec<String>],
    r: Range<usize>,
    published: Option<&str>,
) -> TimeInfo {
    let first = first_time(g, toks, vars, r.clone(), published);
    if first.date.is_some() || first.expression.is_none() {
        return gregorian_first(g, toks, vars, r, published, first);
    }
    for i in r.clone() {
        if toks[i].kind == TokenKind::Number {
            let mut t = first_time(g, toks, vars, i..r.end, published);
            if t.date.is_some() {
                t.weekday = t.weekday.or_else(|| first.weekday.clone());
                let t = gregorian_first(g, toks, vars, i..r.end, published, t);
                return TimeInfo {
                    date: t.date,
                    precision: t.precision,
                    hijri: t.hijri,
                    ..first
                };
            }
        }
    }
    first
}

/// Replaces a Hijri date by the Gregorian date given «الموافق» (corresponding to) it, or
/// moves it by a day to agree with the weekday written before it.
fn gregorian_first(
    g: &Lexicon,
    toks: &[Token],
    vars: &[Vec<String>],
    r: Range<usize>,
    published: Option<&str>,
    mut t: TimeInfo,
) -> TimeInfo {
    if !t.hijri {
        return t;
    }
    let corresponding = r.clone().find(|&i| toks[i].norm == "الموافق");
    if let Some(j) = corresponding {
        let g_time = first_time(g, toks, vars, j + 1..r.end, published);
        if g_time.date.is_some() && !g_time.hijri {
            t.date = g_time.date;
            t.hijri = false;
            return t;
        }
    }
    if let (Some(wd), Some(days)) = (t.weekday.as_deref(), t.date.as_deref().and_then(parse_date)) {
        let target = crate::model::WEEKDAYS.iter().position(|x| *x == wd);
        let fits = |d: i64| Some((d + 3).rem_euclid(7) as usize) == target;
        if let Some(d) = [days, days - 1, days + 1].into_iter().find(|&d| fits(d)) {
            let (y, m, dd) = crate::model::civil(d);
            t.date = Some(format!("{y:04}-{m:02}-{dd:02}"));
        }
    }
    t
}

/// The first time expression in tokens `r`.
fn first_time(
    g: &Lexicon,
    toks: &[Token],
    vars: &[Vec<String>],
    r: Range<usize>,
    published: Option<&str>,
) -> TimeInfo {
    let pub_days = published.and_then(parse_date);
    let empty: &[String] = &[];
    let word = |i: usize| -> &[String] {
        if r.contains(&i) {
            vars.get(i).map_or(empty, Vec::as_slice)
        } else {
            empty
        }
    };
    for i in r.clone() {
        let w = word(i);
        // Explicit dates: «19 نوفمبر 2020», «19/11/2020», «5 ربيع الأول 1442».
        if toks[i].kind == TokenKind::Number
            && let Ok(day) = toks[i].norm.parse::<u32>()
        {
            if let Some(d) = slashed(toks, i, r.end) {
                return d;
            }
            for (len, months, hijri) in [
                (2usize, &g.hijri_months, true),
                (1, &g.months, false),
                (2, &g.months, false),
            ] {
                if i + len >= r.end {
                    continue;
                }
                let name = (1..=len)
                    .map(|k| {
                        variants(&toks[i + k].norm)
                            .last()
                            .cloned()
                            .unwrap_or_default()
                    })
                    .collect::<Vec<_>>();
                let candidates = [
                    name.join(" "),
                    (1..=len)
                        .map(|k| toks[i + k].norm.clone())
                        .collect::<Vec<_>>()
                        .join(" "),
                ];
                let Some(month) = candidates.iter().find_map(|c| months.get(c)).copied() else {
                    continue;
                };
                let year = toks
                    .get(i + len + 1)
                    .filter(|t| t.kind == TokenKind::Number)
                    .and_then(|t| t.norm.parse::<i64>().ok());
                let end = if year.is_some() {
                    i + len + 2
                } else {
                    i + len + 1
                };
                let expression = Some(text_of(toks, i..end));
                let date = match (year, hijri) {
                    (Some(y), false) => Some(format!("{y:04}-{month:02}-{day:02}"))
                        .filter(|d| parse_date(d).is_some()),
                    (Some(y), true) => hijri_to_gregorian(y, month, day),
                    (None, false) => pub_days
                        .map(|p| super::super::model::civil(p).0)
                        .map(|y| format!("{y:04}-{month:02}-{day:02}"))
                        .filter(|d| parse_date(d).is_some()),
                    (None, true) => None,
                };
                return TimeInfo {
                    precision: if date.is_some() { "day" } else { "unknown" }.into(),
                    date,
                    expression,
                    hijri,
                    ..Default::default()
                };
            }
        }
        let rel = if w.iter().any(|v| v == "اليوم") {
            Some(0)
        } else if w.iter().any(|v| v == "امس") {
            Some(-1)
        } else if w.iter().any(|v| v == "غدا") {
            Some(1)
        } else {
            None
        };
        let weekday_here = |k: usize| word(k).iter().find_map(|v| g.weekdays.get(v).copied());
        if let Some(rel) = rel {
            let wd = weekday_here(i + 1);
            let end = if wd.is_some() { i + 2 } else { i + 1 };
            return resolve(
                TimeInfo {
                    expression: Some(text_of(toks, i..end)),
                    weekday: wd.map(str::to_owned),
                    relative_days: Some(rel),
                    precision: "day".into(),
                    ..Default::default()
                },
                pub_days,
            );
        }
        if let Some(wd) = weekday_here(i) {
            let mut t = TimeInfo {
                expression: Some(text_of(toks, i..i + 1)),
                weekday: Some(wd.into()),
                ..Default::default()
            };
            // A bare weekday is the most recent such day up to publication.
            if let Some(p) = pub_days {
                let pub_wd = (p + 3).rem_euclid(7);
                let target = crate::model::WEEKDAYS
                    .iter()
                    .position(|x| *x == wd)
                    .unwrap_or(0) as i64;
                let back = (pub_wd - target).rem_euclid(7);
                t.relative_days = Some(-back);
                t = resolve(t, pub_days);
            }
            return t;
        }
    }
    TimeInfo::default()
}

fn resolve(mut t: TimeInfo, pub_days: Option<i64>) -> TimeInfo {
    if let (Some(p), Some(r)) = (pub_days, t.relative_days) {
        let (y, m, d) = crate::model::civil(p + r);
        t.date = Some(format!("{y:04}-{m:02}-{d:02}"));
        t.precision = "day".into();
    }
    t
}

fn text_of(toks: &[Token], r: Range<usize>) -> String {
    // The normalised words joined: a readable expression independent of diacritics.
    toks[r]
        .iter()
        .map(|t| t.norm.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// «19/11/2020» (day/month/year).
fn slashed(toks: &[Token], i: usize, end: usize) -> Option<TimeInfo> {
    let t = |k: usize| toks.get(i + k).filter(|_| i + k < end);
    let (d, s1, m, s2, y) = (t(0)?, t(1)?, t(2)?, t(3)?, t(4)?);
    if !(matches!(s1.norm.as_str(), "/" | "-" | ".")
        && s1.norm == s2.norm
        && m.kind == TokenKind::Number
        && y.kind == TokenKind::Number)
    {
        return None;
    }
    let (d, m, y): (u32, u32, i64) = (
        d.norm.parse().ok()?,
        m.norm.parse().ok()?,
        y.norm.parse().ok()?,
    );
    // «19/10/1436هـ» is a Hijri date; so is any year before the Gregorian ones news writes.
    let hijri = toks
        .get(i + 5)
        .is_some_and(|t| t.norm == "ه" || t.norm == "هـ")
        || y < 1700;
    let date = if hijri {
        hijri_to_gregorian(y, m, d)?
    } else {
        format!("{y:04}-{m:02}-{d:02}")
    };
    parse_date(&date)?;
    Some(TimeInfo {
        date: Some(date),
        precision: "day".into(),
        expression: Some(text_of(toks, i..i + 5)),
        hijri,
        ..Default::default()
    })
}

/// Tabular (arithmetic) Islamic calendar to Gregorian; may differ by a day from sighting.
pub fn hijri_to_gregorian(year: i64, month: u32, day: u32) -> Option<String> {
    if !(1..=12).contains(&month) || !(1..=30).contains(&day) {
        return None;
    }
    let jd = day as i64
        + ((295 * (month as i64 - 1)) as f64 / 10.0).ceil() as i64
        + (year - 1) * 354
        + (3 + 11 * year) / 30
        + 1_948_440
        - 1;
    let days = jd - 2_440_588; // Julian day of 1970-01-01
    let (y, m, d) = crate::model::civil(days);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}
