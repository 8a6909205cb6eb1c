//! What the extractor knows before reading an article, loaded once from `assets/`:
//! countries, cities, months and weekdays from CLDR (`cldr-ar.json`); offices, organisations,
//! demonyms, trigger words and markers (`gazetteer.json`, extendable with a file of the same
//! shape named in `WAQAI_GAZETTEER`); person name parts, full names, cities and organisations
//! compiled from open data (`names/`, see `names/NOTICE.md`).
//!
//! Every phrase is stored in the normalised form of [`norm`].

use std::collections::HashMap;

use serde::Deserialize;

use super::kinds::EventKind;
use super::phrases::{FastMap, FastSet, PhraseIndex};
use super::tokens::norm;

const CLDR: &str = include_str!("../../assets/cldr-ar.json");
const GAZETTEER: &str = include_str!("../../assets/gazetteer.json");
const NAME_UNITS: &str = include_str!("../../assets/names/name_units.tsv");
const PERSONS: &str = include_str!("../../assets/names/persons.tsv");
const CITIES: &str = include_str!("../../assets/names/cities.tsv");
const ORGANISATIONS: &str = include_str!("../../assets/names/organisations.tsv");
const COMMON_WORDS: &str = include_str!("../../assets/names/common_words.txt");

#[derive(Deserialize, Default)]
struct Cldr {
    months: Vec<Vec<String>>,
    weekdays: Vec<String>,
    hijri_months: Vec<String>,
    countries: HashMap<String, String>,
    cities: HashMap<String, String>,
}

/// A known organisation.
#[derive(Deserialize, Clone, Debug, Default, PartialEq)]
pub struct Org {
    /// Canonical Arabic name.
    pub name: String,
    /// Latin name.
    #[serde(default)]
    pub latin: Option<String>,
    /// Country code.
    #[serde(default)]
    pub country: Option<String>,
    /// Other names.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// The shape of `gazetteer.json`; every list is optional so that a user's file may add to a few.
#[derive(Deserialize, Default)]
#[serde(default)]
struct File {
    demonyms: HashMap<String, Vec<String>>,
    country_aliases: HashMap<String, Vec<String>>,
    country_latin: HashMap<String, String>,
    capital_zones: HashMap<String, String>,
    cities: HashMap<String, Vec<String>>,
    not_cities: Vec<String>,
    offices: Vec<String>,
    portfolios: Vec<String>,
    title_modifiers: Vec<String>,
    honorifics: Vec<String>,
    family_words: Vec<String>,
    org_heads: Vec<String>,
    organizations: Vec<Org>,
    outlets: Vec<Org>,
    ambiguous_outlets: Vec<String>,
    standalone_orgs: Vec<String>,
    regnal_numbers: Vec<String>,
    generic_heads: Vec<String>,
    org_adjectives: Vec<String>,
    people_nouns: Vec<String>,
    region_words: Vec<String>,
    group_heads: Vec<String>,
    generic_groups: Vec<String>,
    function_words: Vec<String>,
    reporting_verbs: Vec<String>,
    triggers: HashMap<String, Vec<String>>,
    signing_objects: Vec<String>,
    future_markers: Vec<String>,
    reported_markers: Vec<String>,
    backrefs: Vec<String>,
    pair_words: Vec<String>,
    discussion_words: Vec<String>,
    invitation: Vec<String>,
    boilerplate: Vec<String>,
}

/// What a phrase of the lexicon names.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// A state (ISO code).
    Country(String),
    /// A city, with its country and population when known; `listed` for the curated ones.
    City {
        /// ISO code of its country.
        country: Option<String>,
        /// Inhabitants (0 when unknown).
        population: u32,
        /// Whether it comes from the curated list rather than GeoNames.
        listed: bool,
    },
    /// A known organisation (index into [`Lexicon::orgs`]).
    Org(usize),
    /// A news outlet or agency (index into [`Lexicon::orgs`]).
    Outlet(usize),
    /// A demonym (country code): «الفرنسي».
    Demonym(String),
    /// An office: «وزير», «رئيس الوزراء».
    Office,
    /// A portfolio: «الخارجية».
    Portfolio,
    /// A person's full name from Wikidata (index into [`Lexicon::persons`]).
    Person(usize),
}

