//! The domain knowledge, as data: schema, gazetteer (actors, positions, sources,
//! places) and cue lexicon, read from `ontology/`.
//!
//! [`Ontology::bundled`] uses the copies compiled into the binary;
//! [`Ontology::from_dir`] reads a directory with the same file names, so users extend
//! the gazetteer and the cues without recompiling (`kg --ontology DIR`).
//!
//! This module parses Turtle with oxigraph's parser (the oxttl layer) but never opens
//! a store; it returns plain Rust values.

mod lexicon;

use std::collections::HashMap;
use std::path::Path;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedOrBlankNode, Term};

pub use lexicon::{Cue, Frame, Lexicon, WordClass};

use crate::claim::EntityKind;
use crate::store::vocab::{id, kg, rdf, skos};

/// The Turtle files of the ontology, in load order.
pub const TURTLE_FILES: [&str; 5] = ["kg.ttl", "actors.ttl", "positions.ttl", "sources.ttl", "places.ttl"];
/// The cue lexicon file.
pub const CUES_FILE: &str = "cues.tsv";

const BUNDLED: [(&str, &str); 6] = [
    ("kg.ttl", include_str!("../../ontology/kg.ttl")),
    ("actors.ttl", include_str!("../../ontology/actors.ttl")),
    ("positions.ttl", include_str!("../../ontology/positions.ttl")),
    ("sources.ttl", include_str!("../../ontology/sources.ttl")),
    ("places.ttl", include_str!("../../ontology/places.ttl")),
    ("cues.tsv", include_str!("../../ontology/cues.tsv")),
];

/// Errors reading the ontology.
#[derive(Debug, thiserror::Error)]
pub enum OntologyError {
    #[error("cannot read {file}: {source}")]
    Io { file: String, source: std::io::Error },
    #[error("{file}: {message}")]
    Syntax { file: String, message: String },
}

/// One gazetteer entry: an actor, position, source or place and its names.
#[derive(Debug, Clone, Default)]
pub struct Record {
    /// IRI path under `kgid:` ("actor/ukraine").
    pub key: String,
    pub label: String,
    pub kind: Option<EntityKind>,
    pub alt_labels: Vec<String>,
    pub metonyms: Vec<String>,
    pub demonyms: Vec<String>,
    pub titles: Vec<String>,
    pub capital: Option<String>,
    /// Keys of the states/organisations a person acts for.
    pub affiliations: Vec<String>,
    pub leader_of: Vec<String>,
    pub works_for: Vec<String>,
    /// Key of the opposite position.
    pub opposite: Option<String>,
}

/// Everything kg knows before reading any news.
#[derive(Debug, Clone)]
pub struct Ontology {
    /// The Turtle files `(name, text)`, loaded into the store's ontology graph.
    pub turtle: Vec<(String, String)>,
    /// Actors, positions, sources and places, by key.
    pub records: Vec<Record>,
    pub lexicon: Lexicon,
    index: HashMap<String, usize>,
}

impl Ontology {
    /// The ontology compiled into kg.
    pub fn bundled() -> Result<Ontology, OntologyError> {
        Ontology::from_files(BUNDLED.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect())
    }

    /// Reads the ontology from `dir`; files missing there fall back to the bundled copy.
    pub fn from_dir(dir: &Path) -> Result<Ontology, OntologyError> {
        let mut files = Vec::new();
        for (name, bundled) in BUNDLED {
            let path = dir.join(name);
            let text = if path.exists() {
                std::fs::read_to_string(&path)
                    .map_err(|source| OntologyError::Io { file: path.display().to_string(), source })?
            } else {
                bundled.to_string()
            };
            files.push((name.to_string(), text));
        }
        Ontology::from_files(files)
    }

