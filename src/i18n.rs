//! The interface language: what Waqai writes itself (axis labels, dates) follows it; the
//! article's own text never changes.

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

/// The name of a relation kind (`met`, `member_of` …) in `language`; unknown kinds as they are.
pub fn relation_kind(kind: &str, language: Language) -> &str {
    let arabic = match kind {
        "met" => "التقى",
        "counterpart" => "نظير",
        "member_of" => "عضو في",
        "leads" => "يرأس",
        "signed_with" => "وقّع مع",
        "invited" => "دعا",
        "cooperates_with" => "يتعاون مع",
        "located_in" => "في",
        _ => return kind,
    };
    match language {
        Language::English => match kind {
            "member_of" => "member of",
            "signed_with" => "signed with",
            "cooperates_with" => "cooperates with",
            "located_in" => "located in",
            _ => kind,
        },
        Language::Arabic => arabic,
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
    fn relation_kinds_read_in_either_language() {
        assert_eq!(relation_kind("met", Language::Arabic), "التقى");
        assert_eq!(
            relation_kind("signed_with", Language::English),
            "signed with"
        );
        assert_eq!(relation_kind("custom", Language::Arabic), "custom");
    }
}
