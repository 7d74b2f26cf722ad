//! The foundation's command-line contract (issue 2): the sample's entries, idempotent
//! ingest, and one-line errors with their exit codes.
//!
//! Exit codes: 0 success; 1 a runtime error (unreadable or invalid input, store or
//! query failure); 2 a usage error caught by argument parsing (unknown flag or value).

use std::collections::BTreeMap;

use crate::util::{self, kg, sample_store, sorted_export, store_in, tempdir, SAMPLE};

/// The sample's time headers and the first words of the entry under each, read from
/// the file itself so that the test checks the reader, not a copy of its output.
fn sample_headers() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(SAMPLE).expect("sample");
    let lines: Vec<String> = text.lines().map(|l| l.replace('\u{a0}', " ")).collect();
    let mut headers = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim().trim_start_matches('•').trim();
        if t.len() == 9 && t.ends_with(" GMT") {
            let body = lines[i + 1..].iter().map(|l| l.trim()).find(|l| !l.is_empty()).expect("entry text");
            let first_words: Vec<&str> = body.split_whitespace().take(6).collect();
            headers.push((t[..5].to_string(), first_words.join(" ")));
        }
    }
    headers
}

#[test]
fn sample_gives_the_lede_and_ten_timed_entries() {
    let dir = sample_store();
    let results = util::query_json(&store_in(&dir), "queries/entries.rq");
    assert_eq!(results["head"]["vars"], serde_json::json!(["entry", "time", "text"]));
    let rows = util::bindings(&results);
    assert_eq!(rows.len(), 11, "the lede and 10 timed entries");

    // Entry text (first words) → time.
    let mut by_text: BTreeMap<String, String> = BTreeMap::new();
    for r in rows {
        assert_eq!(r["time"]["datatype"], "http://www.w3.org/2001/XMLSchema#dateTime");
        let text = r["text"]["value"].as_str().expect("text");
        let first: Vec<&str> = text.split_whitespace().take(6).collect();
        by_text.insert(first.join(" "), r["time"]["value"].as_str().expect("time").to_string());
    }
    let headers = sample_headers();
    let times: Vec<&str> = headers.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(times, ["20:41", "20:03", "19:43", "19:06", "17:16", "17:08", "16:51", "16:30", "16:22", "15:49"]);
    for (time, first_words) in &headers {
        let got = by_text.get(first_words).unwrap_or_else(|| panic!("no entry starts with {first_words:?}"));
        assert_eq!(got, &format!("2025-11-25T{time}:00Z"), "entry {first_words:?}");
    }
    // The lede: the title and intro, dated by the byline (Nov 26, 2025).
    let lede = by_text.iter().find(|(text, _)| text.starts_with("Moscow decries megaphone diplomacy"));
    assert_eq!(lede.map(|(_, t)| t.as_str()), Some("2025-11-26T00:00:00Z"));
}

#[test]
fn second_ingest_leaves_the_export_byte_identical() {
    let dir = sample_store();
    let store = store_in(&dir);
    let first = util::export(&store);
    kg(&store).args(["ingest", SAMPLE]).assert().success().stdout(predicates::str::contains("11 entries"));
    assert_eq!(util::export(&store), first, "a second ingest changed the store");
    // Two exports of one store are byte-identical too.
    assert_eq!(util::export(&store), first);
}

#[test]
fn stats_count_the_sample() {
    let dir = sample_store();
    let out = kg(&store_in(&dir)).args(["stats", "--format", "json"]).output().expect("kg stats");
    assert!(out.status.success());
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stats JSON");
    assert_eq!(stats["documents"], 1);
    assert_eq!(stats["entries"], 11);
    assert!(stats["claims"].as_u64() > Some(0), "{stats}");
    assert!(stats["actors"].as_u64() > Some(0), "{stats}");
}

#[test]
fn store_comes_from_kg_store_and_stdin_reads_dash() {
    let dir = util::tempdir();
    let store = store_in(&dir);
    let sample = std::fs::read(SAMPLE).expect("sample");
    assert_cmd::Command::new(util::kg_path())
        .env("KG_STORE", &store)
        .env_remove("KG_ONTOLOGY")
        .args(["ingest", "-"])
        .write_stdin(sample)
        .assert()
        .success()
        .stdout(predicates::str::contains("-: 11 entries"));
    assert!(store.join("CURRENT").exists(), "KG_STORE names the store directory");
}

#[test]
fn invalid_utf8_names_the_file_and_byte_offset() {
    let dir = sample_store();
    let store = store_in(&dir);
    let before = sorted_export(&store);
    let bad = dir.path().join("latin1.txt");
    let bytes = b"Title\n\n25 November 2025\n\n20:41 GMT\n\nKyiv said caf\xe9.\n";
    let offset = bytes.iter().position(|&b| b == 0xe9).expect("a Latin-1 byte");
    std::fs::write(&bad, bytes).expect("write");
    let out = kg(&store).arg("ingest").arg(&bad).output().expect("kg ingest");
    util::assert_one_line_error(&out, 1, &["latin1.txt", &format!("invalid UTF-8 at byte {offset}")]);
    assert_eq!(sorted_export(&store), before, "the store changed");
}

#[test]
fn a_failed_first_ingest_leaves_no_store_behind() {
    let dir = tempdir();
    let store = dir.path().join("new-store");
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"ok\xff").expect("write");
    let out = kg(&store).arg("ingest").arg(&bad).output().expect("kg ingest");
    util::assert_one_line_error(&out, 1, &["bad.txt", "invalid UTF-8 at byte 2"]);
    assert!(!store.exists(), "a store was left at {}", store.display());
}