    fn from_files(files: Vec<(String, String)>) -> Result<Ontology, OntologyError> {
        let mut turtle = Vec::new();
        let mut cues = String::new();
        for (name, text) in files {
            if name == CUES_FILE {
                cues = text;
            } else {
                turtle.push((name, text));
            }
        }
        let lexicon =
            Lexicon::parse(&cues).map_err(|message| OntologyError::Syntax { file: CUES_FILE.into(), message })?;
        let mut records: Vec<Record> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for (name, text) in &turtle {
            for t in RdfParser::from_format(RdfFormat::Turtle).for_slice(text.as_bytes()) {
                let t = t.map_err(|e| OntologyError::Syntax { file: name.clone(), message: e.to_string() })?;
                let NamedOrBlankNode::NamedNode(s) = &t.subject else { continue };
                let Some(key) = s.as_str().strip_prefix(id::BASE) else { continue };
                let i = *index.entry(key.to_string()).or_insert_with(|| {
                    records.push(Record { key: key.to_string(), ..Default::default() });
                    records.len() - 1
                });
                let r = &mut records[i];
                let p = t.predicate.as_str();
                let lit = match &t.object {
                    Term::Literal(l) => Some(l.value().to_string()),
                    _ => None,
                };
                let obj_key = match &t.object {
                    Term::NamedNode(n) => n.as_str().strip_prefix(id::BASE).map(str::to_string),
                    _ => None,
                };
                match (p, lit, obj_key) {
                    (skos::PREF_LABEL, Some(l), _) => r.label = l,
                    (skos::ALT_LABEL, Some(l), _) => r.alt_labels.push(l),
                    (kg::METONYM, Some(l), _) => r.metonyms.push(l),
                    (kg::DEMONYM, Some(l), _) => r.demonyms.push(l),
                    (kg::TITLE, Some(l), _) => r.titles.push(l.to_lowercase()),
                    (kg::CAPITAL, Some(l), _) => r.capital = Some(l),
                    (kg::AFFILIATION, _, Some(k)) => r.affiliations.push(k),
                    (kg::LEADER_OF, _, Some(k)) => r.leader_of.push(k),
                    (kg::WORKS_FOR, _, Some(k)) => r.works_for.push(k),
                    (kg::OPPOSITE, _, Some(k)) => r.opposite = Some(k),
                    (rdf::TYPE, _, _) => {
                        if let Term::NamedNode(c) = &t.object {
                            r.kind = kind_of_class(c.as_str()).or(r.kind);
                        }
                    }
                    _ => {}
                }
            }
        }
        records.retain(|r| r.kind.is_some() && !r.label.is_empty());
        let index = records.iter().enumerate().map(|(i, r)| (r.key.clone(), i)).collect();
        Ok(Ontology { turtle, records, lexicon, index })
    }

    /// The record with this key.
    pub fn get(&self, key: &str) -> Option<&Record> {
        self.index.get(key).map(|&i| &self.records[i])
    }

    /// Index of the record with this key.
    pub fn index_of(&self, key: &str) -> Option<usize> {
        self.index.get(key).copied()
    }
}

fn kind_of_class(iri: &str) -> Option<EntityKind> {
    Some(match iri {
        kg::PERSON => EntityKind::Person,
        kg::STATE => EntityKind::State,
        kg::ORGANIZATION => EntityKind::Organization,
        kg::GROUP => EntityKind::Group,
        kg::POSITION => EntityKind::Position,
        kg::SOURCE => EntityKind::Source,
        kg::PLACE => EntityKind::Place,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_ontology_loads() {
        let o = Ontology::bundled().unwrap();
        let ua = o.get("actor/ukraine").expect("Ukraine");
        assert_eq!(ua.kind, Some(EntityKind::State));
        assert!(ua.metonyms.iter().any(|m| m == "Kyiv" || m == "Kiev"));
        let nato = o.get("position/nato-membership-for-ukraine").expect("NATO membership");
        assert!(nato.alt_labels.iter().any(|a| a == "join NATO"));
        assert!(o.records.iter().filter(|r| r.kind == Some(EntityKind::State)).count() >= 193);
        assert!(!o.lexicon.cues.is_empty());
    }

    /// `ontology/context.jsonld` (written by `ontology/tools/gen_context.py`) names
    /// every term `kg.ttl` declares with its IRI, object properties as IRIs.
    #[test]
    fn the_json_ld_context_covers_the_vocabulary() {
        let ttl = include_str!("../../ontology/kg.ttl");
        let context: serde_json::Value = serde_json::from_str(include_str!("../../ontology/context.jsonld")).unwrap();
        let context = &context["@context"];
        assert_eq!(context["kg"], kg::NS);
        let declared: Vec<&str> = ttl
            .lines()
            .filter_map(|l| l.strip_prefix("kg:").and_then(|r| r.split_once(" a ")).map(|(t, _)| t))
            .collect();
        assert!(declared.len() >= kg::ALL.len(), "{declared:?}");
        for term in &declared {
            let entry = &context[*term];
            let iri = entry.as_str().or_else(|| entry["@id"].as_str());
            assert_eq!(
                iri,
                Some(format!("{}{term}", kg::NS).as_str()),
                "{term} in ontology/context.jsonld (run ontology/tools/gen_context.py)"
            );
        }
        for iri in kg::ALL {
            let local = iri.strip_prefix(kg::NS).unwrap();
            assert!(!context[local].is_null(), "kg:{local} missing from ontology/context.jsonld");
        }
        assert_eq!(context["rejects"]["@type"], "@id", "relations are links");
    }

    #[test]
    fn every_vocab_constant_is_declared_in_kg_ttl() {
        let ttl = include_str!("../../ontology/kg.ttl");
        for iri in kg::ALL {
            let local = iri.strip_prefix(kg::NS).unwrap();
            assert!(ttl.contains(&format!("kg:{local} a ")), "kg:{local} is not declared in ontology/kg.ttl");
        }
    }
}
