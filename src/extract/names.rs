//! The second pass: where the article names someone or something. Three sources are combined:
//! the lexicon (countries, cities, known organisations, outlets, known persons), patterns
//! (a title or an honorific before a name, a head word such as «وزارة» and its complement) and
//! the learned tagger for the names no list knows. The result is one list of mentions that do
//! not overlap, each with its kind, its name as written and what its title says.

use std::ops::Range;

use super::analysis::Text;
use super::kinds::EntityKind;
use super::lexicon::{Entry, Lexicon};
use super::tagger;
use super::tokens::TokenKind;

/// What a title says of the person holding it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Title {
    /// The title as written («وزير الخارجية الأردني»).
    pub text: String,
    /// Its tokens.
    pub toks: Range<usize>,
    /// The office, normalised («وزير»).
    pub office: String,
    /// The portfolio or the body it heads, normalised («الخارجية»).
    pub portfolio: Option<String>,
    /// The state it belongs to.
    pub country: Option<String>,
}

/// Where a mention came from, strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// A title or honorific and a name.
    Titled,
    /// A phrase of the lexicon.
    Listed,
    /// A head word and its complement.
    Pattern,
    /// A given name and what follows it («خالد الدبل»).
    Bare,
    /// The tagger.
    Tagged,
}

/// One mention of a name (or, for `reference`, of a title standing for a person).
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// The name's tokens.
    pub toks: Range<usize>,
    /// The first token's form (proclitics removed), when it had some.
    pub form: Option<String>,
    /// What it names.
    pub kind: EntityKind,
    /// The name as written, without titles or proclitics.
    pub name: String,
    /// State it belongs to, when the text or the lexicon says.
    pub country: Option<String>,
    /// Latin spelling, when known.
    pub latin: Option<String>,
    /// The title before or after a person's name.
    pub title: Option<Title>,
    /// Where it came from.
    pub source: Source,
    /// A title or word standing for a person named elsewhere («الوزير», «نظيره»).
    pub reference: bool,
    /// The lexicon's organisation or outlet it names, when listed.
    pub listed_org: Option<usize>,
    /// Whether it names a news outlet.
    pub outlet: bool,
}

impl Mention {
    /// A lone word the tagger calls a person: too often a common noun («حسن», «سلامة»), so it
    /// only joins a person named in full elsewhere.
    pub fn weak(&self) -> bool {
        self.source == Source::Tagged && self.kind == EntityKind::Person && self.toks.len() == 1
    }

    /// A mention of tokens `toks`, the first read as `form`.
    pub fn new(text: &Text, toks: Range<usize>, form: Option<&str>, kind: EntityKind) -> Self {
        let form = form.filter(|f| *f != text.word(toks.start));
        Self {
            name: text.display(toks.clone(), form),
            form: form.map(str::to_owned),
            toks,
            kind,
            country: None,
            latin: None,
            title: None,
            source: Source::Tagged,
            reference: false,
            listed_org: None,
            outlet: false,
        }
    }
}

/// Words that end a name: function words, verbs of saying, triggers, time words.
fn stops_name(text: &Text, lx: &Lexicon, i: usize) -> bool {
    // «فيصل» is a name before it is «ف» + «يصل»; «على» (written with ى) is a preposition
    // although it reads as «علي» once normalised.
    let strong_name = lx.name_unit(text.word(i)).given >= 20
        && !(lx.function_words.contains(text.word(i)) && text.raw_ends_with(i, 'ى'));
    !text.is_word(i)
        || text.in_set(i, &lx.function_words) && !strong_name
        || text.in_set(i, &lx.reporting_verbs) && !strong_name
        || !strong_name && text.forms[i].iter().any(|f| lx.trigger_word(f).is_some())
        || text.forms[i]
            .iter()
            .any(|f| lx.months.contains_key(f) || lx.weekdays.contains_key(f))
}

fn is_office_at(text: &Text, lx: &Lexicon, i: usize) -> Option<usize> {
    text.phrase_at(i, &lx.phrases, text.len())
        .filter(|f| f.values.contains(&Entry::Office))
        .map(|f| f.len)
}

fn demonym_at(text: &Text, lx: &Lexicon, i: usize) -> Option<(usize, String)> {
    let f = text.phrase_at(i, &lx.phrases, text.len())?;
    f.values.iter().find_map(|v| match v {
        Entry::Demonym(c) => Some((f.len, c.clone())),
        _ => None,
    })
}

fn country_at(text: &Text, lx: &Lexicon, i: usize) -> Option<(usize, String)> {
    let f = text.phrase_at(i, &lx.phrases, text.len())?;
    f.values.iter().find_map(|v| match v {
        Entry::Country(c) => Some((f.len, c.clone())),
        _ => None,
    })
}

/// Whether token `i` looks like a part of a personal name.
fn name_part(text: &Text, lx: &Lexicon, i: usize) -> bool {
    let w = text.word(i);
    let unit = lx.name_unit(w);
    unit.given + unit.surname > 0 || lx.family_words.contains(w) || lx.regnal_numbers.contains(w)
}