/// A person's full name from Wikidata: Latin form and country.
#[derive(Clone, Debug, PartialEq)]
pub struct KnownPerson {
    /// Latin spelling.
    pub latin: String,
    /// ISO code, when known.
    pub country: Option<String>,
}

/// How often a word is a given name and a family name in the name lists.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct NameUnit {
    /// Weighted count as a given name.
    pub given: u32,
    /// Weighted count as a family name.
    pub surname: u32,
}

/// The loaded lexicon.
pub struct Lexicon {
    /// Multi-word phrases: countries, cities, organisations, outlets, demonyms, offices,
    /// portfolios, persons.
    pub phrases: PhraseIndex<Entry>,
    /// Known organisations.
    pub orgs: Vec<Org>,
    /// Known persons.
    pub persons: Vec<KnownPerson>,
    /// Country names by ISO code (CLDR).
    pub country_names: FastMap<String, String>,
    /// Latin names of GeoNames cities by normalised Arabic name (the most populous first).
    pub city_latin: FastMap<String, String>,
    /// English names of states by ISO code.
    pub country_latin: FastMap<String, String>,
    /// Name parts.
    pub name_units: FastMap<String, NameUnit>,
    /// Months → number (1–12), every regional form.
    pub months: FastMap<String, u32>,
    /// Hijri months → number.
    pub hijri_months: FastMap<String, u32>,
    /// Weekdays → English name.
    pub weekdays: FastMap<String, &'static str>,
    /// Trigger words and phrases → event kind.
    pub triggers: PhraseIndex<EventKind>,
    /// Words that qualify an office («المفوض», «السابق»).
    pub title_modifiers: FastSet<String>,
    /// Honorifics between a title and a name («الشيخ», «الدكتور»).
    pub honorifics: FastSet<String>,
    /// Words inside names that link parts («بن», «أبو», «آل», «عبد»).
    pub family_words: FastSet<String>,
    /// First words of organisation names («وزارة», «مجلس»).
    pub org_heads: FastSet<String>,
    /// Phrases that open a group («وفد», «عدد من»).
    pub group_heads: PhraseIndex<()>,
    /// Plural nouns that stand for a group alone («المسؤولين», «السلطات»).
    pub generic_groups: FastSet<String>,
    /// Words that never belong to a name (prepositions, pronouns, particles, common verbs).
    pub function_words: FastSet<String>,
    /// Verbs of saying («قال», «أكد»).
    pub reporting_verbs: FastSet<String>,
    /// Things signed («مذكرة تفاهم»).
    pub signing_objects: PhraseIndex<()>,
    /// Words announcing a future event («من المقرر»).
    pub future_markers: PhraseIndex<()>,
    /// Words attributing an event to a source («نقلت», «وفقا»).
    pub reported_markers: PhraseIndex<()>,
    /// Phrases that continue the previous event («جاء ذلك», «خلال اللقاء»).
    pub backrefs: PhraseIndex<()>,
    /// Words for both sides together («الجانبان»).
    pub pair_words: FastSet<String>,
    /// Talks words («بحث», «مباحثات»): a place named well after them is a topic, not a venue.
    pub discussion_words: FastSet<String>,
    /// Invitation phrases («بدعوة من»).
    pub invitation: PhraseIndex<()>,
    /// Normalised first words of web boilerplate lines.
    pub boilerplate: Vec<String>,
    /// City names that are common words first («الحرية»).
    pub not_cities: FastSet<String>,
    /// Outlet names that are common words too («الرياض», «اليوم»): outlets only in context.
    pub ambiguous_outlets: FastSet<String>,
    /// Heads that name an organisation alone («الجيش»).
    pub standalone_orgs: FastSet<String>,
    /// Ordinals of rulers («الثاني» in «عبدالله الثاني»).
    pub regnal_numbers: FastSet<String>,
    /// Heads that need a proper name after them to name an organisation («ميليشيات»).
    pub generic_heads: FastSet<String>,
    /// Words before the name of a region, which is not a city («منطقة», «محافظة»).
    pub region_words: FastSet<String>,
    /// Plural nouns of people that make a group after «عدد من» («الوزراء», «الشركات»).
    pub people_nouns: FastSet<String>,
    /// Adjectives that complete an organisation's name after a definite head («العامة»).
    pub org_adjectives: FastSet<String>,
    /// Words almost never part of a name (from the tagger's training data).
    pub common_words: FastSet<String>,
}

