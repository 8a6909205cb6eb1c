//! The Hijri calendar (Umm al-Qura, as Saudi Arabia and most Arabic news use it), through
//! ICU4X's `icu_calendar`, for the time axis.

use icu_calendar::cal::Hijri;
use icu_calendar::{Date, Iso};

/// English names of the Hijri months, 1-based by index + 1.
pub const HIJRI_MONTHS: [&str; 12] = [
    "Muharram",
    "Safar",
    "Rabi I",
    "Rabi II",
    "Jumada I",
    "Jumada II",
    "Rajab",
    "Shaban",
    "Ramadan",
    "Shawwal",
    "Dhu al-Qada",
    "Dhu al-Hijja",
];

/// Year, month (1–12) and day of the Hijri date of a day count since 1970-01-01.
pub fn hijri(day: i64) -> Option<(i32, u8, u8)> {
    let (y, m, d) = super::civil(day);
    let iso = Date::<Iso>::try_new_iso(i32::try_from(y).ok()?, m as u8, d as u8).ok()?;
    let h = iso.to_calendar(Hijri::new_umm_al_qura());
    Some((
        h.year().extended_year(),
        h.month().ordinal,
        h.day_of_month().0,
    ))
}

/// `4 Rabi II 1442`.
pub fn hijri_label(day: i64) -> Option<String> {
    let (y, m, d) = hijri(day)?;
    Some(format!("{d} {} {y}", HIJRI_MONTHS[usize::from(m) - 1]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_date;

    #[test]
    fn umm_al_qura_dates_match_known_ones() {
        // Publicly announced first days of months and holidays.
        for (gregorian, want) in [
            ("2020-11-19", (1442, 4, 4)),
            ("2022-07-30", (1444, 1, 1)),
            ("2023-03-23", (1444, 9, 1)),
            ("2024-03-11", (1445, 9, 1)),
            ("2024-06-16", (1445, 12, 10)),
            ("2025-06-26", (1447, 1, 1)),
            ("2015-07-17", (1436, 10, 1)),
        ] {
            let day = parse_date(gregorian).unwrap();
            assert_eq!(hijri(day), Some(want), "{gregorian}");
        }
        assert_eq!(
            hijri_label(parse_date("2020-11-19").unwrap()).as_deref(),
            Some("4 Rabi II 1442")
        );
    }
}