/// A personal name starting at `j` (honorifics skipped): at most six words, stopping at
/// function words, verbs, titles, demonyms and conjunctions.
fn name_after(
    text: &Text,
    lx: &Lexicon,
    j: usize,
    tagged: &[Option<&str>],
    strict: bool,
) -> Range<usize> {
    let mut j = j;
    // Honorifics, ranks and their modifiers before the name: «الفريق أول ركن», «الفريق
    // متقاعد», «آية الله».
    while j < text.len() && text.is_word(j) {
        if text.exactly_in(j, &lx.honorifics) || text.exactly_in(j, &lx.title_modifiers) && j > 0 {
            j += 1;
        } else if text.word(j) == "ايه" && text.word(j + 1) == "الله" {
            j += 2;
        } else {
            break;
        }
    }
    let mut k = j;
    let mut unknown = 0;
    let place = |x: usize| {
        text.phrase_at(x, &lx.phrases, text.len()).is_some_and(|f| {
            f.values
                .iter()
                .any(|v| matches!(v, Entry::Country(_) | Entry::City { .. }))
        })
    };
    let given_behind = text
        .forms
        .get(j)
        .is_some_and(|fs| fs.iter().skip(1).any(|f| lx.name_unit(f).given >= 20));
    // «بمعالجة» is «بـ» + a noun; «برناردينو» is a name no list knows.
    let prefixed = text.forms.get(j).is_some_and(|fs| {
        fs.iter().skip(1).any(|f| {
            lx.common_words.contains(f)
                || lx.function_words.contains(f)
                || !lx.phrases.get(&[f.as_str()]).is_empty()
        })
    }) && !name_part(text, lx, j)
        && !given_behind;
    if j < text.len()
        && (is_office_at(text, lx, j).is_some()
            || prefixed
            || lx.common_words.contains(text.word(j))
            || place(j) && !name_part(text, lx, j))
    {
        return j..j;
    }
    while k < text.len() && k - j < 6 {
        if lx.regnal_numbers.contains(text.word(k)) && k > j {
            k += 1;
            break;
        }
        if stops_name(text, lx, k) && !(k > j && lx.family_words.contains(text.word(k))) {
            break;
        }
        if k > j
            && (is_office_at(text, lx, k).is_some()
                || demonym_at(text, lx, k).is_some()
                || text.has_conjunction(k) && !lx.family_words.contains(text.word(k)))
        {
            break;
        }
        let known = name_part(text, lx, k) || tagged[k] == Some("PERS");
        if !known {
            // A word no list knows: a foreign name right after the title («يوكيا أمانو»), or a
            // family name after a given name («فرج قعيم»); never a common word, a word with a
            // preposition on it, or a noun in «ة».
            unknown += 1;
            let w = text.word(k);
            let plain = !lx.common_words.contains(w)
                && !w.ends_with('ه')
                && !w.ends_with("ها")
                && !w.ends_with("هم")
                && !text.forms[k]
                    .iter()
                    .skip(1)
                    .any(|f| lx.common_words.contains(f) || lx.function_words.contains(f))
                && !text.in_set(k, &lx.not_cities);
            let after_given = k == j + 1 && lx.name_unit(text.word(j)).given >= 10;
            let foreign = k <= j + 1 && unknown == k - j + 1;
            if strict || unknown > 2 || !plain || !(k == j || after_given || foreign) {
                break;
            }
        }
        k += 1;
    }
    // A name does not end on a linking word («بن», «أبو»).
    while k > j && lx.family_words.contains(text.word(k - 1)) {
        k -= 1;
    }
    // Words no list knows make a name only as a pair («يوكيا أمانو»), not alone («قبيل»).
    let known = (j..k).any(|x| name_part(text, lx, x) || tagged[x] == Some("PERS"));
    if !known && k - j < 2 {
        return j..j;
    }
    j..k
}

