//! The question commands (`who-*`, `positions`, `meetings`, `contested`, `timeline`) on
//! the sample, on an empty store, with names that match nothing and with hostile names.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

use crate::common::sample;

/// A store directory holding the sample, ingested with the binary.
pub struct SampleStore {
    pub dir: TempDir,
}

impl SampleStore {
    pub fn new() -> SampleStore {
        let dir = TempDir::new().expect("temp dir");
        kg_in(&dir.path().join("store")).arg("ingest").arg(sample()).assert().success();
        SampleStore { dir }
    }

    /// `kg --store <this store>`.
    pub fn kg(&self) -> Command {
        kg_in(&self.store())
    }

    pub fn store(&self) -> std::path::PathBuf {
        self.dir.path().join("store")
    }

    /// Runs kg with `args`, expecting success; its standard output.
    pub fn stdout(&self, args: &[&str]) -> String {
        let out = self.kg().args(args).assert().success().get_output().stdout.clone();
        String::from_utf8(out).expect("UTF-8 output")
    }

    /// Runs kg with `args` and `--format json`, expecting success; the parsed output.
    pub fn json(&self, args: &[&str]) -> Value {
        let text = self.stdout(&[args, &["--format", "json"]].concat());
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("invalid JSON from kg {args:?}: {e}\n{text}"))
    }

    /// The whole store as sorted N-Quads lines.
    pub fn nquads(&self) -> Vec<String> {
        let mut lines: Vec<String> =
            self.stdout(&["export", "--format", "nquads"]).lines().map(str::to_string).collect();
        lines.sort();
        lines
    }
}

/// `kg --store DIR`, with no KG_STORE or KG_ONTOLOGY from the environment.
pub fn kg_in(store: &Path) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("kg"));
    cmd.env_remove("KG_STORE").env_remove("KG_ONTOLOGY").arg("--store").arg(store);
    cmd
}

/// The rows of a JSON answer whose `key` is `value`.
fn rows_with<'a>(answer: &'a Value, key: &str, value: &str) -> Vec<&'a Value> {
    answer.as_array().expect("a JSON array").iter().filter(|r| r[key] == value).collect()
}

#[test]
fn who_rejects_nato_membership_names_russia_with_evidence() {
    let s = SampleStore::new();
    let answer = s.json(&["who-rejects", "NATO membership"]);
    let russia = rows_with(&answer, "actor", "Russia");
    assert!(!russia.is_empty(), "Russia should reject NATO membership for Ukraine: {answer:#}");
    let r = russia[0];
    assert_eq!(r["relation"], "rejects");
    assert_eq!(r["position"], "NATO membership for Ukraine");
    assert!(r["since"].as_str().is_some_and(|t| t.starts_with("2025-11-25T")), "{r:#}");
    assert!(r["latest"].as_str() >= r["since"].as_str(), "{r:#}");
    assert!(r["claims"].as_u64().is_some_and(|n| n >= 1), "{r:#}");
    assert!(r["quote"].as_str().is_some_and(|q| q.contains("NATO") || q.contains("military bloc")), "{r:#}");
    // The source: a cited one, or where the claim was read.
    assert!(r["reported_by"].is_string() || r["source"] == "live-2025-11-25-ukraine-peace-plan.txt", "{r:#}");
    // Every row answers the question asked, one row per actor.
    let mut actors = Vec::new();
    for row in answer.as_array().unwrap() {
        assert_eq!(row["relation"], "rejects");
        assert_eq!(row["position"], "NATO membership for Ukraine");
        actors.push(row["actor"].as_str().unwrap().to_string());
    }
    let n = actors.len();
    actors.sort();
    actors.dedup();
    assert_eq!(actors.len(), n, "one row per actor: {answer:#}");
    // --claims lists the claims themselves: as many as the rows counted.
    let claims = s.json(&["who-rejects", "NATO membership", "--claims"]);
    let counted: u64 = answer.as_array().unwrap().iter().map(|r| r["claims"].as_u64().unwrap()).sum();
    assert_eq!(claims.as_array().unwrap().len() as u64, counted, "{claims:#}");
    assert!(claims.as_array().unwrap().iter().all(|r| r["time"].is_string() && r["relation"] == "rejects"));
    // The table says the same, aligned under its header.
    let table = s.stdout(&["who-rejects", "NATO membership"]);
    let header = table.lines().next().unwrap();
    for col in ["actor", "relation", "position", "claims", "since", "latest", "reported by", "source", "quote"] {
        assert!(header.contains(col), "missing column {col}: {header}");
    }
    assert!(table.lines().skip(2).any(|l| l.starts_with("Russia ") && l.contains("rejects")), "{table}");
}