fn words(s: &str) -> Vec<String> {
    norm(s).split_whitespace().map(str::to_owned).collect()
}

fn insert<T: PartialEq>(index: &mut PhraseIndex<T>, phrase: &str, value: T) {
    let w = words(phrase);
    let w: Vec<&str> = w.iter().map(String::as_str).collect();
    index.insert(&w, value);
}

fn set(list: &[String]) -> FastSet<String> {
    list.iter().map(|s| norm(s)).collect()
}

fn index(list: &[String]) -> PhraseIndex<()> {
    let mut p = PhraseIndex::default();
    for s in list {
        insert(&mut p, s, ());
    }
    p
}

/// CLDR territories that are not states.
const NOT_STATES: [&str; 13] = [
    "UN", "EU", "EZ", "QO", "XA", "XB", "ZZ", "AC", "CP", "DG", "EA", "IC", "TA",
];

impl Lexicon {
    /// The bundled lexicon, extended by the file in `WAQAI_GAZETTEER` when set.
    pub fn load() -> Self {
        let mut files = vec![parse_bundled::<File>(GAZETTEER, "gazetteer.json")];
        if let Some(p) = std::env::var_os("WAQAI_GAZETTEER") {
            match std::fs::read_to_string(&p)
                .map_err(|e| e.to_string())
                .and_then(|t| serde_json::from_str::<File>(&t).map_err(|e| e.to_string()))
            {
                Ok(f) => files.push(f),
                Err(e) => eprintln!("waqai: ignoring the gazetteer {}: {e}", p.to_string_lossy()),
            }
        }
        let cldr = parse_bundled::<Cldr>(CLDR, "cldr-ar.json");
        Self::build(&cldr, &files)
    }

