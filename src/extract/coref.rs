//! The third pass: mentions grouped into entities. A surname or a shorter form joins the fuller
//! name it belongs to; a country is one entity whatever its name; a title standing alone
//! («الوزير», «وزير الخارجية الأردني») joins the person who holds it; a title right after a name
//! («مصطفى الدباشي، وزير الداخلية») is that person's role.

use std::collections::BTreeSet;

use super::analysis::Text;
use super::eval::name_tokens;
use super::kinds::EntityKind;
use super::lexicon::Lexicon;
use super::names::{Mention, Source, Title};

/// One entity: what its mentions agree on.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// What it is.
    pub kind: EntityKind,
    /// The fullest name the article writes.
    pub name: String,
    /// Normalised tokens of the name.
    pub key: BTreeSet<String>,
    /// State it belongs to.
    pub country: Option<String>,
    /// Latin spelling.
    pub latin: Option<String>,
    /// Titles of a person.
    pub titles: Vec<Title>,
    /// Indices of its mentions.
    pub mentions: Vec<usize>,
    /// Whether it is only known by a title («وزير الخارجية الفرنسي»).
    pub title_only: bool,
    /// The lexicon's organisation it is, when listed.
    pub listed_org: Option<usize>,
    /// Whether it is a news outlet (it reports events, it does not take part in them).
    pub outlet: bool,
}

/// Mentions and the entity each belongs to.
#[derive(Clone, Debug, Default)]
pub struct Entities {
    /// The mentions, in text order.
    pub mentions: Vec<Mention>,
    /// Entity of each mention (`None` for references that found nobody).
    pub of: Vec<Option<usize>>,
    /// The entities, in order of first mention.
    pub list: Vec<Entity>,
}

impl Entities {
    /// The entity of the mention covering token `i`, if any.
    pub fn at(&self, i: usize) -> Option<usize> {
        self.mentions
            .iter()
            .position(|m| m.toks.contains(&i))
            .and_then(|k| self.of[k])
    }
}

fn office_key(office: &str) -> String {
    let o = office.strip_prefix("ال").unwrap_or(office);
    o.strip_suffix('ه').unwrap_or(o).to_owned()
}

/// Whether a title standing alone can be a person's title.
fn title_fits(alone: &Title, held: &Title) -> bool {
    if office_key(&alone.office) != office_key(&held.office) {
        return false;
    }
    let country_ok = match (&alone.country, &held.country) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    let portfolio_ok = match (&alone.portfolio, &held.portfolio) {
        (Some(a), Some(b)) => office_key(a) == office_key(b),
        _ => true,
    };
    country_ok && portfolio_ok
}

/// Whether a title alone is specific enough to stand for someone the article never names.
fn specific(t: &Title) -> bool {
    t.portfolio.is_some() && t.country.is_some()
}

/// A name's tokens as coreference compares them: «عبد الله» is «عبدالله».
fn coref_key(name: &str) -> BTreeSet<String> {
    let normal = super::tokens::norm(name);
    let words: Vec<&str> = normal
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut joined: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if (words[i] == "عبد" || words[i] == "ابو") && i + 1 < words.len() {
            joined.push(format!("{}{}", words[i], words[i + 1]));
            i += 2;
        } else {
            joined.push(words[i].to_owned());
            i += 1;
        }
    }
    joined.iter().flat_map(|w| name_tokens(w)).collect()
}

/// The first word of a name, normalised («عبد الله» counts as one).
fn first_word(name: &str) -> String {
    let n = super::tokens::norm(name);
    let mut words = n.split_whitespace();
    match words.next() {
        Some(w @ ("عبد" | "ابو")) => format!("{w}{}", words.next().unwrap_or("")),
        Some(w) => w.to_owned(),
        None => String::new(),
    }
}

fn same_entity(e: &Entity, m: &Mention, key: &BTreeSet<String>) -> bool {
    if e.kind != m.kind {
        return false;
    }
    match m.kind {
        EntityKind::Country => e.country.is_some() && e.country == m.country,
        EntityKind::Person => {
            let (small, large) = if key.len() <= e.key.len() {
                (key, &e.key)
            } else {
                (&e.key, key)
            };
            // «سلمان بن عبدالعزيز» is inside «محمد بن سلمان بن عبدالعزيز» but is his father:
            // a shorter name of several words must start with the same given name.
            let (mine, theirs) = (first_word(&m.name), first_word(&e.name));
            let same_start = small.len() == 1 || mine == theirs;
            !small.is_empty()
                && small.is_subset(large)
                && same_start
                && match (&e.country, &m.country) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                }
        }
        EntityKind::Organization => {
            let shared = key.intersection(&e.key).count();
            *key == e.key
                || m.listed_org.is_some() && m.listed_org == e.listed_org
                || shared >= 2 && (key.is_subset(&e.key) || e.key.is_subset(key))
        }
        _ => *key == e.key,
    }
}

