//! Names → entities: matches what the user typed against every label, alias and
//! surface form, case-insensitively; suggests the closest names when nothing matches.

use std::collections::{BTreeMap, HashMap};

use super::{AskError, Entity, NAMES_QUERY};
use crate::store::Store;

/// What kind of entity a question wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// A person, state, organisation or group.
    Actor,
    /// A position, plan or proposal.
    Position,
    /// An actor or a position.
    Any,
}

impl Want {
    /// The word for it in messages.
    pub fn noun(self) -> &'static str {
        match self {
            Want::Actor => "actor",
            Want::Position => "position",
            Want::Any => "actor or position",
        }
    }

    fn accepts(self, kind: &str) -> bool {
        match self {
            Want::Actor => kind == "actor",
            Want::Position => kind == "position",
            Want::Any => true,
        }
    }
}

/// How well a name matches, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    /// The whole name, ignoring case and spacing.
    Exact,
    /// A run of whole words of the name ("NATO membership" in "NATO membership for Ukraine").
    Words,
    /// Part of the name ("membership" in "non-membership").
    Substring,
    /// Every word typed is a word of the name, in any order ("membership NATO").
    Tokens,
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

fn tier(query: &str, name: &str) -> Option<Tier> {
    let (q, n) = (query.to_lowercase(), name.to_lowercase());
    let (qw, nw) = (words(&q), words(&n));
    if (qw == nw && !qw.is_empty()) || q.trim() == n.trim() {
        Some(Tier::Exact)
    } else if !qw.is_empty() && nw.windows(qw.len()).any(|w| w == qw.as_slice()) {
        Some(Tier::Words)
    } else if n.contains(q.trim()) {
        Some(Tier::Substring)
    } else if !qw.is_empty() && qw.iter().all(|w| nw.contains(w)) {
        Some(Tier::Tokens)
    } else {
        None
    }
}

/// Levenshtein distance between two strings, in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// One row of `names.rq`.
struct Name {
    entity: Entity,
    kind: String,
    name: String,
}

/// `names.rq` for the kinds of entity `want` accepts (fewer rows to read: a fifth
/// less for positions on a large store).
fn names_query(want: Want) -> String {
    const DATA: &str = r#"(kg:Actor "actor") (kg:Position "position")"#;
    const ONTOLOGY: &str = r#"(kg:Person "actor") (kg:State "actor") (kg:Organization "actor") (kg:Group "actor")
        (kg:Position "position")"#;
    debug_assert!(NAMES_QUERY.contains(DATA) && NAMES_QUERY.contains(ONTOLOGY), "names.rq keeps its VALUES");
    let (data, ontology) = match want {
        Want::Any => return NAMES_QUERY.to_string(),
        Want::Position => (r#"(kg:Position "position")"#, r#"(kg:Position "position")"#),
        Want::Actor => (
            r#"(kg:Actor "actor")"#,
            r#"(kg:Person "actor") (kg:State "actor") (kg:Organization "actor") (kg:Group "actor")"#,
        ),
    };
    NAMES_QUERY.replacen(DATA, data, 1).replacen(ONTOLOGY, ontology, 1)
}

/// Every name of the actors and positions `want` accepts, with the label to show: the
/// data's rdfs:label, else the ontology's prefLabel.
fn names(store: &Store, want: Want) -> Result<Vec<Name>, AskError> {
    let rows = store.select(&names_query(want), &[])?;
    let data_labels: HashMap<&str, &str> = rows
        .rows
        .iter()
        .filter(|r| rows.get(r, "how") == Some("label"))
        .filter_map(|r| Some((rows.get(r, "entity")?, rows.get(r, "name")?)))
        .collect();
    let mut names: Vec<Name> = rows
        .rows
        .iter()
        .filter_map(|r| {
            let iri = rows.get(r, "entity")?;
            let name = rows.get(r, "name")?;
            let label = data_labels.get(iri).copied().or_else(|| rows.get(r, "label")).unwrap_or(name);
            Some(Name {
                entity: Entity { iri: iri.to_string(), label: label.to_string() },
                kind: rows.get(r, "kind")?.to_string(),
                name: name.to_string(),
            })
        })
        .collect();
    names.sort_by(|a, b| (&a.entity, &a.kind, &a.name).cmp(&(&b.entity, &b.kind, &b.name)));
    names.dedup_by(|a, b| (&a.entity, &a.kind, &a.name) == (&b.entity, &b.kind, &b.name));
    Ok(names)
}

/// The entities `query` names: those whose labels, aliases or surface forms match it
/// best (exact, then whole words, then part of a word, then every word in any order),
/// sorted by label. When none does, [`AskError::NoMatch`] lists up to three labels
/// whose names are closest by edit distance.
pub fn resolve(store: &Store, want: Want, query: &str) -> Result<Vec<Entity>, AskError> {
    let query = query.trim();
    if query.is_empty() {
        return Err(AskError::EmptyName(want));
    }
    let all = names(store, want)?;
    // The common case first: names containing the text.
    let q = query.to_lowercase();
    let containing: Vec<&Name> = all.iter().filter(|n| n.name.to_lowercase().contains(&q)).collect();
    let best = best_matches(containing.iter().copied(), want, query);
    if !best.is_empty() {
        return Ok(best);
    }
    // Then every name: words in any order, and the closest names as suggestions.
    let best = best_matches(all.iter(), want, query);
    if !best.is_empty() {
        return Ok(best);
    }
    let suggestions = suggest(&all, want, query);
    Err(AskError::NoMatch { want, name: query.to_string(), suggestions })
}

fn best_matches<'a>(names: impl Iterator<Item = &'a Name>, want: Want, query: &str) -> Vec<Entity> {
    let mut by_entity: BTreeMap<Entity, Tier> = BTreeMap::new();
    for n in names {
        if !want.accepts(&n.kind) {
            continue;
        }
        if let Some(t) = tier(query, &n.name) {
            let e = by_entity.entry(n.entity.clone()).or_insert(t);
            *e = (*e).min(t);
        }
    }
    let Some(top) = by_entity.values().min().copied() else {
        return Vec::new();
    };
    let mut found: Vec<Entity> = by_entity.into_iter().filter(|(_, t)| *t == top).map(|(e, _)| e).collect();
    found.sort_by(|a, b| a.label.cmp(&b.label).then_with(|| a.iri.cmp(&b.iri)));
    found.dedup_by(|a, b| a.iri == b.iri);
    found
}