    fn build(cldr: &Cldr, files: &[File]) -> Self {
        let concat = |f: fn(&File) -> &Vec<String>| -> Vec<String> {
            files.iter().flat_map(|x| f(x).iter().cloned()).collect()
        };
        let mut lx = Lexicon {
            phrases: PhraseIndex::default(),
            orgs: vec![],
            persons: vec![],
            country_names: cldr
                .countries
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            city_latin: FastMap::default(),
            country_latin: files
                .iter()
                .flat_map(|f| f.country_latin.iter())
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            name_units: FastMap::default(),
            months: FastMap::default(),
            hijri_months: FastMap::default(),
            weekdays: FastMap::default(),
            triggers: PhraseIndex::default(),
            title_modifiers: set(&concat(|f| &f.title_modifiers)),
            honorifics: set(&concat(|f| &f.honorifics)),
            family_words: set(&concat(|f| &f.family_words)),
            org_heads: set(&concat(|f| &f.org_heads)),
            group_heads: index(&concat(|f| &f.group_heads)),
            generic_groups: set(&concat(|f| &f.generic_groups)),
            function_words: set(&concat(|f| &f.function_words)),
            reporting_verbs: set(&concat(|f| &f.reporting_verbs)),
            signing_objects: index(&concat(|f| &f.signing_objects)),
            future_markers: index(&concat(|f| &f.future_markers)),
            reported_markers: index(&concat(|f| &f.reported_markers)),
            backrefs: index(&concat(|f| &f.backrefs)),
            pair_words: set(&concat(|f| &f.pair_words)),
            discussion_words: set(&concat(|f| &f.discussion_words)),
            invitation: index(&concat(|f| &f.invitation)),
            boilerplate: concat(|f| &f.boilerplate).iter().map(|s| norm(s)).collect(),
            not_cities: set(&concat(|f| &f.not_cities)),
            ambiguous_outlets: set(&concat(|f| &f.ambiguous_outlets)),
            standalone_orgs: set(&concat(|f| &f.standalone_orgs)),
            regnal_numbers: set(&concat(|f| &f.regnal_numbers)),
            generic_heads: set(&concat(|f| &f.generic_heads)),
            org_adjectives: set(&concat(|f| &f.org_adjectives)),
            people_nouns: set(&concat(|f| &f.people_nouns)),
            region_words: set(&concat(|f| &f.region_words)),
            common_words: COMMON_WORDS.lines().map(str::to_owned).collect(),
        };
        for (i, names) in cldr.months.iter().enumerate() {
            for n in names {
                lx.months.insert(norm(n), i as u32 + 1);
            }
        }
        for (i, n) in cldr.hijri_months.iter().enumerate() {
            lx.hijri_months.insert(norm(n), i as u32 + 1);
        }
        for (i, n) in cldr.weekdays.iter().enumerate() {
            lx.weekdays.insert(norm(n), crate::model::WEEKDAYS[i]);
        }
        let mut countries: Vec<(&String, &String)> = cldr.countries.iter().collect();
        countries.sort();
        for (code, name) in countries {
            if !NOT_STATES.contains(&code.as_str()) {
                insert(&mut lx.phrases, name, Entry::Country(code.clone()));
            }
        }
        for f in files {
            let mut zones: Vec<_> = f.capital_zones.iter().collect();
            zones.sort();
            for (zone, code) in zones {
                if let Some(city) = cldr.cities.get(zone) {
                    let entry = Entry::City {
                        country: Some(code.clone()),
                        population: 0,
                        listed: true,
                    };
                    insert(&mut lx.phrases, city, entry);
                }
            }
            for (code, names) in sorted(&f.country_aliases) {
                for n in names {
                    insert(&mut lx.phrases, n, Entry::Country(code.clone()));
                }
            }
            for (code, names) in sorted(&f.demonyms) {
                for n in names {
                    insert(&mut lx.phrases, n, Entry::Demonym(code.clone()));
                }
            }
            for (code, names) in sorted(&f.cities) {
                for n in names {
                    let entry = Entry::City {
                        country: Some(code.clone()),
                        population: 0,
                        listed: true,
                    };
                    insert(&mut lx.phrases, n, entry);
                }
            }
            for o in &f.offices {
                insert(&mut lx.phrases, o, Entry::Office);
            }
            for p in &f.portfolios {
                insert(&mut lx.phrases, p, Entry::Portfolio);
            }
            for o in &f.organizations {
                let i = lx.orgs.len();
                lx.orgs.push(o.clone());
                insert(&mut lx.phrases, &o.name, Entry::Org(i));
                for a in &o.aliases {
                    insert(&mut lx.phrases, a, Entry::Org(i));
                }
            }
            for o in &f.outlets {
                let i = lx.orgs.len();
                lx.orgs.push(o.clone());
                insert(&mut lx.phrases, &o.name, Entry::Outlet(i));
                for a in &o.aliases {
                    insert(&mut lx.phrases, a, Entry::Outlet(i));
                }
            }
            for (kind, list) in sorted(&f.triggers) {
                let Some(kind) = EventKind::parse(kind) else {
                    eprintln!("waqai: the gazetteer names an unknown event kind {kind}");
                    continue;
                };
                for w in list {
                    insert(&mut lx.triggers, w, kind);
                }
            }
        }
        lx.load_name_lists();
        lx
    }

