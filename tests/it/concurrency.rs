//! A second process: while one kg process writes, another can read (`kg query`,
//! `stats`, `export` open the store read-only), and a second writer exits at once with
//! "store is busy". Nothing blocks and nothing is corrupted.

use std::time::Duration;

use crate::util::{self, bindings, kg, query_json, sample_store, sorted_export, store_in, SAMPLE};

/// A bound on each command, so that a process that blocks fails the test instead of
/// hanging it. Not a speed requirement: kg answers or refuses at once.
const NEVER: Duration = Duration::from_secs(300);

fn assert_busy(out: &std::process::Output, store: &std::path::Path) {
    let wording = format!("store at {} is busy: another kg process is writing to it", store.display());
    util::assert_one_line_error(out, 1, &[&wording]);
}

#[test]
fn while_a_writer_holds_the_store_readers_work_and_writers_are_told_it_is_busy() {
    let dir = sample_store();
    let store = store_in(&dir);
    let before = sorted_export(&store);
    // This process is the writer: it holds RocksDB's lock until `writer` is dropped.
    let writer = kg::store::Store::open(&store).expect("open for writing");

    // Readers open read-only and see the data.
    assert_eq!(bindings(&query_json(&store, "queries/entries.rq")).len(), 11);
    kg(&store).args(["stats"]).timeout(NEVER).assert().success().stdout(predicates::str::contains("entries    11"));
    assert_eq!(sorted_export(&store), before);

    // Writers are refused at once.
    let out = kg(&store).args(["ingest", SAMPLE]).timeout(NEVER).output().expect("kg ingest");
    assert_busy(&out, &store);
    let out = kg(&store).args(["query", "--update", "CLEAR ALL"]).timeout(NEVER).output().expect("kg query --update");
    assert_busy(&out, &store);
    let out = kg(&store).args(["optimize"]).timeout(NEVER).output().expect("kg optimize");
    assert_busy(&out, &store);
    // And from the library, as a typed error.
    match kg::store::Store::open(&store) {
        Err(kg::store::StoreError::Busy { path }) => assert_eq!(path, store.display().to_string()),
        other => panic!("expected StoreError::Busy, got {:?}", other.err()),
    }

    drop(writer);
    assert_eq!(sorted_export(&store), before, "the refused writers changed the store");
    kg(&store).args(["ingest", SAMPLE]).timeout(NEVER).assert().success();
}

#[test]
fn during_a_long_ingest_queries_work_and_a_second_ingest_is_refused() {
    let corpus = util::corpus();
    let dir = util::tempdir();
    let store = store_in(&dir);
    let held = util::spawn_held_ingest(&store, dir.path(), &corpus.file);

    // A query sees whole committed batches: every claim with its entry.
    let claims = query_json(
        &store,
        "PREFIX kg: <https://w3id.org/kg-news/ns#> PREFIX prov: <http://www.w3.org/ns/prov#>
         SELECT (COUNT(?c) AS ?n) WHERE { ?c a kg:Claim . FILTER NOT EXISTS { ?c prov:wasDerivedFrom ?e . ?e kg:text ?t } }",
    );
    assert_eq!(bindings(&claims)[0]["n"]["value"], "0");
    kg(&store).args(["export", "--format", "nquads"]).timeout(NEVER).assert().success();

    let out = kg(&store).args(["ingest", SAMPLE]).timeout(NEVER).output().expect("kg ingest");
    assert_busy(&out, &store);

    let status = held.release();
    assert!(status.status.success(), "the first ingest failed: {}", String::from_utf8_lossy(&status.stderr));
    // The store is what an ingest left alone writes, plus where the pipe's entry was
    // seen again: the pipe as an origin of its document, its line 1 as a line of it.
    let exported = sorted_export(&store);
    let got: std::collections::HashSet<&String> = exported.iter().collect();
    let missing = corpus.reference.iter().filter(|q| !got.contains(q)).count();
    assert_eq!(missing, 0, "quads of the reference store missing");
    let reference: std::collections::HashSet<&String> = corpus.reference.iter().collect();
    let extra: Vec<&String> = exported.iter().filter(|q| !reference.contains(q)).collect();
    assert_eq!(extra.len(), 2, "{extra:?}");
    assert!(extra.iter().any(|q| q.contains("#origin>") && q.contains("held.jsonl")), "{extra:?}");
    assert!(extra.iter().any(|q| q.contains("#line> \"1\"")), "{extra:?}");
}