/// Groups mentions into entities.
pub fn resolve(text: &Text, lx: &Lexicon, mentions: Vec<Mention>) -> Entities {
    let mut out = Entities {
        of: vec![None; mentions.len()],
        mentions,
        list: vec![],
    };
    let mut later = Vec::new();
    for k in 0..out.mentions.len() {
        let m = out.mentions[k].clone();
        if m.reference {
            match apposition(text, &mut out, k) {
                Some(e) => out.of[k] = Some(e),
                None => later.push(k),
            }
            continue;
        }
        let key = coref_key(&m.name);
        if m.weak() {
            match find_entity(&out, &m, &key) {
                Some(e) => attach(&mut out, k, e, &key),
                None => later.push(k),
            }
            continue;
        }
        // «مجلس الاحتياطي الاتحادي (البنك المركزي الأميركي)»: a name in brackets right after
        // another of its kind is another name of it.
        if k > 0
            && let Some(e) = out.of[k - 1]
        {
            let prev = &out.mentions[k - 1];
            let bracketed = prev.toks.end + 1 == m.toks.start
                && text.is_mark(prev.toks.end, &["("])
                && text.is_mark(m.toks.end, &[")"]);
            if bracketed && prev.kind == m.kind && !prev.reference {
                attach(&mut out, k, e, &key);
                continue;
            }
        }
        // The tagger may call a person's surname an organisation or a place («أوباما»).
        if m.source == Source::Tagged
            && m.kind != EntityKind::Person
            && let Some(e) = out.list.iter().position(|x| {
                x.kind == EntityKind::Person && !x.title_only && key.is_subset(&x.key)
            })
        {
            attach(&mut out, k, e, &key);
            continue;
        }
        let e = find_entity(&out, &m, &key).unwrap_or_else(|| {
            out.list.push(Entity {
                kind: m.kind,
                name: m.name.clone(),
                key: key.clone(),
                country: m.country.clone(),
                latin: m.latin.clone(),
                titles: vec![],
                mentions: vec![],
                title_only: false,
                listed_org: m.listed_org,
                outlet: m.outlet,
            });
            out.list.len() - 1
        });
        attach(&mut out, k, e, &key);
    }
    // Lone surnames and titles may stand before the full name they belong to.
    for k in later {
        let m = out.mentions[k].clone();
        if m.reference {
            out.of[k] = resolve_title(&mut out, k);
        } else {
            let key = coref_key(&m.name);
            if let Some(e) = find_entity(&out, &m, &key) {
                attach(&mut out, k, e, &key);
            }
        }
    }
    sweep_surnames(text, lx, &mut out);
    out
}

/// The most recent entity a mention can belong to; a name whose title was met alone before
/// joins the entity that title made.
fn find_entity(out: &Entities, m: &Mention, key: &BTreeSet<String>) -> Option<usize> {
    (0..out.list.len())
        .rev()
        .find(|&e| same_entity(&out.list[e], m, key))
        .or_else(|| {
            let t = m.title.as_ref()?;
            (0..out.list.len()).rev().find(|&e| {
                let ent = &out.list[e];
                ent.title_only && ent.titles.iter().any(|h| title_fits(h, t))
            })
        })
}

fn attach(out: &mut Entities, k: usize, e: usize, key: &BTreeSet<String>) {
    let m = out.mentions[k].clone();
    let ent = &mut out.list[e];
    if key.len() > ent.key.len() || ent.title_only {
        ent.name = m.name.clone();
        ent.key = key.clone();
        ent.title_only = false;
    }
    if ent.country.is_none() {
        ent.country = m.country.clone();
    }
    if ent.latin.is_none() {
        ent.latin = m.latin.clone();
    }
    if let Some(t) = &m.title
        && !ent.titles.iter().any(|x| x.text == t.text)
    {
        ent.titles.push(t.clone());
    }
    ent.mentions.push(k);
    out.of[k] = Some(e);
}

/// «مصطفى الدباشي، وزير داخلية …»: a title right after a name is that person's.
fn apposition(text: &Text, out: &mut Entities, k: usize) -> Option<usize> {
    let m = out.mentions[k].clone();
    let title = m.title.clone()?;
    let prev = (0..k).rev().find(|&p| !out.mentions[p].reference)?;
    let p = &out.mentions[prev];
    let between = p.toks.end..m.toks.start;
    let is_apposition = between.len() <= 1
        && between
            .clone()
            .all(|i| text.is_mark(i, &["،", ",", "-", "–"]))
        && p.kind == EntityKind::Person;
    let e = out.of[prev].filter(|_| is_apposition)?;
    let ent = &mut out.list[e];
    if ent.country.is_none() {
        ent.country = title.country.clone();
    }
    if !ent.titles.iter().any(|x| x.text == title.text) {
        ent.titles.push(title);
    }
    ent.mentions.push(k);
    Some(e)
}

