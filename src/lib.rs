//! kg turns live news coverage into a knowledge graph of actors and their positions.
//!
//! ```text
//! text ──entry──▶ Entry ──text──▶ sentences, tokens ──syntax──▶ tags, lemmas, dependencies
//!      ──mention──▶ Mention ──claim──▶ Claim ──store──▶ Oxigraph (RDF, SPARQL) ──graph/export──▶ views, DOT
//! ```
//!
//! Each stage is a module, listed here in pipeline order; a stage uses only the stages
//! before it. [`ingest`] drives the whole pipeline for the command line; [`ask`] answers
//! questions from the store, [`graph`] builds petgraph views of its claims,
//! [`export`] writes them for other tools and [`serve`] offers all of it over HTTP.
//!
//! ```
//! use kg::{claim::ClaimExtractor, entry, ontology::Ontology, store::{EntryClaims, Store}};
//!
//! let ontology = Ontology::bundled()?;
//! let mut extractor = ClaimExtractor::new(&ontology);
//! let text = "Talks\n\n25 November 2025\n\n20:41 GMT\n\nKyiv rejected the 30-day ceasefire.\n";
//! let parsed = entry::read("blog.txt", text, &entry::ReadOptions::default())?;
//! let store = Store::memory()?;
//! let found: Vec<_> = parsed.entries.iter().map(|e| extractor.extract(e)).collect();
//! let mentioned: Vec<_> = found.iter().map(|x| x.mentioned()).collect();
//! let batch: Vec<_> = parsed.entries.iter().zip(found.iter().zip(&mentioned))
//!     .map(|(entry, (x, m))| EntryClaims { entry, claims: &x.claims, mentions: m }).collect();
//! store.write(&parsed.documents, &batch)?;
//! let rows = store.select(
//!     "SELECT ?who WHERE { ?a <https://w3id.org/kg-news/ns#rejects> ?p ; <http://www.w3.org/2000/01/rdf-schema#label> ?who }",
//!     &[],
//! )?;
//! assert_eq!(rows.rows.len(), 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod ask;
pub mod claim;
pub mod corpus;
pub mod entry;
pub mod eval;
pub mod export;
pub mod fetch;
pub mod follow;
pub mod graph;
pub mod ingest;
pub mod mention;
pub mod ontology;
pub mod serve;
pub mod store;
pub mod syntax;
pub mod table;
pub mod text;