/// Up to three labels whose names are within a third of the query's length (at least
/// 2) in edit distance, closest first.
fn suggest(names: &[Name], want: Want, query: &str) -> Vec<String> {
    let q = query.to_lowercase();
    let limit = (q.chars().count() / 3).max(2);
    let mut best: BTreeMap<String, usize> = BTreeMap::new();
    for n in names.iter().filter(|n| want.accepts(&n.kind)) {
        let d = edit_distance(&q, &n.name.to_lowercase());
        if d <= limit {
            let e = best.entry(n.entity.label.clone()).or_insert(d);
            *e = (*e).min(d);
        }
    }
    let mut ranked: Vec<(usize, String)> = best.into_iter().map(|(l, d)| (d, l)).collect();
    ranked.sort();
    ranked.into_iter().take(3).map(|(_, l)| l).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers() {
        let cases = [
            ("NATO membership", "nato  Membership", Some(Tier::Exact)),
            ("NATO membership", "NATO membership for Ukraine", Some(Tier::Words)),
            ("member", "NATO membership", Some(Tier::Substring)),
            ("membership NATO", "NATO membership for Ukraine", Some(Tier::Tokens)),
            ("NATO membershp", "NATO membership", None),
            ("} ; DROP ALL ; {", "NATO membership", None),
        ];
        for (q, n, want) in cases {
            assert_eq!(tier(q, n), want, "{q:?} vs {n:?}");
        }
    }

    #[test]
    fn names_query_narrows_to_the_kinds_wanted() {
        assert_eq!(names_query(Want::Any), NAMES_QUERY);
        let positions = names_query(Want::Position);
        assert!(!positions.contains(r#""actor""#) && positions.contains(r#"(kg:Position "position")"#));
        let actors = names_query(Want::Actor);
        assert!(!actors.contains(r#""position""#) && actors.contains(r#"(kg:State "actor")"#));
        let store = Store::memory().unwrap();
        for q in [positions, actors] {
            assert!(store.select(&q, &[]).is_ok(), "{q}");
        }
    }

    #[test]
    fn distances() {
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("nato membershp", "nato membership"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("é", "e"), 1);
    }

    #[test]
    fn suggests_closest_labels() {
        let name = |label: &str, name: &str| Name {
            entity: Entity { iri: format!("x:{label}"), label: label.into() },
            kind: "position".into(),
            name: name.into(),
        };
        let names = [
            name("NATO membership for Ukraine", "NATO membership"),
            name("NATO membership for Ukraine", "NATO membership for Ukraine"),
            name("ceasefire", "ceasefire"),
        ];
        assert_eq!(suggest(&names, Want::Position, "NATO membershp"), vec!["NATO membership for Ukraine"]);
        assert!(suggest(&names, Want::Actor, "NATO membershp").is_empty());
        assert!(suggest(&names, Want::Position, "zzzzzzzz").is_empty());
    }
}
