//! Crash safety: `kg ingest` killed with SIGKILL in the middle of a large corpus leaves
//! a store that opens, holds whole entries with all their claims, and ends identical
//! to an uninterrupted ingest once the file is ingested again.

use std::collections::BTreeMap;
use std::path::Path;

use crate::util::{self, bindings, kg, query_json, sorted_export, store_in};

const PREFIXES: &str = "PREFIX kg: <https://w3id.org/kg-news/ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
";

/// Rows of a SELECT over `store`, run by `kg query`.
fn select(store: &Path, body: &str) -> Vec<serde_json::Value> {
    bindings(&query_json(store, &format!("{PREFIXES}{body}"))).clone()
}

/// Entry IRI → number of claims derived from it.
fn claims_per_entry(store: &Path) -> BTreeMap<String, u64> {
    select(store, "SELECT ?e (COUNT(?c) AS ?n) WHERE { ?e a kg:Entry OPTIONAL { ?c a kg:Claim ; prov:wasDerivedFrom ?e } } GROUP BY ?e")
        .iter()
        .map(|r| {
            let n = r["n"]["value"].as_str().and_then(|n| n.parse().ok()).expect("count");
            (r["e"]["value"].as_str().expect("entry").to_string(), n)
        })
        .collect()
}

#[test]
fn sigkill_mid_ingest_leaves_whole_entries_and_reingest_completes() {
    let corpus = util::corpus();
    let dir = util::tempdir();
    let store = store_in(&dir);

    let mut child = util::spawn_ingest_and_wait_for_first_commit(&store, &corpus.file);
    child.kill().expect("SIGKILL the ingest");
    let status = child.wait().expect("wait");
    assert_eq!(std::os::unix::process::ExitStatusExt::signal(&status), Some(libc::SIGKILL), "killed, not finished");

    // The store opens, read-only and read-write.
    let written = util::entries_in(&store);
    assert!(
        written > 0 && written < corpus.entries as u64,
        "interrupted mid-way: {written} of {} entries",
        corpus.entries
    );

    // Every claim comes with its entry and text, every entry with its document.
    let orphans = select(&store, "SELECT ?c WHERE { ?c a kg:Claim . FILTER NOT EXISTS { ?c prov:wasDerivedFrom ?e . ?e a kg:Entry ; kg:text ?t } }");
    assert!(orphans.is_empty(), "claims without their entry: {orphans:?}");
    let homeless = select(
        &store,
        "SELECT ?e WHERE { ?e a kg:Entry . FILTER NOT EXISTS { ?e dcterms:isPartOf ?d . ?d a kg:Document } }",
    );
    assert!(homeless.is_empty(), "entries without their document: {homeless:?}");
    // Every entry written has all its claims: as many as in the uninterrupted store.
    let reference = claims_per_entry(&corpus.reference_store);
    let partial = claims_per_entry(&store);
    assert_eq!(partial.len() as u64, written);
    for (entry, n) in &partial {
        assert_eq!(reference.get(entry), Some(n), "entry {entry} has {n} claims");
    }
    // Nothing but what an uninterrupted ingest writes.
    let full: std::collections::HashSet<&String> = corpus.reference.iter().collect();
    let exported = sorted_export(&store);
    let stray: Vec<&String> = exported.iter().filter(|q| !full.contains(q)).collect();
    assert!(stray.is_empty(), "quads no uninterrupted ingest writes: {:?}", &stray[..stray.len().min(5)]);

    // Ingesting again ends byte-identical to an uninterrupted ingest.
    kg(&store).args(["ingest", "--quiet", "--batch", util::CORPUS_BATCH]).arg(&corpus.file).assert().success();
    let again = sorted_export(&store);
    assert!(
        again == corpus.reference,
        "re-ingest differs from an uninterrupted ingest ({} vs {} quads)",
        again.len(),
        corpus.reference.len()
    );
}
