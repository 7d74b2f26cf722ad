//! Every canned query, every result format, and the query limits: `--limit`,
//! `--timeout` and `--update`.

use std::path::PathBuf;

use crate::util::{self, bindings, kg, query, query_json, sample_store, sorted_export, store_in};

/// Every `queries/*.rq`, sorted; new files are covered without touching this test.
fn canned_queries() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(util::queries_dir())
        .expect("queries/")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "rq"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "queries/ holds at least the three contract queries");
    files
}

#[test]
fn every_canned_query_runs_on_the_sample() {
    let dir = sample_store();
    let store = store_in(&dir);
    for file in canned_queries() {
        let name = file.display().to_string();
        let text = std::fs::read_to_string(&file).expect("query file");
        assert!(text.starts_with('#'), "{name} opens with a header comment saying what it answers");
        // The default format suits every query form: a table, or Turtle for CONSTRUCT.
        let out = kg(&store).arg("query").arg(&file).output().expect("kg query");
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(!out.stdout.is_empty(), "{name} printed nothing");
        // A machine-readable format, checked for its shape.
        let json = kg(&store).arg("query").arg(&file).args(["--format", "json"]).output().expect("kg query");
        if json.status.success() {
            let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(v["head"].is_object(), "{name}: no head");
            assert!(v["results"]["bindings"].is_array() || v["boolean"].is_boolean(), "{name}: {v}");
        } else {
            // CONSTRUCT and DESCRIBE give RDF: N-Triples then.
            let stderr = String::from_utf8_lossy(&json.stderr);
            assert!(stderr.contains("CONSTRUCT and DESCRIBE results are RDF"), "{name}: {stderr}");
            let nt = query(&store, &[&name, "--format", "ntriples"]);
            assert!(nt.lines().all(|l| l.ends_with(" .")), "{name}: not N-Triples");
        }
    }
}

#[test]
fn contract_queries_have_their_variables_and_rows() {
    let dir = sample_store();
    let store = store_in(&dir);
    let relations: Vec<&str> = kg::claim::Relation::ALL.iter().map(|r| r.name()).collect();

    let claims = query_json(&store, "queries/claims.rq");
    let vars = claims["head"]["vars"].as_array().expect("vars");
    for v in ["subjectLabel", "relation", "objectLabel", "time", "entry", "quote"] {
        assert!(vars.iter().any(|x| x == v), "claims.rq lacks ?{v}");
    }
    let rows = bindings(&claims);
    assert!(!rows.is_empty(), "claims.rq returns rows on the sample");
    for r in rows {
        assert_eq!(r["relation"]["type"], "uri");
        let iri = r["relation"]["value"].as_str().expect("relation");
        let local = iri.rsplit(['#', '/']).next().unwrap_or_default();
        assert!(relations.contains(&local), "relation {iri} is not one of {relations:?}");
        assert!(!r["quote"]["value"].as_str().unwrap_or_default().is_empty(), "claim without quote: {r}");
    }
    // The store writes kg:hedged and kg:modality only when set; the query gives every
    // claim both, defaulting to false and "asserted".
    let flags: std::collections::BTreeSet<(String, String)> = rows
        .iter()
        .map(|r| {
            let v = |k: &str| r[k]["value"].as_str().unwrap_or_else(|| panic!("claim without ?{k}: {r}")).to_string();
            (v("hedged"), v("modality"))
        })
        .collect();
    for expected in [("false", "asserted"), ("true", "asserted"), ("false", "planned"), ("true", "hoped")] {
        assert!(flags.contains(&(expected.0.into(), expected.1.into())), "no claim with {expected:?}: {flags:?}");
    }

    let actors = query_json(&store, "queries/actors.rq");
    assert_eq!(actors["head"]["vars"], serde_json::json!(["label", "type"]));
    let rows = bindings(&actors);
    assert!(!rows.is_empty(), "actors.rq returns rows on the sample");
    for r in rows {
        let t = r["type"]["value"].as_str().expect("type");
        assert!(["person", "state", "organization", "group"].contains(&t), "actor type {t}");
    }
}

