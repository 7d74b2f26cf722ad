//! Streaming ingest: batch size and write mode change nothing in the store, a second
//! ingest adds nothing, and a file with an error anywhere leaves the store as it was.

use kg::claim::ClaimExtractor;
use kg::corpus::{CorpusFormat, CorpusOptions, CorpusWriter};
use kg::entry::ReadOptions;
use kg::ingest::{ingest_bytes, IngestOptions};
use kg::ontology::Ontology;
use kg::store::{DumpFormat, Store, WriteMode};

fn corpus(ontology: &Ontology, format: CorpusFormat) -> Vec<u8> {
    let mut out = Vec::new();
    CorpusWriter::new(ontology).write(&CorpusOptions { size: 40_000, seed: 5, format }, &mut out).unwrap();
    out
}

/// Ingests `bytes` into `store` and returns the store's sorted N-Quads.
fn ingest(
    ontology: &Ontology,
    store: &Store,
    bytes: &[u8],
    ingest: IngestOptions,
) -> Result<String, kg::ingest::IngestError> {
    let mut extractor = ClaimExtractor::new(ontology);
    let mut calls = Vec::new();
    ingest_bytes(store, &mut extractor, "corpus.txt", bytes, &ReadOptions::default(), ingest, &mut |done, total| {
        calls.push((done, total))
    })?;
    assert!(calls.windows(2).all(|w| w[0].0 <= w[1].0), "progress only grows: {calls:?}");
    assert!(calls.last().is_some_and(|(done, total)| done == total), "{calls:?}");
    Ok(export(store))
}

fn export(store: &Store) -> String {
    let mut out = Vec::new();
    store.export(DumpFormat::NQuads, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn batches_of_1_and_1000_store_the_same_quads() {
    let ontology = Ontology::bundled().unwrap();
    for format in [CorpusFormat::Liveblog, CorpusFormat::Jsonl] {
        let bytes = corpus(&ontology, format);
        let mut exports = Vec::new();
        for (batch, mode) in
            [(1, WriteMode::Bulk), (1000, WriteMode::Bulk), (1, WriteMode::Transaction), (7, WriteMode::Transaction)]
        {
            let dir = tempfile::tempdir().unwrap();
            let store = Store::open(dir.path()).unwrap();
            exports.push(((batch, mode), ingest(&ontology, &store, &bytes, IngestOptions { batch, mode }).unwrap()));
        }
        let (first, want) = &exports[0];
        assert!(want.lines().count() > 1000, "{format:?}: a real store");
        for (how, got) in &exports[1..] {
            assert!(got == want, "{format:?}: {how:?} differs from {first:?}");
        }
    }
}

#[test]
fn ingesting_again_adds_nothing() {
    let ontology = Ontology::bundled().unwrap();
    let bytes = corpus(&ontology, CorpusFormat::Liveblog);
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let once = ingest(&ontology, &store, &bytes, IngestOptions::default()).unwrap();
    let twice = ingest(&ontology, &store, &bytes, IngestOptions { batch: 3, ..Default::default() }).unwrap();
    assert!(once == twice);
}

#[test]
fn an_error_at_the_end_leaves_the_store_untouched() {
    let ontology = Ontology::bundled().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let before = ingest(
        &ontology,
        &store,
        b"Title\n\n25 November 2025\n\n10:00 GMT\n\nKyiv rejected the plan.\n",
        IngestOptions::default(),
    )
    .unwrap();
    for (format, bad_tail) in [
        (CorpusFormat::Liveblog, "\n  \u{2022} 99:99 GMT\n\nText.\n"),
        (CorpusFormat::Jsonl, "{\"time\": \"soon\", \"text\": \"x\"}\n"),
    ] {
        let mut bytes = corpus(&ontology, format);
        bytes.extend_from_slice(bad_tail.as_bytes());
        let err = ingest(&ontology, &store, &bytes, IngestOptions { batch: 1, ..Default::default() }).unwrap_err();
        assert!(err.to_string().contains("corpus.txt:"), "{err}");
        assert!(export(&store) == before, "{format:?}: the store changed");
    }
}
