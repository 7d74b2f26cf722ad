//! Helpers shared by the integration tests.

use std::path::PathBuf;

use kg::claim::ClaimExtractor;
use kg::entry::{self, ReadOptions};
use kg::ontology::Ontology;
use kg::store::{EntryClaims, Store};

/// A file of the repository, by its path from the repository root.
pub fn repo_file(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The bundled sample live blog.
pub fn sample() -> PathBuf {
    repo_file("data/live-2025-11-25-ukraine-peace-plan.txt")
}

/// An in-memory store holding `text` read as `origin`, ingested through the library.
pub fn memory_store_with(origin: &str, text: &str) -> Store {
    let ontology = Ontology::bundled().expect("bundled ontology loads");
    let store = Store::memory().expect("memory store");
    store.load_ontology(&ontology.turtle).expect("ontology loads");
    let mut extractor = ClaimExtractor::new(&ontology);
    let parsed = entry::read(origin, text, &ReadOptions::default()).expect("input reads");
    let found: Vec<_> = parsed.entries.iter().map(|e| extractor.extract(e)).collect();
    let mentioned: Vec<_> = found.iter().map(|x| x.mentioned()).collect();
    let batch: Vec<EntryClaims> = parsed
        .entries
        .iter()
        .zip(found.iter().zip(&mentioned))
        .map(|(entry, (x, m))| EntryClaims { entry, claims: &x.claims, mentions: m })
        .collect();
    store.write(&parsed.documents, &batch).expect("write");
    store
}

/// An in-memory store holding the sample.
pub fn sample_store() -> Store {
    let text = std::fs::read_to_string(sample()).expect("sample exists");
    memory_store_with("sample.txt", &text)
}
