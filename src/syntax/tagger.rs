//! Part-of-speech tagger: greedy left to right, an averaged perceptron over hashed
//! features of the word, its affixes and shape, its neighbours and the two tags
//! before it. Frequent words that the treebank always tags one way skip the model.

use rustc_hash::FxHashMap;

use super::perceptron::{feat, hash_str, put_str, put_u32, Reader, Trainer, Weights};

/// The seventeen universal part-of-speech tags, in this order.
pub const UPOS: [&str; 17] = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ",
    "SYM", "VERB", "X",
];

/// The index of a UPOS tag name (unknown names become `X`).
pub fn upos_index(name: &str) -> u8 {
    UPOS.iter().position(|u| *u == name).unwrap_or(16) as u8
}

/// What the tagger and parser read of a word, hashed once.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordFeatures {
    /// Lower-cased form, numbers folded.
    pub lower: u64,
    /// The form as written.
    pub raw: u64,
    pub suffix: [u64; 4],
    pub prefix: u64,
    pub shape: u64,
    /// Whether the form starts with a capital letter.
    pub capital: bool,
}

/// Hashes the shape of `form`'s first twelve characters: "Xxxx" for "Kyiv", "dd,ddd"
/// with digits, runs of one class of letter or digit written once.
fn shape_hash(form: &str) -> u64 {
    // Twelve characters of at most four bytes each: no allocation.
    let mut out = [0u8; 48];
    let mut len = 0;
    let mut last = ' ';
    for c in form.chars().take(12) {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if k != last || !matches!(k, 'X' | 'x' | 'd') {
            len += k.encode_utf8(&mut out[len..]).len();
        }
        last = k;
    }
    hash_str(std::str::from_utf8(&out[..len]).expect("whole characters were written"))
}

/// The class a number folds to ("2024" → "<year>", "3,500" → "<num>"), if `form` is one.
fn number_class(form: &str) -> Option<&'static str> {
    let digits = form.bytes().filter(u8::is_ascii_digit).count();
    if digits > 0 && form.bytes().all(|c| c.is_ascii_digit() || matches!(c, b',' | b'.' | b'-' | b':' | b'/')) {
        return Some(if digits == 4 && form.len() == 4 { "<year>" } else { "<num>" });
    }
    None
}

/// Folds numbers: "2024" → "<year>", "3,500" → "<num>"; else the lower-cased form.
pub fn normal_form(form: &str) -> String {
    number_class(form).map_or_else(|| form.to_lowercase(), str::to_string)
}

/// The byte offset where the last `n` characters of `s` start (0 if it is shorter).
fn last_chars(s: &str, n: usize) -> usize {
    s.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i)
}

impl WordFeatures {
    /// Hashes what the models read of `form`.
    pub fn of(form: &str) -> WordFeatures {
        // Most words are short and ASCII: lower-case them on the stack.
        let mut buf = [0u8; 32];
        let owned;
        let lower: &str = match number_class(form) {
            Some(class) => class,
            None if form.len() <= buf.len() && form.is_ascii() => {
                let b = &mut buf[..form.len()];
                b.copy_from_slice(form.as_bytes());
                b.make_ascii_lowercase();
                std::str::from_utf8(b).expect("ASCII stays ASCII")
            }
            None => {
                owned = form.to_lowercase();
                &owned
            }
        };
        let mut suffix = [0u64; 4];
        for (k, s) in suffix.iter_mut().enumerate() {
            *s = hash_str(&lower[last_chars(lower, k + 1)..]) ^ ((k + 1) as u64) << 60;
        }
        let two = lower.char_indices().nth(2).map_or(lower.len(), |(i, _)| i);
        WordFeatures {
            lower: hash_str(lower),
            raw: hash_str(form),
            suffix,
            prefix: hash_str(&lower[..two]),
            shape: shape_hash(form),
            capital: form.chars().next().is_some_and(char::is_uppercase),
        }
    }
}

