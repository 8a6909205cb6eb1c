//! The extraction pipeline: entities from the gazetteer and patterns, coreference, events from
//! trigger words, relations. Rules only; nothing here names an actor of any article.

use std::collections::HashMap;
use std::ops::Range;

use super::gazetteer::{Entry, Gazetteer};
use super::time::{TimeInfo, find_time};
use super::tokens::{Sentence, Token, TokenKind, is_comma, norm, sentences, tokenize, variants};
use crate::model::{Entity, Event, Participant, Relation, Span, When};

/// A gazetteer match at a token.
#[derive(Clone, Debug)]
struct Hit {
    entry: Entry,
    canonical: String,
    len: usize,
    prefix: usize,
}

#[derive(Clone, Debug)]
struct Ent {
    kind: &'static str,
    name: String,
    latin: Option<String>,
    country: Option<String>,
    roles: Vec<String>,
    part_of: Option<usize>,
    mentions: Vec<Span>,
    office: Option<String>,
    portfolio: Option<String>,
    first: usize,
    ministry: bool,
    /// Normalised name of a person (for matching later mentions).
    norm_name: String,
}

impl Default for Ent {
    fn default() -> Self {
        Self {
            kind: "organization",
            name: String::new(),
            latin: None,
            country: None,
            roles: vec![],
            part_of: None,
            mentions: vec![],
            office: None,
            portfolio: None,
            // Lowered by the first mention.
            first: usize::MAX,
            ministry: false,
            norm_name: String::new(),
        }
    }
}

impl Ent {
    fn new(kind: &'static str, name: String, country: Option<String>) -> Self {
        Self {
            kind,
            name,
            country,
            ..Default::default()
        }
    }
}

/// A mention of an entity over a token range; `inner` marks mentions inside a longer phrase of
/// another entity (a government in a minister's title, a ministry in a headquarters).
#[derive(Clone, Debug)]
struct Mention {
    ent: usize,
    toks: Range<usize>,
    inner: bool,
}

struct Ctx<'a> {
    g: &'a Gazetteer,
    chars: Vec<char>,
    toks: Vec<Token>,
    hits: Vec<Option<Hit>>,
    ents: Vec<Ent>,
    keys: HashMap<String, usize>,
    mentions: Vec<Mention>,
    pending_titles: Vec<PendingTitle>,
    counterparts: Vec<(usize, usize, Span)>,
    invitations: Vec<(usize, Span)>,
    skip: Vec<bool>,
    vars: Vec<Vec<String>>,
    /// Whether a token can start any listed phrase (back-references, markers, heads …).
    phrase_start: Vec<bool>,
    delegation_phrase: Vec<String>,
    covered: Vec<bool>,
    sent_of: Vec<usize>,
}

/// A title with no name after it: tokens, office, portfolio, country.
type PendingTitle = (Range<usize>, String, Option<String>, Option<String>);

/// What the extractor found in one article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extraction {
    /// Entities.
    pub entities: Vec<Entity>,
    /// Events, in chronological order.
    pub events: Vec<Event>,
    /// Relations.
    pub relations: Vec<Relation>,
}

/// Runs the whole pipeline on an article text. `published` (YYYY-MM-DD) resolves relative dates.
pub fn extract(g: &Gazetteer, text: &str, published: Option<&str>) -> Extraction {
    let toks = tokenize(text);
    let sents = sentences(text, &toks);
    let mut c = Ctx {
        g,
        chars: text.chars().collect(),
        hits: vec![None; toks.len()],
        skip: vec![false; toks.len()],
        vars: toks.iter().map(|t| variants(&t.norm)).collect(),
        phrase_start: vec![true; toks.len()],
        delegation_phrase: vec!["الوفد".into(), "المرافق".into()],
        covered: vec![false; toks.len()],
        sent_of: {
            let mut v = vec![usize::MAX; toks.len()];
            for (k, s) in sents.iter().enumerate() {
                for i in s.tokens.clone() {
                    v[i] = k;
                }
            }
            v
        },
        toks,
        ents: vec![],
        keys: HashMap::new(),
        mentions: vec![],
        pending_titles: vec![],
        counterparts: vec![],
        invitations: vec![],
    };
    for s in &sents {
        let line = norm(&c.chars[s.span.start..s.span.end].iter().collect::<String>());
        if s.tokens.len() <= 6 && g.boilerplate.iter().any(|b| line.starts_with(b.as_str())) {
            for i in s.tokens.clone() {
                c.skip[i] = true;
            }
        }
    }
    let firsts: std::collections::HashSet<&str> = [
        &g.backrefs,
        &g.future_markers,
        &g.invitation,
        &g.group_heads,
        &g.signing_objects,
    ]
    .into_iter()
    .flatten()
    .filter_map(|p| p.first().map(String::as_str))
    .chain(["الوفد", "نظيره", "نظيرته"])
    .collect();
    c.phrase_start = c
        .vars
        .iter()
        .map(|vs| vs.iter().any(|v| firsts.contains(v.as_str())))
        .collect();
    c.gazetteer_pass();
    c.person_pass(&sents);
    c.org_pass(&sents);
    c.group_pass(&sents);
    c.places_pass();
    c.coreference();
    let events = c.events(&sents, published);
    c.output(events)
}

fn kind_rank(kind: &str) -> u8 {
    match kind {
        "visit" | "arrival" => 0,
        _ => 1,
    }
}