/// A title standing alone: the nearest person holding such a title (before it first), else —
/// when specific — someone the article never names.
fn resolve_title(out: &mut Entities, k: usize) -> Option<usize> {
    let m = out.mentions[k].clone();
    let title = m.title.clone()?;
    if title.office == "نظير" {
        return None;
    }
    let at = m.toks.start;
    let distance = |e: usize| -> usize {
        out.list[e]
            .mentions
            .iter()
            .map(|&x| {
                let s = out.mentions[x].toks.start;
                // Persons named before the title come first.
                if s <= at { at - s } else { (s - at) * 4 }
            })
            .min()
            .unwrap_or(usize::MAX)
    };
    let found = (0..out.list.len())
        .filter(|&e| {
            let ent = &out.list[e];
            ent.kind == EntityKind::Person && ent.titles.iter().any(|t| title_fits(&title, t))
        })
        .min_by_key(|&e| distance(e));
    if let Some(e) = found {
        out.list[e].mentions.push(k);
        return Some(e);
    }
    if !specific(&title) {
        return None;
    }
    out.list.push(Entity {
        kind: EntityKind::Person,
        name: title.text.clone(),
        key: coref_key(&title.text),
        country: title.country.clone(),
        latin: None,
        titles: vec![title],
        mentions: vec![k],
        title_only: true,
        listed_org: None,
        outlet: false,
    });
    Some(out.list.len() - 1)
}

/// Every further occurrence of a person's family name («الدباشي») is a mention of them.
fn sweep_surnames(text: &Text, lx: &Lexicon, out: &mut Entities) {
    let mut covered = vec![false; text.len()];
    for m in &out.mentions {
        for i in m.toks.clone() {
            covered[i] = true;
        }
    }
    let mut surnames: Vec<(String, usize)> = Vec::new();
    for (e, ent) in out.list.iter().enumerate() {
        if ent.kind != EntityKind::Person || ent.title_only || ent.key.len() < 2 {
            continue;
        }
        let last = super::tokens::norm(ent.name.split_whitespace().last().unwrap_or(""));
        if last.chars().count() >= 3
            && !lx.common_words.contains(&last)
            && !lx.function_words.contains(&last)
            && !lx.family_words.contains(&last)
        {
            surnames.push((last, e));
        }
    }
    for (i, done) in covered.iter().enumerate() {
        if *done || !text.is_word(i) {
            continue;
        }
        let hit = surnames
            .iter()
            .find(|(s, _)| text.forms[i].iter().any(|f| f == s));
        if let Some((s, e)) = hit.cloned() {
            let mut m = Mention::new(text, i..i + 1, Some(&s), EntityKind::Person);
            m.source = Source::Tagged;
            out.mentions.push(m);
            out.of.push(Some(e));
            out.list[e].mentions.push(out.mentions.len() - 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::analysis::Text;
    use crate::extract::kinds::EntityKind;
    use crate::extract::{coref, lexicon, names};

    fn entities(s: &str) -> coref::Entities {
        let lx = lexicon();
        let t = Text::new(s, lx);
        coref::resolve(&t, lx, names::find(&t, lx))
    }

    fn people(e: &coref::Entities) -> Vec<&str> {
        e.list
            .iter()
            .filter(|x| x.kind == EntityKind::Person)
            .map(|x| x.name.as_str())
            .collect()
    }

    #[test]
    fn a_surname_joins_the_full_name() {
        let e = entities("التقى وزير الخارجية الأردني ناصر جودة أمس. وقال جودة إن اللقاء مثمر.");
        assert_eq!(people(&e), ["ناصر جودة"]);
        let p = &e.list[e.list.iter().position(|x| x.name == "ناصر جودة").unwrap()];
        assert_eq!(p.mentions.len(), 2);
    }

    #[test]
    fn a_title_alone_joins_its_holder_before_or_after() {
        let e = entities(
            "وصل وزير الداخلية الليبي إلى تونس. وكان وزير الداخلية الليبي مصطفى الدباشي قد غادر.",
        );
        assert_eq!(people(&e), ["مصطفى الدباشي"]);
    }

    #[test]
    fn a_title_after_a_name_is_its_role() {
        let e = entities("قال ناصر الحاسي، المتحدث باسم القوات الجوية، إن الطائرات عادت.");
        let p = e.list.iter().find(|x| x.name == "ناصر الحاسي").unwrap();
        assert!(
            p.titles.iter().any(|t| t.text.contains("المتحدث")),
            "{:?}",
            p.titles
        );
    }

    #[test]
    fn a_specific_title_never_named_is_someone() {
        let e = entities("وأكد وزير الخارجية الفرنسي دعم بلاده.");
        assert_eq!(people(&e), ["وزير الخارجية الفرنسي"]);
    }

    #[test]
    fn abd_allah_is_abdallah() {
        let e = entities(
            "استقبل الملك عبد الله الثاني الضيف. وقال الملك عبدالله الثاني إن البلدين شقيقان.",
        );
        assert_eq!(people(&e).len(), 1, "{:?}", people(&e));
    }
}