/// Feature templates of the tagger.
mod t {
    pub const BIAS: u64 = 1;
    pub const W: u64 = 2;
    pub const RAW: u64 = 3;
    pub const SUF: u64 = 4;
    pub const PRE: u64 = 8;
    pub const SHAPE: u64 = 9;
    pub const P1: u64 = 10;
    pub const P2: u64 = 11;
    pub const P12: u64 = 12;
    pub const P1W: u64 = 13;
    pub const WM1: u64 = 14;
    pub const SUFM1: u64 = 15;
    pub const WM2: u64 = 16;
    pub const WP1: u64 = 17;
    pub const SUFP1: u64 = 18;
    pub const WP2: u64 = 19;
    pub const WM1W: u64 = 20;
    pub const WWP1: u64 = 21;
    pub const P1WP1: u64 = 22;
    pub const SHAPEP1: u64 = 23;
    pub const SHAPEM1: u64 = 24;
    pub const SUFP2: u64 = 25;
    pub const P1SUF: u64 = 26;
    pub const FIRST: u64 = 27;
    pub const AMB: u64 = 28;
    pub const AMBP1: u64 = 29;
    pub const AMBP2: u64 = 30;
    pub const AMBM1: u64 = 31;
    pub const P1AMB: u64 = 32;
    pub const AMBAMBP1: u64 = 33;
    pub const WAMBP1: u64 = 34;
    pub const WM1WP1: u64 = 35;
    pub const SUFAMBP1: u64 = 36;
    pub const P12AMB: u64 = 37;
}

const NONE: u64 = 0x5eed;

fn features(words: &[WordFeatures], amb: &[u64], ahead: Option<&[u8]>, i: usize, p1: u8, p2: u8, out: &mut Vec<u64>) {
    use t::*;
    out.clear();
    let amb_at = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 {
            1 << 40
        } else if j as usize >= words.len() {
            1 << 41
        } else {
            amb[j as usize]
        }
    };
    let w = &words[i];
    let at = |k: isize| -> Option<&WordFeatures> {
        let j = i as isize + k;
        if j < 0 {
            None
        } else {
            words.get(j as usize)
        }
    };
    let lower = |k| at(k).map_or(NONE, |x| x.lower);
    let suf3 = |k| at(k).map_or(NONE, |x| x.suffix[2]);
    let shape = |k| at(k).map_or(NONE, |x| x.shape);
    let (p1, p2) = (u64::from(p1), u64::from(p2));
    out.push(feat(BIAS, 0, 0, 0));
    out.push(feat(W, w.lower, 0, 0));
    out.push(feat(RAW, w.raw, 0, 0));
    for (k, s) in w.suffix.iter().enumerate() {
        out.push(feat(SUF + k as u64, *s, 0, 0));
    }
    out.push(feat(PRE, w.prefix, 0, 0));
    out.push(feat(SHAPE, w.shape, 0, 0));
    out.push(feat(P1, p1, 0, 0));
    out.push(feat(P2, p2, 0, 0));
    out.push(feat(P12, p1, p2, 0));
    out.push(feat(P1W, p1, w.lower, 0));
    out.push(feat(WM1, lower(-1), 0, 0));
    out.push(feat(SUFM1, suf3(-1), 0, 0));
    out.push(feat(WM2, lower(-2), 0, 0));
    out.push(feat(WP1, lower(1), 0, 0));
    out.push(feat(SUFP1, suf3(1), 0, 0));
    out.push(feat(WP2, lower(2), 0, 0));
    out.push(feat(WM1W, lower(-1), w.lower, 0));
    out.push(feat(WWP1, w.lower, lower(1), 0));
    out.push(feat(P1WP1, p1, lower(1), 0));
    out.push(feat(SHAPEP1, shape(1), w.shape, 0));
    out.push(feat(SHAPEM1, shape(-1), w.shape, 0));
    out.push(feat(SUFP2, suf3(2), 0, 0));
    out.push(feat(P1SUF, p1, w.suffix[2], 0));
    out.push(feat(FIRST, u64::from(i == 0), w.shape, 0));
    let a = amb_at(0);
    out.push(feat(AMB, a, 0, 0));
    out.push(feat(AMBP1, amb_at(1), 0, 0));
    out.push(feat(AMBP2, amb_at(2), 0, 0));
    out.push(feat(AMBM1, amb_at(-1), 0, 0));
    out.push(feat(P1AMB, p1, a, 0));
    out.push(feat(AMBAMBP1, a, amb_at(1), 0));
    out.push(feat(WAMBP1, w.lower, amb_at(1), 0));
    out.push(feat(WM1WP1, lower(-1), lower(1), 0));
    out.push(feat(SUFAMBP1, w.suffix[2], amb_at(1), 0));
    out.push(feat(P12AMB, p1, p2, a));
    // Headlines and shouting: how capitalised the sentence is says what a capital means.
    let caps = amb.last().copied().unwrap_or(0);
    out.push(feat(48, w.shape, caps, 0));
    out.push(feat(49, w.suffix[2], w.shape, caps));
    // The second pass also sees the first pass's tags of the next words.
    if let Some(ahead) = ahead {
        let tag_at = |k: usize| ahead.get(i + k).map_or(300, |t| u64::from(*t));
        let (n0, n1, n2) = (tag_at(0), tag_at(1), tag_at(2));
        out.push(feat(40, n1, 0, 0));
        out.push(feat(41, n1, n2, 0));
        out.push(feat(42, w.lower, n1, 0));
        out.push(feat(43, p1, n1, 0));
        out.push(feat(44, n0, 0, 0));
        out.push(feat(45, w.suffix[2], n1, 0));
        out.push(feat(46, p1, n0, n1));
        out.push(feat(47, w.shape, n1, 0));
    }
}

