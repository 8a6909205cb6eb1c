//! Where each event sits in time: a day (real or relative to publication) and a slot within it.

use super::types::Document;

/// One event placed on the time axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    /// Index into `Document::events`.
    pub event: usize,
    /// Day key: days since 1970-01-01 when dates are real, else days from publication; for an
    /// event whose day the text does not give, the day of the events told around it.
    pub day: i64,
    /// Position on the axis: the day, plus a fraction for the order within the day.
    pub x: f64,
    /// Whether the day comes from the text (false: the event sits in the "date not stated"
    /// band, and `day` is borrowed from its neighbours).
    pub day_known: bool,
    /// For a date given only to the month or the year, the stretch of the axis it may fall in
    /// (from the first day to the last, as x values).
    pub span: Option<(f64, f64)>,
}

/// A long stretch of time with no event, drawn narrower than its length.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Break {
    /// Where it starts on the axis (x).
    pub x: f64,
    /// Its width on the axis.
    pub width: f64,
    /// Where it starts in days (a day `d` covers `d - 0.5 .. d + 0.5`).
    pub from: f64,
    /// How many days it stands for.
    pub days: f64,
}

/// Empty stretches at least this long (days), and at least [`BREAK_SHARE`] of the dated span,
/// are compressed.
const BREAK_MIN_DAYS: f64 = 30.0;
/// See [`BREAK_MIN_DAYS`].
const BREAK_SHARE: f64 = 0.2;

/// The time axis of a document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chronology {
    /// Dated events in chronological order, then the undated ones in article order.
    pub placed: Vec<Placed>,
    /// Whether day keys are real dates (days since 1970-01-01).
    pub absolute: bool,
    /// Weekday of the publication day (`thursday`), when the text tells it.
    pub publication_weekday: Option<String>,
    /// The day of publication on the axis (a real date, or 0 on a relative axis), when known.
    pub publication_day: Option<i64>,
    /// The "date not stated" band (x from, x to): events the text gives no day for, in article
    /// order, after the dated ones.
    pub undated_band: Option<(f64, f64)>,
    /// Long empty stretches of time drawn narrow, in axis order.
    pub breaks: Vec<Break>,
    /// x values the axis covers: the dated days and the band.
    x_span: (f64, f64),
    /// Indices into `placed`, sorted by `x`: the index that culls a view to what it shows.
    by_x: Vec<usize>,
    /// For each event of the document, its index in `placed`.
    slot_of_event: Vec<usize>,
}

