//! The gazetteer: countries, cities, months and weekdays from CLDR (`assets/cldr-ar.json`) and
//! what CLDR lacks (`assets/gazetteer.json`): demonyms, offices, portfolios, organisations,
//! trigger words. Users extend it with a file of the same shape named in `WAQAI_GAZETTEER`.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;

use super::tokens::norm;

const CLDR: &str = include_str!("../../assets/cldr-ar.json");
const GAZETTEER: &str = include_str!("../../assets/gazetteer.json");

#[derive(Deserialize, Default)]
struct Cldr {
    months: Vec<Vec<String>>,
    weekdays: Vec<String>,
    hijri_months: Vec<String>,
    countries: HashMap<String, String>,
    cities: HashMap<String, String>,
}

/// A small FNV-1a hasher: the gazetteer is looked up for every token, and SipHash's DoS
/// resistance is not needed for our own data.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A map hashed with [`Fnv`].
pub type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;
/// A set hashed with [`Fnv`].
pub type FastSet<K> = HashSet<K, std::hash::BuildHasherDefault<Fnv>>;

/// A known organisation.
#[derive(Deserialize, Clone, Debug, Default)]
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

#[derive(Deserialize, Default)]
#[serde(default)]
struct File {
    demonyms: HashMap<String, Vec<String>>,
    country_aliases: HashMap<String, Vec<String>>,
    capital_zones: HashMap<String, String>,
    cities: HashMap<String, Vec<String>>,
    offices: Vec<String>,
    portfolios: Vec<String>,
    government_suffixes: Vec<String>,
    organizations: Vec<Org>,
    group_heads: Vec<String>,
    boilerplate: Vec<String>,
    honorifics: Vec<String>,
    stopwords: Vec<String>,
    triggers: HashMap<String, Vec<String>>,
    signing_objects: Vec<String>,
    future_markers: Vec<String>,
    backrefs: Vec<String>,
    invitation: Vec<String>,
}

/// What a gazetteer phrase names.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// A country (ISO code).
    Country(String),
    /// A city, with its country when known.
    City(String, Option<String>),
    /// A known organisation (index into `orgs`).
    Org(usize),
    /// A demonym (country code).
    Demonym(String),
    /// An office ("وزير").
    Office,
    /// A portfolio ("الخارجية").
    Portfolio,
}

/// The loaded gazetteer, indexed for matching on normalised tokens.
pub struct Gazetteer {
    /// Phrases by their first normalised token: (tokens, entry, canonical text), longest first.
    phrases: FastMap<String, Vec<(Vec<String>, Entry, String)>>,
    /// Known organisations.
    pub orgs: Vec<Org>,
    /// Country names by code (CLDR).
    pub country_names: FastMap<String, String>,
    /// Normalised month names → month number (1–12).
    pub months: FastMap<String, u32>,
    /// Normalised Hijri month names → month number.
    pub hijri_months: FastMap<String, u32>,
    /// Normalised weekday names → English name.
    pub weekdays: FastMap<String, &'static str>,
    /// Normalised trigger words → event kind.
    pub triggers: FastMap<String, String>,
    /// Normalised stopwords.
    pub stopwords: FastSet<String>,
    /// Normalised government suffixes ("المفوض").
    pub suffixes: FastSet<String>,
    /// Normalised signing objects (token sequences).
    pub signing_objects: Vec<Vec<String>>,
    /// Normalised future markers (token sequences).
    pub future_markers: Vec<Vec<String>>,
    /// Normalised back-references (token sequences).
    pub backrefs: Vec<Vec<String>>,
    /// Normalised invitation phrases (token sequences).
    pub invitation: Vec<Vec<String>>,
    /// Normalised group heads (token sequences).
    pub group_heads: Vec<Vec<String>>,
    /// Normalised boilerplate lines.
    pub boilerplate: Vec<String>,
    /// Normalised honorifics that may stand between an office and a name.
    pub honorifics: FastSet<String>,
}

fn toks(s: &str) -> Vec<String> {
    norm(s).split_whitespace().map(str::to_owned).collect()
}

impl Gazetteer {
    /// The bundled gazetteer, extended by the file in `WAQAI_GAZETTEER` when set.
    pub fn load() -> Self {
        let mut files =
            vec![serde_json::from_str::<File>(GAZETTEER).expect("bundled gazetteer parses")];
        if let Some(p) = std::env::var_os("WAQAI_GAZETTEER") {
            match std::fs::read_to_string(&p)
                .map_err(|e| e.to_string())
                .and_then(|t| serde_json::from_str::<File>(&t).map_err(|e| e.to_string()))
            {
                Ok(f) => files.push(f),
                Err(e) => eprintln!("waqai: ignoring the gazetteer {}: {e}", p.to_string_lossy()),
            }
        }
        let cldr: Cldr = serde_json::from_str(CLDR).expect("bundled CLDR data parses");
        Self::build(&cldr, &files)
    }