/// The title that starts at `i`: office, portfolio or the body it heads, demonym or country,
/// modifiers.
fn title_at(text: &Text, lx: &Lexicon, i: usize) -> Option<Title> {
    let mut k = i;
    while k < text.len()
        && text.exactly_in(k, &lx.honorifics)
        && is_office_at(text, lx, k).is_none()
    {
        k += 1;
    }
    let start = k;
    let len = is_office_at(text, lx, k)?;
    let office_form = text
        .phrase_at(k, &lx.phrases, text.len())
        .map(|f| f.form.to_owned())
        .unwrap_or_default();
    // «وزير الخارجية» is the office «وزير» with the portfolio «الخارجية».
    let office = office_form;
    let mut portfolio = (len > 1).then(|| {
        (k + 1..k + len)
            .map(|x| text.word(x))
            .collect::<Vec<_>>()
            .join(" ")
    });
    k += len;
    let mut country = None;
    // The portfolio, or the body the office belongs to: «الخارجية», «جهاز مكافحة الإرهاب»,
    // «باسم القوات الجوية», «بحكومة الوفاق», «للأمن الوطني».
    let mut body = 0;
    while k < text.len() && body < 5 {
        if text.has_conjunction(k) {
            break;
        }
        if let Some(f) = text.phrase_at(k, &lx.phrases, text.len())
            && f.values
                .iter()
                .any(|v| matches!(v, Entry::Portfolio | Entry::Org(_)))
        {
            portfolio.get_or_insert_with(|| f.form.to_owned());
            // «بحكومة الوفاق»: the body's state is the office's.
            if country.is_none() {
                country = f.values.iter().find_map(|v| match v {
                    Entry::Org(o) => lx.orgs[*o].country.clone(),
                    _ => None,
                });
            }
            k += f.len;
            body += f.len;
            continue;
        }
        if let Some((n, c)) = demonym_at(text, lx, k) {
            country = Some(c);
            k += n;
            continue;
        }
        // «السناتور عن نيويورك»: the place a legislator stands for.
        if text.word(k) == "عن"
            && text
                .phrase_at(k + 1, &lx.phrases, text.len())
                .is_some_and(|f| {
                    f.values
                        .iter()
                        .any(|v| matches!(v, Entry::City { .. } | Entry::Country(_)))
                })
        {
            k += 1 + text
                .phrase_at(k + 1, &lx.phrases, text.len())
                .map_or(1, |f| f.len);
            continue;
        }
        if let Some((n, c)) = country_at(text, lx, k) {
            // «وزير خارجية لبنان»; but «… للمملكة الأردنية» is where he goes, not his title.
            if text.forms[k].len() > 1 && !text.word(k).starts_with("ال") {
                break;
            }
            country = Some(c);
            k += n;
            continue;
        }
        if text.in_set(k, &lx.org_heads) {
            let (end, c) = org_extent(text, lx, k);
            if end > k + 1 {
                portfolio.get_or_insert_with(|| text.word(k).to_owned());
                if c.is_some() {
                    country = c;
                }
                body += end - k;
                k = end;
                continue;
            }
        }
        let w = text.word(k);
        // «وزير داخلية الحكومة …»: a portfolio without its article.
        if body == 0
            && text.is_word(k)
            && lx
                .phrases
                .get(&[format!("ال{w}").as_str()])
                .contains(&Entry::Portfolio)
        {
            portfolio = Some(format!("ال{w}"));
            k += 1;
            body += 1;
            continue;
        }
        let definite = text.forms[k].iter().any(|f| f.starts_with("ال"));
        let head = text.in_set(k, &lx.org_heads);
        if text.is_word(k)
            && !stops_name(text, lx, k)
            && (definite || head || body > 0 && w.starts_with("ل"))
            && lx.name_unit(w).given < 50
            && !text.exactly_in(k, &lx.honorifics)
        {
            portfolio.get_or_insert_with(|| w.to_owned());
            k += 1;
            body += 1;
            continue;
        }
        break;
    }
    while k < text.len() && text.in_set(k, &lx.title_modifiers) {
        k += 1;
    }
    if let Some((n, c)) = demonym_at(text, lx, k) {
        country = Some(c);
        k += n;
    }
    Some(Title {
        text: text.display(start..k, None),
        toks: start..k,
        office,
        portfolio,
        country,
    })
}

/// Candidates from the lexicon at every token.
fn listed(
    text: &Text,
    lx: &Lexicon,
    tagged: &[Option<&str>],
    in_office: &[bool],
    out: &mut Vec<Mention>,
) {
    let mut i = 0;
    while i < text.len() {
        if in_office[i] {
            i += 1;
            continue;
        }
        let Some(found) = text.phrase_at(i, &lx.phrases, text.len()) else {
            i += 1;
            continue;
        };
        let r = i..i + found.len;
        let mut best: Option<Mention> = None;
        for v in found.values {
            let m = match v {
                Entry::Country(code) => {
                    let mut m =
                        Mention::new(text, r.clone(), Some(found.form), EntityKind::Country);
                    m.country = Some(code.clone());
                    Some(m)
                }
                Entry::City {
                    country,
                    population,
                    listed,
                } => {
                    let month = text.forms[i]
                        .iter()
                        .any(|f| lx.months.contains_key(f) || lx.hijri_months.contains_key(f));
                    let region = i > 0 && text.in_set(i - 1, &lx.region_words);
                    let month = month || region;
                    let sure = !month && (*listed || tagged[i] == Some("LOC"))
                        || *population >= 1_000_000 && lx.name_unit(text.word(i)).given < 20;
                    sure.then(|| {
                        let mut m =
                            Mention::new(text, r.clone(), Some(found.form), EntityKind::City);
                        m.country = country.clone();
                        m
                    })
                }
                Entry::Org(k) => {
                    let o = &lx.orgs[*k];
                    let mut m =
                        Mention::new(text, r.clone(), Some(found.form), EntityKind::Organization);
                    m.country = o.country.clone();
                    m.latin = o.latin.clone();
                    m.listed_org = Some(*k);
                    Some(m)
                }
                Entry::Outlet(k) => {
                    let ambiguous = lx.ambiguous_outlets.contains(found.form) && found.len <= 2;
                    (!ambiguous || outlet_context(text, r.clone())).then(|| {
                        let mut m = Mention::new(
                            text,
                            r.clone(),
                            Some(found.form),
                            EntityKind::Organization,
                        );
                        m.listed_org = Some(*k);
                        m.outlet = true;
                        m
                    })
                }
                Entry::Person(k)
                    if found.len >= 2
                        && !text.in_set(i, &lx.function_words)
                        && !lx.common_words.contains(text.word(i))
                        && lx.name_unit(found.form).given >= 5 =>
                {
                    let mut m = Mention::new(text, r.clone(), Some(found.form), EntityKind::Person);
                    m.latin = Some(lx.persons[*k].latin.clone());
                    Some(m)
                }
                _ => None,
            };
            // Countries before cities of the same name («الكويت»), unless the text says city.
            if let Some(mut m) = m {
                m.source = Source::Listed;
                let city_said = i > 0
                    && ["العاصمه", "مدينه"]
                        .iter()
                        .any(|w| text.forms[i - 1].iter().any(|f| f == w));
                let better = match &best {
                    None => true,
                    Some(b) => {
                        b.kind == EntityKind::Country && m.kind == EntityKind::City && city_said
                    }
                };
                if better {
                    best = Some(m);
                }
            }
        }
        if let Some(m) = best {
            out.push(m);
        }
        i += 1;
    }
}

