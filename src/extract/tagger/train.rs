//! Training and scoring the name tagger on CoNLL files (`word TAG` a line, IOB2, a blank line
//! between sentences), as the ANERcorp CAMeL Lab split is distributed.
//!
//! Training is an averaged structured perceptron: deterministic for a given input and options,
//! so `waqai train-tagger` rebuilds the same `assets/tagger.bin`.

use std::collections::HashMap;

use super::features::sentence_features;
use super::{Model, N, TAGS, Weights, names_of};
use crate::extract::lexicon::Lexicon;
use crate::extract::tokens::norm;

/// Features whose largest weight stays under this fraction of the largest weight in
/// the model are dropped after training: a tenth of the model size, no measurable loss.
const PRUNE_FRACTION: f32 = 0.01;

/// One sentence: normalised words and their tags (indices into [`TAGS`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Sentence {
    /// Normalised words.
    pub words: Vec<String>,
    /// Tag of each word.
    pub tags: Vec<usize>,
}

/// Reads a CoNLL file; unknown tags count as O.
pub fn read_conll(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Sentence {
        words: vec![],
        tags: vec![],
    };
    for line in text.lines() {
        let mut parts = line.split_whitespace();
        let (Some(word), Some(tag)) = (parts.next(), parts.next_back()) else {
            if !cur.words.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Sentence {
                        words: vec![],
                        tags: vec![],
                    },
                ));
            }
            continue;
        };
        let w = norm(word);
        cur.words
            .push(if w.is_empty() { word.to_owned() } else { w });
        cur.tags
            .push(TAGS.iter().position(|t| *t == tag).unwrap_or(0));
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    out
}

/// Joins clitics that a corpus wrote as words of their own (WikiFANE: «و» «ه» «ها») back onto
/// their word, as newspapers write them: «و السودان» → «والسودان», «عاصمة ها» → «عاصمتها»
/// (normalised: «عاصمهها» is avoided by turning a final ه into ت before a suffix).
pub fn join_clitics(sentences: Vec<Sentence>) -> Vec<Sentence> {
    const PREFIXES: [&str; 5] = ["و", "ف", "ل", "ب", "ك"];
    const SUFFIXES: [&str; 8] = ["ه", "ها", "هم", "هما", "هن", "نا", "كم", "كما"];
    sentences
        .into_iter()
        .map(|s| {
            let mut words: Vec<String> = Vec::with_capacity(s.words.len());
            let mut tags: Vec<usize> = Vec::with_capacity(s.tags.len());
            let mut pending = String::new();
            for (w, t) in s.words.into_iter().zip(s.tags) {
                if PREFIXES.contains(&w.as_str()) {
                    pending.push_str(&w);
                    continue;
                }
                if SUFFIXES.contains(&w.as_str())
                    && pending.is_empty()
                    && let Some(last) = words.last_mut()
                {
                    if let Some(stem) = last.strip_suffix('ه') {
                        *last = format!("{stem}ت");
                    }
                    last.push_str(&w);
                    continue;
                }
                let joined = if pending.ends_with('ل') && w.starts_with("ال") {
                    // «ل» + «الأمم» is written «للأمم».
                    format!("{pending}{}", w.strip_prefix('ا').unwrap_or(&w))
                } else {
                    format!("{pending}{w}")
                };
                pending.clear();
                words.push(joined);
                tags.push(t);
            }
            Sentence { words, tags }
        })
        .collect()
}

/// The sentences split into training and held-back ones: every tenth sentence is held back.
pub fn split_held_back(sentences: &[Sentence]) -> (Vec<Sentence>, Vec<Sentence>) {
    let (fit, held): (Vec<_>, Vec<_>) = sentences
        .iter()
        .cloned()
        .enumerate()
        .partition(|(i, _)| i % 10 != 9);
    (
        fit.into_iter().map(|x| x.1).collect(),
        held.into_iter().map(|x| x.1).collect(),
    )
}