    fn load_name_lists(&mut self) {
        for line in NAME_UNITS.lines() {
            let mut f = line.split('\t');
            if let (Some(k), Some(g), Some(s)) = (f.next(), f.next(), f.next()) {
                let unit = NameUnit {
                    given: g.parse().unwrap_or(0),
                    surname: s.parse().unwrap_or(0),
                };
                self.name_units.insert(k.to_owned(), unit);
            }
        }
        for line in PERSONS.lines() {
            let mut f = line.split('\t');
            if let (Some(k), Some(latin)) = (f.next(), f.next()) {
                let country = f.next().filter(|c| c.len() == 2).map(str::to_owned);
                let i = self.persons.len();
                self.persons.push(KnownPerson {
                    latin: latin.to_owned(),
                    country,
                });
                let w: Vec<&str> = k.split(' ').collect();
                self.phrases.insert(&w, Entry::Person(i));
            }
        }
        let mut city_population: FastMap<String, u32> = FastMap::default();
        for line in CITIES.lines() {
            let mut f = line.split('\t');
            if let (Some(k), Some(c), Some(p)) = (f.next(), f.next(), f.next()) {
                let population = p.parse().unwrap_or(0);
                // Latin names for every city, curated ones («الرياض») too.
                if let Some(latin) = f.next().filter(|l| !l.is_empty())
                    && city_population.get(k).is_none_or(|&q| population > q)
                {
                    city_population.insert(k.to_owned(), population);
                    self.city_latin.insert(k.to_owned(), latin.to_owned());
                }
                if self.not_cities.contains(k) || self.common_words.contains(k) {
                    continue;
                }
                let w: Vec<&str> = k.split(' ').collect();
                let entry = Entry::City {
                    country: Some(c.to_owned()),
                    population,
                    listed: false,
                };
                self.phrases.insert(&w, entry);
            }
        }
        for line in ORGANISATIONS.lines() {
            if let Some(k) = line.split('\t').next() {
                // One word is too often a common noun as well («الشباب», «الهدف»).
                if !k.contains(' ') {
                    continue;
                }
                let i = self.orgs.len();
                self.orgs.push(Org {
                    name: k.to_owned(),
                    ..Org::default()
                });
                let w: Vec<&str> = k.split(' ').collect();
                self.phrases.insert(&w, Entry::Org(i));
            }
        }
    }

    /// The event kind a single word triggers.
    pub fn trigger_word(&self, word: &str) -> Option<EventKind> {
        self.triggers.get(&[word]).first().copied()
    }

    /// How often `word` (normalised, clitics removed) is a name part.
    pub fn name_unit(&self, word: &str) -> NameUnit {
        self.name_units.get(word).copied().unwrap_or_default()
    }
}

fn sorted<V>(m: &HashMap<String, V>) -> Vec<(&String, &V)> {
    let mut v: Vec<_> = m.iter().collect();
    v.sort_by(|a, b| a.0.cmp(b.0));
    v
}

fn parse_bundled<T: for<'de> Deserialize<'de> + Default>(text: &str, name: &str) -> T {
    serde_json::from_str(text).unwrap_or_else(|e| {
        // The bundled files are tested; this only shows when someone edits them badly.
        eprintln!("waqai: the bundled {name} does not parse: {e}");
        T::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_files_parse_and_hold_names() {
        serde_json::from_str::<File>(GAZETTEER).unwrap();
        serde_json::from_str::<Cldr>(CLDR).unwrap();
        let lx = Lexicon::load();
        assert!(lx.name_unit("محمد").given > 100);
        let m = lx.phrases.matches("فرنسا", []);
        assert!(m[0].1.contains(&Entry::Country("FR".into())));
        assert_eq!(lx.trigger_word(&norm("التقى")), Some(EventKind::Meeting));
    }
}