    fn build(cldr: &Cldr, files: &[File]) -> Self {
        let mut g = Gazetteer {
            phrases: FastMap::default(),
            orgs: vec![],
            country_names: cldr
                .countries
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            months: FastMap::default(),
            hijri_months: FastMap::default(),
            weekdays: FastMap::default(),
            triggers: FastMap::default(),
            stopwords: FastSet::default(),
            suffixes: FastSet::default(),
            signing_objects: vec![],
            future_markers: vec![],
            backrefs: vec![],
            invitation: vec![],
            group_heads: vec![],
            boilerplate: vec![],
            honorifics: FastSet::default(),
        };
        for (i, names) in cldr.months.iter().enumerate() {
            for n in names {
                g.months.insert(norm(n), i as u32 + 1);
            }
        }
        for (i, n) in cldr.hijri_months.iter().enumerate() {
            g.hijri_months.insert(norm(n), i as u32 + 1);
        }
        for (i, n) in cldr.weekdays.iter().enumerate() {
            g.weekdays.insert(norm(n), crate::model::WEEKDAYS[i]);
        }
        // CLDR's territories include groupings that are not states.
        const NOT_STATES: [&str; 13] = [
            "UN", "EU", "EZ", "QO", "XA", "XB", "ZZ", "AC", "CP", "DG", "EA", "IC", "TA",
        ];
        for (code, name) in &cldr.countries {
            if !NOT_STATES.contains(&code.as_str()) {
                g.add(name, Entry::Country(code.clone()));
            }
        }
        for f in files {
            for (zone, code) in &f.capital_zones {
                // Some zones are named after their country («قطر»): not a city name.
                if let Some(city) = cldr
                    .cities
                    .get(zone)
                    .filter(|c| cldr.countries.values().all(|n| norm(n) != norm(c)))
                {
                    g.add(city, Entry::City(city.clone(), Some(code.clone())));
                }
            }
        }
        for f in files {
            for (code, names) in &f.country_aliases {
                for n in names {
                    g.add(n, Entry::Country(code.clone()));
                }
            }
            for (code, names) in &f.demonyms {
                for n in names {
                    g.add(n, Entry::Demonym(code.clone()));
                }
            }
            for (code, names) in &f.cities {
                for n in names {
                    g.add(n, Entry::City(n.clone(), Some(code.clone())));
                }
            }
            for o in &f.offices {
                g.add(o, Entry::Office);
            }
            for p in &f.portfolios {
                g.add(p, Entry::Portfolio);
            }
            for o in &f.organizations {
                let i = g.orgs.len();
                g.orgs.push(o.clone());
                g.add(&o.name, Entry::Org(i));
                for a in &o.aliases {
                    g.add(a, Entry::Org(i));
                }
            }
            for (kind, words) in &f.triggers {
                for w in words {
                    g.triggers.insert(norm(w), kind.clone());
                }
            }
            g.stopwords.extend(f.stopwords.iter().map(|s| norm(s)));
            g.suffixes
                .extend(f.government_suffixes.iter().map(|s| norm(s)));
            g.signing_objects
                .extend(f.signing_objects.iter().map(|s| toks(s)));
            g.future_markers
                .extend(f.future_markers.iter().map(|s| toks(s)));
            g.backrefs.extend(f.backrefs.iter().map(|s| toks(s)));
            g.invitation.extend(f.invitation.iter().map(|s| toks(s)));
            g.group_heads.extend(f.group_heads.iter().map(|s| toks(s)));
            g.boilerplate.extend(f.boilerplate.iter().map(|s| norm(s)));
            g.honorifics.extend(f.honorifics.iter().map(|s| norm(s)));
        }
        for list in g.phrases.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
        }
        g
    }

    fn add(&mut self, phrase: &str, entry: Entry) {
        let t = toks(phrase);
        let Some(first) = t.first().cloned() else {
            return;
        };
        let list = self.phrases.entry(first).or_default();
        // The first entry for a phrase wins (countries before aliases, offices before names).
        if !list
            .iter()
            .any(|(p, e, _)| *p == t && std::mem::discriminant(e) == std::mem::discriminant(&entry))
        {
            list.push((t, entry, phrase.to_owned()));
        }
    }

    /// The longest phrase starting at `words[0]` (given as normalised forms, the first one
    /// possibly with proclitics removed): its entry, canonical text and length in tokens.
    pub fn lookup(&self, first: &str, rest: &[&str]) -> Vec<(Entry, String, usize)> {
        let Some(list) = self.phrases.get(first) else {
            return vec![];
        };
        list.iter()
            .filter(|(p, _, _)| {
                p.len() <= rest.len() + 1 && p[1..].iter().zip(rest).all(|(a, b)| a == b)
            })
            .map(|(p, e, c)| (e.clone(), c.clone(), p.len()))
            .collect()
    }
}
