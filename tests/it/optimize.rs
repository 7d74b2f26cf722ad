//! Compaction (`kg optimize`, and the end of an ingest that made several commits):
//! it merges the store's files and changes nothing in what the store holds.

use std::path::Path;

use crate::util::{self, kg, sorted_export, store_in};

/// `kg stats`' count of table files waiting to be merged.
fn unmerged_files(store: &Path) -> u64 {
    let out = kg(store).args(["stats", "--format", "json"]).output().expect("kg stats");
    assert!(out.status.success(), "kg stats: {}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stats JSON");
    v["unmerged_files"].as_u64().expect("unmerged_files")
}

#[test]
fn optimize_merges_the_files_of_many_commits_and_keeps_every_quad() {
    let corpus = util::corpus();
    let dir = util::tempdir();
    let store = store_in(&dir);
    // The file three times: the readings after the first add nothing (ingest is
    // idempotent) but make more commits.
    let file = &corpus.file;
    kg(&store).args(["ingest", "--quiet", "--no-optimize"]).args([file, file, file]).assert().success();
    let before = unmerged_files(&store);
    assert!(before > 1, "several bulk commits leave several files to merge, not {before}");
    let row = format!("unmerged   {before} table files");
    kg(&store).arg("stats").assert().success().stdout(predicates::str::contains(row));
    let question = |store: &Path| kg(store).args(["positions", "Zelensky"]).output().expect("who");
    let answer = question(&store);
    assert!(answer.status.success() && !answer.stdout.is_empty());

    kg(&store).args(["optimize"]).assert().success();
    assert_eq!(unmerged_files(&store), 0, "kg optimize left files to merge");
    kg(&store).arg("stats").assert().success().stdout(predicates::str::contains("unmerged   0 table files\n"));
    assert!(sorted_export(&store) == corpus.reference, "kg optimize changed what the store holds");
    assert_eq!(question(&store).stdout, answer.stdout);
    // An ingest that makes several commits ends compacted.
    assert_eq!(unmerged_files(&corpus.reference_store), 0);
    // Optimizing a compact store again is harmless.
    kg(&store).args(["optimize"]).assert().success();
    assert!(sorted_export(&store) == corpus.reference);
}