/// A harder split, for the record: the last tenth held back as one block, so that no article
/// of it is seen in training.
pub fn split_block(sentences: &[Sentence]) -> (Vec<Sentence>, Vec<Sentence>) {
    let cut = sentences.len() - sentences.len() / 10;
    (sentences[..cut].to_vec(), sentences[cut..].to_vec())
}

/// Training settings.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Passes over the data.
    pub epochs: usize,
    /// Features seen fewer times than this in training are dropped.
    pub min_count: u32,
    /// Seed of the order in which sentences are visited.
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            epochs: 12,
            min_count: 1,
            seed: 0x9e37_79b9_7f4a_7c15,
        }
    }
}

fn words_of(s: &Sentence) -> Vec<&str> {
    s.words.iter().map(String::as_str).collect()
}

/// Averaged-perceptron bookkeeping: current weights and their time-weighted sums.
struct Averaged {
    w: Weights,
    sum: Weights,
    trans: [[f32; N]; N],
    trans_sum: [[f32; N]; N],
    start: [f32; N],
    start_sum: [f32; N],
    time: f32,
}

impl Averaged {
    fn update(&mut self, feats: &[Vec<u64>], gold: &[usize], pred: &[usize]) {
        let c = self.time;
        for i in 0..gold.len() {
            if gold[i] != pred[i] {
                for f in &feats[i] {
                    if let Some(w) = self.w.get_mut(f) {
                        w[gold[i]] += 1.0;
                        w[pred[i]] -= 1.0;
                        let s = self.sum.get_mut(f).expect("same keys");
                        s[gold[i]] += c;
                        s[pred[i]] -= c;
                    }
                }
            }
            let (gp, pp) = if i == 0 {
                (None, None)
            } else {
                (Some(gold[i - 1]), Some(pred[i - 1]))
            };
            if gp != pp || gold[i] != pred[i] {
                match (gp, pp) {
                    (Some(g0), Some(p0)) => {
                        self.trans[g0][gold[i]] += 1.0;
                        self.trans_sum[g0][gold[i]] += c;
                        self.trans[p0][pred[i]] -= 1.0;
                        self.trans_sum[p0][pred[i]] -= c;
                    }
                    _ => {
                        self.start[gold[i]] += 1.0;
                        self.start_sum[gold[i]] += c;
                        self.start[pred[i]] -= 1.0;
                        self.start_sum[pred[i]] -= c;
                    }
                }
            }
        }
    }

    /// Averages the weights and drops features whose every weight is tiny.
    fn averaged(mut self) -> Model {
        let t = self.time.max(1.0);
        for (k, w) in self.w.iter_mut() {
            let s = &self.sum[k];
            for j in 0..N {
                w[j] -= s[j] / t;
            }
        }
        let max = self.w.values().flatten().fold(0f32, |m, w| m.max(w.abs()));
        self.w
            .retain(|_, w| w.iter().any(|x| x.abs() > max * PRUNE_FRACTION));
        for f in 0..N {
            for j in 0..N {
                self.trans[f][j] -= self.trans_sum[f][j] / t;
            }
            self.start[f] -= self.start_sum[f] / t;
        }
        Model {
            weights: self.w,
            transitions: self.trans,
            start: self.start,
            ..Model::default()
        }
    }
}

/// Trains a model; `progress` is told of each finished epoch.
pub fn train(
    sentences: &[Sentence],
    lx: &Lexicon,
    opts: Options,
    mut progress: impl FnMut(usize),
) -> Model {
    let feats: Vec<Vec<Vec<u64>>> = sentences
        .iter()
        .map(|s| sentence_features(&words_of(s), lx))
        .collect();
    let mut counts: HashMap<u64, u32> = HashMap::new();
    for f in feats.iter().flatten().flatten() {
        *counts.entry(*f).or_default() += 1;
    }
    let mut avg = Averaged {
        w: Weights::default(),
        sum: Weights::default(),
        trans: [[0.0; N]; N],
        trans_sum: [[0.0; N]; N],
        start: [0.0; N],
        start_sum: [0.0; N],
        time: 1.0,
    };
    for (f, n) in counts {
        if n >= opts.min_count {
            avg.w.insert(f, [0.0; N]);
            avg.sum.insert(f, [0.0; N]);
        }
    }
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = opts.seed | 1;
    for epoch in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &k in &order {
            let model = Model {
                weights: std::mem::take(&mut avg.w),
                transitions: avg.trans,
                start: avg.start,
                ..Model::default()
            };
            let pred = model.decode(&feats[k]);
            avg.w = model.weights;
            if pred != sentences[k].tags {
                avg.update(&feats[k], &sentences[k].tags, &pred);
            }
            avg.time += 1.0;
        }
        progress(epoch + 1);
    }
    avg.averaged()
}