/// Whether an outlet's name stands where an outlet is meant: between quotes, after «صحيفة»,
/// «لـ», or at the head of a line (a byline).
fn outlet_context(text: &Text, r: Range<usize>) -> bool {
    let i = r.start;
    let quoted = i > 0 && text.is_mark(i - 1, &["«", "\"", "“"]);
    let after_head = i > 0
        && ["صحيفه", "جريده", "وكاله", "قناه", "لصحيفه", "بصحيفه"]
            .iter()
            .any(|w| text.forms[i - 1].iter().any(|f| f == w));
    let dash = ["-", "–", ":"];
    let byline = text.sentence(i).tokens.start == i && text.is_mark(r.end, &dash)
        || i > 0 && text.is_mark(i - 1, &dash) && text.sentence(i).tokens.start + 3 >= i;
    !text.has_conjunction(i) && (quoted || after_head || byline)
}

/// Persons named after a title or an honorific; titles with no name become references.
fn titled(text: &Text, lx: &Lexicon, tagged: &[Option<&str>], out: &mut Vec<Mention>) {
    let mut i = 0;
    while i < text.len() {
        if !text.is_word(i) {
            i += 1;
            continue;
        }
        let counterpart = text.forms[i]
            .iter()
            .any(|f| f == "نظيره" || f == "نظيرته" || f == "نظيريه");
        let title = title_at(text, lx, i).or_else(|| {
            counterpart.then(|| {
                let mut t = Title {
                    office: "نظير".into(),
                    toks: i..i + 1,
                    ..Default::default()
                };
                if let Some((n, c)) = demonym_at(text, lx, i + 1) {
                    t.country = Some(c);
                    t.toks.end += n;
                }
                t.text = text.display(t.toks.clone(), None);
                t
            })
        });
        let honorific = text.exactly_in(i, &lx.honorifics)
            && (name_part(text, lx, i + 1) || tagged.get(i + 1) == Some(&Some("PERS")));
        let Some(title) = title.or_else(|| {
            honorific.then(|| Title {
                text: text.display(i..i + 1, None),
                toks: i..i + 1,
                office: text.word(i).to_owned(),
                ..Default::default()
            })
        }) else {
            i += 1;
            continue;
        };
        // «ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع»: titles in a row.
        let mut title = title;
        while let Some(next) =
            title_at(text, lx, title.toks.end).filter(|n| n.toks.end > title.toks.end)
        {
            title.toks.end = next.toks.end;
            title.country = title.country.or(next.country);
            title.text = text.display(title.toks.clone(), None);
        }
        let after = title.toks.end;
        let name = name_after(text, lx, after, tagged, false);
        if !name.is_empty() {
            let mut m = Mention::new(text, name.clone(), None, EntityKind::Person);
            m.country = title.country.clone();
            m.title = Some(title);
            m.source = Source::Titled;
            out.push(m);
            i = name.end;
        } else if !title.toks.is_empty() {
            let mut m = Mention::new(text, title.toks.clone(), None, EntityKind::Person);
            m.country = title.country.clone();
            m.title = Some(title.clone());
            m.reference = true;
            m.source = Source::Titled;
            out.push(m);
            i = title.toks.end.max(i + 1);
        } else {
            i += 1;
        }
    }
}

