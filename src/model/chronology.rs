//! Where each event sits in time: a day (real or relative to publication) and a slot within it.

use super::types::Document;

/// One event placed on the time axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    /// Index into `Document::events`.
    pub event: usize,
    /// Day key: days since 1970-01-01 when dates are real, else days from publication.
    pub day: i64,
    /// Position on the axis: the day, plus a fraction for the order within the day.
    pub x: f64,
    /// Whether the day comes from the text (false: borrowed from neighbouring events).
    pub day_known: bool,
}

/// The time axis of a document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chronology {
    /// Events in chronological order.
    pub placed: Vec<Placed>,
    /// Whether day keys are real dates (days since 1970-01-01).
    pub absolute: bool,
    /// Weekday of the publication day (`thursday`), when the text tells it.
    pub publication_weekday: Option<String>,
    /// Indices into `placed`, sorted by `x`: the index that culls a view to what it shows.
    by_x: Vec<usize>,
    /// For each event of the document, its index in `placed`.
    slot_of_event: Vec<usize>,
}

impl Chronology {
    /// Places every event of the document.
    pub fn of(doc: &Document) -> Self {
        let published = doc.article.published.as_deref().and_then(parse_date);
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
        let mut days = known.clone();
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
        let days: Vec<i64> = days.into_iter().map(|d| d.unwrap_or(0)).collect();
        let mut placed = Vec::with_capacity(order.len());
        let mut start = 0;
        while start < order.len() {
            let mut end = start;
            while end < order.len() && days[end] == days[start] {
                end += 1;
            }
            let n = (end - start) as f64;
            for k in start..end {
                let rank = (k - start) as f64;
                placed.push(Placed {
                    event: order[k],
                    day: days[k],
                    x: days[k] as f64 - 0.5 + (rank + 1.0) / (n + 1.0),
                    day_known: known[k].is_some(),
                });
            }
            start = end;
        }
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
            by_x,
            slot_of_event,
        }
    }

    /// Range of x values the events cover, padded to whole days.
    pub fn x_range(&self) -> (f64, f64) {
        let day = |k: Option<&usize>| k.map_or(0, |&k| self.placed[k].day);
        let (min, max) = (day(self.by_x.first()), day(self.by_x.last()));
        (min as f64 - 0.5, max as f64 + 0.5)
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
            by_x: vec![],
            slot_of_event: vec![],
        }
    }

    /// The placement of event `event` (index into the document's events).
    pub fn of_event(&self, event: usize) -> Option<&Placed> {
        self.placed.get(*self.slot_of_event.get(event)?)
    }
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