#[test]
fn who_rejects_territorial_concessions_names_the_eu() {
    let s = SampleStore::new();
    let answer = s.json(&["who-rejects", "territorial concessions"]);
    let eu = rows_with(&answer, "actor", "EU");
    assert!(!eu.is_empty(), "the EU (Kiev's European backers) should reject territorial concessions: {answer:#}");
    assert!(eu[0]["quote"].as_str().unwrap().contains("territorial concessions"));
}

#[test]
fn matching_is_case_insensitive_and_uses_aliases() {
    let s = SampleStore::new();
    // An alias of the ontology ("join NATO") and odd case find the same claims.
    let a = s.json(&["who-rejects", "nato MEMBERSHIP"]);
    let b = s.json(&["who-rejects", "join NATO"]);
    assert_eq!(a, b);
    // A metonym finds the state it stands for.
    let moscow = s.json(&["positions", "Moscow"]);
    let russia = s.json(&["positions", "Russia"]);
    assert_eq!(moscow, russia);
    assert!(moscow.as_array().unwrap().iter().all(|r| r["actor"] == "Russia"));
    assert!(!rows_with(&russia, "position", "NATO membership for Ukraine").is_empty());
}

#[test]
fn who_supports_proposes_demands() {
    let s = SampleStore::new();
    let supports = s.json(&["who-supports", "American peace plan"]);
    assert!(!rows_with(&supports, "actor", "Ukraine").is_empty(), "{supports:#}");
    let proposes = s.json(&["who-proposes", "American peace plan"]);
    assert!(proposes.as_array().unwrap().iter().all(|r| r["relation"] == "proposes"));
    assert!(!rows_with(&proposes, "actor", "Donald Trump").is_empty(), "{proposes:#}");
    let demands = s.json(&["who-demands", "lasting peace"]);
    assert!(!rows_with(&demands, "actor", "Russia").is_empty(), "{demands:#}");
}

#[test]
fn csv_output_has_a_header_and_quoted_fields() {
    let s = SampleStore::new();
    let csv = s.stdout(&["who-rejects", "territorial concessions", "--format", "csv"]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("actor,relation,position,claims,since,latest,reported_by,source,modality,hedged,quote")
    );
    let row = lines.next().expect("a row");
    assert!(row.starts_with("EU,rejects,territorial concessions,1,"), "{row}");
    // The quote holds commas, so it is quoted.
    assert!(row.ends_with('"'), "{row}");
}

#[test]
fn meetings_and_contested() {
    let s = SampleStore::new();
    let all = s.json(&["meetings"]);
    assert!(all.as_array().unwrap().iter().all(|r| r["relation"] == "meets"));
    let zelensky = s.json(&["meetings", "Zelensky"]);
    assert!(!zelensky.as_array().unwrap().is_empty());
    for r in zelensky.as_array().unwrap() {
        assert!(r["actor"] == "Volodymyr Zelensky" || r["with"] == "Volodymyr Zelensky", "{r:#}");
    }
    let contested = s.json(&["contested"]);
    let plan = rows_with(&contested, "position", "American peace plan");
    assert!(plan.iter().any(|r| r["relation"] == "rejects"), "{contested:#}");
    assert!(plan.iter().any(|r| r["relation"] == "supports" || r["relation"] == "proposes"), "{contested:#}");
}

#[test]
fn timeline_is_in_time_order_with_marks() {
    let s = SampleStore::new();
    let t = s.json(&["timeline", "Ukraine"]);
    let rows = t.as_array().unwrap();
    assert!(!rows.is_empty());
    let times: Vec<&str> = rows.iter().map(|r| r["time"].as_str().unwrap_or("")).collect();
    let mut sorted = times.clone();
    sorted.sort();
    assert_eq!(times, sorted);
    assert!(rows.iter().all(|r| r.get("mark").is_some()));
    let table = s.stdout(&["timeline", "American peace plan"]);
    assert!(table.starts_with("time"), "{table}");
}

