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

/// A trained lemmatizer. Its maps are indexed by tag first, so that a lookup borrows
/// the word instead of building a key.
#[derive(Debug, Clone, PartialEq)]
pub struct Lemmatizer {
    /// Per tag: lower-cased form → lemma, where it differs from the form.
    known: Vec<FxHashMap<String, String>>,
    /// Per tag: forms seen with their lemma equal to themselves (so no rule applies).
    same: Vec<FxHashMap<String, ()>>,
    /// Per tag: ending → rule.
    rules: Vec<FxHashMap<String, Rule>>,
}

impl Default for Lemmatizer {
    fn default() -> Self {
        Lemmatizer {
            known: vec![FxHashMap::default(); UPOS.len()],
            same: vec![FxHashMap::default(); UPOS.len()],
            rules: vec![FxHashMap::default(); UPOS.len()],
        }
    }
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
                out.same[*tag as usize].insert(form.clone(), ());
            } else {
                out.known[*tag as usize].insert(form.clone(), lemma.clone());
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
                out.rules[key.0 as usize].insert(key.1, rule);
            }
        }
        out
    }

    /// The lemma of `form` tagged `tag` (lower-cased, except proper nouns).
    pub fn lemma(&self, form: &str, tag: u8) -> String {
        let is_propn = UPOS.get(tag as usize) == Some(&"PROPN");
        let lower = form.to_lowercase();
        if !inflects(tag) {
            return lower;
        }
        let t = tag as usize;
        if let Some(l) = self.known[t].get(lower.as_str()) {
            return l.clone();
        }
        if is_propn {
            return form.to_string();
        }
        if self.same[t].contains_key(lower.as_str()) {
            return lower;
        }
        // Byte offsets of the last MAX_SUFFIX + 1 characters, nearest the end first.
        let starts: Vec<usize> = lower.char_indices().rev().take(MAX_SUFFIX + 1).map(|(i, _)| i).collect();
        let chars = lower.chars().count();
        for n in (1..=MAX_SUFFIX.min(chars.saturating_sub(1))).rev() {
            if let Some(rule) = self.rules[t].get(&lower[starts[n - 1]..]) {
                let keep = chars.saturating_sub(rule.strip as usize);
                if keep < 2 {
                    break;
                }
                let cut = lower.char_indices().nth(keep).map_or(lower.len(), |(i, _)| i);
                let mut out = String::with_capacity(cut + rule.add.len());
                out.push_str(&lower[..cut]);
                out.push_str(&rule.add);
                return out;
            }
        }
        lower
    }

    /// Serialises the lemmatizer (sorted, so the bytes are deterministic).
    pub fn write(&self, out: &mut Vec<u8>) {
        put_str(out, "lemmas");
        let mut known: Vec<(&str, u8, &str)> = (self.known.iter().enumerate())
            .flat_map(|(t, m)| m.iter().map(move |(f, l)| (f.as_str(), t as u8, l.as_str())))
            .collect();
        known.sort();
        put_u32(out, known.len() as u32);
        for (f, t, l) in known {
            put_str(out, f);
            out.push(t);
            put_str(out, l);
        }
        let mut same: Vec<(&str, u8)> =
            (self.same.iter().enumerate()).flat_map(|(t, m)| m.keys().map(move |f| (f.as_str(), t as u8))).collect();
        same.sort();
        put_u32(out, same.len() as u32);
        for (f, t) in same {
            put_str(out, f);
            out.push(t);
        }
        let mut rules: Vec<(u8, &str, &Rule)> = (self.rules.iter().enumerate())
            .flat_map(|(t, m)| m.iter().map(move |(e, r)| (t as u8, e.as_str(), r)))
            .collect();
        rules.sort();
        put_u32(out, rules.len() as u32);
        for (t, e, r) in rules {
            out.push(t);
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
            out.known[t as usize].insert(f, r.string()?);
        }
        for _ in 0..r.u32()? {
            let f = r.string()?;
            out.same[tag(r)? as usize].insert(f, ());
        }
        for _ in 0..r.u32()? {
            let t = tag(r)?;
            let e = r.string()?;
            let strip = r.bytes(1)?[0];
            out.rules[t as usize].insert(e, Rule { strip, add: r.string()? });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::tagger::upos_index;

    #[test]
    fn learns_exceptions_and_rules_and_round_trips() {
        let (verb, noun, propn) = (upos_index("VERB"), upos_index("NOUN"), upos_index("PROPN"));
        let mut words = vec![("went", verb, "go"), ("Talks", propn, "Talks"), ("news", noun, "news")];
        for (f, l) in [("rejected", "reject"), ("backed", "back"), ("warned", "warn"), ("sealed", "seal")] {
            words.push((f, verb, l));
        }
        for (f, l) in [("studies", "study"), ("parties", "party"), ("cities", "city")] {
            words.push((f, noun, l));
        }
        let m = Lemmatizer::train(words.into_iter());
        for (form, tag, want) in [
            ("went", verb, "go"),
            ("Went", verb, "go"),
            ("defended", verb, "defend"),
            ("allies", noun, "ally"),
            ("Talks", propn, "Talks"),
            ("news", noun, "news"),
            ("the", upos_index("DET"), "the"),
            ("Résumés", upos_index("X"), "résumés"),
        ] {
            assert_eq!(m.lemma(form, tag), want, "{form}");
        }
        let mut bytes = Vec::new();
        m.write(&mut bytes);
        let back = Lemmatizer::read(&mut Reader::new(&bytes)).unwrap();
        assert_eq!(back, m);
        let mut again = Vec::new();
        back.write(&mut again);
        assert_eq!(again, bytes);
    }
}
