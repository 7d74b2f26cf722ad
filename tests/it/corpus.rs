//! The corpus generator: deterministic, distinct entries, the size asked for.

use std::collections::HashSet;

use kg::corpus::{CorpusFormat, CorpusOptions, CorpusWriter};
use kg::entry::{self, Format, ReadOptions};
use kg::ontology::Ontology;

fn generate(size: u64, seed: u64, format: CorpusFormat) -> (String, kg::corpus::CorpusStats) {
    let ontology = Ontology::bundled().unwrap();
    let mut out = Vec::new();
    let stats = CorpusWriter::new(&ontology).write(&CorpusOptions { size, seed, format }, &mut out).unwrap();
    (String::from_utf8(out).unwrap(), stats)
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    for format in [CorpusFormat::Liveblog, CorpusFormat::Jsonl] {
        let (a, _) = generate(50_000, 7, format);
        let (b, _) = generate(50_000, 7, format);
        let (c, _) = generate(50_000, 8, format);
        assert_eq!(a, b, "{format:?}");
        assert_ne!(a, c, "{format:?}");
    }
}

#[test]
fn requested_size_is_reached_and_counted() {
    for size in [1, 10_000, 300_000] {
        let (text, stats) = generate(size, 1, CorpusFormat::Liveblog);
        assert!(text.len() as u64 >= size, "{} < {size}", text.len());
        assert_eq!(stats.bytes, text.len() as u64);
        // Overshoot is at most one entry (and the closing tag lines).
        assert!(text.len() as u64 <= size + 5_000, "{} bytes for {size}", text.len());
    }
}

#[test]
fn entries_are_distinct_and_read_back() {
    for (format, want) in [(CorpusFormat::Liveblog, Format::Liveblog), (CorpusFormat::Jsonl, Format::Jsonl)] {
        let (text, stats) = generate(300_000, 3, format);
        assert_eq!(Format::detect(&text), want);
        let parsed = entry::read("corpus", &text, &ReadOptions::default()).unwrap();
        assert_eq!(parsed.entries.len() as u64, stats.entries, "{format:?}");
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
        let texts: HashSet<&str> = parsed.entries.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts.len(), parsed.entries.len(), "{format:?}: repeated entry text");
        let ids: HashSet<_> = parsed.entries.iter().map(|e| e.id).collect();
        assert_eq!(ids.len(), parsed.entries.len());
        assert!(stats.days > 1, "entries span several days");
    }
}

#[test]
fn the_extractor_finds_claims_in_it() {
    let ontology = Ontology::bundled().unwrap();
    let (text, _) = generate(30_000, 1, CorpusFormat::Liveblog);
    let parsed = entry::read("corpus.txt", &text, &ReadOptions::default()).unwrap();
    let mut extractor = kg::claim::ClaimExtractor::new(&ontology);
    let claims: usize = parsed.entries.iter().map(|e| extractor.extract(e).claims.len()).sum();
    assert!(claims >= parsed.entries.len(), "{claims} claims in {} entries", parsed.entries.len());
}