const SELECT: &str = "queries/entries.rq";
const ASK: &str = "PREFIX kg: <https://w3id.org/kg-news/ns#> ASK { ?e a kg:Entry }";
const CONSTRUCT: &str =
    "PREFIX kg: <https://w3id.org/kg-news/ns#> CONSTRUCT { ?e a kg:Entry ; kg:text ?t } WHERE { ?e a kg:Entry ; kg:text ?t }";

#[test]
fn select_results_in_every_format() {
    let dir = sample_store();
    let store = store_in(&dir);

    let table = query(&store, &[SELECT]);
    let mut lines = table.lines();
    let header = lines.next().expect("table header");
    for v in ["entry", "time", "text"] {
        assert!(header.contains(v), "table header {header:?} lacks {v}");
    }
    assert!(lines.next().is_some_and(|l| l.starts_with('-')), "a rule under the header");

    let json = query_json(&store, SELECT);
    assert_eq!(json["head"]["vars"], serde_json::json!(["entry", "time", "text"]));
    assert_eq!(bindings(&json).len(), 11);

    let csv = query(&store, &[SELECT, "--format", "csv"]);
    assert!(csv.starts_with("entry,time,text\r\n"), "CSV header: {:?}", &csv[..40.min(csv.len())]);
    assert!(csv.contains("\r\nhttps://w3id.org/kg-news/id/entry/"), "CSV rows hold plain IRIs");

    let tsv = query(&store, &[SELECT, "--format", "tsv"]);
    assert!(tsv.starts_with("?entry\t?time\t?text\n"), "TSV header: {:?}", &tsv[..40.min(tsv.len())]);
    assert!(tsv.contains("\n<https://w3id.org/kg-news/id/entry/"), "TSV rows hold IRIs in <>");
    assert_eq!(tsv.lines().count(), 12, "header and 11 rows (texts are escaped onto one line)");

    let xml = query(&store, &[SELECT, "--format", "xml"]);
    assert!(xml.starts_with("<?xml"), "XML declaration");
    assert!(xml.contains("<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">"), "sparql root element");
    assert!(xml.trim_end().ends_with("</sparql>"));
    assert_eq!(xml.matches("<result>").count(), 11);
    assert!(xml.contains("<variable name=\"entry\"/>"));
}

#[test]
fn ask_results_in_every_format() {
    let dir = sample_store();
    let store = store_in(&dir);
    assert_eq!(query(&store, &[ASK]).trim(), "true");
    let json: serde_json::Value = serde_json::from_str(&query(&store, &[ASK, "--format", "json"])).expect("JSON");
    assert_eq!(json["boolean"], true);
    assert!(json["head"].is_object());
    assert_eq!(query(&store, &[ASK, "--format", "csv"]).trim(), "true");
    assert_eq!(query(&store, &[ASK, "--format", "tsv"]).trim(), "true");
    let xml = query(&store, &[ASK, "--format", "xml"]);
    assert!(xml.contains("<sparql") && xml.contains("<boolean>true</boolean>"), "{xml}");
    // On an empty store the answer is false.
    let empty = util::tempdir();
    assert_eq!(query(&store_in(&empty), &[ASK]).trim(), "false");
}

/// Parses RDF text into triples with oxigraph, failing the test on a syntax error.
fn parse_rdf(text: &str, format: oxigraph::io::RdfFormat) -> usize {
    oxigraph::io::RdfParser::from_format(format)
        .for_slice(text.as_bytes())
        .map(|t| t.unwrap_or_else(|e| panic!("invalid {format:?}: {e}")))
        .count()
}

#[test]
fn construct_results_as_turtle_and_ntriples() {
    let dir = sample_store();
    let store = store_in(&dir);
    let turtle = query(&store, &[CONSTRUCT, "--format", "turtle"]);
    assert!(turtle.contains("@prefix kg: <https://w3id.org/kg-news/ns#>"), "Turtle with prefixes");
    assert_eq!(parse_rdf(&turtle, oxigraph::io::RdfFormat::Turtle), 22);
    assert_eq!(query(&store, &[CONSTRUCT]), turtle, "Turtle is the default for CONSTRUCT");
    let nt = query(&store, &[CONSTRUCT, "--format", "ntriples"]);
    assert_eq!(nt.lines().count(), 22);
    assert!(nt.lines().all(|l| l.starts_with('<') && l.ends_with(" .")), "N-Triples lines");
    assert_eq!(parse_rdf(&nt, oxigraph::io::RdfFormat::NTriples), 22);

    // Mismatched forms and formats are clear errors.
    let out = kg(&store).args(["query", CONSTRUCT, "--format", "csv"]).output().expect("kg");
    util::assert_one_line_error(&out, 1, &["use --format turtle or ntriples"]);
    let out = kg(&store).args(["query", SELECT, "--format", "turtle"]).output().expect("kg");
    util::assert_one_line_error(&out, 1, &["use --format table, json, csv, tsv or xml"]);
}

#[test]
fn limit_caps_the_rows() {
    let dir = sample_store();
    let store = store_in(&dir);
    let csv = query(&store, &[SELECT, "--limit", "3", "--format", "csv"]);
    assert_eq!(csv.split("\r\n").filter(|l| l.starts_with("https://")).count(), 3);
    let json: serde_json::Value =
        serde_json::from_str(&query(&store, &[SELECT, "--limit", "3", "--format", "json"])).expect("JSON");
    assert_eq!(bindings(&json).len(), 3);
    let table = query(&store, &["SELECT ?s WHERE { ?s ?p ?o }", "--limit", "3"]);
    assert_eq!(table.lines().filter(|l| l.contains("kgid:") || l.contains("http")).count(), 3, "{table}");
    let nt = query(&store, &[CONSTRUCT, "--limit", "3", "--format", "ntriples"]);
    assert_eq!(nt.lines().count(), 3);
}

#[test]
fn timeout_stops_a_runaway_query() {
    let dir = sample_store();
    let store = store_in(&dir);
    // A cross product of every quad with every quad with every quad: years of work.
    for format in ["table", "json"] {
        let out = kg(&store)
            .args([
                "query",
                "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
                "--timeout",
                "0.5",
                "--format",
                format,
            ])
            // A safety net so that a broken timeout fails the test instead of hanging it.
            .timeout(std::time::Duration::from_secs(600))
            .output()
            .expect("kg query");
        util::assert_one_line_error(&out, 1, &["query timed out after 500ms"]);
    }
    let out = kg(&store)
        .args(["query", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "--timeout", "0.5"])
        .timeout(std::time::Duration::from_secs(600))
        .output()
        .expect("kg query");
    util::assert_one_line_error(&out, 1, &["timed out"]);
    for bad in ["0", "-1", "NaN"] {
        let out = kg(&store).args(["query", SELECT, &format!("--timeout={bad}")]).output().expect("kg");
        util::assert_one_line_error(&out, 1, &[&format!("invalid --timeout '{bad}'")]);
    }
}

#[test]
fn an_update_needs_the_update_flag() {
    let dir = sample_store();
    let store = store_in(&dir);
    let before = sorted_export(&store);
    let insert = "INSERT DATA { <urn:kg:test> <urn:kg:says> \"hello\" }";
    let out = kg(&store).args(["query", insert]).output().expect("kg");
    util::assert_one_line_error(&out, 1, &["SPARQL update", "--update"]);
    let delete_all = "DELETE WHERE { ?s ?p ?o }";
    let out = kg(&store).args(["query", delete_all]).output().expect("kg");
    util::assert_one_line_error(&out, 1, &["--update"]);
    assert_eq!(sorted_export(&store), before, "an update without --update changed the store");

    kg(&store).args(["query", "--update", insert]).assert().success();
    let after = sorted_export(&store);
    assert_eq!(after.len(), before.len() + 1);
    assert!(after.iter().any(|l| l.contains("<urn:kg:says> \"hello\"")));
}