/// A word's ambiguity class: a hash of the tags the treebank gives it (0 unseen).
///
/// One more value follows the words': how capitalised the sentence is (0 to 3).
fn ambiguity(classes: &FxHashMap<u64, u64>, words: &[WordFeatures]) -> Vec<u64> {
    let mut out: Vec<u64> = words.iter().map(|w| classes.get(&w.lower).copied().unwrap_or(0)).collect();
    let caps = words.iter().skip(1).filter(|w| w.capital).count();
    let n = words.len().saturating_sub(1).max(1);
    out.push(match caps * 10 / n {
        0..=2 => 0,
        3..=5 => 1,
        6..=8 => 2,
        _ => 3,
    });
    out
}

fn tag_counts(train: &[(Vec<WordFeatures>, Vec<u8>)]) -> FxHashMap<u64, FxHashMap<u8, u32>> {
    let mut counts: FxHashMap<u64, FxHashMap<u8, u32>> = FxHashMap::default();
    for (words, tags) in train {
        for (w, t) in words.iter().zip(tags) {
            *counts.entry(w.lower).or_default().entry(*t).or_default() += 1;
        }
    }
    counts
}

fn ambiguity_classes(counts: &FxHashMap<u64, FxHashMap<u8, u32>>) -> FxHashMap<u64, u64> {
    counts
        .iter()
        .filter_map(|(w, c)| {
            let n: u32 = c.values().sum();
            if n < 3 {
                return None;
            }
            let mut tags: Vec<u8> = c.iter().filter(|(_, k)| **k * 20 >= n).map(|(t, _)| *t).collect();
            tags.sort_unstable();
            let h = tags.iter().fold(0x51u64, |h, t| feat(99, h, u64::from(*t), 0));
            Some((*w, h))
        })
        .collect()
}

/// The tag before the first word.
const START: u8 = 254;
const START2: u8 = 255;

/// A trained tagger. Its tags are UPOS and Penn Treebank tag pairs ("VERB VBN"),
/// finer than UPOS alone, which the parser reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagger {
    weights: Weights,
    /// The second pass, which also reads the first pass's tags of the next words.
    second: Option<Weights>,
    /// The tags, "UPOS XPOS".
    tags: Vec<String>,
    /// Each tag's UPOS index.
    upos: Vec<u8>,
    /// Lower-cased forms the treebank always tags one way.
    fixed: FxHashMap<u64, u8>,
    /// Lower-cased forms' ambiguity classes.
    classes: FxHashMap<u64, u64>,
}

impl Tagger {
    /// Tags a sentence given its words' features.
    pub fn tag(&self, words: &[WordFeatures]) -> Vec<u8> {
        let amb = ambiguity(&self.classes, words);
        let first = self.pass(&self.weights, words, &amb, None);
        match &self.second {
            Some(w) => self.pass(w, words, &amb, Some(&first)),
            None => first,
        }
    }

    fn pass(&self, weights: &Weights, words: &[WordFeatures], amb: &[u64], ahead: Option<&[u8]>) -> Vec<u8> {
        let mut tags = Vec::with_capacity(words.len());
        let mut feats = Vec::with_capacity(64);
        let mut scores = vec![0f32; self.tags.len()];
        for i in 0..words.len() {
            let (p1, p2) = prev(&tags, i);
            let tag = match self.fixed.get(&words[i].lower) {
                Some(t) => *t,
                None => {
                    features(words, amb, ahead, i, p1, p2, &mut feats);
                    weights.score(&feats, &mut scores);
                    argmax(&scores)
                }
            };
            tags.push(tag);
        }
        tags
    }

    /// The first pass alone (its tags feed the second pass's training).
    pub fn first_pass(&self, words: &[WordFeatures]) -> Vec<u8> {
        let amb = ambiguity(&self.classes, words);
        self.pass(&self.weights, words, &amb, None)
    }

    /// This tagger with `second` as its second pass.
    pub fn with_second(mut self, second: &Tagger) -> Tagger {
        self.second = Some(second.weights.clone());
        self
    }