impl Ctx<'_> {
    fn is_word(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].kind == TokenKind::Word && !self.skip[i]
    }

    /// The span of tokens `r`, without `prefix` letters of proclitics on the first.
    fn span(&self, r: Range<usize>, prefix: usize) -> Span {
        let mut start = self.toks[r.start].span.start;
        let mut k = prefix;
        while k > 0 && start < self.toks[r.start].span.end {
            if super::tokens::norm_char(self.chars[start]).is_some() {
                k -= 1;
            }
            start += 1;
        }
        while start < self.toks[r.start].span.end
            && super::tokens::norm_char(self.chars[start]).is_none()
        {
            start += 1;
        }
        Span::new(start, self.toks[r.end - 1].span.end)
    }

    fn quote(&self, s: Span) -> String {
        self.chars[s.start..s.end].iter().collect()
    }

    fn norms(&self, r: Range<usize>) -> Vec<&str> {
        self.toks[r].iter().map(|t| t.norm.as_str()).collect()
    }

    /// Whether the phrase `p` (normalised tokens) starts at token `i` (proclitics allowed on the
    /// first token); returns its length.
    fn phrase_at(&self, i: usize, p: &[String]) -> Option<usize> {
        if i + p.len() > self.toks.len() || p.is_empty() || !self.phrase_start[i] {
            return None;
        }
        let first = &self.vars[i];
        (first.iter().any(|v| *v == p[0]) && (1..p.len()).all(|k| self.toks[i + k].norm == p[k]))
            .then_some(p.len())
    }

    fn any_phrase_in(&self, r: Range<usize>, list: &[Vec<String>]) -> Option<(usize, usize)> {
        for i in r.clone() {
            for p in list {
                if let Some(n) = self.phrase_at(i, p)
                    && i + n <= r.end
                {
                    return Some((i, n));
                }
            }
        }
        None
    }

    fn entity(&mut self, key: String, make: impl FnOnce() -> Ent) -> usize {
        if let Some(&i) = self.keys.get(&key) {
            return i;
        }
        self.ents.push(make());
        self.keys.insert(key, self.ents.len() - 1);
        self.ents.len() - 1
    }

    fn mention(&mut self, ent: usize, toks: Range<usize>, prefix: usize, inner: bool) {
        let span = self.span(toks.clone(), prefix);
        let e = &mut self.ents[ent];
        e.first = e.first.min(toks.start);
        if !e.mentions.contains(&span) {
            e.mentions.push(span);
        }
        for k in toks.clone() {
            self.covered[k] = true;
        }
        self.mentions.push(Mention { ent, toks, inner });
    }

    fn gazetteer_pass(&mut self) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            if !self.is_word(i) {
                i += 1;
                continue;
            }
            let rest: Vec<&str> = self.toks[i + 1..n.min(i + 8)]
                .iter()
                .map(|t| t.norm.as_str())
                .collect();
            let mut best: Option<Hit> = None;
            let vs = &self.vars[i];
            for v in vs {
                let mut prefix = self.toks[i].norm.chars().count() - v.chars().count();
                // A match without its article («السفير» for «سفير») keeps the article in the span.
                if prefix >= 2 && vs.contains(&format!("ال{v}")) {
                    prefix -= 2;
                }
                for (entry, canonical, len) in self.g.lookup(v, &rest) {
                    let better = best.as_ref().is_none_or(|b| {
                        len > b.len
                            || len == b.len
                                && matches!(entry, Entry::City(..))
                                && matches!(b.entry, Entry::Country(_))
                    });
                    if better {
                        best = Some(Hit {
                            entry,
                            canonical,
                            len,
                            prefix,
                        });
                    }
                }
            }
            match best {
                Some(h) => {
                    let len = h.len;
                    self.hits[i] = Some(h);
                    i += len;
                }
                None => i += 1,
            }
        }
    }

    fn name_like(&self, i: usize, first: bool) -> bool {
        let t = &self.toks[i].norm;
        let clitic_article = ["وال", "بال", "لل", "فال", "كال"]
            .iter()
            .any(|p| t.starts_with(p));
        self.is_word(i)
            && self.hits[i].is_none()
            && t.chars().count() >= 2
            && !clitic_article
            && !(first && t.starts_with("ال"))
            && !(!first && t.starts_with('و') && t.chars().count() > 3)
            && !self.g.stopwords.contains(t)
            && !variants(t).iter().any(|v| {
                self.g.triggers.contains_key(v)
                    || self.g.stopwords.contains(v) && v.chars().count() > 2
            })
            && !self.g.signing_objects.iter().any(|o| o[0] == *t)
    }

    /// A personal name of one to four tokens starting at `j`.
    fn name_at(&self, j: usize) -> Range<usize> {
        let mut k = j;
        // Honorifics before a name are part of the title: «الشيخ», «الدكتور», «اللواء» …
        while k < self.toks.len() && self.g.honorifics.contains(&self.toks[k].norm) {
            k += 1;
        }
        let j = k;
        let long = |k: usize| {
            matches!(
                self.toks[k].norm.as_str(),
                "بن" | "ابن" | "ال" | "ابو" | "عبد" | "بنت"
            )
        };
        while k < self.toks.len()
            && (k - j < 4 || k - j < 6 && (long(k) || long(k - 1)))
            && self.name_like(k, k == j)
        {
            k += 1;
        }
        j..k
    }

    fn sentence_of<'s>(&self, sents: &'s [Sentence], i: usize) -> Option<&'s Sentence> {
        sents.get(*self.sent_of.get(i)?)
    }

    fn person_pass(&mut self, sents: &[Sentence]) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            let is_office = matches!(self.hits[i].as_ref().map(|h| &h.entry), Some(Entry::Office));
            let counterpart = self.is_word(i)
                && self.vars[i]
                    .clone()
                    .iter()
                    .any(|v| v == "نظيره" || v == "نظيرته");
            if !is_office && !counterpart {
                i += 1;
                continue;
            }
            let prefix = self.hits[i].as_ref().map_or(0, |h| h.prefix);
            let mut j = i + self.hits[i].as_ref().map_or(1, |h| h.len);
            let office = self.hits[i].as_ref().map(|h| norm(&h.canonical));
            let mut portfolio = None;
            if let Some(Hit {
                entry: Entry::Portfolio,
                canonical,
                len,
                ..
            }) = self.hits.get(j).cloned().flatten()
            {
                portfolio = Some(norm(&canonical));
                j += len;
            } else if is_office
                && office.as_deref().is_some_and(|o| o.starts_with("وزير"))
                && self.is_word(j)
                && self.hits[j].is_none()
                && self.toks[j].norm.starts_with("ال")
                && !self.g.stopwords.contains(&self.toks[j].norm)
            {
                // A portfolio the gazetteer does not know: «وزير المؤسسات …».
                portfolio = Some(self.toks[j].norm.clone());
                j += 1;
            }
            while j < n && self.is_word(j) && self.g.suffixes.contains(&self.toks[j].norm) {
                j += 1;
            }
            let mut country = None;
            match self.hits.get(j).cloned().flatten() {
                Some(Hit {
                    entry: Entry::Demonym(code),
                    len,
                    ..
                }) => {
                    country = Some(code);
                    j += len;
                }
                // «أمير دولة قطر», «رئيس جمهورية مصر العربية»
                Some(Hit {
                    entry: Entry::Country(code),
                    len,
                    prefix: 0,
                    ..
                }) if is_office => {
                    country = Some(code);
                    j += len;
                }
                _ => {}
            }
            let title_end = j;
            if let Some(Hit {
                entry: Entry::Org(o),
                len,
                prefix: p,
                ..
            }) = self.hits.get(j).cloned().flatten()
                && (p > 0 || !self.toks[j].norm.starts_with("ال"))
            {
                let org = self.g.orgs[o].clone();
                country = country.or(org.country.clone());
                let e = self.org_entity(o);
                self.mention(e, j..j + len, p, true);
                j += len;
            }
            // «السفير الأمريكي لدى العراق …», «المبعوث … إلى ليبيا …»
            if j + 1 < n
                && matches!(self.toks[j].norm.as_str(), "لدي" | "الي" | "في")
                && let Some(Hit {
                    entry: Entry::Country(_),
                    len,
                    ..
                }) = self.hits[j + 1].clone()
            {
                j += 1 + len;
            }
            let name = self.name_at(j);
            let title_span = self.span(i..title_end, prefix);
            if counterpart {
                // «نظيره الفرنسي فلان»: a person with the subject's office, from the named country.
                let subject = self.sentence_of(sents, i).and_then(|s| {
                    self.mentions
                        .iter()
                        .filter(|m| {
                            s.tokens.contains(&m.toks.start)
                                && m.toks.start < i
                                && self.ents[m.ent].kind == "person"
                        })
                        .map(|m| m.ent)
                        .next()
                });
                if !name.is_empty() {
                    let (off, port) = subject.map_or((None, None), |s| {
                        (self.ents[s].office.clone(), self.ents[s].portfolio.clone())
                    });
                    let p = self.person(name.clone(), off, port, country.clone(), None);
                    self.mention(p, i..title_end, prefix, false);
                    if let Some(s) = subject {
                        self.counterparts.push((s, p, title_span));
                    }
                }
                i = name.end.max(i + 1);
                continue;
            }
            let role = self.quote(self.span(i..j, prefix));
            if name.is_empty() {
                self.pending_titles.push((
                    i..title_end,
                    office.unwrap_or_default(),
                    portfolio,
                    country,
                ));
            } else {
                let p = self.person(name.clone(), office, portfolio, country, Some(role));
                self.mention(p, i..title_end, prefix, false);
            }
            i = name.end.max(j).max(i + 1);
        }
    }

    fn person(
        &mut self,
        name: Range<usize>,
        office: Option<String>,
        portfolio: Option<String>,
        country: Option<String>,
        role: Option<String>,
    ) -> usize {
        let full = self.norms(name.clone()).join(" ");
        let surname = self.toks[name.end - 1].norm.clone();
        let existing = self.ents.iter().position(|e| {
            e.kind == "person"
                && (e.norm_name == full
                    || e.norm_name.split(' ').next_back() == Some(surname.as_str())
                        && name.len() == 1)
        });
        let p = match existing {
            Some(p) => p,
            None => {
                let text = self.quote(self.span(name.clone(), 0));
                self.entity(format!("person:{full}"), || Ent {
                    kind: "person",
                    name: text,
                    norm_name: full.clone(),
                    ..Default::default()
                })
            }
        };
        let e = &mut self.ents[p];
        e.office = e.office.take().or(office);
        e.portfolio = e.portfolio.take().or(portfolio);
        e.country = e.country.take().or(country);
        if let Some(r) = role
            && !e.roles.contains(&r)
        {
            e.roles.push(r);
        }
        self.mention(p, name, 0, false);
        p
    }

    fn org_entity(&mut self, o: usize) -> usize {
        let org = self.g.orgs[o].clone();
        self.entity(format!("org:{}", org.name), || Ent {
            kind: "organization",
            name: org.name.clone(),
            latin: org.latin.clone(),
            country: org.country.clone(),
            ..Default::default()
        })
    }

    fn org_pass(&mut self, _sents: &[Sentence]) {
        let n = self.toks.len();
        for i in 0..n {
            if !self.is_word(i) {
                continue;
            }
            if let Some(Hit {
                entry: Entry::Org(o),
                len,
                prefix,
                ..
            }) = self.hits[i].clone()
            {
                if !self.covered[i] {
                    let e = self.org_entity(o);
                    self.mention(e, i..i + len, prefix, false);
                }
                continue;
            }
            if self.generic_org(i) {
                continue;
            }
            let vs = &self.vars[i];
            let head = vs
                .iter()
                .find(|v| matches!(v.as_str(), "وزاره" | "وزارتي" | "سفاره"));
            let Some(head) = head.cloned() else { continue };
            let prefix = self.toks[i].norm.chars().count() - head.chars().count();
            let mut j = i + 1;
            let mut portfolio = None;
            if head != "سفاره"
                && let Some(Hit {
                    entry: Entry::Portfolio,
                    canonical,
                    len,
                    ..
                }) = self.hits.get(j).cloned().flatten()
            {
                portfolio = Some(canonical);
                j += len;
            }
            if head != "سفاره" && portfolio.is_none() {
                continue;
            }
            let mut countries = vec![];
            let mut gov = None;
            while j < n {
                match self.hits[j].clone() {
                    Some(Hit {
                        entry: Entry::Demonym(code) | Entry::Country(code),
                        len,
                        ..
                    }) => {
                        countries.push(code);
                        j += len;
                    }
                    Some(Hit {
                        entry: Entry::Org(o),
                        len,
                        prefix: p,
                        ..
                    }) if p > 0 && self.g.orgs[o].country.is_some() => {
                        countries.push(self.g.orgs[o].country.clone().unwrap_or_default());
                        gov = Some((o, j..j + len, p));
                        j += len;
                    }
                    _ => break,
                }
                if head != "وزارتي" {
                    break;
                }
            }
            let site = i > 0 && self.vars[i - 1].iter().any(|v| v == "مقر");
            let span_r = i..j;
            if countries.is_empty() {
                countries.push(String::new());
            }
            let written = self.quote(self.span(i..j, prefix));
            for code in countries {
                let port = portfolio.clone().unwrap_or_default();
                let key = format!("org:{head}:{}:{code}", norm(&port));
                let name = if head == "وزارتي" {
                    format!("وزارة {port}")
                } else {
                    written.clone()
                };
                let country = (!code.is_empty()).then_some(code.clone());
                let e = self.entity(key, || Ent {
                    kind: "organization",
                    name,
                    country,
                    portfolio: Some(norm(&port)),
                    ministry: true,
                    ..Default::default()
                });
                self.mention(e, span_r.clone(), prefix, site);
                if site {
                    let site_prefix = self.hits[i - 1].as_ref().map_or(0, |h| h.prefix);
                    let sv = self.vars[i - 1].clone();
                    let sp = self.toks[i - 1].norm.chars().count()
                        - sv.iter()
                            .find(|v| *v == "مقر")
                            .map_or(0, |v| v.chars().count());
                    let _ = site_prefix;
                    let sname = format!("مقر {}", self.ents[e].name);
                    let country = self.ents[e].country.clone();
                    let s = self.entity(format!("site:{sname}"), || Ent {
                        kind: "site",
                        name: sname,
                        country,
                        part_of: None,
                        ..Default::default()
                    });
                    self.mention(s, i - 1..j, sp, false);
                }
            }
            if let Some((o, r, p)) = gov {
                let e = self.org_entity(o);
                self.mention(e, r, p, true);
            }
        }
    }

    /// «المكتب الإعلامي بداخلية الوفاق», «القوات الخاصة للشرطة الفرنسية»: a definite
    /// institutional noun and its qualifiers, ending in a demonym or a known organisation.
    fn generic_org(&mut self, i: usize) -> bool {
        const HEADS: [&str; 14] = [
            "المكتب",
            "القوات",
            "قوات",
            "الشرطه",
            "جهاز",
            "الجيش",
            "مديريه",
            "اداره",
            "الهيئه",
            "اللجنه",
            "لجنه",
            "الاجهزه",
            "الغرفه",
            "الحرس",
        ];
        let vs = &self.vars[i];
        let Some(head) = vs.iter().find(|v| HEADS.contains(&v.as_str())).cloned() else {
            return false;
        };
        if self.covered[i] {
            return false;
        }
        let prefix = self.toks[i].norm.chars().count() - head.chars().count();
        let n = self.toks.len();
        let mut j = i + 1;
        let mut country = None;
        let mut end = None;
        while j < n && j - i <= 5 && self.is_word(j) {
            let tv = &self.vars[j];
            match self.hits[j].clone() {
                Some(Hit {
                    entry: Entry::Demonym(c),
                    len,
                    ..
                }) => {
                    country = Some(c);
                    end = Some(j + len);
                    break;
                }
                Some(Hit {
                    entry: Entry::Org(o),
                    len,
                    ..
                }) => {
                    country = self.g.orgs[o].country.clone();
                    end = Some(j + len);
                    break;
                }
                _ => {}
            }
            if tv
                .iter()
                .any(|v| self.g.stopwords.contains(v) || self.g.triggers.contains_key(v))
            {
                break;
            }
            j += 1;
        }
        let Some(end) = end else { return false };
        if end - i < 2 {
            return false;
        }
        let name = self.quote(self.span(i..end, prefix));
        let e = self.entity(format!("org:{}", norm(&name)), || {
            Ent::new("organization", name, country)
        });
        self.mention(e, i..end, prefix, false);
        true
    }

    /// «شركة إيني الإيطالية»: an institutional noun and up to three name words (a demonym ends it);
    /// returns the organisation and the token after it.
    fn named_org(&mut self, j: usize) -> Option<(usize, usize)> {
        const HEADS: [&str; 9] = [
            "شركه",
            "مؤسسه",
            "جامعه",
            "منظمه",
            "هييه",
            "غرفه",
            "بنك",
            "مجموعه",
            "صندوق",
        ];
        if j >= self.toks.len() || !HEADS.contains(&self.toks[j].norm.as_str()) {
            return None;
        }
        let mut k = j + 1;
        let mut country = None;
        while k < self.toks.len() && k - j <= 3 && self.is_word(k) {
            if let Some(Hit {
                entry: Entry::Demonym(c),
                len,
                ..
            }) = self.hits[k].clone()
            {
                country = Some(c);
                k += len;
                break;
            }
            if !self.name_like(k, false) && !self.toks[k].norm.starts_with("ال")
                || self.g.stopwords.contains(&self.toks[k].norm)
            {
                break;
            }
            k += 1;
        }
        if k == j + 1 {
            return None;
        }
        let name = self.quote(self.span(j..k, 0));
        let e = self.entity(format!("org:{}", norm(&name)), || {
            Ent::new("organization", name, country)
        });
        Some((e, k))
    }

    fn group_pass(&mut self, sents: &[Sentence]) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            if !self.is_word(i) {
                i += 1;
                continue;
            }
            // «الوفد المرافق (له)»
            if self.phrase_at(i, &self.delegation_phrase).is_some() {
                let prefix = self.toks[i].norm.chars().count() - "الوفد".chars().count();
                let mut j = i + 2;
                if j < n && matches!(self.toks[j].norm.as_str(), "له" | "لها" | "لهم") {
                    j += 1;
                }
                let g = self.entity("group:delegation".into(), || Ent {
                    kind: "group",
                    name: "الوفد المرافق".into(),
                    ..Default::default()
                });
                self.mention(g, i..j, prefix, false);
                i = j;
                continue;
            }
            // «وفد إيطالي», «وفدا من الاتحاد الأوروبي»
            if self.vars[i]
                .clone()
                .iter()
                .any(|v| v == "وفد" || v == "وفدا")
                && i + 1 < n
            {
                let vlen = self.vars[i]
                    .clone()
                    .iter()
                    .find(|v| *v == "وفد" || *v == "وفدا")
                    .map_or(0, |v| v.chars().count());
                let prefix = self.toks[i].norm.chars().count() - vlen;
                let mut j = i + 1;
                if self.toks[j].norm == "من" && j + 1 < n {
                    j += 1;
                }
                let (country, len, org) = match self.hits[j].clone() {
                    Some(Hit {
                        entry: Entry::Demonym(c) | Entry::Country(c),
                        len,
                        ..
                    }) => (Some(c), len, None),
                    Some(Hit {
                        entry: Entry::Org(o),
                        len,
                        prefix: p,
                        ..
                    }) => (self.g.orgs[o].country.clone(), len, Some((o, p))),
                    _ => (None, 0, None),
                };
                // «وفدا من شركة إيني الإيطالية»: an organisation named after an institutional noun.
                let (country, len) = if len == 0 && self.toks[i + 1].norm == "من" {
                    match self.named_org(j) {
                        Some((e, end)) => {
                            self.mention(e, j..end, 0, true);
                            (self.ents[e].country.clone(), end - j)
                        }
                        None => (country, len),
                    }
                } else {
                    (country, len)
                };
                if len > 0 {
                    let name = self.quote(self.span(i..j + len, prefix));
                    let g = self.entity(format!("group:{}", norm(&name)), || {
                        Ent::new("group", name, country)
                    });
                    self.mention(g, i..j + len, prefix, false);
                    if let Some((o, p)) = org {
                        let e = self.org_entity(o);
                        self.mention(e, j..j + len, p, true);
                    }
                    i = j + len;
                    continue;
                }
            }
            // «إحدى هذه المؤسسات», «هذه المؤسسات»: back to a group named with that noun.
            let demo = self.vars[i].iter().any(|v| v == "هذه");
            let one_of = self.vars[i]
                .clone()
                .iter()
                .any(|v| v == "احدي" || v == "احد")
                && i + 1 < n
                && self.toks[i + 1].norm == "هذه";
            if demo || one_of {
                let noun_i = if one_of { i + 2 } else { i + 1 };
                if noun_i < n {
                    let noun = self.toks[noun_i].norm.clone();
                    let target = self.ents.iter().position(|e| {
                        e.kind == "group" && norm(&e.name).split(' ').next() == Some(noun.as_str())
                    });
                    if let Some(gi) = target {
                        let prefix = self.toks[i].norm.chars().count()
                            - if one_of {
                                self.vars[i]
                                    .clone()
                                    .iter()
                                    .find(|v| *v == "احدي" || *v == "احد")
                                    .map_or(0, |v| v.chars().count())
                            } else {
                                3
                            };
                        if one_of {
                            let name = self.quote(self.span(i..noun_i + 1, prefix));
                            let country = self.ents[gi].country.clone();
                            let o = self.entity(format!("org:one-of:{gi}"), || Ent {
                                kind: "organization",
                                name,
                                country,
                                part_of: Some(gi),
                                ..Default::default()
                            });
                            self.mention(o, i..noun_i + 1, prefix, false);
                        } else {
                            self.mention(gi, i..noun_i + 1, prefix, false);
                        }
                        i = noun_i + 1;
                        continue;
                    }
                }
            }
            // «عدد من مسؤولي …», «مجموعة من الشركات …», «القيادات …» in a sentence with an event.
            let head = self
                .g
                .group_heads
                .iter()
                .filter_map(|h| self.phrase_at(i, h).map(|l| (h.clone(), l)))
                .max_by_key(|x| x.1);
            if let Some((h, l)) = head
                && h[0] != "الوفد"
                && h[0] != "وفد"
                && self.sentence_of(sents, i).is_some_and(|s| {
                    s.tokens.clone().any(|k| {
                        self.vars[k]
                            .clone()
                            .iter()
                            .any(|v| self.g.triggers.contains_key(v))
                    })
                })
            {
                let prefix = self.toks[i].norm.chars().count()
                    - self.vars[i]
                        .clone()
                        .iter()
                        .find(|v| **v == h[0])
                        .map_or(0, |v| v.chars().count());
                let quantifier = h.last().is_some_and(|w| w == "من");
                let after = i + l;
                if after < n
                    && self.vars[after].iter().any(|v| {
                        self.g.stopwords.contains(v)
                            || self.g.signing_objects.iter().any(|o| o[0] == *v)
                    })
                {
                    i += 1;
                    continue;
                }
                let mut name_start = i + l;
                if quantifier
                    && name_start < n
                    && self
                        .g
                        .group_heads
                        .iter()
                        .any(|g| g.len() == 1 && self.phrase_at(name_start, g).is_some())
                {
                    name_start += 1;
                }
                let mut j = if quantifier { name_start } else { i + l };
                while j < n && j - i < 10 && self.is_word(j) && !is_comma(&self.toks[j]) {
                    let v = &self.vars[j];
                    if v.iter().any(|w| {
                        matches!(
                            w.as_str(),
                            "اغراض"
                                | "اجل"
                                | "هدف"
                                | "بهدف"
                                | "حيث"
                                | "التي"
                                | "الذي"
                                | "وذلك"
                                | "الى"
                                | "خلال"
                        )
                    }) || v.iter().any(|w| self.g.triggers.contains_key(w))
                    {
                        break;
                    }
                    j += 1;
                }
                if j > name_start.min(j) && j > i + l - usize::from(!quantifier) {
                    let name_r = if quantifier { name_start..j } else { i..j };
                    if !name_r.is_empty() {
                        let name = self
                            .quote(self.span(name_r.clone(), if quantifier { 0 } else { prefix }));
                        let mut country = None;
                        for k in name_r.clone() {
                            if let Some(Hit {
                                entry: Entry::Country(c) | Entry::Demonym(c),
                                ..
                            }) = &self.hits[k]
                            {
                                country = Some(c.clone());
                            }
                        }
                        let key = format!("group:{}", norm(&name));
                        let g = self.entity(key, || Ent::new("group", name, country));
                        self.mention(g, i..j, prefix, false);
                        i = j;
                        continue;
                    }
                }
            }
            i += 1;
        }
    }

    fn places_pass(&mut self) {
        for i in 0..self.toks.len() {
            let Some(h) = self.hits[i].clone() else {
                continue;
            };
            if self.skip[i] {
                continue;
            }
            match h.entry {
                Entry::Country(code) => {
                    let name = self
                        .g
                        .country_names
                        .get(&code)
                        .cloned()
                        .unwrap_or(h.canonical.clone());
                    let e = self.entity(format!("country:{code}"), || Ent {
                        kind: "country",
                        name,
                        country: Some(code.clone()),
                        ..Default::default()
                    });
                    self.mention(e, i..i + h.len, h.prefix, true);
                }
                Entry::City(name, country) => {
                    let e = self.entity(format!("city:{}", norm(&name)), || {
                        Ent::new("city", name, country)
                    });
                    self.mention(e, i..i + h.len, h.prefix, true);
                }
                _ => {}
            }
        }
        // «السلطات الرسمية ب…» and similar authorities named by a country.
        for i in 0..self.toks.len() {
            if self.is_word(i) && self.vars[i].iter().any(|v| v == "السلطات") {
                let mut j = i + 1;
                while j < self.toks.len() && j - i < 4 && self.is_word(j) && self.hits[j].is_none()
                {
                    j += 1;
                }
                if let Some(Hit {
                    entry: Entry::Country(code) | Entry::Demonym(code),
                    len,
                    ..
                }) = self.hits.get(j).cloned().flatten()
                {
                    let prefix = self.toks[i].norm.chars().count() - "السلطات".chars().count();
                    let name = self.quote(self.span(i..j + len, prefix));
                    let e = self.entity(format!("authorities:{code}"), || Ent {
                        kind: "organization",
                        name,
                        country: Some(code.clone()),
                        ..Default::default()
                    });
                    self.mention(e, i..j + len, prefix, false);
                }
            }
        }
        // Invitations: «بناء على دعوة من X».
        for i in 0..self.toks.len() {
            for pi in 0..self.g.invitation.len() {
                if let Some(l) = self.phrase_at(i, &self.g.invitation[pi])
                    && let Some(m) = self.mentions.iter().find(|m| {
                        m.toks.start >= i + l
                            && m.toks.start <= i + l + 1
                            && matches!(
                                self.ents[m.ent].kind,
                                "organization" | "group" | "person" | "country"
                            )
                    })
                {
                    let ent = m.ent;
                    let span = self.span(i..m.toks.end, 0);
                    self.invitations.push((ent, span));
                }
            }
        }
    }

    fn protagonist(&self) -> Option<usize> {
        (0..self.ents.len())
            .filter(|&e| self.ents[e].kind == "person")
            .min_by_key(|&e| self.ents[e].first)
    }

    fn coreference(&mut self) {
        // Surnames of people named in full stand for them elsewhere (also «in quotes»).
        let people: Vec<(usize, String)> = self
            .ents
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == "person" && e.name.split_whitespace().count() >= 2)
            .filter_map(|(i, e)| {
                norm(&e.name)
                    .split(' ')
                    .next_back()
                    .map(|s| (i, s.to_owned()))
            })
            .collect();
        for i in 0..self.toks.len() {
            if !self.is_word(i) || self.covered[i] {
                continue;
            }
            for (p, surname) in &people {
                if let Some(v) = self.vars[i].iter().find(|v| *v == surname) {
                    let prefix = self.toks[i].norm.chars().count() - v.chars().count();
                    self.mention(*p, i..i + 1, prefix, false);
                    break;
                }
            }
        }
        // Titles without a name: the person with that office (and country, when given).
        let home = self
            .protagonist()
            .and_then(|p| self.ents[p].country.clone());
        for (r, office, portfolio, country) in std::mem::take(&mut self.pending_titles) {
            let fits = |e: &Ent| {
                e.kind == "person"
                    && e.office.as_deref() == Some(office.as_str())
                    && (portfolio.is_none() || e.portfolio == portfolio)
            };
            let mut cands: Vec<usize> = (0..self.ents.len())
                .filter(|&e| fits(&self.ents[e]))
                .collect();
            if let Some(c) = &country {
                cands.retain(|&e| self.ents[e].country.as_ref().is_none_or(|x| x == c));
            } else if cands.len() > 1 {
                let home_ones: Vec<usize> = cands
                    .iter()
                    .copied()
                    .filter(|&e| self.ents[e].country == home)
                    .collect();
                if !home_ones.is_empty() {
                    cands = home_ones;
                }
            }
            let prefix = self.hits[r.start].as_ref().map_or(0, |h| h.prefix);
            if let Some(&p) = cands.iter().min_by_key(|&&e| self.ents[e].first) {
                self.mention(p, r, prefix, false);
            } else if country.is_some() && (portfolio.is_some() || office.starts_with("رييس")) {
                // An office holder the article does not name is still an actor.
                let name = self.quote(self.span(r.clone(), prefix));
                let key = format!("person:title:{}", norm(&name));
                let p = self.entity(key, || Ent {
                    kind: "person",
                    name: name.clone(),
                    country: country.clone(),
                    office: Some(office.clone()),
                    portfolio: portfolio.clone(),
                    roles: vec![name],
                    ..Default::default()
                });
                self.mention(p, r, prefix, false);
            }
        }
        // A delegation «المرافق له» goes with the person named just before it.
        if let Some(&d) = self.keys.get("group:delegation") {
            let at = self
                .mentions
                .iter()
                .filter(|m| m.ent == d)
                .map(|m| m.toks.start)
                .min();
            let before = at.and_then(|at| {
                self.mentions
                    .iter()
                    .filter(|m| {
                        m.toks.start < at
                            && at - m.toks.start < 25
                            && self.ents[m.ent].kind == "person"
                    })
                    .max_by_key(|m| m.toks.start)
                    .map(|m| m.ent)
            });
            if let Some(p) = before {
                self.ents[d].country = self.ents[p].country.clone();
            }
        }
        // Ministries and delegations without a country belong to the protagonist's side.
        let home_country = home.clone();
        let prot = self.protagonist();
        for e in &mut self.ents {
            if (e.ministry || e.kind == "group" && e.name == "الوفد المرافق") && e.country.is_none()
            {
                e.country = home_country.clone();
            }
        }
        let _ = prot;
        // Merge ministries that only differ by a missing country.
        let n = self.ents.len();
        for a in 0..n {
            if !self.ents[a].ministry {
                continue;
            }
            for b in 0..a {
                if self.ents[b].ministry
                    && self.ents[b].portfolio == self.ents[a].portfolio
                    && self.ents[b].country == self.ents[a].country
                    && !self.ents[a].mentions.is_empty()
                {
                    let ms = std::mem::take(&mut self.ents[a].mentions);
                    for m in ms {
                        if !self.ents[b].mentions.contains(&m) {
                            self.ents[b].mentions.push(m);
                        }
                    }
                    for m in &mut self.mentions {
                        if m.ent == a {
                            m.ent = b;
                        }
                    }
                }
            }
        }
        // Headquarters belong to the city named in the same sentence.
        for s in 0..self.ents.len() {
            if self.ents[s].kind != "site" || self.ents[s].part_of.is_some() {
                continue;
            }
            let at = self
                .mentions
                .iter()
                .find(|m| m.ent == s)
                .map(|m| m.toks.start);
            if let Some(at) = at {
                let city = self
                    .mentions
                    .iter()
                    .filter(|m| {
                        self.ents[m.ent].kind == "city"
                            && m.toks.start > at
                            && m.toks.start < at + 12
                    })
                    .map(|m| m.ent)
                    .next();
                self.ents[s].part_of = city;
            }
        }
    }
}

