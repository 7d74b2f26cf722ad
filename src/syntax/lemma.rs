//! Lemmatizer: the treebank's own lemma for a (form, tag) it has seen, else a suffix
//! rule learnt from it ("-ies" → "-y", "-ing" → "", "-ed" → "e" after "at", …),
//! chosen by the longest ending of the word the treebank has a rule for.

use rustc_hash::FxHashMap;

use super::perceptron::{put_str, put_u32, Reader};
use super::tagger::UPOS;

/// A rule: strip so many characters, then append a string.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Rule {
    strip: u8,
    add: String,
}

fn rule_of(form: &str, lemma: &str) -> Option<Rule> {
    let f: Vec<char> = form.chars().collect();
    let l: Vec<char> = lemma.chars().collect();
    let common = f.iter().zip(&l).take_while(|(a, b)| a == b).count();
    if common == 0 || f.len() - common > 6 {
        return None;
    }
    Some(Rule { strip: (f.len() - common) as u8, add: l[common..].iter().collect() })
}

/// Tags whose words inflect.
fn inflects(tag: u8) -> bool {
    matches!(UPOS[tag as usize], "NOUN" | "VERB" | "AUX" | "ADJ" | "ADV" | "PROPN" | "PRON" | "DET")
}

const MAX_SUFFIX: usize = 5;

/// A trained lemmatizer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lemmatizer {
    /// (lower-cased form, tag) → lemma, where it differs from the form.
    known: FxHashMap<(String, u8), String>,
    /// Forms seen with their lemma equal to themselves (so no rule applies).
    same: FxHashMap<(String, u8), ()>,
    /// (tag, ending) → rule.
    rules: FxHashMap<(u8, String), Rule>,
}

impl Lemmatizer {
    /// Learns from (form, tag, lemma) triples.
    pub fn train<'a>(words: impl Iterator<Item = (&'a str, u8, &'a str)>) -> Lemmatizer {
        let mut seen: FxHashMap<(String, u8), FxHashMap<String, u32>> = FxHashMap::default();
        for (form, tag, lemma) in words {
            if !inflects(tag) || lemma == "_" {
                continue;
            }
            let lower = form.to_lowercase();
            let lemma = if UPOS[tag as usize] == "PROPN" { lemma.to_string() } else { lemma.to_lowercase() };
            *seen.entry((lower, tag)).or_default().entry(lemma).or_default() += 1;
        }
        let mut out = Lemmatizer::default();
        let mut rule_counts: FxHashMap<(u8, String), FxHashMap<Rule, u32>> = FxHashMap::default();
        for ((form, tag), lemmas) in &seen {
            let (lemma, _) = lemmas.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).expect("one lemma");
            if lemma.to_lowercase() == *form {
                out.same.insert((form.clone(), *tag), ());
            } else {
                out.known.insert((form.clone(), *tag), lemma.clone());
            }
            if UPOS[*tag as usize] == "PROPN" {
                continue;
            }
            let Some(rule) = rule_of(form, &lemma.to_lowercase()) else { continue };
            let chars: Vec<char> = form.chars().collect();
            for n in 1..=MAX_SUFFIX.min(chars.len().saturating_sub(1)) {
                let ending: String = chars[chars.len() - n..].iter().collect();
                *rule_counts.entry((*tag, ending)).or_default().entry(rule.clone()).or_default() += 1;
            }
        }
        for (key, counts) in rule_counts {
            let total: u32 = counts.values().sum();
            let (rule, n) = counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).expect("a rule");
            // Keep endings with enough evidence; a rule that changes nothing is kept
            // too, so it overrides a shorter ending's rule.
            if total >= 3 && n * 2 > total {
                out.rules.insert(key, rule);
            }
        }
        out
    }

    /// The lemma of `form` tagged `tag` (lower-cased, except proper nouns).
    pub fn lemma(&self, form: &str, tag: u8) -> String {
        let is_propn = UPOS.get(tag as usize) == Some(&"PROPN");
        let lower = form.to_lowercase();
        if !inflects(tag) {
            return if is_propn { form.to_string() } else { lower };
        }
        let key = (lower, tag);
        if let Some(l) = self.known.get(&key) {
            return l.clone();
        }
        let (lower, _) = key;
        if is_propn || self.same.contains_key(&(lower.clone(), tag)) {
            return if is_propn { form.to_string() } else { lower };
        }
        let chars: Vec<char> = lower.chars().collect();
        for n in (1..=MAX_SUFFIX.min(chars.len().saturating_sub(1))).rev() {
            let ending: String = chars[chars.len() - n..].iter().collect();
            if let Some(rule) = self.rules.get(&(tag, ending)) {
                let keep = chars.len().saturating_sub(rule.strip as usize);
                if keep < 2 {
                    break;
                }
                let mut out: String = chars[..keep].iter().collect();
                out.push_str(&rule.add);
                return out;
            }
        }
        lower
    }

    /// Serialises the lemmatizer (sorted, so the bytes are deterministic).
    pub fn write(&self, out: &mut Vec<u8>) {
        put_str(out, "lemmas");
        let mut known: Vec<_> = self.known.iter().collect();
        known.sort();
        put_u32(out, known.len() as u32);
        for ((f, t), l) in known {
            put_str(out, f);
            out.push(*t);
            put_str(out, l);
        }
        let mut same: Vec<_> = self.same.keys().collect();
        same.sort();
        put_u32(out, same.len() as u32);
        for (f, t) in same {
            put_str(out, f);
            out.push(*t);
        }
        let mut rules: Vec<_> = self.rules.iter().collect();
        rules.sort();
        put_u32(out, rules.len() as u32);
        for ((t, e), r) in rules {
            out.push(*t);
            put_str(out, e);
            out.push(r.strip);
            put_str(out, &r.add);
        }
    }

    /// Reads a lemmatizer written by [`Lemmatizer::write`].
    pub fn read(r: &mut Reader<'_>) -> Result<Lemmatizer, String> {
        if r.string()? != "lemmas" {
            return Err("expected the lemma section".into());
        }
        let tag = |r: &mut Reader<'_>| -> Result<u8, String> {
            let t = r.bytes(1)?[0];
            if t as usize >= UPOS.len() {
                return Err("lemma tag out of range".into());
            }
            Ok(t)
        };
        let mut out = Lemmatizer::default();
        for _ in 0..r.u32()? {
            let f = r.string()?;
            let t = tag(r)?;
            out.known.insert((f, t), r.string()?);
        }
        for _ in 0..r.u32()? {
            let f = r.string()?;
            out.same.insert((f, tag(r)?), ());
        }
        for _ in 0..r.u32()? {
            let t = tag(r)?;
            let e = r.string()?;
            let strip = r.bytes(1)?[0];
            out.rules.insert((t, e), Rule { strip, add: r.string()? });
        }
        Ok(out)
    }
}
