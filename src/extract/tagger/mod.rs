//! A learned name tagger: a linear-chain model over the words of a sentence (averaged
//! perceptron, Viterbi decoding under the BIO constraints) that marks persons, places,
//! organisations and other names. Trained on the ANERcorp train split
//! (`waqai train-tagger`, see [`train`]); the model ships in `assets/tagger.bin`.

pub mod features;
pub mod train;

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use super::lexicon::Lexicon;

/// The tags, in model order.
pub const TAGS: [&str; 9] = [
    "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC",
];
/// Number of tags.
pub const N: usize = TAGS.len();

/// The class of a tag: `None` for O, else the name class.
pub fn class_of(tag: usize) -> Option<&'static str> {
    TAGS[tag].get(2..)
}

/// Whether `to` may follow `from` (an I- tag continues a name of its own class).
pub fn allowed(from: Option<usize>, to: usize) -> bool {
    if !TAGS[to].starts_with("I-") {
        return true;
    }
    from.is_some_and(|f| f != 0 && class_of(f) == class_of(to))
}

/// Keys are already hashes: no need to hash them again.
#[derive(Default, Clone, Copy)]
pub struct Identity(u64);

impl std::hash::Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u64 keys")
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Feature hash → weights per tag.
pub type Weights = HashMap<u64, [f32; N], BuildHasherDefault<Identity>>;

/// A trained model.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Model {
    /// Feature weights.
    pub weights: Weights,
    /// Transition weights `[from][to]`.
    pub transitions: [[f32; N]; N],
    /// Weights of the first tag of a sentence.
    pub start: [f32; N],
    /// One bit per 2^20 buckets of feature hashes: set when a feature of the model falls in
    /// it. Most features of a text are not in the model; this small table (128 KB, it stays
    /// in cache) rules them out before the large one is touched.
    present: Vec<u64>,
}

const PRESENT_BITS: u32 = 20;

const MAGIC: &[u8; 8] = b"WQTAG\x01\0\0";

impl Model {
    /// Fills the presence table from the weights (after training or loading).
    pub fn index(&mut self) {
        self.present = vec![0; 1 << (PRESENT_BITS - 6)];
        for k in self.weights.keys() {
            let b = (k >> (64 - PRESENT_BITS)) as usize;
            self.present[b >> 6] |= 1 << (b & 63);
        }
    }

    fn may_have(&self, f: u64) -> bool {
        let b = (f >> (64 - PRESENT_BITS)) as usize;
        self.present
            .get(b >> 6)
            .is_none_or(|word| word & (1 << (b & 63)) != 0)
    }

    /// The summed weights of some features, per tag.
    pub fn score(&self, feats: &[u64]) -> [f32; N] {
        let mut s = [0f32; N];
        for f in feats {
            if !self.may_have(*f) {
                continue;
            }
            if let Some(w) = self.weights.get(f) {
                for (a, b) in s.iter_mut().zip(w) {
                    *a += b;
                }
            }
        }
        s
    }

    /// The score of each tag at each word.
    fn emissions(&self, feats: &[Vec<u64>]) -> Vec<[f32; N]> {
        feats.iter().map(|fs| self.score(fs)).collect()
    }

    /// The best tag sequence (indices into [`TAGS`]) for a sentence's features.
    pub fn decode(&self, feats: &[Vec<u64>]) -> Vec<usize> {
        let em = self.emissions(feats);
        viterbi(&em, &self.transitions, &self.start)
    }

    /// The model as bytes: weights quantised to 16 bits.
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self
            .weights
            .values()
            .flatten()
            .fold(0f32, |m, w| m.max(w.abs()))
            .max(1e-6);
        let scale = max / f32::from(i16::MAX);
        let mut keys: Vec<u64> = self.weights.keys().copied().collect();
        keys.sort_unstable();
        let mut out = Vec::with_capacity(24 + keys.len() * (8 + 2 * N));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(N as u32).to_le_bytes());
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for row in &self.transitions {
            for w in row {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        for w in &self.start {
            out.extend_from_slice(&w.to_le_bytes());
        }
        for k in &keys {
            out.extend_from_slice(&k.to_le_bytes());
            for w in &self.weights[k] {
                let q = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return Err("not a Waqai tagger model".into());
        }
        if r.u32()? as usize != N {
            return Err("the model has another tag set".into());
        }
        let count = r.u32()? as usize;
        let scale = r.f32()?;
        let mut m = Model::default();
        for row in m.transitions.iter_mut() {
            for w in row.iter_mut() {
                *w = r.f32()?;
            }
        }
        for w in m.start.iter_mut() {
            *w = r.f32()?;
        }
        m.weights.reserve(count);
        for _ in 0..count {
            let k = r.u64()?;
            let mut ws = [0f32; N];
            for w in ws.iter_mut() {
                *w = f32::from(r.i16()?) * scale;
            }
            m.weights.insert(k, ws);
        }
        m.index();
        Ok(m)
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        let s = self
            .bytes
            .get(self.at..self.at + n)
            .ok_or("the model file is cut short")?;
        self.at += n;
        Ok(s)
    }
    fn array<const K: usize>(&mut self) -> Result<[u8; K], String> {
        let mut a = [0u8; K];
        a.copy_from_slice(self.take(K)?);
        Ok(a)
    }
    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_le_bytes(self.array()?))
    }
    fn i16(&mut self) -> Result<i16, String> {
        Ok(i16::from_le_bytes(self.array()?))
    }
}