impl Chronology {
    /// Places every event of the document.
    pub fn of(doc: &Document) -> Self {
        // A date given with its distance from publication tells the publication date.
        let published = doc
            .article
            .published
            .as_deref()
            .and_then(parse_date)
            .or_else(|| {
                doc.events.iter().find_map(|e| {
                    Some(e.when.date.as_deref().and_then(parse_date)? - e.when.relative_days?)
                })
            });
        let absolute = published.is_some()
            || doc.events.iter().all(|e| e.when.relative_days.is_none())
                && doc
                    .events
                    .iter()
                    .any(|e| e.when.date.as_deref().and_then(parse_date).is_some());
        let order = doc.chronological();
        let known: Vec<Option<i64>> = order
            .iter()
            .map(|&i| {
                let w = &doc.events[i].when;
                let date = w.date.as_deref().and_then(parse_date);
                if absolute {
                    date.or_else(|| Some(published? + w.relative_days?))
                } else {
                    w.relative_days
                }
            })
            .collect();
        let breaks = breaks_between(occupied(doc, &order, &known, absolute, published));
        let x_of = |v: f64| x_of_day_value(&breaks, v);
        // Dated events: the events of one day share it, in story order.
        let mut placed = Vec::with_capacity(order.len());
        let stated: Vec<usize> = (0..order.len()).filter(|&k| known[k].is_some()).collect();
        let mut start = 0;
        while start < stated.len() {
            let day = known[stated[start]].unwrap_or(0);
            let mut end = start;
            while end < stated.len() && known[stated[end]] == Some(day) {
                end += 1;
            }
            let n = (end - start) as f64;
            for (rank, &k) in stated[start..end].iter().enumerate() {
                let i = order[k];
                placed.push(Placed {
                    event: i,
                    day,
                    x: x_of(day as f64 - 0.5 + (rank as f64 + 1.0) / (n + 1.0)),
                    day_known: true,
                    span: absolute
                        .then(|| coarse_span(&doc.events[i].when.precision, day))
                        .flatten()
                        .map(|(a, b)| (x_of(a), x_of(b))),
                });
            }
            start = end;
        }
        let publication_day = if absolute {
            published
        } else {
            doc.events
                .iter()
                .any(|e| e.when.relative_days.is_some())
                .then_some(0)
        };
        // The axis shows the dated events and the day of publication.
        let (lo, hi) = placed
            .iter()
            .map(|p| {
                p.span
                    .unwrap_or((x_of(p.day as f64 - 0.5), x_of(p.day as f64 + 0.5)))
            })
            .chain(
                publication_day
                    .filter(|_| !placed.is_empty())
                    .map(|d| (x_of(d as f64 - 0.5), x_of(d as f64 + 0.5))),
            )
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), (a, b)| {
                (lo.min(a), hi.max(b))
            });
        // Undated events: a band of their own after the axis, in article order, each keeping
        // the day of the events told around it for those who need one.
        let undated: Vec<usize> = (0..order.len()).filter(|&k| known[k].is_none()).collect();
        let borrowed = borrowed_days(&known);
        let band_start = if placed.is_empty() { -0.5 } else { hi + 0.5 };
        // Wide enough to read beside a long axis: at least a seventh of the dated stretch.
        let dated_width = if placed.is_empty() { 0.0 } else { hi - lo };
        let slot = UNDATED_SLOT.max(dated_width / 7.0 / undated.len().max(1) as f64);
        let undated_band =
            (!undated.is_empty()).then_some((band_start, band_start + slot * undated.len() as f64));
        for (j, &k) in undated.iter().enumerate() {
            placed.push(Placed {
                event: order[k],
                day: borrowed[k],
                x: band_start + slot * (j as f64 + 0.5),
                day_known: false,
                span: None,
            });
        }
        let x_span = match (placed.iter().any(|p| p.day_known), undated_band) {
            (true, Some((_, end))) => (lo, end),
            (true, None) => (lo, hi),
            (false, Some(band)) => band,
            (false, None) => (-0.5, 0.5),
        };
        let publication_weekday = if absolute {
            published.map(|d| weekday_name(d).to_owned())
        } else {
            doc.events
                .iter()
                .find(|e| e.when.relative_days == Some(0) && e.when.weekday.is_some())
                .and_then(|e| e.when.weekday.clone())
        };
        let mut by_x: Vec<usize> = (0..placed.len()).collect();
        by_x.sort_by(|&a, &b| placed[a].x.total_cmp(&placed[b].x));
        let mut slot_of_event = vec![usize::MAX; doc.events.len()];
        for (k, p) in placed.iter().enumerate() {
            slot_of_event[p.event] = k;
        }
        Self {
            placed,
            absolute,
            publication_weekday,
            publication_day,
            undated_band,
            breaks,
            x_span,
            by_x,
            slot_of_event,
        }
    }

    /// Range of x values the events cover: whole days (and whole months or years for coarse
    /// dates), and the "date not stated" band.
    pub fn x_range(&self) -> (f64, f64) {
        self.x_span
    }

    /// Whether `x` lies on the dated part of the axis (not in the "date not stated" band).
    pub fn is_dated_x(&self, x: f64) -> bool {
        self.undated_band.is_none_or(|(from, _)| x < from)
    }

    /// The events placed between `x0` and `x1` (inclusive), in the order of `x`; costs what it
    /// returns, not what the document holds.
    pub fn in_x_range(&self, x0: f64, x1: f64) -> impl Iterator<Item = &Placed> {
        let from = self.by_x.partition_point(|&k| self.placed[k].x < x0);
        let to = self.by_x.partition_point(|&k| self.placed[k].x <= x1);
        self.by_x[from..to.max(from)]
            .iter()
            .map(|&k| &self.placed[k])
    }

    /// The axis without its events (for labelling days).
    pub fn clone_without_events(&self) -> Self {
        Self {
            placed: vec![],
            absolute: self.absolute,
            publication_weekday: self.publication_weekday.clone(),
            publication_day: self.publication_day,
            undated_band: self.undated_band,
            breaks: self.breaks.clone(),
            x_span: self.x_span,
            by_x: vec![],
            slot_of_event: vec![],
        }
    }

    /// Where day `day` (its middle) sits on the axis.
    pub fn x_of_day(&self, day: i64) -> f64 {
        x_of_day_value(&self.breaks, day as f64)
    }

    /// The day value at `x` on the dated axis (whole at the middle of a day), or `None` inside a
    /// compressed stretch.
    pub fn day_of_x(&self, x: f64) -> Option<f64> {
        let mut shift = 0.0;
        for b in &self.breaks {
            if x < b.x {
                break;
            }
            if x < b.x + b.width {
                return None;
            }
            shift += b.days - b.width;
        }
        Some(x + shift)
    }

    /// The placement of event `event` (index into the document's events).
    pub fn of_event(&self, event: usize) -> Option<&Placed> {
        self.placed.get(*self.slot_of_event.get(event)?)
    }
}

