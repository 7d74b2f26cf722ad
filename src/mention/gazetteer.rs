//! Matching the ontology's names on tokens.

use rustc_hash::FxHashMap as HashMap;

use super::words::norm;
use super::Role;
use crate::claim::{Entity, EntityKind};
use crate::ontology::{Ontology, Record};
use crate::text::{tokenize, Token};

/// One pattern: the normalised token sequence, its original spelling, its record.
#[derive(Debug, Clone)]
struct Pattern {
    norm: Vec<String>,
    orig: Vec<String>,
    record: usize,
    role: Role,
}

/// A match of a gazetteer pattern: tokens `first..=last`, the record and role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub first: usize,
    pub last: usize,
    pub record: usize,
    pub role: Role,
    /// For hyphen compounds ("US-drafted"): the match covers only the bytes before the hyphen.
    pub prefix_end: Option<usize>,
}

/// The ontology's names, indexed for matching.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    by_first: HashMap<String, Vec<Pattern>>,
    /// The records, as in the ontology.
    pub records: Vec<Record>,
    /// Record index by key.
    index: HashMap<String, usize>,
}

fn words_of(s: &str) -> Vec<String> {
    tokenize(s).iter().map(|t: &Token| t.text(s).to_string()).collect()
}

impl Gazetteer {
    /// Indexes every label, alias, metonym and demonym of the ontology.
    pub fn new(ontology: &Ontology) -> Gazetteer {
        let mut g =
            Gazetteer { by_first: HashMap::default(), records: ontology.records.clone(), index: HashMap::default() };
        for (i, r) in ontology.records.iter().enumerate() {
            g.index.insert(r.key.clone(), i);
            let Some(kind) = r.kind else { continue };
            let name_role = match kind {
                EntityKind::Position => Role::Position,
                EntityKind::Source => Role::Source,
                EntityKind::Place => Role::Place,
                _ => Role::Name,
            };
            for label in std::iter::once(&r.label).chain(&r.alt_labels) {
                g.add(label, i, name_role);
                if name_role == Role::Name && label.starts_with("the ") {
                    g.add(&label[4..], i, name_role);
                }
            }
            for m in &r.metonyms {
                g.add(m, i, Role::Metonym);
            }
            for d in &r.demonyms {
                g.add(d, i, Role::Demonym);
                // "the Americans", "Israelis": the plural people stand for the state.
                if kind == EntityKind::State && !d.contains(' ') && (d.ends_with("an") || d.ends_with('i')) {
                    g.add(&format!("{d}s"), i, Role::Name);
                }
            }
        }
        for list in g.by_first.values_mut() {
            list.sort_by(|a, b| b.norm.len().cmp(&a.norm.len()));
        }
        g
    }

    fn add(&mut self, text: &str, record: usize, role: Role) {
        let orig = words_of(text);
        if orig.is_empty() {
            return;
        }
        let norm: Vec<String> = orig.iter().map(|w| norm(w)).collect();
        self.by_first.entry(norm[0].clone()).or_default().push(Pattern { norm, orig, record, role });
    }

    /// The record with this key.
    pub fn get(&self, key: &str) -> Option<&Record> {
        self.index.get(key).map(|&i| &self.records[i])
    }

    /// Index of the record with this key.
    pub fn index_of(&self, key: &str) -> Option<usize> {
        self.index.get(key).copied()
    }

    /// The entity of a record.
    pub fn entity(&self, record: usize) -> Entity {
        let r = &self.records[record];
        Entity { key: r.key.clone(), label: r.label.clone(), kind: r.kind.unwrap_or(EntityKind::Group) }
    }

    /// Finds the longest pattern starting at each token, left to right, not overlapping.
    /// `normed` holds each token's [`norm`].
    pub fn find(&self, text: &str, tokens: &[Token], normed: &[String]) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if let Some(h) = self.longest_at(text, tokens, normed, i) {
                i = h.last + 1;
                hits.push(h);
                continue;
            }
            // "US-drafted", "Russia-Ukraine": try the part before the first hyphen.
            let t = tokens[i].text(text);
            if let Some(dash) = t.find('-').filter(|&d| d > 0) {
                let head = &t[..dash];
                if let Some(list) = self.by_first.get(&norm(head)) {
                    if let Some(p) = list
                        .iter()
                        .find(|p| p.norm.len() == 1 && p.role != Role::Position && case_ok(&p.orig[0], head, true))
                    {
                        hits.push(Hit {
                            first: i,
                            last: i,
                            record: p.record,
                            role: p.role,
                            prefix_end: Some(tokens[i].start + dash),
                        });
                    }
                }
            }
            i += 1;
        }
        hits
    }

    fn longest_at(&self, text: &str, tokens: &[Token], normed: &[String], i: usize) -> Option<Hit> {
        let list = self.by_first.get(&normed[i])?;
        'patterns: for p in list {
            let n = p.norm.len();
            if i + n > tokens.len() {
                continue;
            }
            for k in 0..n {
                if normed[i + k] != p.norm[k] {
                    continue 'patterns;
                }
                if p.role != Role::Position && !case_ok(&p.orig[k], tokens[i + k].text(text), k == 0) {
                    continue 'patterns;
                }
            }
            // Multi-token matches must not straddle a sentence break or a line break.
            if n > 1 && text[tokens[i].start..tokens[i + n - 1].end].contains('\n') {
                continue;
            }
            return Some(Hit { first: i, last: i + n - 1, record: p.record, role: p.role, prefix_end: None });
        }
        None
    }
}

/// Names match with their case; the first word may also be capitalised ("The
/// Kremlin"). All-caps names (US, EU) must match exactly, so "us" is not the US.
fn case_ok(pattern: &str, token: &str, first: bool) -> bool {
    if pattern == token {
        return true;
    }
    let caps = pattern.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    if caps {
        return false;
    }
    let p_lower_start = pattern.chars().next().is_some_and(char::is_lowercase);
    if first && p_lower_start {
        // "the Kremlin" pattern, "The Kremlin" text.
        let mut pc = pattern.chars();
        let mut tc = token.chars();
        return pc.next().map(|c| c.to_uppercase().collect::<String>()) == tc.next().map(|c| c.to_string())
            && pc.as_str() == tc.as_str();
    }
    // Curly and straight apostrophes are the same letter.
    pattern.replace('’', "'") == token.replace('’', "'")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mention::words::norms;

    fn hits(g: &Gazetteer, s: &str) -> Vec<(String, String)> {
        let toks = tokenize(s);
        g.find(s, &toks, &norms(s, &toks))
            .iter()
            .map(|h| {
                let end = h.prefix_end.unwrap_or(toks[h.last].end);
                (s[toks[h.first].start..end].to_string(), g.records[h.record].label.clone())
            })
            .collect()
    }

    #[test]
    fn matches_names_metonyms_and_case() {
        let o = Ontology::bundled().unwrap();
        let g = Gazetteer::new(&o);
        let got = hits(&g, "The Kremlin told us the US-drafted plan on NATO membership was seen by Volodymyr Zelensky");
        let labels: Vec<&str> = got.iter().map(|(_, l)| l.as_str()).collect();
        assert!(labels.contains(&"Russia"), "{got:?}");
        assert!(labels.contains(&"United States"), "{got:?}");
        assert!(labels.contains(&"NATO membership for Ukraine"), "{got:?}");
        assert!(labels.contains(&"Volodymyr Zelensky"), "{got:?}");
        assert_eq!(got.iter().filter(|(_, l)| l == "United States").count(), 1, "'us' is not the US: {got:?}");
    }
}