#[test]
fn no_match_suggests_the_closest_label() {
    let s = SampleStore::new();
    s.kg().args(["who-rejects", "NATO membershp"]).assert().code(1).stdout("").stderr(predicates::str::starts_with(
        "kg: no position matches 'NATO membershp'; did you mean: NATO membership for Ukraine",
    ));
    s.kg()
        .args(["positions", "Zelenksy"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no actor matches 'Zelenksy'; did you mean: Volodymyr Zelensky"));
    // Nothing close: no suggestion, still one line.
    let out = s.kg().args(["timeline", "qqqqqqqqqqqqqqqq"]).assert().code(1).get_output().stderr.clone();
    assert_eq!(String::from_utf8(out).unwrap(), "kg: no actor or position matches 'qqqqqqqqqqqqqqqq'\n");
    s.kg().args(["who-supports", "  "]).assert().code(1).stderr(predicates::str::contains("empty position name"));
}

#[test]
fn empty_store() {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("store");
    kg_in(&store)
        .args(["who-rejects", "NATO membership"])
        .assert()
        .code(1)
        .stderr("kg: no position matches 'NATO membership'\n");
    kg_in(&store).args(["meetings"]).assert().success().stdout("").stderr("kg: no meetings in the store\n");
    kg_in(&store).args(["contested", "--format", "json"]).assert().success().stdout("[]\n");
    kg_in(&store)
        .args(["contested", "--format", "csv"])
        .assert()
        .success()
        .stdout("actor,relation,position,time,reported_by,source,modality,hedged,quote\n");
    kg_in(&store).args(["timeline", "Russia"]).assert().code(1);
    kg_in(&store).args(["positions", "Russia"]).assert().code(1).stderr("kg: no actor matches 'Russia'\n");
    kg_in(&store).args(["who-demands", "x", "--format", "json"]).assert().code(1).stdout("");
    // Asking does not create the store.
    assert!(!store.exists());
}

/// Names full of quotes, braces and SPARQL keywords: no error other than "no match",
/// and the store is left exactly as it was.
#[test]
fn hostile_names_leave_the_store_unchanged() {
    let s = SampleStore::new();
    let before = s.nquads();
    assert!(before.len() > 100);
    let hostile = [
        "} ; DROP ALL ; {",
        "'\"\\",
        "\" } DELETE WHERE { ?s ?p ?o } #",
        "\") } ; CLEAR DEFAULT ; SELECT * WHERE { (\"",
        "?q <x> ?y",
    ];
    for name in hostile {
        for cmd in [
            vec!["who-rejects", name],
            vec!["who-supports", name],
            vec!["who-proposes", name],
            vec!["who-demands", name],
            vec!["positions", name],
            vec!["meetings", name],
            vec!["timeline", name],
            vec!["path", name, "Russia"],
            vec!["path", "Russia", name],
            vec!["export", "--format", "dot", "--focus", name],
        ] {
            let out = s.kg().args(&cmd).output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                out.status.code() == Some(1) && stderr.contains("matches"),
                "kg {cmd:?}: expected a no-match error, got {:?}: {stderr}",
                out.status
            );
            assert!(!stderr.to_lowercase().contains("sparql"), "kg {cmd:?}: {stderr}");
        }
    }
    assert_eq!(s.nquads(), before);
}

/// A tiny blog where Kyiv first rejects the US plan, then supports it (Reuters both
/// times: a change), then rejects it again by another source five hours later (a
/// contradiction).
#[test]
fn timeline_marks_changes_and_contradictions() {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("store");
    kg_in(&store).arg("ingest").arg(crate::common::repo_file("tests/data/timeline/flips.txt")).assert().success();
    let out =
        kg_in(&store).args(["timeline", "Kyiv", "--format", "json"]).assert().success().get_output().stdout.clone();
    let rows: Value = serde_json::from_slice(&out).unwrap();
    let marks: Vec<(&str, &str, &str)> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["actor"] == "Ukraine")
        .map(|r| (r["time"].as_str().unwrap(), r["relation"].as_str().unwrap(), r["mark"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(marks.len(), 3, "{rows:#}");
    assert_eq!(marks[0], ("2025-11-25T10:00:00Z", "rejects", ""));
    assert_eq!(marks[1].1, "supports");
    assert!(marks[1].2.starts_with("change: rejects"), "{marks:?}");
    assert_eq!(marks[2].1, "rejects");
    assert!(marks[2].2.starts_with("contradiction: Reuters said supports"), "{marks:?}");
}

#[test]
fn who_answers_alike_through_stances_and_on_stores_written_without_them() {
    let s = SampleStore::new();
    let questions: [&[&str]; 4] = [
        &["who-rejects", "NATO membership"],
        &["who-supports", "plan"],
        &["who-proposes", "plan"],
        &["who-demands", "lasting peace"],
    ];
    let before: Vec<String> = questions.iter().map(|q| s.stdout(q)).collect();
    assert!(before.iter().all(|a| a.lines().count() > 2), "{before:#?}");
    // Every claim points to its stance, which the direct triple names.
    let stances = s.stdout(&[
        "query",
        "--format",
        "tsv",
        "PREFIX kg: <https://w3id.org/kg-news/ns#> SELECT (COUNT(?c) AS ?n) WHERE { ?c a kg:Claim . FILTER NOT EXISTS { ?c kg:stance ?s } }",
    ]);
    assert_eq!(stances.lines().nth(1), Some("0"), "claims without a stance: {stances}");
    // A store from before kg:stance: the same answers, read the slow way.
    s.kg()
        .args(["query", "--update", "PREFIX kg: <https://w3id.org/kg-news/ns#> DELETE WHERE { ?c kg:stance ?s }"])
        .assert()
        .success();
    let after: Vec<String> = questions.iter().map(|q| s.stdout(q)).collect();
    assert_eq!(before, after);
}
