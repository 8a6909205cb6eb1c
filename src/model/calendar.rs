//! The Hijri calendar (Umm al-Qura, as Saudi Arabia and most Arabic news use it), through
//! ICU4X's `icu_calendar`, for the time axis.

use icu_calendar::cal::Hijri;
use icu_calendar::{Date, Iso};

use crate::i18n::Language;

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

/// Arabic names of the Hijri months.
pub const HIJRI_MONTHS_AR: [&str; 12] = [
    "محرم",
    "صفر",
    "ربيع الأول",
    "ربيع الآخر",
    "جمادى الأولى",
    "جمادى الآخرة",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذو القعدة",
    "ذو الحجة",
];

/// English abbreviations of the Gregorian months.
pub const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Arabic names of the Gregorian months, as Egyptian and Gulf newspapers write them.
pub const MONTHS_AR: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

/// Arabic names of the weekdays, Monday first.
pub const WEEKDAYS_AR: [&str; 7] = [
    "الاثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "الأحد",
];

/// English abbreviations of the weekdays, Monday first.
const WEEKDAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// The weekday of a day count since 1970-01-01 (a Thursday), Monday = 0.
fn weekday(day: i64) -> usize {
    (day + 3).rem_euclid(7) as usize
}

/// A day on the time axis in `language`: `Thu 19 Nov 2020`, «الخميس 19 نوفمبر 2020».
pub fn gregorian_label(day: i64, language: Language) -> String {
    let (y, m, d) = super::civil(day);
    let m = m as usize - 1;
    match language {
        Language::English => format!("{} {d} {} {y}", WEEKDAYS_EN[weekday(day)], MONTHS[m]),
        Language::Arabic => format!("{} {d} {} {y}", WEEKDAYS_AR[weekday(day)], MONTHS_AR[m]),
    }
}

/// A Hijri date in `language`: `4 Rabi II 1442`, «4 ربيع الآخر 1442».
pub fn hijri_label_in(day: i64, language: Language) -> Option<String> {
    let (y, m, d) = hijri(day)?;
    let m = usize::from(m) - 1;
    Some(match language {
        Language::English => format!("{d} {} {y}", HIJRI_MONTHS[m]),
        Language::Arabic => format!("{d} {} {y}", HIJRI_MONTHS_AR[m]),
    })
}

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
    hijri_label_in(day, Language::English)
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

    #[test]
    fn axis_labels_name_months_and_weekdays_in_either_language() {
        let day = parse_date("2020-11-19").unwrap();
        assert_eq!(gregorian_label(day, Language::English), "Thu 19 Nov 2020");
        assert_eq!(
            gregorian_label(day, Language::Arabic),
            "الخميس 19 نوفمبر 2020"
        );
        assert_eq!(
            hijri_label_in(day, Language::Arabic).as_deref(),
            Some("4 ربيع الآخر 1442")
        );
        // 1 Ramadan 1445 was Monday 11 March 2024.
        let day = parse_date("2024-03-11").unwrap();
        assert_eq!(gregorian_label(day, Language::English), "Mon 11 Mar 2024");
        assert_eq!(
            hijri_label_in(day, Language::Arabic).as_deref(),
            Some("1 رمضان 1445")
        );
    }
}