/// Where the name of an organisation that starts with the head word at `i` ends, and the
/// state its demonym names: «وزارة الخارجية الأردنية», «جهاز مكافحة الإرهاب», «مركز الملك
/// سلمان للإغاثة والأعمال الإنسانية», «الحكومة الشرعية».
fn org_extent(text: &Text, lx: &Lexicon, i: usize) -> (usize, Option<String>) {
    let definite_head = text.word(i).starts_with("ال")
        || text.forms[i]
            .iter()
            .skip(1)
            .any(|f| f.starts_with("ال") && lx.org_heads.contains(f));
    let generic = text.in_set(i, &lx.generic_heads);
    let mut k = i + 1;
    let mut country = None;
    let mut prev_definite = false;
    let mut proper = false;
    // Whether the complement holds more than one indefinite noun («مجلس إدارة» names nothing).
    let mut named_part = false;
    while k < text.len() && k - i < 9 {
        // «غرفة عمليات «فجر ليبيا»»: a quoted name completes the head.
        if text.is_mark(k, &["«"]) && k > i {
            let close = (k + 1..(k + 6).min(text.len())).find(|&x| text.is_mark(x, &["»"]));
            if let Some(c) = close.filter(|&c| c > k + 1) {
                k = c + 1;
                proper = true;
            }
            break;
        }
        // «حكومة الرئيس أشرف غني»: a government named after its head.
        if ["حكومه", "اداره", "نظام"].contains(&text.word(i))
            && k == i + 1
            && let Some(n) = is_office_at(text, lx, k)
        {
            let mut end = k + n;
            while end < text.len() && text.in_set(end, &lx.title_modifiers) {
                end += 1;
            }
            let name = end;
            while end < text.len()
                && end < name + 3
                && text.is_word(end)
                && !text.in_set(end, &lx.function_words)
                && !text.has_conjunction(end)
                && (end == name
                    || name_part(text, lx, end)
                    || !lx.common_words.contains(text.word(end))
                    || end == name + 1)
            {
                end += 1;
            }
            if end > name {
                return (end, country);
            }
        }
        if !text.is_word(k)
            || is_office_at(text, lx, k).is_some()
            || text.exactly_in(k, &lx.honorifics)
        {
            break;
        }
        let bare_word = text.forms[k].len() == 1 || text.word(k).starts_with("ال");
        if let Some((n, c)) = demonym_at(text, lx, k).filter(|_| bare_word) {
            country = Some(c);
            k += n;
            prev_definite = true;
            proper = true;
            continue;
        }
        if let Some((n, c)) = country_at(text, lx, k).filter(|_| !text.has_conjunction(k)) {
            country.get_or_insert(c);
            k += n;
            prev_definite = true;
            proper = true;
            continue;
        }
        if text.phrase_at(k, &lx.phrases, text.len()).is_some_and(|f| {
            f.values
                .iter()
                .any(|v| matches!(v, Entry::Org(_) | Entry::City { .. } | Entry::Person(_)))
        }) || name_part(text, lx, k) && !text.word(k).starts_with("ال")
        {
            proper = true;
        }
        let w = text.word(k);
        let definite = w.starts_with("ال");
        // «للإغاثة», «لدول», «بالرياض», «بحكومة الوفاق»
        let purpose = ["عن", "علي", "من", "الي", "في"].contains(&text.word(k + 1));
        let place_or_body = text.phrase_at(k, &lx.phrases, text.len()).is_some_and(|f| {
            f.values
                .iter()
                .any(|v| matches!(v, Entry::City { .. } | Entry::Org(_)))
        }) || text.forms[k].iter().any(|f| lx.org_heads.contains(f));
        let linked = k > i + 1
            && !purpose
            && (w.starts_with("لل")
                || w.starts_with('ل')
                    && (text.forms[k].iter().any(|f| f.starts_with("ال")) || place_or_body)
                || w.starts_with('ب') && place_or_body);
        if linked && place_or_body {
            proper = true;
        }
        let joined = !definite_head
            && prev_definite
            && text.has_conjunction(k)
            && text.forms[k].iter().any(|f| f.starts_with("ال"));
        let first = !definite_head && k == i + 1 && !text.has_conjunction(k);
        let royal = k > i + 1
            && ["الملك", "الامير", "الشيخ"].contains(&text.word(k - 1))
            && name_part(text, lx, k);
        if stops_name(text, lx, k) && !linked {
            break;
        }
        // After «الحكومة», «المحكمة» …: adjectives («الشرعية», «العامة»), not nouns.
        let adjective = lx.org_adjectives.contains(w) || w.ends_with("يه") || w.ends_with('ي');
        let definite = definite && (!definite_head || adjective);
        if royal {
            proper = true;
        }
        if definite || linked || joined || first || royal {
            prev_definite = definite || linked || joined;
            proper |= !generic && (definite || linked) && !lx.common_words.contains(w);
            named_part |=
                definite || linked || royal || lx.name_unit(w).given + lx.name_unit(w).surname > 0;
            k += 1;
            continue;
        }
        break;
    }
    // «ميليشيات فجر ليبيا» names a body, «الميليشيات الإرهابية» does not; nor does «مجلس
    // إدارة» without what it runs.
    if generic && !proper || !definite_head && !named_part && !proper && country.is_none() {
        return (i + 1, None);
    }
    (k, country)
}

/// Organisations written as a head word and its complement, outside offices («رئيس مجلس
/// الوزراء» is a title).
fn headed(text: &Text, lx: &Lexicon, in_office: &[bool], out: &mut Vec<Mention>) {
    let mut i = 0;
    while i < text.len() {
        if !text.is_word(i) || !text.in_set(i, &lx.org_heads) || in_office[i] {
            i += 1;
            continue;
        }
        // The head as written, with its article: «الميليشيات», not «ميليشيات».
        let form = text.forms[i]
            .iter()
            .find(|f| lx.org_heads.contains(*f))
            .map(|f| {
                let with_article = format!("ال{f}");
                if text.forms[i].contains(&with_article) {
                    with_article
                } else {
                    f.clone()
                }
            });
        let (k, country) = org_extent(text, lx, i);
        let alone = form
            .as_deref()
            .is_some_and(|f| lx.standalone_orgs.contains(f));
        if k > i + 1 || alone {
            let mut m = Mention::new(text, i..k, form.as_deref(), EntityKind::Organization);
            m.country = country;
            m.source = Source::Pattern;
            out.push(m);
            i = k;
        } else {
            i += 1;
        }
    }
}