/// Viterbi decoding under the BIO constraints.
pub fn viterbi(em: &[[f32; N]], trans: &[[f32; N]; N], start: &[f32; N]) -> Vec<usize> {
    if em.is_empty() {
        return vec![];
    }
    let neg = f32::NEG_INFINITY;
    let mut score = vec![[neg; N]; em.len()];
    let mut back = vec![[0usize; N]; em.len()];
    for t in 0..N {
        if allowed(None, t) {
            score[0][t] = start[t] + em[0][t];
        }
    }
    for i in 1..em.len() {
        for t in 0..N {
            let mut best = (neg, 0);
            for f in 0..N {
                if score[i - 1][f] == neg || !allowed(Some(f), t) {
                    continue;
                }
                let s = score[i - 1][f] + trans[f][t];
                if s > best.0 {
                    best = (s, f);
                }
            }
            if best.0 > neg {
                score[i][t] = best.0 + em[i][t];
                back[i][t] = best.1;
            }
        }
    }
    let last = em.len() - 1;
    let mut t = (0..N)
        .max_by(|&a, &b| score[last][a].total_cmp(&score[last][b]))
        .unwrap_or(0);
    let mut out = vec![0; em.len()];
    for i in (0..em.len()).rev() {
        out[i] = t;
        t = back[i][t];
    }
    out
}

const BUNDLED: &[u8] = include_bytes!("../../../assets/tagger.bin");

/// The bundled model, loaded once (an empty model when the file is missing or damaged).
pub fn bundled() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| {
        Model::from_bytes(BUNDLED).unwrap_or_else(|e| {
            eprintln!(
                "waqai: the bundled name tagger cannot be read ({e}); \
                 names come from lists and patterns only"
            );
            Model::default()
        })
    })
}

/// A name the tagger found: words `[start, end)` and its class (`PERS`, `LOC`, `ORG`, `MISC`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// `PERS`, `LOC`, `ORG` or `MISC`.
    pub class: &'static str,
}

/// The names in a sequence of tags.
pub fn names_of(tags: &[usize]) -> Vec<Name> {
    let mut out: Vec<Name> = Vec::new();
    for (i, &t) in tags.iter().enumerate() {
        match class_of(t) {
            None => {}
            Some(c) if TAGS[t].starts_with("B-") => out.push(Name {
                start: i,
                end: i + 1,
                class: c,
            }),
            Some(c) => match out.last_mut() {
                Some(n) if n.end == i && n.class == c => n.end = i + 1,
                _ => out.push(Name {
                    start: i,
                    end: i + 1,
                    class: c,
                }),
            },
        }
    }
    out
}

/// Tags one sentence of normalised words with the bundled model.
pub fn tag(words: &[&str], lx: &Lexicon) -> Vec<Name> {
    let m = bundled();
    let p = features::Prepared::new(words, lx);
    let em = m.emissions(&(0..p.len()).map(|i| p.all_features(i)).collect::<Vec<_>>());
    names_of(&viterbi(&em, &m.transitions, &m.start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_tags_continue_their_own_class_only() {
        assert!(allowed(Some(1), 2));
        assert!(!allowed(Some(3), 2));
        assert!(!allowed(None, 2));
        assert!(!allowed(Some(0), 4));
        let em = vec![[0.0; N], [0.0; N]];
        let mut em2 = em.clone();
        em2[1][2] = 5.0; // I-PERS wanted at word 2 …
        em2[0][3] = 1.0; // … after B-LOC: not allowed, so B-PERS B? no: B-PERS I-PERS wins
        let t = viterbi(&em2, &[[0.0; N]; N], &[0.0; N]);
        assert_eq!(t, vec![1, 2]);
    }

    #[test]
    fn a_model_survives_its_bytes() {
        let mut m = Model::default();
        m.weights
            .insert(42, [1.0, -2.0, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0]);
        m.transitions[1][2] = 0.25;
        let back = Model::from_bytes(&m.to_bytes()).unwrap();
        assert!((back.weights[&42][1] + 2.0).abs() < 1e-3);
        assert_eq!(back.transitions[1][2], 0.25);
        assert!(Model::from_bytes(b"nonsense").is_err());
    }

    #[test]
    fn names_are_read_from_tags() {
        let n = names_of(&[1, 2, 0, 5, 6, 6, 3]);
        assert_eq!(n.len(), 3);
        assert_eq!((n[1].start, n[1].end, n[1].class), (3, 6, "ORG"));
    }
}