/// The stretches of days (`d - 0.5 .. d + 0.5` for a day `d`) that hold a dated event, a month
/// or year it may fall in, or (on a calendar axis) the publication day; sorted and merged.
fn occupied(
    doc: &Document,
    order: &[usize],
    known: &[Option<i64>],
    absolute: bool,
    published: Option<i64>,
) -> Vec<(f64, f64)> {
    let mut spans: Vec<(f64, f64)> = order
        .iter()
        .zip(known)
        .filter_map(|(&i, day)| {
            let day = (*day)?;
            let coarse = absolute
                .then(|| coarse_span(&doc.events[i].when.precision, day))
                .flatten();
            Some(coarse.unwrap_or((day as f64 - 0.5, day as f64 + 0.5)))
        })
        .collect();
    if !spans.is_empty()
        && let Some(d) = published.filter(|_| absolute)
    {
        spans.push((d as f64 - 0.5, d as f64 + 0.5));
    }
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut merged: Vec<(f64, f64)> = Vec::with_capacity(spans.len());
    for (a, b) in spans {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// The gaps between `occupied` stretches long enough to compress, each drawn a fiftieth of the
/// dated span wide (at least three days, in whole days).
fn breaks_between(occupied: Vec<(f64, f64)>) -> Vec<Break> {
    let (Some(first), Some(last)) = (occupied.first(), occupied.last()) else {
        return vec![];
    };
    let span = last.1 - first.0;
    // Whole days, so that the days after a break stay on whole axis values (grid and labels).
    let width = (span * 0.02).max(3.0).round();
    let mut breaks = Vec::new();
    let mut shift = 0.0;
    for w in occupied.windows(2) {
        let (from, to) = (w[0].1, w[1].0);
        let days = to - from;
        if days >= BREAK_MIN_DAYS && days >= BREAK_SHARE * span && days > width {
            breaks.push(Break {
                x: from - shift,
                width,
                from,
                days,
            });
            shift += days - width;
        }
    }
    breaks
}

/// Where the day value `v` sits on an axis with `breaks`.
fn x_of_day_value(breaks: &[Break], v: f64) -> f64 {
    let mut shift = 0.0;
    for b in breaks {
        if v < b.from {
            break;
        }
        if v < b.from + b.days {
            return b.x + (v - b.from) / b.days * b.width;
        }
        shift += b.days - b.width;
    }
    v - shift
}

/// Width on the axis (in days) of one event in the "date not stated" band.
const UNDATED_SLOT: f64 = 0.6;

/// For each position, the day of the nearest dated event before it (after it, at the start).
fn borrowed_days(known: &[Option<i64>]) -> Vec<i64> {
    let mut days = known.to_vec();
    let mut last = None;
    for d in days.iter_mut() {
        match d {
            Some(v) => last = Some(*v),
            None => *d = last,
        }
    }
    let mut next = None;
    for d in days.iter_mut().rev() {
        match d {
            Some(v) => next = Some(*v),
            None => *d = next,
        }
    }
    days.into_iter().map(|d| d.unwrap_or(0)).collect()
}

/// The stretch of days (as x values) a date of `precision` `month` or `year` may fall in.
fn coarse_span(precision: &str, day: i64) -> Option<(f64, f64)> {
    let (y, m, _) = civil_from_days(day);
    let (first, last) = match precision {
        "month" => {
            let next = if m == 12 {
                days_from_civil(y + 1, 1, 1)
            } else {
                days_from_civil(y, m + 1, 1)
            };
            (days_from_civil(y, m, 1), next - 1)
        }
        "year" => (days_from_civil(y, 1, 1), days_from_civil(y + 1, 1, 1) - 1),
        _ => return None,
    };
    Some((first as f64 - 0.5, last as f64 + 0.5))
}

/// Turns relative dates («today», «yesterday», weekdays) into calendar dates with the
/// publication date; events without a relative date keep theirs.
pub fn resolve_relative_dates(doc: &mut super::types::Document) {
    let Some(p) = doc.article.published.as_deref().and_then(parse_date) else {
        return;
    };
    for e in &mut doc.events {
        if let Some(r) = e.when.relative_days {
            let (y, m, d) = civil_from_days(p + r);
            e.when.date = Some(format!("{y:04}-{m:02}-{d:02}"));
            e.when.precision = "day".into();
        }
    }
}

/// The label of a day on the time axis.
pub fn day_label(chron: &Chronology, day: i64) -> String {
    if chron.absolute {
        let (y, m, d) = civil_from_days(day);
        let w = weekday_name(day);
        return format!("{y:04}-{m:02}-{d:02} {}{}", w[..1].to_uppercase(), &w[1..3]);
    }
    let weekday = |offset: i64| {
        chron
            .publication_weekday
            .as_deref()
            .and_then(weekday_index)
            .map(|w| {
                let name = WEEKDAYS[(w as i64 + offset).rem_euclid(7) as usize];
                let mut c = name.chars();
                c.next()
                    .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                    .unwrap_or_default()
            })
    };
    let base = match day {
        0 => "publication day".to_owned(),
        -1 => "day before publication".to_owned(),
        1 => "day after publication".to_owned(),
        d if d < 0 => format!("{} days before publication", -d),
        d => format!("{d} days after publication"),
    };
    match weekday(day) {
        Some(w) => format!("{base} ({w})"),
        None => base,
    }
}

/// Weekday names as the format writes them, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn weekday_index(name: &str) -> Option<usize> {
    WEEKDAYS.iter().position(|w| w.eq_ignore_ascii_case(name))
}

fn weekday_name(days: i64) -> &'static str {
    // 1970-01-01 was a Thursday.
    WEEKDAYS[(days + 3).rem_euclid(7) as usize]
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date, or `None` when it is not a real date.
pub fn parse_date(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = s[0..4].parse().ok()?;
    let m: u32 = s[5..7].parse().ok()?;
    let d: u32 = s[8..10].parse().ok()?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let len = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=len).contains(&d).then(|| days_from_civil(y, m, d))
}

fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// Year, month and day of a day count since 1970-01-01.
pub fn civil(z: i64) -> (i64, u32, u32) {
    civil_from_days(z)
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_and_reject_impossible_days() {
        let d = parse_date("2020-11-19").unwrap();
        assert_eq!(civil_from_days(d), (2020, 11, 19));
        assert_eq!(weekday_name(d), "thursday");
        assert!(parse_date("2021-02-29").is_none());
        assert!(parse_date("2020-02-29").is_some());
        assert!(parse_date("2020-13-01").is_none());
        assert!(parse_date("19/11/2020").is_none());
    }
}
