//! Criterion benchmarks of the pipeline's stages on a generated 1 MB live blog
//! (`kg::corpus`, seed 1): read (text or file → entries), extract (entries → claims), and
//! store (entries and claims → a fresh on-disk store, in bulk and in transactions).
//!
//! ```text
//! cargo bench --bench stages            # all
//! cargo bench --bench stages -- extract # one group
//! ```
//!
//! Throughput is reported in bytes of corpus text, so the stages compare directly
//! with each other and with `scripts/bench.sh`'s end-to-end MB/s.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use kg::claim::{Claim, ClaimExtractor, Entity};
use kg::corpus::{CorpusFormat, CorpusOptions, CorpusWriter};
use kg::entry::{self, EntryReader, FileInput, ReadOptions};
use kg::ontology::Ontology;
use kg::store::{EntryClaims, Store, WriteMode};

const SIZE: u64 = 1_000_000;

fn corpus(ontology: &Ontology, format: CorpusFormat) -> String {
    let mut out = Vec::new();
    CorpusWriter::new(ontology)
        .write(&CorpusOptions { size: SIZE, seed: 1, format }, &mut out)
        .expect("writing to memory");
    String::from_utf8(out).expect("the corpus is UTF-8")
}

fn stages(c: &mut Criterion) {
    let ontology = Ontology::bundled().expect("the bundled ontology loads");
    let blog = corpus(&ontology, CorpusFormat::Liveblog);
    let jsonl = corpus(&ontology, CorpusFormat::Jsonl);
    let options = ReadOptions::default();

    let mut g = c.benchmark_group("read");
    g.sample_size(20);
    g.throughput(Throughput::Bytes(blog.len() as u64));
    g.bench_function("liveblog", |b| {
        b.iter(|| entry::read("corpus.txt", black_box(&blog), &options).expect("valid corpus"))
    });
    g.bench_function("liveblog-streaming", |b| {
        b.iter(|| EntryReader::new("corpus.txt", black_box(&blog), &options).filter(|p| p.is_ok()).count())
    });
    // From disk, a line at a time, as `kg ingest FILE` reads: the scan, then one pass.
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("corpus.txt");
    std::fs::write(&file, &blog).expect("write the corpus");
    g.bench_function("liveblog-file", |b| {
        b.iter(|| {
            let input = FileInput::scan(&file, "corpus.txt", &options).expect("valid corpus");
            input.reader(&options).filter(|p| p.is_ok()).count()
        })
    });
    g.throughput(Throughput::Bytes(jsonl.len() as u64));
    g.bench_function("jsonl", |b| {
        b.iter(|| entry::read("corpus.jsonl", black_box(&jsonl), &options).expect("valid corpus"))
    });
    g.finish();

    let parsed = entry::read("corpus.txt", &blog, &options).expect("valid corpus");
    let mut g = c.benchmark_group("extract");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(blog.len() as u64));
    g.bench_function("liveblog", |b| {
        let mut extractor = ClaimExtractor::new(&ontology);
        b.iter(|| parsed.entries.iter().map(|e| extractor.extract(e).claims.len()).sum::<usize>())
    });
    g.finish();

    let mut extractor = ClaimExtractor::new(&ontology);
    let extracted: Vec<(Vec<Claim>, Vec<Entity>)> = parsed
        .entries
        .iter()
        .map(|e| {
            let x = extractor.extract(e);
            let mentioned = x.mentioned();
            (x.claims, mentioned)
        })
        .collect();
    let items: Vec<EntryClaims> = parsed
        .entries
        .iter()
        .zip(&extracted)
        .map(|(entry, (claims, mentions))| EntryClaims { entry, claims, mentions })
        .collect();
    let mut g = c.benchmark_group("store");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(blog.len() as u64));
    for (name, mode) in [("bulk", WriteMode::Bulk), ("transaction", WriteMode::Transaction)] {
        g.bench_function(name, |b| {
            b.iter_batched(
                || tempfile::tempdir().expect("a temporary directory"),
                |dir| {
                    let store = Store::open(dir.path()).expect("a fresh store");
                    let mut bulk = (mode == WriteMode::Bulk).then(|| store.bulk_writer());
                    for (i, chunk) in items.chunks(kg::ingest::DEFAULT_BATCH).enumerate() {
                        let docs = if i == 0 { &parsed.documents[..] } else { &[] };
                        match bulk.as_mut() {
                            Some(w) => w.write(docs, chunk),
                            None => store.write(docs, chunk),
                        }
                        .expect("the write succeeds");
                    }
                    if let Some(w) = bulk {
                        w.commit().expect("the commit succeeds");
                    }
                    store.flush().expect("the flush succeeds");
                    dir
                },
                BatchSize::PerIteration,
            )
        });
    }
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