/// Tokens inside an office of several words («رئيس مجلس الوزراء»), after its first.
fn office_cover(text: &Text, lx: &Lexicon) -> Vec<bool> {
    let mut cover = vec![false; text.len()];
    for i in 0..text.len() {
        if let Some(n) = is_office_at(text, lx, i) {
            for c in cover.iter_mut().take(i + n).skip(i + 1) {
                *c = true;
            }
        }
    }
    cover
}

/// Names the tagger finds.
fn tagged_names(
    text: &Text,
    lx: &Lexicon,
    spans: &[(Range<usize>, &'static str)],
    out: &mut Vec<Mention>,
) {
    for (r, class) in spans {
        let kind = match *class {
            "PERS" => EntityKind::Person,
            "ORG" => EntityKind::Organization,
            "LOC" => EntityKind::City,
            _ => continue,
        };
        if kind == EntityKind::City
            && (r.clone().any(|i| {
                text.in_set(i, &lx.not_cities)
                    || text.forms[i].iter().any(|f| lx.months.contains_key(f))
            }) || r.len() == 1 && text.in_set(r.start, &lx.common_words))
        {
            continue;
        }
        out.push(Mention::new(
            text,
            r.clone(),
            best_form(text, lx, r.start),
            kind,
        ));
    }
}

/// The form of a name's first word without a proclitic the tagger left on it («بمعمر»):
/// the first shorter form that is a name part or starts with the article.
fn best_form<'a>(text: &'a Text, lx: &Lexicon, i: usize) -> Option<&'a str> {
    let w = text.word(i);
    if name_part(text, lx, i) {
        return None;
    }
    text.forms[i].iter().skip(1).map(String::as_str).find(|f| {
        let u = lx.name_unit(f);
        u.given + u.surname > 0 || f.starts_with("ال") && w.chars().count() == f.chars().count() + 1
    })
}

/// Names written without a title: a common given name and the name parts after it
/// («حاتم المسحل», «بدر باسلمة وزير النقل»).
fn bare(text: &Text, lx: &Lexicon, tagged: &[Option<&str>], out: &mut Vec<Mention>) {
    let mut i = 0;
    while i < text.len() {
        // The given name, perhaps behind a preposition («بمعمر القذافي»).
        let form = text.forms[i].iter().find(|f| {
            lx.name_unit(f).given >= 20
                && !lx.common_words.contains(*f)
                && !lx.family_words.contains(*f)
        });
        let Some(form) = form.filter(|_| !text.has_conjunction(i) && !stops_name(text, lx, i))
        else {
            i += 1;
            continue;
        };
        let w = form.as_str();
        let r = name_after(text, lx, i, tagged, true);
        // The tagger or a real family name must agree: «بيان سعودي» is «a Saudi statement».
        let agreed = r.clone().any(|x| tagged[x] == Some("PERS"))
            || r.len() >= 2 && {
                let last = lx.name_unit(text.word(r.end - 1));
                lx.name_unit(w).given >= 100 && last.surname >= last.given
            };
        if r.len() >= 2 && r.start == i && agreed {
            let mut m = Mention::new(text, r.clone(), Some(w), EntityKind::Person);
            m.source = Source::Bare;
            out.push(m);
            i = r.end;
        } else {
            i += 1;
        }
    }
}

/// Groups: «وفد …», «عدد من …», «جنودا أمريكيين», «أفراد العائلة» — the heads of
/// `group_heads` and the words that complete them, up to a function word.
fn groups(text: &Text, lx: &Lexicon, out: &mut Vec<Mention>) {
    let mut i = 0;
    while i < text.len() {
        let Some(found) = text.phrase_at(i, &lx.group_heads, text.len()) else {
            i += 1;
            continue;
        };
        let form = found.form.to_owned();
        let mut k = i + found.len;
        // «عدد من المسؤولين», not «عددا من المواضيع».
        let quantity = text.word(k.saturating_sub(1)) == "من";
        if quantity
            && !(text.phrase_at(k, &lx.group_heads, text.len()).is_some()
                || text.in_set(k, &lx.generic_groups)
                || text.in_set(k, &lx.org_heads)
                || text.in_set(k, &lx.people_nouns))
        {
            i += 1;
            continue;
        }
        while k < text.len() && k - i < 10 {
            let of = text.word(k) == "من" && k == i + found.len;
            // «المتخصصة في تحديد الهوية»
            let specialised = text.word(k) == "في"
                && ["المتخصصه", "المتخصص", "المتخصصين", "العامله", "العاملين"]
                    .contains(&text.word(k - 1));
            let of = of || specialised;
            if !text.is_word(k)
                || !of && text.in_set(k, &lx.function_words)
                || text.has_conjunction(k)
                || text.in_set(k, &lx.reporting_verbs)
                || text.forms[k].iter().any(|f| lx.trigger_word(f).is_some())
                || is_office_at(text, lx, k).is_some()
            {
                break;
            }
            k += 1;
        }
        if k > i + 1 || text.word(i).contains("وفد") {
            let mut m = Mention::new(text, i..k, Some(&form), EntityKind::Group);
            m.source = Source::Pattern;
            if let Some(c) = (i..k).find_map(|x| demonym_at(text, lx, x).map(|d| d.1)) {
                m.country = Some(c);
            }
            out.push(m);
            i = k;
        } else {
            i += 1;
        }
    }
}