/// An event while it is being built.
#[derive(Clone, Debug)]
struct Ev {
    kind: String,
    status: String,
    participants: Vec<(usize, String)>,
    place: Option<usize>,
    time: TimeInfo,
    evidence: Vec<Span>,
    pos: usize,
    receive: bool,
}

impl Ctx<'_> {
    fn actors(&self, r: Range<usize>) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let mut ms: Vec<&Mention> = self
            .mentions
            .iter()
            .filter(|m| r.contains(&m.toks.start) && !m.inner)
            .collect();
        ms.sort_by_key(|m| m.toks.start);
        for m in ms {
            if matches!(self.ents[m.ent].kind, "person" | "organization" | "group")
                && !out.contains(&m.ent)
            {
                out.push(m.ent);
            }
        }
        // A ministry is represented by its minister when both are there.
        let people: Vec<usize> = out
            .iter()
            .copied()
            .filter(|&e| self.ents[e].kind == "person")
            .collect();
        out.retain(|&e| {
            !(self.ents[e].ministry
                && people.iter().any(|&p| {
                    self.ents[p].portfolio == self.ents[e].portfolio
                        && self.ents[p].country == self.ents[e].country
                }))
        });
        out
    }

    fn place_in(&self, r: Range<usize>) -> Option<usize> {
        let ms: Vec<&Mention> = self
            .mentions
            .iter()
            .filter(|m| r.contains(&m.toks.start))
            .collect();
        ms.iter()
            .find(|m| self.ents[m.ent].kind == "site")
            .or_else(|| ms.iter().find(|m| self.ents[m.ent].kind == "city"))
            .map(|m| m.ent)
    }

    fn city_in(&self, r: Range<usize>) -> Option<usize> {
        self.mentions
            .iter()
            .find(|m| r.contains(&m.toks.start) && self.ents[m.ent].kind == "city")
            .map(|m| m.ent)
    }

    fn events(&mut self, sents: &[Sentence], published: Option<&str>) -> Vec<Ev> {
        let mut evs: Vec<Ev> = Vec::new();
        for s in sents {
            if s.tokens.clone().all(|i| self.skip[i]) {
                continue;
            }
            let r = s.tokens.clone();
            let span = s.span;
            let time = find_time(self.g, &self.toks, &self.vars, r.clone(), published);
            // Triggers, grouped: consecutive ones of one kind make one event.
            let mut covered = vec![false; r.len()];
            for i in r.clone() {
                for p in &self.g.backrefs {
                    if let Some(l) = self.phrase_at(i, p) {
                        for k in i..(i + l).min(r.end) {
                            covered[k - r.start] = true;
                        }
                    }
                }
            }
            let mut groups: Vec<(String, usize, bool)> = Vec::new();
            for i in r.clone() {
                if !self.is_word(i) || covered[i - r.start] {
                    continue;
                }
                let vs = &self.vars[i];
                let Some(kind) = vs.iter().find_map(|v| self.g.triggers.get(v)).cloned() else {
                    continue;
                };
                if kind == "signing"
                    && !self.g.signing_objects.iter().any(|o| {
                        (i + 1..(i + 11).min(r.end)).any(|k| self.phrase_at(k, o).is_some())
                    })
                {
                    continue;
                }
                let kind = if kind == "arrival" {
                    "visit".to_owned()
                } else {
                    kind
                };
                let receive = vs
                    .iter()
                    .any(|v| v.starts_with("استقبل") || v.starts_with("يستقبل") || v == "استقبال");
                match groups.last_mut() {
                    Some((k, _, rc)) if *k == kind => *rc |= receive,
                    _ => groups.push((kind, i, receive)),
                }
            }
            let backref = self.any_phrase_in(r.clone(), &self.g.backrefs).is_some();
            let target = |evs: &Vec<Ev>, kind: Option<&str>| -> Option<usize> {
                (0..evs.len())
                    .rev()
                    .find(|&e| kind.is_none_or(|k| evs[e].kind == k))
            };
            if groups.is_empty() {
                let words: Vec<&String> = r.clone().flat_map(|i| self.vars[i].iter()).collect();
                let kind = if words.iter().any(|w| *w == "الزياره") {
                    Some("visit")
                } else if words.iter().any(|w| {
                    matches!(
                        w.as_str(),
                        "الاجتماع" | "اللقاء" | "المباحثات" | "الجانبان" | "الطرفان"
                    )
                }) {
                    Some("meeting")
                } else {
                    None
                };
                if backref && let Some(t) = target(&evs, kind).or_else(|| target(&evs, None)) {
                    evs[t].evidence.push(span);
                }
                continue;
            }
            let subject = self
                .actors(r.clone())
                .into_iter()
                .find(|&e| self.ents[e].kind == "person");
            for (gi, (kind, at, receive)) in groups.iter().enumerate() {
                let start = if gi == 0 { r.start } else { *at };
                let end = groups.get(gi + 1).map_or(r.end, |g| g.1);
                let clause = start..end;
                let mut actors = self.actors(clause.clone());
                let both = clause.clone().any(|i| {
                    self.vars[i].iter().any(|v| {
                        matches!(
                            v.as_str(),
                            "الجانبان"
                                | "الطرفان"
                                | "الوزيران"
                                | "البلدان"
                                | "الرييسان"
                                | "الزعيمان"
                                | "الجانبين"
                                | "الطرفين"
                        )
                    })
                });
                if (both || actors.is_empty() && backref)
                    && let Some(t) = target(&evs, Some("meeting")).or_else(|| target(&evs, None))
                {
                    let prev: Vec<usize> = evs[t]
                        .participants
                        .iter()
                        .map(|p| p.0)
                        .filter(|&x| self.ents[x].kind == "person")
                        .collect();
                    for p in prev {
                        if !actors.contains(&p) {
                            actors.push(p);
                        }
                    }
                }
                // A visit announced after a reception («استقبل X Y … الذي يزور») is the guest's.
                let visitor = (kind == "visit" && gi > 0 && groups[gi - 1].2)
                    .then(|| {
                        self.actors(r.start..clause.start)
                            .into_iter()
                            .filter(|&e| self.ents[e].kind == "person")
                            .nth(1)
                    })
                    .flatten();
                if let Some(v) = visitor {
                    actors.retain(|&a| a != v);
                    actors.insert(0, v);
                } else if let Some(sub) = subject
                    && !actors.contains(&sub)
                {
                    actors.insert(0, sub);
                }
                // A signing told in the same sentence as a meeting involves the meeting's parties.
                if kind == "signing" && gi > 0 && actors.len() < 2 {
                    for a in self.actors(r.start..clause.start) {
                        if !actors.contains(&a) {
                            actors.push(a);
                        }
                    }
                }
                let persons: Vec<usize> = actors
                    .iter()
                    .copied()
                    .filter(|&e| self.ents[e].kind == "person")
                    .collect();
                let ev_span = if groups.len() == 1 {
                    span
                } else {
                    self.clause_span(clause.clone())
                };
                let near = at.saturating_sub(4).max(clause.start)..(at + 3).min(clause.end);
                let future = self.any_phrase_in(near, &self.g.future_markers).is_some()
                    || self.vars[*at].iter().any(|v| {
                        v.strip_prefix('س').is_some_and(|rest| {
                            rest.chars().count() > 2 && self.g.triggers.contains_key(rest)
                        })
                    });
                let status = if future { "planned" } else { "occurred" };
                // Back-references and repeated mentions extend an earlier event.
                let merge = if gi == 0 && backref {
                    target(&evs, Some(kind)).filter(|&t| {
                        let known: Vec<usize> = evs[t].participants.iter().map(|p| p.0).collect();
                        persons.iter().all(|p| known.contains(p))
                    })
                } else {
                    None
                }
                .or_else(|| match kind.as_str() {
                    "visit" => evs.iter().position(|e| {
                        e.kind == "visit"
                            && persons
                                .first()
                                .is_some_and(|p| e.participants.first().is_some_and(|q| q.0 == *p))
                    }),
                    "meeting" if persons.len() >= 2 => evs.iter().position(|e| {
                        e.kind == "meeting" && e.status == status && {
                            let mut a: Vec<usize> = e
                                .participants
                                .iter()
                                .map(|p| p.0)
                                .filter(|&x| self.ents[x].kind == "person")
                                .collect();
                            let mut b = persons.clone();
                            a.sort_unstable();
                            b.sort_unstable();
                            a == b
                        }
                    }),
                    _ => None,
                });
                if let Some(t) = merge {
                    let e = &mut evs[t];
                    e.evidence.push(ev_span);
                    for a in &actors {
                        if !e.participants.iter().any(|p| p.0 == *a)
                            && self.ents[*a].kind != "person"
                        {
                            e.participants.push((*a, String::new()));
                        }
                    }
                    if e.status == "planned" && status == "occurred" {
                        e.status = status.into();
                    }
                    if e.place.is_none() {
                        e.place = if e.kind == "visit" {
                            self.city_in(clause.clone())
                        } else {
                            self.place_in(clause.clone())
                        };
                    }
                    if e.time.precision == "unknown" {
                        e.time = time.clone();
                    }
                    continue;
                }
                let enough = match kind.as_str() {
                    "visit" => !persons.is_empty(),
                    "signing" => !actors.is_empty(),
                    _ => actors.len() >= 2 || backref && !actors.is_empty(),
                };
                if !enough {
                    continue;
                }
                let place_of = |r: Range<usize>| {
                    if kind == "visit" {
                        self.city_in(r)
                    } else {
                        self.place_in(r)
                    }
                };
                let mut place = place_of(clause.clone());
                if place.is_none() && gi > 0 {
                    place = place_of(r.clone());
                }
                if place.is_none()
                    && backref
                    && kind != "visit"
                    && let Some(t) = target(&evs, None)
                {
                    place = evs[t].place;
                }
                evs.push(Ev {
                    kind: kind.clone(),
                    status: status.into(),
                    participants: actors.iter().map(|&a| (a, String::new())).collect(),
                    place,
                    time: time.clone(),
                    evidence: vec![ev_span],
                    pos: *at,
                    receive: *receive,
                });
            }
        }
        for e in evs.iter_mut() {
            let people: Vec<usize> = e
                .participants
                .iter()
                .map(|p| p.0)
                .filter(|&x| self.ents[x].kind == "person")
                .collect();
            e.participants.retain(|p| {
                !(self.ents[p.0].ministry
                    && people.iter().any(|&q| {
                        self.ents[q].portfolio == self.ents[p.0].portfolio
                            && self.ents[q].country == self.ents[p.0].country
                    }))
            });
        }
        // An event whose actors are all in another of the same kind and status (a headline
        // and its lead) is the same event.
        let mut k = 0;
        while k < evs.len() {
            let into = (0..evs.len()).find(|&o| {
                o != k
                    && evs[o].kind == evs[k].kind
                    && evs[o].status == evs[k].status
                    && evs[o].participants.len() >= evs[k].participants.len()
                    && evs[k]
                        .participants
                        .iter()
                        .all(|p| evs[o].participants.iter().any(|q| q.0 == p.0))
                    && evs[k]
                        .participants
                        .iter()
                        .filter(|p| self.ents[p.0].kind == "person")
                        .count()
                        >= 1
            });
            match into {
                Some(o) => {
                    let ev = evs.remove(k);
                    let o = if o > k { o - 1 } else { o };
                    evs[o].evidence.extend(ev.evidence);
                    evs[o].pos = evs[o].pos.min(ev.pos);
                    if evs[o].place.is_none() {
                        evs[o].place = ev.place;
                    }
                    if evs[o].time.precision == "unknown" {
                        evs[o].time = ev.time;
                    }
                }
                None => k += 1,
            }
        }
        self.assign_roles(&mut evs);
        evs.sort_by_key(|e| (u8::from(e.status == "planned"), kind_rank(&e.kind), e.pos));
        evs
    }

    fn clause_span(&self, r: Range<usize>) -> Span {
        let mut end = r.end;
        while end > r.start + 1 && (is_comma(&self.toks[end - 1]) || self.toks[end - 1].norm == "،")
        {
            end -= 1;
        }
        let mut start = r.start;
        while start + 1 < end && is_comma(&self.toks[start]) {
            start += 1;
        }
        Span::new(self.toks[start].span.start, self.toks[end - 1].span.end)
    }

    fn assign_roles(&self, evs: &mut [Ev]) {
        let visit = evs.iter().find(|e| e.kind == "visit").cloned();
        let guest = visit.as_ref().and_then(|v| {
            v.participants
                .iter()
                .map(|p| p.0)
                .find(|&e| self.ents[e].kind == "person")
        });
        let dest = visit
            .as_ref()
            .and_then(|v| v.place)
            .and_then(|p| self.ents[p].country.clone())
            .or_else(|| {
                self.invitations
                    .first()
                    .and_then(|(e, _)| self.ents[*e].country.clone())
            });
        for e in evs.iter_mut() {
            let persons: Vec<usize> = e
                .participants
                .iter()
                .map(|p| p.0)
                .filter(|&x| self.ents[x].kind == "person")
                .collect();
            for p in e.participants.iter_mut() {
                let ent = &self.ents[p.0];
                p.1 = match e.kind.as_str() {
                    "signing" | "agreement" => "signatory".into(),
                    _ if ent.kind == "group" && ent.name == "الوفد المرافق" => {
                        "delegation".into()
                    }
                    _ if e.receive && persons.first() == Some(&p.0) => "host".into(),
                    _ if e.receive && persons.get(1) == Some(&p.0) => "guest".into(),
                    _ if Some(p.0) == guest => "guest".into(),
                    _ if ent.kind == "person" && dest.is_some() && ent.country == dest => {
                        "host".into()
                    }
                    _ => "participant".into(),
                };
            }
            if e.kind == "visit" {
                if let Some((inv, _)) = self.invitations.first()
                    && !e.participants.iter().any(|p| p.0 == *inv)
                {
                    e.participants.push((*inv, "host".into()));
                }
                for p in e.participants.iter_mut() {
                    if Some(p.0) == guest {
                        p.1 = "guest".into();
                    } else if self.invitations.iter().any(|(i, _)| *i == p.0) {
                        p.1 = "host".into();
                    }
                }
            }
            if e.kind == "signing"
                && let Some(r) = e.evidence.first()
            {
                // «بين وزارة … وإحدى …»: the parties named after «بين».
                let toks: Vec<usize> = (0..self.toks.len())
                    .filter(|&i| {
                        self.toks[i].span.start >= r.start && self.toks[i].span.end <= r.end
                    })
                    .collect();
                if let Some(&b) = toks.iter().find(|&&i| self.toks[i].norm == "بين") {
                    for m in &self.mentions {
                        if m.toks.start > b
                            && m.toks.start < b + 12
                            && toks.contains(&m.toks.start)
                            && matches!(self.ents[m.ent].kind, "organization" | "group")
                            && !e.participants.iter().any(|p| p.0 == m.ent)
                        {
                            e.participants.push((m.ent, "signatory".into()));
                        }
                    }
                }
            }
        }
    }

    fn output(self, evs: Vec<Ev>) -> Extraction {
        // Only entities with mentions, in order of first mention; ids by kind.
        let mut order: Vec<usize> = (0..self.ents.len())
            .filter(|&e| !self.ents[e].mentions.is_empty())
            .collect();
        order.sort_by_key(|&e| self.ents[e].first);
        let mut ids: HashMap<usize, String> = HashMap::new();
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for &e in &order {
            let k = self.ents[e].kind;
            let n = counts.entry(k).or_default();
            *n += 1;
            let prefix = match k {
                "person" => "person",
                "organization" => "org",
                "group" => "group",
                "country" => "country",
                "city" => "city",
                _ => "site",
            };
            ids.insert(e, format!("{prefix}{n}"));
        }
        let entities: Vec<Entity> = order
            .iter()
            .map(|&e| {
                let x = &self.ents[e];
                let mut mentions = x.mentions.clone();
                mentions.sort();
                mentions.dedup();
                Entity {
                    id: ids[&e].clone(),
                    name: x.name.clone(),
                    latin: x.latin.clone(),
                    kind: x.kind.to_owned(),
                    roles: x.roles.clone(),
                    country: x.country.clone(),
                    part_of: x.part_of.and_then(|p| ids.get(&p).cloned()),
                    mentions,
                    extra: Default::default(),
                }
            })
            .collect();
        let name = |e: usize| self.ents[e].name.clone();
        let mut events = Vec::new();
        for (k, e) in evs.iter().enumerate() {
            let mut evidence = e.evidence.clone();
            evidence.sort();
            evidence.dedup();
            let parts: Vec<Participant> = e
                .participants
                .iter()
                .filter_map(|(p, role)| {
                    ids.get(p).map(|id| Participant {
                        entity: id.clone(),
                        role: role.clone(),
                        extra: Default::default(),
                    })
                })
                .collect();
            let names: Vec<String> = e
                .participants
                .iter()
                .filter(|p| p.1 != "delegation")
                .map(|p| name(p.0))
                .take(3)
                .collect();
            let summary = match e.kind.as_str() {
                "visit" => format!(
                    "Visit: {}{}",
                    names.first().cloned().unwrap_or_default(),
                    e.place
                        .map(|p| format!(" → {}", name(p)))
                        .unwrap_or_default()
                ),
                "signing" => format!("Signing: {}", names.join(" · ")),
                "meeting" => format!("Meeting: {}", names.join(" · ")),
                other => format!("{other}: {}", names.join(" · ")),
            };
            events.push(Event {
                id: format!("e{}", k + 1),
                kind: e.kind.clone(),
                cameo: Some(
                    match e.kind.as_str() {
                        "visit" => "042",
                        "signing" => "057",
                        "agreement" => "057",
                        _ if e.receive => "043",
                        _ => "040",
                    }
                    .to_owned(),
                ),
                summary,
                participants: parts,
                place: e.place.and_then(|p| ids.get(&p).cloned()),
                when: When {
                    date: e.time.date.clone(),
                    precision: e.time.precision.clone(),
                    expression: e.time.expression.clone(),
                    weekday: e.time.weekday.clone(),
                    relative_days: e.time.relative_days,
                    extra: Default::default(),
                },
                order: k as i64 + 1,
                status: e.status.clone(),
                topics: vec![],
                evidence,
                extra: Default::default(),
            });
        }
        let relations = self.relations(&evs, &events, &ids);
        Extraction {
            entities,
            events,
            relations,
        }
    }

    fn relations(
        &self,
        evs: &[Ev],
        events: &[Event],
        ids: &HashMap<usize, String>,
    ) -> Vec<Relation> {
        let mut out: Vec<Relation> = Vec::new();
        let mut add = |s: usize, t: usize, kind: &str, ev: Option<&str>, evidence: Vec<Span>| {
            let (Some(s), Some(t)) = (ids.get(&s), ids.get(&t)) else {
                return;
            };
            if s == t {
                return;
            }
            if let Some(r) = out
                .iter_mut()
                .find(|r| r.source == *s && r.target == *t && r.kind == kind)
            {
                if let Some(ev) = ev
                    && !r.events.iter().any(|x| x == ev)
                {
                    r.events.push(ev.to_owned());
                }
                return;
            }
            out.push(Relation {
                source: s.clone(),
                target: t.clone(),
                kind: kind.into(),
                events: ev.map(|e| vec![e.to_owned()]).unwrap_or_default(),
                evidence,
                extra: Default::default(),
            });
        };
        for (e, ev) in evs.iter().zip(events) {
            let first = e.evidence.first().copied().into_iter().collect::<Vec<_>>();
            let side = |role: &str| matches!(role, "guest" | "delegation");
            match e.kind.as_str() {
                "meeting" => {
                    for a in &e.participants {
                        for b in &e.participants {
                            let pair = if e.participants.iter().any(|p| side(&p.1)) {
                                side(&a.1) && !side(&b.1)
                            } else {
                                a.0 < b.0
                            };
                            if pair {
                                add(a.0, b.0, "met", Some(&ev.id), first.clone());
                            }
                        }
                    }
                }
                "signing" | "agreement" => {
                    for a in &e.participants {
                        for b in &e.participants {
                            if a.0 < b.0 && self.ents[a.0].country != self.ents[b.0].country {
                                add(a.0, b.0, "signed_with", Some(&ev.id), first.clone());
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        for (a, b, span) in &self.counterparts {
            add(*a, *b, "counterpart", None, vec![*span]);
        }
        for (inviter, span) in &self.invitations {
            if let Some(g) = evs
                .iter()
                .find(|e| e.kind == "visit")
                .and_then(|v| v.participants.iter().find(|p| p.1 == "guest"))
            {
                add(*inviter, g.0, "invited", None, vec![*span]);
            }
        }
        for (i, e) in self.ents.iter().enumerate() {
            if e.kind == "person" {
                for (j, o) in self.ents.iter().enumerate() {
                    if o.ministry
                        && o.portfolio == e.portfolio
                        && o.country == e.country
                        && e.portfolio.is_some()
                    {
                        add(i, j, "leads", None, vec![]);
                    }
                }
            }
            if let Some(p) = e.part_of {
                let kind = if matches!(e.kind, "site" | "city") {
                    "located_in"
                } else {
                    "member_of"
                };
                add(i, p, kind, None, vec![]);
            }
            if e.kind == "city"
                && let Some(c) = &e.country
                && let Some(ci) = self
                    .ents
                    .iter()
                    .position(|x| x.kind == "country" && x.country.as_ref() == Some(c))
            {
                add(i, ci, "located_in", None, vec![]);
            }
        }
        out
    }
}