/// Exact-span counts per class.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SpanScores {
    /// (class, true positives, false positives, false negatives).
    pub classes: Vec<(&'static str, usize, usize, usize)>,
}

impl SpanScores {
    /// Micro-averaged F1 over the classes.
    pub fn micro_f1(&self) -> f64 {
        let (tp, fp, fn_) = self
            .classes
            .iter()
            .fold((0, 0, 0), |a, c| (a.0 + c.1, a.1 + c.2, a.2 + c.3));
        f1(tp, fp, fn_)
    }

    /// F1 of one class.
    pub fn f1_of(&self, class: &str) -> f64 {
        self.classes
            .iter()
            .find(|c| c.0 == class)
            .map_or(0.0, |c| f1(c.1, c.2, c.3))
    }
}

fn f1(tp: usize, fp: usize, fn_: usize) -> f64 {
    if tp == 0 {
        return 0.0;
    }
    let p = tp as f64 / (tp + fp) as f64;
    let r = tp as f64 / (tp + fn_) as f64;
    2.0 * p * r / (p + r)
}

/// Exact-span scores of a model on tagged sentences, for the given classes.
pub fn evaluate(
    model: &Model,
    sentences: &[Sentence],
    lx: &Lexicon,
    classes: &[&'static str],
) -> SpanScores {
    let mut counts: Vec<(&'static str, usize, usize, usize)> =
        classes.iter().map(|c| (*c, 0, 0, 0)).collect();
    for s in sentences {
        let pred = names_of(&model.decode(&sentence_features(&words_of(s), lx)));
        let gold = names_of(&s.tags);
        for c in counts.iter_mut() {
            let p: Vec<_> = pred.iter().filter(|n| n.class == c.0).collect();
            let g: Vec<_> = gold.iter().filter(|n| n.class == c.0).collect();
            let tp = p.iter().filter(|n| g.contains(n)).count();
            c.1 += tp;
            c.2 += p.len() - tp;
            c.3 += g.len() - tp;
        }
    }
    SpanScores { classes: counts }
}

/// The sentences as `word gold predicted` lines (a blank line between sentences).
pub fn dump(model: &Model, sentences: &[Sentence], lx: &Lexicon) -> String {
    let mut out = String::new();
    for s in sentences {
        let pred = model.decode(&sentence_features(&words_of(s), lx));
        for ((w, g), p) in s.words.iter().zip(&s.tags).zip(&pred) {
            let mark = if g == p { "" } else { "   <<<" };
            out.push_str(&format!("{w}\t{}\t{}{mark}\n", TAGS[*g], TAGS[*p]));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conll_is_read_into_sentences() {
        let s = read_conll("أعلن O\nبرند B-PERS\nجوتشولك I-PERS\n\nفي O\nألمانيا B-LOC\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tags, vec![0, 1, 2]);
        assert_eq!(s[1].words[1], "المانيا");
    }

    #[test]
    fn training_learns_a_tiny_pattern() {
        let lx = Lexicon::load();
        let text = "التقى O\nالوزير O\nزيد B-PERS\nعمرو I-PERS\n.\tO\n\n".repeat(5)
            + &"زار O\nالرئيس O\nخالد B-PERS\nسالم I-PERS\n. O\n\n".repeat(5);
        let s = read_conll(&text);
        let m = train(&s, &lx, Options::default(), |_| {});
        let sc = evaluate(&m, &s, &lx, &["PERS"]);
        assert_eq!(sc.f1_of("PERS"), 1.0);
    }
}