    /// This tagger without weights smaller than `min`.
    pub fn pruned(&self, min: f32) -> Tagger {
        Tagger {
            weights: self.weights.pruned(min),
            second: self.second.as_ref().map(|w| w.pruned(min)),
            ..self.clone()
        }
    }

    /// What the weight tables hold, for reports.
    pub fn describe(&self) -> String {
        match &self.second {
            Some(w) => format!("first pass: {}; second pass: {}", self.weights.describe(), w.describe()),
            None => self.weights.describe(),
        }
    }

    /// Number of stored weights.
    pub fn len(&self) -> usize {
        self.weights.len() + self.second.as_ref().map_or(0, Weights::len)
    }

    /// Whether no weight is stored.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A tag's UPOS index (into [`UPOS`]).
    pub fn upos(&self, tag: u8) -> u8 {
        self.upos.get(tag as usize).copied().unwrap_or(16)
    }

    /// A tag's Penn Treebank part ("VBN").
    pub fn xpos(&self, tag: u8) -> &str {
        self.tags.get(tag as usize).and_then(|t| t.split(' ').nth(1)).unwrap_or("_")
    }

    /// Serialises the tagger.
    pub fn write(&self, out: &mut Vec<u8>) {
        put_str(out, "tagger");
        put_u32(out, self.tags.len() as u32);
        self.tags.iter().for_each(|t| put_str(out, t));
        self.weights.write(out);
        match &self.second {
            Some(w) => {
                out.push(1);
                w.write(out);
            }
            None => out.push(0),
        }
        let mut fixed: Vec<_> = self.fixed.iter().collect();
        fixed.sort();
        put_u32(out, fixed.len() as u32);
        for (k, v) in fixed {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(*v);
        }
        let mut classes: Vec<_> = self.classes.iter().collect();
        classes.sort();
        put_u32(out, classes.len() as u32);
        for (k, v) in classes {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&v.to_le_bytes());
        }
    }

    /// Reads a tagger written by [`Tagger::write`].
    pub fn read(r: &mut Reader<'_>) -> Result<Tagger, String> {
        if r.string()? != "tagger" {
            return Err("expected the tagger section".into());
        }
        let n = r.u32()? as usize;
        if n == 0 || n > 250 {
            return Err("bad tag count".into());
        }
        let tags: Vec<String> = (0..n).map(|_| r.string()).collect::<Result<_, _>>()?;
        let upos = tags.iter().map(|t| upos_index(t.split(' ').next().unwrap_or(""))).collect();
        let weights = Weights::read(r)?;
        let second = match r.bytes(1)?[0] {
            0 => None,
            _ => Some(Weights::read(r)?),
        };
        if weights.classes() != n || second.as_ref().is_some_and(|w| w.classes() != n) {
            return Err("tagger weights do not fit its tags".into());
        }
        let n = r.u32()? as usize;
        let mut fixed = FxHashMap::default();
        for _ in 0..n {
            let b = r.bytes(9)?;
            let k = u64::from_le_bytes(b[..8].try_into().expect("8 bytes"));
            if b[8] as usize >= n {
                return Err("fixed tag out of range".into());
            }
            fixed.insert(k, b[8]);
        }
        let n = r.u32()? as usize;
        let mut classes = FxHashMap::default();
        for _ in 0..n {
            let b = r.bytes(16)?;
            let k = u64::from_le_bytes(b[..8].try_into().expect("8 bytes"));
            classes.insert(k, u64::from_le_bytes(b[8..].try_into().expect("8 bytes")));
        }
        Ok(Tagger { weights, second, tags, upos, fixed, classes })
    }
}

fn prev(tags: &[u8], i: usize) -> (u8, u8) {
    let p1 = if i >= 1 { tags[i - 1] } else { START };
    let p2 = if i >= 2 {
        tags[i - 2]
    } else if i == 1 {
        START
    } else {
        START2
    };
    (p1, p2)
}

/// The index of the highest score (the first on ties).
pub fn argmax(scores: &[f32]) -> u8 {
    let mut best = 0;
    for (i, s) in scores.iter().enumerate() {
        if *s > scores[best] {
            best = i;
        }
    }
    best as u8
}

/// Trains a tagger on sentences of (word features, gold tag).
pub struct TaggerTrainer {
    model: Trainer,
    tags: Vec<String>,
    fixed: FxHashMap<u64, u8>,
    classes: FxHashMap<u64, u64>,
}