/// Runs the tagger sentence by sentence: the class of each token and the names found.
fn run_tagger(text: &Text, lx: &Lexicon) -> Vec<(Range<usize>, &'static str)> {
    let mut out = Vec::new();
    for s in &text.sents {
        if s.tokens.clone().all(|i| text.skip[i]) {
            continue;
        }
        let words: Vec<&str> = s.tokens.clone().map(|i| text.word(i)).collect();
        for n in tagger::tag(&words, lx) {
            let r = s.tokens.start + n.start..s.tokens.start + n.end;
            if r.clone().all(|i| text.toks[i].kind == TokenKind::Word) {
                out.push((r, n.class));
            }
        }
    }
    out
}

/// «عمان» is Amman in an article about Jordan, else Oman.
fn amman_or_oman(text: &Text, lx: &Lexicon, kept: &mut [Mention]) {
    let jordan = kept
        .iter()
        .any(|m| m.country.as_deref() == Some("JO") && m.toks.len() <= 3)
        || (0..text.len()).any(|i| demonym_at(text, lx, i).is_some_and(|(_, c)| c == "JO"));
    if !jordan {
        return;
    }
    for m in kept.iter_mut() {
        if m.kind == EntityKind::Country && m.country.as_deref() == Some("OM") && m.toks.len() == 1
        {
            m.kind = EntityKind::City;
            m.country = Some("JO".into());
        }
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Finds every mention in the article, without overlaps, in text order.
pub fn find(text: &Text, lx: &Lexicon) -> Vec<Mention> {
    let spans = run_tagger(text, lx);
    let mut tagged: Vec<Option<&str>> = vec![None; text.len()];
    for (r, c) in &spans {
        for i in r.clone() {
            tagged[i] = Some(c);
        }
    }
    let mut cands = Vec::new();
    let in_office = office_cover(text, lx);
    titled(text, lx, &tagged, &mut cands);
    listed(text, lx, &tagged, &in_office, &mut cands);
    headed(text, lx, &in_office, &mut cands);
    bare(text, lx, &tagged, &mut cands);
    groups(text, lx, &mut cands);
    tagged_names(text, lx, &spans, &mut cands);
    let (references, cands): (Vec<Mention>, Vec<Mention>) =
        cands.into_iter().partition(|m| m.reference);
    let (group_cands, mut cands): (Vec<Mention>, Vec<Mention>) =
        cands.into_iter().partition(|m| m.kind == EntityKind::Group);
    // «جامعة الملك سعود», «مركز الملك سلمان للإغاثة»: a royal name inside an organisation's
    // name is part of it.
    let orgs: Vec<Range<usize>> = cands
        .iter()
        .filter(|m| m.kind == EntityKind::Organization && m.source == Source::Pattern)
        .map(|m| m.toks.clone())
        .collect();
    cands.retain(|m| {
        !(m.source == Source::Titled
            && orgs
                .iter()
                .any(|o| o.start < m.toks.start && o.end >= m.toks.end))
    });
    // «حكومة الرئيس أشرف غني» names a government and, inside it, a person: both stay.
    let (governments, mut cands): (Vec<Mention>, Vec<Mention>) = cands.into_iter().partition(|m| {
        m.kind == EntityKind::Organization
            && m.source == Source::Pattern
            && m.toks.len() >= 3
            && is_office_at(text, lx, m.toks.start + 1).is_some()
    });
    // Titled persons first; then names from lists and patterns, longest first
    // («الكونجرس الأمريكي» over «الكونجرس»); the tagger last.
    let tier = |s: Source| match s {
        Source::Titled => 0,
        Source::Listed | Source::Pattern => 1,
        Source::Bare => 2,
        Source::Tagged => 3,
    };
    cands.sort_by_key(|m| {
        (
            tier(m.source),
            std::cmp::Reverse(m.toks.len()),
            m.source,
            m.toks.start,
        )
    });
    let mut kept: Vec<Mention> = Vec::new();
    for m in cands {
        if m.toks.is_empty() || kept.iter().any(|k| overlaps(&k.toks, &m.toks)) {
            continue;
        }
        if !plausible(text, lx, &m) {
            continue;
        }
        kept.push(m);
    }
    // A title standing alone may hold an organisation or a country («وزير داخلية الحكومة
    // الانتقالية»): it only gives way to names of persons.
    for r in references {
        let blocked = kept
            .iter()
            .any(|k| k.kind == EntityKind::Person && overlaps(&k.toks, &r.toks));
        if !blocked {
            kept.push(r);
        }
    }
    // A group may hold an organisation («وفد اللجنة الكويتية»), never a person.
    for g in group_cands {
        let blocked = kept.iter().any(|k| {
            overlaps(&k.toks, &g.toks)
                && (k.kind == EntityKind::Person
                    || k.kind == EntityKind::Group
                    || k.toks.start <= g.toks.start)
        });
        if !blocked {
            kept.push(g);
        }
    }
    for g in governments {
        if !kept
            .iter()
            .any(|k| k.kind != EntityKind::Person && overlaps(&k.toks, &g.toks))
        {
            kept.push(g);
        }
    }
    amman_or_oman(text, lx, &mut kept);
    kept.sort_by_key(|m| (m.toks.start, m.reference));
    kept
}

/// Drops what cannot be a name: lone function words, single letters.
fn plausible(text: &Text, lx: &Lexicon, m: &Mention) -> bool {
    if m.reference {
        return true;
    }
    let first = m.toks.start;
    if m.toks.len() == 1 && (text.in_set(first, &lx.function_words) || m.name.chars().count() < 2) {
        return false;
    }
    if m.source == Source::Tagged && m.kind == EntityKind::Person {
        return !stops_name(text, lx, first) && !lx.common_words.contains(text.word(first));
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(s: &str) -> Vec<(EntityKind, String)> {
        let lx = crate::extract::lexicon();
        let t = Text::new(s, lx);
        find(&t, lx)
            .into_iter()
            .filter(|m| !m.reference)
            .map(|m| (m.kind, m.name))
            .collect()
    }

    #[test]
    fn a_name_after_a_title_is_a_person() {
        let m = mentions("استقبل وزير الخارجية الأردني ناصر جودة أمس نظيره.");
        assert!(
            m.contains(&(EntityKind::Person, "ناصر جودة".into())),
            "{m:?}"
        );
    }

    #[test]
    fn an_honorific_opens_a_long_name() {
        let m = mentions("وصل الأمير محمد بن سلمان بن عبدالعزيز إلى عمان.");
        assert!(
            m.contains(&(EntityKind::Person, "محمد بن سلمان بن عبدالعزيز".into())),
            "{m:?}"
        );
    }

    #[test]
    fn a_ministry_with_its_demonym_is_one_organisation() {
        let lx = crate::extract::lexicon();
        let t = Text::new("وقالت وزارة الخارجية الأردنية في بيان", lx);
        let m = find(&t, lx);
        let org = m
            .iter()
            .find(|m| m.kind == EntityKind::Organization)
            .unwrap();
        assert_eq!(org.name, "وزارة الخارجية الأردنية");
        assert_eq!(org.country.as_deref(), Some("JO"));
    }

    #[test]
    fn a_chain_of_titles_is_no_one_and_the_name_after_it_is_someone() {
        let m = mentions(
            "زيارة الأمير محمد بن سلمان ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع",
        );
        let people: Vec<_> = m.iter().filter(|x| x.0 == EntityKind::Person).collect();
        assert_eq!(people.len(), 1, "{m:?}");
        assert!(!m.iter().any(|x| x.1 == "مجلس الوزراء"), "{m:?}");
    }

    #[test]
    fn a_generic_head_needs_a_proper_name() {
        let m = mentions("قصفت الميليشيات الإرهابية مواقع ميليشيات فجر ليبيا");
        assert!(
            m.contains(&(EntityKind::Organization, "ميليشيات فجر ليبيا".into())),
            "{m:?}"
        );
        assert!(!m.iter().any(|x| x.1.contains("الإرهابية")), "{m:?}");
    }

    #[test]
    fn an_outlet_is_one_where_an_outlet_is_meant() {
        let m = mentions("وقالت صحيفة الوطن إن الوزير عاد إلى الوطن");
        let orgs: Vec<_> = m
            .iter()
            .filter(|x| x.0 == EntityKind::Organization)
            .collect();
        assert_eq!(orgs.len(), 1, "{m:?}");
    }

    #[test]
    fn amman_in_an_article_about_jordan() {
        let m = mentions("وصل الوفد السعودي إلى عمان حيث التقى العاهل الأردني");
        assert!(m.contains(&(EntityKind::City, "عمان".into())), "{m:?}");
        let m = mentions("وصل الوفد السعودي إلى عمان");
        assert!(m.contains(&(EntityKind::Country, "عمان".into())), "{m:?}");
    }

    #[test]
    fn a_common_noun_after_a_given_name_is_no_family_name() {
        let m = mentions("صدر بيان سعودي أردني مشترك");
        assert!(!m.iter().any(|x| x.0 == EntityKind::Person), "{m:?}");
    }

    #[test]
    fn a_delegation_is_a_group() {
        let m = mentions("استقبل الوزير وفد رجال الأعمال الكويتيين");
        assert!(
            m.iter()
                .any(|x| x.0 == EntityKind::Group && x.1.starts_with("وفد")),
            "{m:?}"
        );
    }

    #[test]
    fn a_country_is_found_behind_a_proclitic() {
        let m = mentions("ووصل الوفد إلى بليبيا وفرنسا");
        assert!(m.contains(&(EntityKind::Country, "ليبيا".into())), "{m:?}");
        assert!(m.contains(&(EntityKind::Country, "فرنسا".into())), "{m:?}");
    }
}
