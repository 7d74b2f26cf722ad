//! The graph views (`path`, `clusters`, `central`) and the DOT export on the sample.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;
use tempfile::TempDir;

use crate::ask::{kg_in, SampleStore};

#[test]
fn path_links_witkoff_and_zelensky_with_evidence() {
    let s = SampleStore::new();
    let table = s.stdout(&["path", "Witkoff", "Zelensky"]);
    let chain = table.lines().next().unwrap();
    assert!(chain.starts_with("Steve Witkoff "), "{table}");
    assert!(chain.ends_with(" Volodymyr Zelensky"), "{table}");
    let hops = s.json(&["path", "Witkoff", "Zelensky"]);
    let hops = hops.as_array().unwrap();
    assert!(!hops.is_empty());
    for h in hops {
        assert!(h["relation"].is_string() && h["quote"].as_str().is_some_and(|q| !q.is_empty()), "{h:#}");
        assert!(h["time"].is_string(), "{h:#}");
    }
    // Consecutive hops share an entity: it is a chain from Witkoff to Zelensky.
    let ends = |h: &Value| [h["actor"].as_str().unwrap().to_string(), h["object"].as_str().unwrap().to_string()];
    assert!(ends(&hops[0]).contains(&"Steve Witkoff".to_string()));
    assert!(ends(hops.last().unwrap()).contains(&"Volodymyr Zelensky".to_string()));
    for w in hops.windows(2) {
        let (a, b) = (ends(&w[0]), ends(&w[1]));
        assert!(a.iter().any(|x| b.contains(x)), "{a:?} / {b:?}");
    }
    // The same chain the other way round.
    let back = s.json(&["path", "Zelensky", "Witkoff"]);
    assert_eq!(back.as_array().unwrap().len(), hops.len());
}

#[test]
fn path_without_a_chain_or_a_match() {
    let s = SampleStore::new();
    s.kg()
        .args(["path", "Russia", "Nosuchactorxyz"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("matches 'Nosuchactorxyz'"));
    // Kim Jong Un is in the gazetteer but not in the sample's claims.
    s.kg()
        .args(["path", "Russia", "Kim Jong Un"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no chain of claims links Russia and"));
}

#[test]
fn clusters_separate_russia_and_ukraine() {
    let s = SampleStore::new();
    let json = s.json(&["clusters"]);
    let clusters = json["clusters"].as_array().expect("{\"clusters\": [...]}");
    let find = |who: &str| {
        clusters
            .iter()
            .position(|c| c["members"].as_array().unwrap().iter().any(|m| m == who))
            .unwrap_or_else(|| panic!("{who} is in no cluster: {json:#}"))
    };
    assert_ne!(find("Russia"), find("Ukraine"), "{json:#}");
    for c in clusters {
        assert!(c["positions"].is_array());
    }
    // Every actor is in one cluster only.
    let mut all: Vec<&str> =
        clusters.iter().flat_map(|c| c["members"].as_array().unwrap()).map(|m| m.as_str().unwrap()).collect();
    let n = all.len();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), n);
    let table = s.stdout(&["clusters"]);
    assert!(table.starts_with("cluster"), "{table}");
}

#[test]
fn central_ranks_actors_by_betweenness() {
    let s = SampleStore::new();
    let rows = s.json(&["central", "--limit", "3"]);
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 3);
    let b: Vec<f64> = rows.iter().map(|r| r["betweenness"].as_str().unwrap().parse().unwrap()).collect();
    assert!(b.windows(2).all(|w| w[0] >= w[1]), "{b:?}");
    assert!(b[0] > 0.0);
    let top: Vec<&str> = rows.iter().map(|r| r["actor"].as_str().unwrap()).collect();
    assert!(top.contains(&"Russia") || top.contains(&"Ukraine"), "{top:?}");
}

#[test]
fn graph_views_on_an_empty_store() {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("store");
    kg_in(&store).args(["clusters", "--format", "json"]).assert().success().stdout("{\n  \"clusters\": []\n}\n");
    kg_in(&store).args(["central"]).assert().success().stdout("");
    kg_in(&store).args(["path", "Russia", "Ukraine"]).assert().code(1);
    kg_in(&store)
        .args(["export", "--format", "dot"])
        .assert()
        .success()
        .stdout(predicates::str::starts_with("digraph kg {"));
}

/// Runs `dot -Tsvg` on `input`; fails the test clearly when GraphViz is missing.
fn dot_svg(input: &[u8]) -> String {
    let mut child = match Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => panic!("GraphViz 'dot' is needed for this test and could not be run ({e}): install graphviz"),
    };
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "dot -Tsvg rejected the export: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn dot_export_is_valid_sorted_and_deterministic() {
    let s = SampleStore::new();
    let dot = s.stdout(&["export", "--format", "dot"]);
    assert!(dot.starts_with("digraph kg {") && dot.ends_with("}\n"));
    let svg = dot_svg(dot.as_bytes());
    assert!(svg.contains("<svg") && svg.contains("Russia") && svg.contains("NATO membership for Ukraine"));
    assert!(dot.contains("\"actor/russia\" [label=\"Russia\", shape=box"), "{dot}");
    assert!(
        dot.contains(
            "\"actor/russia\" -> \"position/nato-membership-for-ukraine\" [label=\"rejects\", color=\"#d62728\""
        ),
        "{dot}"
    );
    // Nodes, then edges, each sorted.
    let nodes: Vec<&str> = dot.lines().filter(|l| l.contains("shape=")).collect();
    let mut sorted = nodes.clone();
    sorted.sort();
    assert_eq!(nodes, sorted);
    assert_eq!(dot, s.stdout(&["export", "--format", "dot"]));
}

#[test]
fn dot_focus_keeps_a_neighbourhood() {
    let s = SampleStore::new();
    let all = s.stdout(&["export", "--format", "dot"]);
    let near = s.stdout(&["export", "--format", "dot", "--focus", "Zelensky", "--depth", "1"]);
    dot_svg(near.as_bytes());
    let count = |d: &str| d.lines().filter(|l| l.contains("shape=")).count();
    assert!(count(&near) < count(&all), "{near}");
    assert!(near.contains("\"actor/volodymyr-zelensky\""));
    for line in near.lines().filter(|l| l.contains("->")) {
        // At depth 1 around Zelensky, every node is Zelensky or his neighbour; edges
        // may join two neighbours.
        assert!(line.contains("\"actor/"), "{line}");
    }
    let deeper = s.stdout(&["export", "--format", "dot", "--focus", "Zelensky", "--depth", "3"]);
    assert!(count(&deeper) > count(&near));
}

#[test]
fn dot_render_writes_svg_or_says_dot_is_missing() {
    let s = SampleStore::new();
    let out = s.dir.path().join("graph.svg");
    s.kg().args(["export", "--format", "dot", "--render", "svg"]).arg(&out).assert().success().stdout("");
    let svg = std::fs::read_to_string(&out).expect("the SVG was written");
    assert!(svg.contains("<svg"));
    // With no `dot` on PATH, a clear error.
    let empty = s.dir.path().join("empty-bin");
    std::fs::create_dir(&empty).unwrap();
    s.kg()
        .env("PATH", &empty)
        .args(["export", "--format", "dot", "--render", "png"])
        .arg(s.dir.path().join("graph.png"))
        .assert()
        .code(1)
        .stderr("kg: cannot render: GraphViz 'dot' not found on PATH (install graphviz)\n");
    s.kg().args(["export", "--format", "turtle", "--render", "svg", "x.svg"]).assert().code(1);
}