#[test]
fn missing_file_names_the_file() {
    let dir = sample_store();
    let store = store_in(&dir);
    let before = sorted_export(&store);
    let out = kg(&store).args(["ingest", "no-such-file.txt"]).output().expect("kg ingest");
    util::assert_one_line_error(&out, 1, &["cannot read no-such-file.txt", "No such file"]);
    assert_eq!(sorted_export(&store), before, "the store changed");
}

#[test]
fn unknown_format_is_a_usage_error() {
    let dir = sample_store();
    let store = store_in(&dir);
    let before = sorted_export(&store);
    let out = kg(&store).args(["ingest", "--format", "pdf", SAMPLE]).output().expect("kg ingest");
    util::assert_one_line_error(&out, 2, &["'pdf'", "--format", "liveblog, article or jsonl"]);
    let out = kg(&store).args(["query", "queries/entries.rq", "--format", "yaml"]).output().expect("kg query");
    util::assert_one_line_error(&out, 2, &["'yaml'", "--format"]);
    let out = kg(&store).args(["export", "--format", "rdfxml"]).output().expect("kg export");
    util::assert_one_line_error(&out, 2, &["'rdfxml'"]);
    assert_eq!(sorted_export(&store), before, "the store changed");
}

#[test]
fn other_usage_errors_exit_2_on_one_line() {
    let dir = util::tempdir();
    let store = store_in(&dir);
    let out = kg(&store).args(["ingest"]).output().expect("kg");
    util::assert_one_line_error(&out, 2, &["<FILE>"]);
    let out = kg(&store).args(["ingest", "--fromat", "jsonl", "x"]).output().expect("kg");
    util::assert_one_line_error(&out, 2, &["--fromat", "--format"]);
    let out = kg(&store).args(["ingest", "--date", "yesterday", "x"]).output().expect("kg");
    util::assert_one_line_error(&out, 2, &["invalid date 'yesterday'"]);
    assert!(!store.exists(), "a usage error created the store");
    kg(&store).arg("--help").assert().success().stdout(predicates::str::contains("Usage:"));
}

#[test]
fn bad_sparql_names_the_line_and_column() {
    let dir = sample_store();
    let store = store_in(&dir);
    let before = sorted_export(&store);
    let file = dir.path().join("broken.rq");
    std::fs::write(&file, "PREFIX kg: <https://w3id.org/kg-news/ns#>\nSELECT ?e\nWHERE { ?e a kg:Entry \n")
        .expect("write");
    let out = kg(&store).arg("query").arg(&file).output().expect("kg query");
    util::assert_one_line_error(&out, 1, &["broken.rq", "invalid SPARQL query", "line 4, column 1"]);
    let out = kg(&store).args(["query", "SELECT ?x WHERE { ?x ?y }"]).output().expect("kg query");
    util::assert_one_line_error(&out, 1, &["invalid SPARQL query", "line 1, column 26"]);
    let out = kg(&store).args(["query", "--update", "INSERT DATA { <a:b> <a:c> }"]).output().expect("kg query");
    util::assert_one_line_error(&out, 1, &["invalid SPARQL update", "line 1"]);
    assert_eq!(sorted_export(&store), before, "the store changed");
}

#[test]
fn a_bad_file_among_good_ones_fails_alone() {
    let dir = util::tempdir();
    let store = store_in(&dir);
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"time\":\"2025-11-25T10:00:00Z\",\"text\":\"Fine.\"}\n{\"time\":\"2025-11-25T10:00:00Z\",\"text\":7}\n",
    )
    .expect("write");
    let out = kg(&store).arg("ingest").arg(SAMPLE).arg(&bad).output().expect("kg ingest");
    util::assert_one_line_error(&out, 1, &["bad.jsonl:2", "\"text\" must be a string"]);
    // The sample went in; nothing of the bad file did (its first line is valid).
    let reference = sample_store();
    assert_eq!(sorted_export(&store), sorted_export(&store_in(&reference)));
}

/// `kg completions SHELL` writes a script that completes every subcommand, and runs in
/// the shell it is for (bash is on every CI machine); `kg man` writes roff that names
/// every subcommand. Neither touches the store.
#[test]
fn completions_and_man_page_cover_every_subcommand() {
    let dir = tempdir();
    let store = dir.path().join("never-created");
    let subcommands = ["ingest", "query", "who-rejects", "timeline", "parse", "completions", "man"];
    let bash = kg(&store).args(["completions", "bash"]).assert().success().get_output().stdout.clone();
    let bash = String::from_utf8(bash).expect("utf-8");
    assert!(bash.contains("complete -F"), "a bash completion function: {}", &bash[..bash.len().min(200)]);
    for s in subcommands {
        assert!(bash.contains(s), "bash completion lacks {s}");
    }
    let script = dir.path().join("kg.bash");
    std::fs::write(&script, &bash).expect("write script");
    let ok = std::process::Command::new("bash").arg("-n").arg(&script).status().expect("bash");
    assert!(ok.success(), "bash -n accepts the completion script");
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let out = kg(&store).args(["completions", shell]).assert().success().get_output().stdout.clone();
        assert!(String::from_utf8_lossy(&out).contains("who-rejects"), "{shell} completion lacks who-rejects");
    }
    kg(&store).args(["completions", "tcsh"]).assert().code(2);
    let man = kg(&store).arg("man").assert().success().get_output().stdout.clone();
    // roff writes a hyphen as "\-".
    let man = String::from_utf8(man).expect("utf-8").replace("\\-", "-");
    assert!(man.starts_with(".ie") || man.starts_with(".TH"), "roff: {}", &man[..man.len().min(80)]);
    assert!(man.contains(".TH kg"), "a title line");
    for s in subcommands {
        assert!(man.contains(s), "man page lacks {s}");
    }
    assert!(!store.exists(), "no store is created");
}
