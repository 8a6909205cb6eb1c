//! Every string of the interface, looked up by id in the Fluent translation files
//! `assets/i18n/en.ftl` and `assets/i18n/ar.ftl` (embedded in the binary).

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::memoizer::MemoizerKind;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::{Digits, Language};

/// The English messages.
pub const ENGLISH_FTL: &str = include_str!("../../assets/i18n/en.ftl");
/// The Arabic messages.
pub const ARABIC_FTL: &str = include_str!("../../assets/i18n/ar.ftl");

/// A value given to a message (`{ $n }`): a number or a text.
pub type Arg<'a> = FluentValue<'a>;

/// The language and digits the interface writes in: what a message is looked up and its numbers
/// written with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Locale {
    /// The interface language.
    pub language: Language,
    /// The digits of numbers given to messages.
    pub digits: Digits,
}

impl Locale {
    /// A locale of `language` with `digits`.
    pub fn new(language: Language, digits: Digits) -> Self {
        Self { language, digits }
    }

    /// The message `id` (its id itself when no translation file has it, which a test forbids).
    pub fn t(self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with its `{ $name }` placeables filled from `args`.
    pub fn f(self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut a = FluentArgs::with_capacity(args.len());
        for (k, v) in args {
            a.set(*k, v.clone());
        }
        self.format(id, Some(&a))
    }

    /// The name of a value of the data (an event kind, a role, a status…) in this language: the
    /// message `{prefix}-{value}`, or the value as it is when there is none (a kind the user
    /// typed).
    pub fn term(self, prefix: &str, value: &str) -> String {
        let id = format!("{prefix}-{}", value.replace('_', "-"));
        if bundle(self).has_message(&id) {
            self.t(&id)
        } else {
            value.to_owned()
        }
    }

    /// Whether the language writes right to left.
    pub fn rtl(self) -> bool {
        self.language == Language::Arabic
    }

    fn format(self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let bundle = bundle(self);
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }
}

/// Whether the translation of `language` has a message `id`.
pub fn has_message(language: Language, id: &str) -> bool {
    bundle(Locale::new(language, Digits::Western)).has_message(id)
}

fn bundle(locale: Locale) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 4]> = OnceLock::new();
    let all = BUNDLES.get_or_init(|| {
        [
            make(Language::English, Digits::Western),
            make(Language::English, Digits::ArabicIndic),
            make(Language::Arabic, Digits::Western),
            make(Language::Arabic, Digits::ArabicIndic),
        ]
    });
    let i = match (locale.language, locale.digits) {
        (Language::English, Digits::Western) => 0,
        (Language::English, Digits::ArabicIndic) => 1,
        (Language::Arabic, Digits::Western) => 2,
        (Language::Arabic, Digits::ArabicIndic) => 3,
    };
    &all[i]
}

fn make(language: Language, digits: Digits) -> FluentBundle<FluentResource> {
    let (source, tag) = match language {
        Language::English => (ENGLISH_FTL, "en"),
        Language::Arabic => (ARABIC_FTL, "ar"),
    };
    let lang = tag.parse().expect("a valid language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // Our bidi layer isolates what needs it; marks would show as boxes in egui's own widgets.
    bundle.set_use_isolating(false);
    if digits == Digits::ArabicIndic {
        bundle.set_formatter(Some(arabic_indic));
    }
    bundle
        .add_function("PLURAL", |args, _| match args.first() {
            Some(FluentValue::Number(n)) => FluentValue::from(arabic_plural(n.value)),
            _ => FluentValue::from("other"),
        })
        .expect("PLURAL is defined once");
    let resource = FluentResource::try_new(source.to_owned())
        .unwrap_or_else(|(_, errors)| panic!("{tag}.ftl does not parse: {errors:?}"));
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("{tag}.ftl repeats a message: {errors:?}"));
    bundle
}

/// The CLDR plural category of `n` in Arabic: zero, one, two, few (3–10 after the
/// hundreds), many (11–99 after the hundreds), other. (`intl_pluralrules` 7 drops the «% 100»
/// of the few and many rules, so 103 and 515 came out wrong.)
fn arabic_plural(n: f64) -> &'static str {
    if n.fract() != 0.0 {
        return "other";
    }
    let hundreds = (n.abs() as u64) % 100;
    match n.abs() as u64 {
        0 => "zero",
        1 => "one",
        2 => "two",
        _ if (3..=10).contains(&hundreds) => "few",
        _ if (11..=99).contains(&hundreds) => "many",
        _ => "other",
    }
}

fn arabic_indic<M: MemoizerKind>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(Digits::ArabicIndic.apply(&n.as_string())),
        _ => None,
    }
}