impl TaggerTrainer {
    /// Collects the always-one-tag frequent words from the training data; `tags` are
    /// the tag names ("UPOS XPOS") the indices of `train` refer to.
    pub fn new(train: &[(Vec<WordFeatures>, Vec<u8>)], tags: Vec<String>) -> Self {
        let counts = tag_counts(train);
        let fixed = counts
            .iter()
            .filter_map(|(w, c)| {
                let n: u32 = c.values().sum();
                let (best, top) = c.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
                (n >= 20 && f64::from(*top) / f64::from(n) >= 0.995).then_some((*w, *best))
            })
            .collect();
        TaggerTrainer { model: Trainer::new(tags.len()), tags, fixed, classes: ambiguity_classes(&counts) }
    }

    /// One pass over the sentences in the given order; returns the share tagged right.
    /// `ahead`, for a second pass, holds the first pass's tags of each sentence.
    pub fn epoch(&mut self, train: &[(Vec<WordFeatures>, Vec<u8>)], order: &[usize], ahead: Option<&[Vec<u8>]>) -> f64 {
        let (mut right, mut all) = (0usize, 0usize);
        let mut feats = Vec::with_capacity(48);
        let mut scores = vec![0f32; self.tags.len()];
        for &s in order {
            let (words, gold) = &train[s];
            let mut tags: Vec<u8> = Vec::with_capacity(words.len());
            let amb = ambiguity(&self.classes, words);
            for i in 0..words.len() {
                let (p1, p2) = prev(&tags, i);
                let guess = match self.fixed.get(&words[i].lower) {
                    Some(t) => *t,
                    None => {
                        features(words, &amb, ahead.map(|a| a[s].as_slice()), i, p1, p2, &mut feats);
                        self.model.score(&feats, &mut scores);
                        let guess = argmax(&scores);
                        self.model.tick();
                        self.model.update(&feats, gold[i] as usize, guess as usize);
                        guess
                    }
                };
                right += usize::from(guess == gold[i]);
                all += 1;
                // Train on the tagger's own history, as it meets it at run time.
                tags.push(guess);
            }
        }
        right as f64 / all.max(1) as f64
    }

    /// The averaged tagger.
    pub fn freeze(&self, min_weight: f32) -> Tagger {
        Tagger {
            weights: self.model.freeze(min_weight),
            second: None,
            upos: self.tags.iter().map(|t| upos_index(t.split(' ').next().unwrap_or(""))).collect(),
            tags: self.tags.clone(),
            fixed: self.fixed.clone(),
            classes: self.classes.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `WordFeatures::of` computed before it stopped allocating: every feature
    /// from owned strings, character by character.
    fn reference(form: &str) -> WordFeatures {
        let lower = normal_form(form);
        let chars: Vec<char> = lower.chars().collect();
        let mut suffix = [0u64; 4];
        for (k, s) in suffix.iter_mut().enumerate() {
            let suf: String = chars[chars.len().saturating_sub(k + 1)..].iter().collect();
            *s = hash_str(&suf) ^ ((k + 1) as u64) << 60;
        }
        let mut shape = String::new();
        let mut last = ' ';
        for c in form.chars().take(12) {
            let k = match c {
                c if c.is_uppercase() => 'X',
                c if c.is_lowercase() => 'x',
                c if c.is_ascii_digit() => 'd',
                c => c,
            };
            if k != last || !matches!(k, 'X' | 'x' | 'd') {
                shape.push(k);
            }
            last = k;
        }
        WordFeatures {
            lower: hash_str(&lower),
            raw: hash_str(form),
            suffix,
            prefix: hash_str(&chars.iter().take(2).collect::<String>()),
            shape: hash_str(&shape),
            capital: form.chars().next().is_some_and(char::is_uppercase),
        }
    }

    #[test]
    fn word_features_match_the_plain_definition() {
        let long = "Überwachungsstaatlichkeitsdebatte-and-more-than-thirty-two-bytes";
        for form in [
            "Kyiv", "a", "I", "", "US-drafted", "2024", "3,500", "12:30", "1.5", "ÉLYSÉE", "Zelenskyy’s", "naïve", "—",
            "“", "McDONALD'S", "x2", "İstanbul", "ΣΟΦΙΑ", long, "abcdefghijklmnopqrstuvwxyzABCDEFG",
        ] {
            let (a, b) = (WordFeatures::of(form), reference(form));
            assert_eq!(
                (a.lower, a.raw, a.suffix, a.prefix, a.shape, a.capital),
                (b.lower, b.raw, b.suffix, b.prefix, b.shape, b.capital),
                "{form}"
            );
        }
        // The features tell words apart: a test that could not fail would not.
        assert_ne!(WordFeatures::of("plan").lower, WordFeatures::of("plans").lower);
        assert_eq!(WordFeatures::of("Plan").lower, WordFeatures::of("plan").lower);
    }
}
