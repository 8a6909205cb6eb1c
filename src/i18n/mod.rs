//! The interface language: what Waqai writes itself (axis labels, dates) follows it; the
//! article's own text never changes.

mod messages;

pub use messages::{ARABIC_FTL, Arg, ENGLISH_FTL, Locale, has_message};
use serde::{Deserialize, Serialize};

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    /// English.
    #[default]
    English,
    /// Arabic.
    Arabic,
}

impl Language {
    /// Every language, in menu order, with its own name.
    pub const ALL: [(Language, &'static str); 2] = [
        (Language::English, "English"),
        (Language::Arabic, "العربية"),
    ];

    /// The language of a locale name such as `ar_EG.UTF-8` or `en-GB` (English when unknown).
    pub fn of_locale(locale: &str) -> Self {
        if locale.to_ascii_lowercase().starts_with("ar") {
            Language::Arabic
        } else {
            Language::English
        }
    }

    /// The language the machine's locale asks for (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    pub fn of_system() -> Self {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
            .map_or(Language::English, |l| Self::of_locale(&l))
    }

    /// The short code used on the command line and in files (`en`, `ar`).
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Arabic => "ar",
        }
    }
}

/// The digits of the numbers Waqai writes (axis, counts, dates); the article's own digits are
/// never changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Digits {
    /// 0123456789.
    #[default]
    Western,
    /// ٠١٢٣٤٥٦٧٨٩.
    ArabicIndic,
}

impl Digits {
    /// Every choice, in menu order, with the id of its name.
    pub const ALL: [(Digits, &'static str); 2] = [
        (Digits::Western, "digits-western"),
        (Digits::ArabicIndic, "digits-arabic-indic"),
    ];

    /// `s` with its Western digits written in these digits.
    pub fn apply(self, s: &str) -> String {
        match self {
            Digits::Western => s.to_owned(),
            Digits::ArabicIndic => s
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) if c.is_ascii_digit() => char::from_u32(0x0660 + d).unwrap_or(c),
                    _ => c,
                })
                .collect(),
        }
    }
}

/// Which script actors' names are shown in: the article's Arabic, the Latin form, or both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Names {
    /// As the article writes them.
    #[default]
    Arabic,
    /// The Latin form (the Arabic when there is none).
    Latin,
    /// Arabic, then the Latin form in brackets.
    Both,
}

impl Names {
    /// Every choice, in menu order, with the id of its name.
    pub const ALL: [(Names, &'static str); 3] = [
        (Names::Arabic, "names-arabic"),
        (Names::Latin, "names-latin"),
        (Names::Both, "names-both"),
    ];

    /// The name to show for `arabic` with its Latin form `latin`.
    pub fn show(self, arabic: &str, latin: Option<&str>) -> String {
        match (self, latin.filter(|l| !l.is_empty())) {
            (Names::Latin, Some(l)) => l.to_owned(),
            (Names::Both, Some(l)) => format!("{arabic} ({l})"),
            _ => arabic.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_name_their_language() {
        assert_eq!(Language::of_locale("ar_EG.UTF-8"), Language::Arabic);
        assert_eq!(Language::of_locale("AR"), Language::Arabic);
        assert_eq!(Language::of_locale("en_GB.UTF-8"), Language::English);
        assert_eq!(Language::of_locale("C.UTF-8"), Language::English);
    }

    #[test]
    fn digits_are_written_western_or_arabic_indic() {
        assert_eq!(Digits::Western.apply("19 Nov 2020"), "19 Nov 2020");
        assert_eq!(
            Digits::ArabicIndic.apply("الخميس 19 نوفمبر 2020"),
            "الخميس ١٩ نوفمبر ٢٠٢٠"
        );
        // Digits already Arabic-Indic stay as they are.
        assert_eq!(Digits::ArabicIndic.apply("٣ أيام"), "٣ أيام");
    }

    #[test]
    fn names_show_in_the_chosen_script() {
        let (ar, la) = ("فتحي باشاغا", Some("Fathi Bashagha"));
        assert_eq!(Names::Arabic.show(ar, la), ar);
        assert_eq!(Names::Latin.show(ar, la), "Fathi Bashagha");
        assert_eq!(Names::Both.show(ar, la), "فتحي باشاغا (Fathi Bashagha)");
        assert_eq!(Names::Latin.show(ar, None), ar);
    }
}
