//! `kg serve` (issue 14): the built binary serving a store of the sample on
//! 127.0.0.1 (a port the OS picks), asked with a plain HTTP client (ureq) and, for
//! requests no client would send, over a raw socket. Every server is killed when its
//! test ends; every client call has a timeout.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::ask::SampleStore;
use crate::util::kg_std;

/// A token long enough for `--allow-update`.
const TOKEN: &str = "s3cret-token-for-tests-0123456789";

/// A running `kg serve`, killed on drop.
pub struct Served {
    child: Child,
    base: String,
    stderr: std::process::ChildStderr,
}

impl Served {
    /// `kg --store STORE serve --bind 127.0.0.1:0 EXTRA…` with `env`, once it listens.
    pub fn start(store: &Path, extra: &[&str], env: &[(&str, &str)]) -> Served {
        Served::start_on("127.0.0.1:0", store, extra, env)
    }

    fn start_on(bind: &str, store: &Path, extra: &[&str], env: &[(&str, &str)]) -> Served {
        let mut cmd = kg_std(store);
        cmd.env_remove("KG_TOKEN").args(["serve", "--bind", bind]).args(extra);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child =
            cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).stdin(Stdio::null()).spawn().expect("spawn kg serve");
        // The first line says where it listens; an exit closes standard output first.
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("piped")).read_line(&mut line).expect("read kg serve's output");
        let mut stderr = child.stderr.take().expect("piped");
        if line.is_empty() {
            let mut err = String::new();
            let _ = stderr.read_to_string(&mut err);
            let _ = child.wait();
            panic!("kg serve did not start: {err}");
        }
        let start = line.find("http://").unwrap_or_else(|| panic!("no URL in {line:?}"));
        let base = line[start..].split_whitespace().next().expect("a URL").trim_end_matches('/').to_string();
        Served { child, base, stderr }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// host:port.
    fn addr(&self) -> &str {
        self.base.trim_start_matches("http://")
    }

    /// Kills the server; what it wrote on standard error.
    fn stop(mut self) -> String {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let mut err = String::new();
        let _ = self.stderr.read_to_string(&mut err);
        err
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What a request got back.
#[derive(Debug)]
struct Reply {
    status: u16,
    content_type: String,
    body: String,
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(120)))
        .build()
        .into()
}

fn reply(r: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
    let mut r = r.expect("the server answers");
    let status = r.status().as_u16();
    let content_type = r.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let body = r.body_mut().with_config().limit(100_000_000).read_to_string().expect("a UTF-8 body");
    Reply { status, content_type, body }
}

fn get(url: &str, accept: Option<&str>) -> Reply {
    let mut req = agent().get(url);
    if let Some(a) = accept {
        req = req.header("Accept", a);
    }
    reply(req.call())
}

fn post(url: &str, content_type: &str, body: &str, headers: &[(&str, &str)]) -> Reply {
    let mut req = agent().post(url).header("Content-Type", content_type);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    reply(req.send(body.as_bytes()))
}

/// Percent-encodes a query parameter value.
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Sends `request` as is over a socket (a writer thread, so a server that answers
/// before reading everything does not block it); the status line and body.
fn raw(addr: &str, request: Vec<u8>) -> (u16, String) {
    let stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(60))).expect("timeout");
    let mut writer = stream.try_clone().expect("clone");
    let sender = std::thread::spawn(move || {
        let _ = writer.write_all(&request);
    });
    let mut text = Vec::new();
    let _ = (&stream).read_to_end(&mut text);
    let _ = sender.join();
    let text = String::from_utf8_lossy(&text).to_string();
    let status = text.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("no status in {text:?}"));
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    (status, body)
}

fn raw_get(addr: &str, target: &str) -> (u16, String) {
    raw(addr, format!("GET {target} HTTP/1.1\r\nHost: {addr}\r\n\r\n").into_bytes())
}

const COUNT: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
const CONSTRUCT: &str = "PREFIX kg: <https://w3id.org/kg-news/ns#> \
    CONSTRUCT { ?a kg:rejects ?p } WHERE { ?a kg:rejects ?p }";

#[test]
fn sparql_results_in_every_format_by_content_negotiation() {
    let sample = SampleStore::new();
    let server = Served::start(&sample.store(), &[], &[]);
    let q = |query: &str| server.url(&format!("/sparql?query={}", enc(query)));
    let select = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX kg: <https://w3id.org/kg-news/ns#> \
        SELECT ?who WHERE { ?a kg:rejects ?p ; rdfs:label ?who } ORDER BY ?who";
    // Each table format is what `kg query --format F` writes, byte for byte.
    for (accept, media, format) in [
        (None, "application/sparql-results+json", "json"),
        (Some("application/sparql-results+json"), "application/sparql-results+json", "json"),
        (Some("application/sparql-results+xml"), "application/sparql-results+xml", "xml"),
        (Some("text/csv"), "text/csv", "csv"),
        (Some("text/tab-separated-values"), "text/tab-separated-values", "tsv"),
        (Some("text/html;q=0.9, text/csv;q=0.5, */*;q=0.1"), "text/csv", "csv"),
    ] {
        let r = get(&q(select), accept);
        assert_eq!((r.status, r.content_type.as_str()), (200, media), "{accept:?}: {}", r.body);
        assert_eq!(r.body, sample.stdout(&["query", select, "--format", format]), "{accept:?}");
    }
    let json: Value = serde_json::from_str(&get(&q(select), None).body).unwrap();
    let who: Vec<&str> =
        json["results"]["bindings"].as_array().unwrap().iter().map(|b| b["who"]["value"].as_str().unwrap()).collect();
    assert!(who.contains(&"Russia"), "{who:?}");
    let ask = get(&q("ASK { ?s ?p ?o }"), Some("application/sparql-results+json"));
    assert_eq!(serde_json::from_str::<Value>(&ask.body).unwrap()["boolean"], true);
    // CONSTRUCT: Turtle by default, N-Triples and JSON-LD on request.
    let turtle = get(&q(CONSTRUCT), None);
    assert_eq!((turtle.status, turtle.content_type.as_str()), (200, "text/turtle"));
    assert_eq!(turtle.body, sample.stdout(&["query", CONSTRUCT, "--format", "turtle"]));
    let nt = get(&q(CONSTRUCT), Some("application/n-triples"));
    assert_eq!(nt.content_type, "application/n-triples");
    assert_eq!(nt.body, sample.stdout(&["query", CONSTRUCT, "--format", "ntriples"]));
    let triples = nt.body.lines().count();
    assert!(triples > 5, "{}", nt.body);
    let ld = get(&q(CONSTRUCT), Some("application/ld+json"));
    assert_eq!(ld.content_type, "application/ld+json");
    let ld: Value = serde_json::from_str(&ld.body).expect("JSON-LD is JSON");
    let text = ld.to_string();
    assert!(text.contains("https://w3id.org/kg-news/ns#rejects") && text.contains("actor/russia"), "{text}");
    // Nothing acceptable: 406, naming what is offered.
    let r = get(&q(select), Some("image/png"));
    assert_eq!(r.status, 406);
    assert!(r.body.contains("text/csv") && r.body.lines().count() == 1, "{}", r.body);
    let r = get(&q(CONSTRUCT), Some("text/csv"));
    assert_eq!(r.status, 406, "a graph is not a table");
}

#[test]
fn sparql_by_post_form_and_direct() {
    let sample = SampleStore::new();
    let server = Served::start(&sample.store(), &[], &[]);
    let url = server.url("/sparql");
    let by_get = get(&server.url(&format!("/sparql?query={}", enc(COUNT))), Some("text/csv"));
    assert_eq!(by_get.status, 200);
    let form =
        post(&url, "application/x-www-form-urlencoded", &format!("query={}", enc(COUNT)), &[("Accept", "text/csv")]);
    let direct = post(&url, "application/sparql-query", COUNT, &[("Accept", "text/csv")]);
    assert_eq!((form.status, &form.body), (200, &by_get.body));
    assert_eq!((direct.status, &direct.body), (200, &by_get.body));
    let n: u64 = by_get.body.lines().nth(1).unwrap().trim().parse().unwrap();
    assert!(n > 500, "the sample has hundreds of quads: {n}");
    // A form with '+' for spaces, as browsers send it.
    let plus = post(&url, "application/x-www-form-urlencoded", &format!("query={}", COUNT.replace(' ', "+")), &[]);
    assert_eq!(plus.status, 200, "{}", plus.body);
    for (content_type, body, status, needle) in [
        ("text/plain", COUNT, 415, "application/sparql-query"),
        ("application/x-www-form-urlencoded", "q=1", 400, "missing 'query'"),
        ("application/x-www-form-urlencoded", "query=ASK{}&query=ASK{}", 400, "more than one"),
        ("application/x-www-form-urlencoded", "query=ASK{}&default-graph-uri=x", 400, "FROM"),
    ] {
        let r = post(&url, content_type, body, &[]);
        assert_eq!(r.status, status, "{content_type} {body}: {}", r.body);
        assert!(r.body.contains(needle) && r.body.lines().count() == 1, "{}", r.body);
    }
    let r = reply(agent().put(&url).send("x"));
    assert_eq!(r.status, 405);
}

#[test]
fn malformed_and_hostile_requests_get_a_clear_4xx_or_5xx() {
    let sample = SampleStore::new();
    let before = sample.nquads();
    let server = Served::start(&sample.store(), &["--timeout", "1", "--max-request-bytes", "1000"], &[]);
    let addr = server.addr().to_string();
    let q = |query: &str| server.url(&format!("/sparql?query={}", enc(query)));
    let r = get(&q("SELEC * WHERE { ?s ?p ?o }"), None);
    assert_eq!(r.status, 400);
    assert!(r.body.starts_with("invalid SPARQL query: line 1, column") && r.body.lines().count() == 1, "{}", r.body);
    // An update sent as a query is not run: reads never write.
    let r = get(&q("INSERT DATA { <urn:a> <urn:b> <urn:c> }"), None);
    assert_eq!(r.status, 400);
    assert!(r.body.contains("POST it to /update"), "{}", r.body);
    // A query that would run for years: cancelled.
    let r = get(&q("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"), None);
    assert_eq!(r.status, 503, "{}", r.body);
    assert_eq!(r.body, "query timed out after 1 s\n");
    // SERVICE would make the server a proxy: kg's store has no HTTP client.
    let r = get(&q("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"), None);
    assert_eq!(r.status, 500, "{}", r.body);
    // Malformed percent-encoding, in the query string and in the path.
    let (status, body) = raw_get(&addr, "/sparql?query=ASK%zz");
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("malformed percent-encoding"), "{body}");
    assert_eq!(raw_get(&addr, "/assets/%E0%A4").0, 400);
    assert_eq!(raw_get(&addr, "/api/who-rejects?position=%").0, 400);
    // A 10 MB query in the URL: refused once the head passes its limit.
    let long = format!("GET /sparql?query={} HTTP/1.1\r\nHost: x\r\n\r\n", "A".repeat(10_000_000));
    let (status, body) = raw(&addr, long.into_bytes());
    assert_eq!(status, 414, "{body}");
    assert!(body.contains("POST"), "{body}");
    // A 10 MB query in a body: refused from its Content-Length, unread.
    let big = format!(
        "POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 10000000\r\n\r\n{}",
        "A".repeat(10_000_000)
    );
    let (status, body) = raw(&addr, big.into_bytes());
    assert_eq!(status, 413, "{body}");
    assert!(body.contains("larger than the limit of 1000 bytes"), "{body}");
    let r = post(&server.url("/sparql"), "application/sparql-query", &format!("ASK {{}} #{}", "x".repeat(2000)), &[]);
    assert_eq!(r.status, 413);
    // Chunked bodies, junk, other protocols.
    let chunked = "POST /sparql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nASK{}\r\n0\r\n\r\n";
    assert_eq!(raw(&addr, chunked.as_bytes().to_vec()).0, 411);
    assert_eq!(raw(&addr, b"\x16\x03\x01 binary junk\r\n\r\n".to_vec()).0, 400);
    assert_eq!(raw(&addr, b"GET / HTTP/2.0\r\n\r\n".to_vec()).0, 505);
    // DNS rebinding: another site's name for 127.0.0.1.
    let (status, body) = raw(&addr, b"GET /api/contested HTTP/1.1\r\nHost: evil.example\r\n\r\n".to_vec());
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("unexpected Host"), "{body}");
    // A SPARQL injection through a question's parameter is a name that matches nothing.
    let injection = "NATO membership\" } } ; DROP ALL ; SELECT * { { ?s ?p \"";
    let r = get(&server.url(&format!("/api/who-rejects?position={}", enc(injection))), None);
    assert_eq!(r.status, 404, "{}", r.body);
    assert!(serde_json::from_str::<Value>(&r.body).unwrap()["error"]
        .as_str()
        .unwrap()
        .starts_with("no position matches"));
    drop(server);
    assert_eq!(sample.nquads(), before, "the store is unchanged");
}

#[test]
fn updates_need_the_flag_and_the_token() {
    let sample = SampleStore::new();
    let before = sample.nquads();
    let insert = "INSERT DATA { <urn:kg:test> <urn:kg:says> \"hello\" }";
    let form = format!("update={}", enc(insert));
    // Without --allow-update: refused, whatever the token.
    let server = Served::start(&sample.store(), &[], &[("KG_TOKEN", TOKEN)]);
    let bearer = format!("Bearer {TOKEN}");
    let r = post(&server.url("/update"), "application/x-www-form-urlencoded", &form, &[("Authorization", &bearer)]);
    assert_eq!(r.status, 403);
    assert!(r.body.contains("--allow-update"), "{}", r.body);
    drop(server);
    assert_eq!(sample.nquads(), before);
    // A token too short to be safe stops the server from starting.
    let out = kg_std(&sample.store())
        .env("KG_TOKEN", "short")
        .args(["serve", "--bind", "127.0.0.1:0", "--allow-update"])
        .output()
        .expect("run kg serve");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 16 characters"));
    // With --allow-update: no token, a wrong one, then the right one (from a file).
    let token_file = sample.dir.path().join("token");
    std::fs::write(&token_file, format!("{TOKEN}\n")).unwrap();
    let server = Served::start(&sample.store(), &["--allow-update", "--token-file", token_file.to_str().unwrap()], &[]);
    let url = server.url("/update");
    let r = post(&url, "application/x-www-form-urlencoded", &form, &[]);
    assert_eq!(r.status, 401);
    let wrong = format!("Bearer {}x", &TOKEN[..TOKEN.len() - 1]);
    let r = post(&url, "application/x-www-form-urlencoded", &form, &[("Authorization", &wrong)]);
    assert_eq!(r.status, 401);
    let ask = format!("/sparql?query={}", enc("ASK { <urn:kg:test> <urn:kg:says> \"hello\" }"));
    assert!(get(&server.url(&ask), None).body.contains("false"));
    let r = post(&url, "application/sparql-update", "INSERT DATA { <urn:kg:a> }", &[("Authorization", &bearer)]);
    assert_eq!(r.status, 400, "a malformed update: {}", r.body);
    assert!(r.body.starts_with("invalid SPARQL update"), "{}", r.body);
    let r = post(&url, "application/x-www-form-urlencoded", &form, &[("Authorization", &bearer)]);
    assert_eq!(r.status, 204, "{}", r.body);
    assert!(get(&server.url(&ask), None).body.contains("true"), "the update is visible to queries");
    drop(server);
    let after = sample.nquads();
    assert_eq!(after.len(), before.len() + 1);
    assert!(after.iter().any(|l| l.contains("urn:kg:test")));
}

#[test]
fn api_gives_the_rows_of_the_cli() {
    let sample = SampleStore::new();
    let server = Served::start(&sample.store(), &[], &[]);
    let cases: &[(&str, &[&str])] = &[
        ("/api/who-rejects?position=NATO%20membership", &["who-rejects", "NATO membership"]),
        ("/api/who-supports?position=American%20peace%20plan", &["who-supports", "American peace plan"]),
        ("/api/who-proposes?position=American%20peace%20plan", &["who-proposes", "American peace plan"]),
        ("/api/who-demands?position=army%20cap%20of%201%20million", &["who-demands", "army cap of 1 million"]),
        (
            "/api/who-rejects?position=American%20peace%20plan&claims=true",
            &["who-rejects", "American peace plan", "--claims"],
        ),
        ("/api/positions?actor=Moscow", &["positions", "Moscow"]),
        ("/api/meetings", &["meetings"]),
        ("/api/meetings?actor=Zelensky", &["meetings", "Zelensky"]),
        ("/api/contested", &["contested"]),
        ("/api/timeline?name=Ukraine", &["timeline", "Ukraine"]),
        ("/api/path?from=Witkoff&to=Zelensky", &["path", "Witkoff", "Zelensky"]),
        ("/api/clusters", &["clusters"]),
        ("/api/central", &["central"]),
        ("/api/central?limit=3", &["central", "--limit", "3"]),
    ];
    for (path, args) in cases {
        let r = get(&server.url(path), None);
        assert_eq!((r.status, r.content_type.as_str()), (200, "application/json"), "{path}: {}", r.body);
        let cli = sample.stdout(&[*args, &["--format", "json"]].concat());
        assert_eq!(r.body, cli, "{path}");
        assert!(r.body.len() > 10, "{path} has rows: {}", r.body);
    }
    let rejecters: Value = serde_json::from_str(&get(&server.url(cases[0].0), None).body).unwrap();
    assert_eq!(rejecters[0]["actor"], "Russia");
    // Errors: one JSON line with the reason.
    for (path, status, needle) in [
        ("/api/who-rejects?position=NATO%20membershp", 404, "did you mean: NATO membership for Ukraine"),
        ("/api/who-rejects", 400, "missing parameter 'position'"),
        ("/api/who-rejects?position=%20", 400, "empty position name"),
        ("/api/who-fears?position=x", 404, "no such endpoint"),
        ("/api/central?limit=-1", 400, "invalid 'limit'"),
        ("/api/path?from=Witkoff&from=Putin&to=Zelensky", 400, "more than once"),
        ("/api/nothing", 404, "no such endpoint"),
    ] {
        let r = get(&server.url(path), None);
        assert_eq!(r.status, status, "{path}: {}", r.body);
        let error = serde_json::from_str::<Value>(&r.body).unwrap()["error"].as_str().unwrap().to_string();
        assert!(error.contains(needle), "{path}: {error}");
    }
    let r = post(&server.url("/api/contested"), "application/json", "{}", &[]);
    assert_eq!(r.status, 405);
    // The page's own endpoints.
    let s: Value = serde_json::from_str(&get(&server.url("/api/search?q=NATO%20membership"), None).body).unwrap();
    assert_eq!(s["positions"][0]["label"], "NATO membership for Ukraine");
    let s: Value = serde_json::from_str(&get(&server.url("/api/search?q=NATO%20membershp"), None).body).unwrap();
    assert_eq!(s["suggestions"][0], "NATO membership for Ukraine");
    let g: Value = serde_json::from_str(&get(&server.url("/api/graph?focus=Russia&depth=1"), None).body).unwrap();
    let labels: Vec<&str> = g["nodes"].as_array().unwrap().iter().map(|n| n["label"].as_str().unwrap()).collect();
    assert!(labels.contains(&"Russia") && labels.contains(&"NATO membership for Ukraine"), "{labels:?}");
    let rejects = g["edges"].as_array().unwrap().iter().find(|e| e["relation"] == "rejects").expect("a rejects edge");
    assert_eq!(rejects["color"], "#d62728", "coloured as the DOT export");
    let c: Value = serde_json::from_str(&get(&server.url("/api/claims?name=NATO%20membership"), None).body).unwrap();
    let russia = c["claims"].as_array().unwrap().iter().find(|c| c["subject"]["label"] == "Russia").expect("Russia");
    assert!(russia["quote"].as_str().unwrap().contains("red line"), "{russia}");
}

#[test]
fn the_page_and_its_assets_load_and_paths_cannot_escape() {
    let sample = SampleStore::new();
    let server = Served::start(&sample.store(), &[], &[]);
    let page = get(&server.url("/"), Some("text/html"));
    assert_eq!((page.status, page.content_type.as_str()), (200, "text/html; charset=utf-8"));
    assert!(page.body.contains("<input id=\"q\""), "a search box");
    for (asset, media) in [
        ("/assets/app.js", "text/javascript; charset=utf-8"),
        ("/assets/graph.js", "text/javascript; charset=utf-8"),
        ("/assets/style.css", "text/css; charset=utf-8"),
    ] {
        assert!(page.body.contains(asset), "the page loads {asset}");
        let r = get(&server.url(asset), None);
        assert_eq!((r.status, r.content_type.as_str()), (200, media), "{asset}");
        assert!(r.body.len() > 500, "{asset}");
    }
    let addr = server.addr().to_string();
    for target in [
        "/assets/../Cargo.toml", "/../../../../etc/passwd", "/assets/%2e%2e/%2e%2e/Cargo.toml",
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/assets/..%2f..%2fsrc%2fmain.rs", "//etc/passwd", "/assets/app.js%00.png",
        "/assets/", "/src/serve/assets/app.js", "/assets/app.js/..",
    ] {
        let (status, body) = raw_get(&addr, target);
        assert_eq!(status, 404, "{target}: {body}");
        assert!(!body.contains("[package]") && !body.contains("root:"), "{target} leaked a file");
    }
}

#[test]
fn the_namespace_path_serves_the_json_ld_context() {
    let sample = SampleStore::new();
    let server = Served::start(&sample.store(), &[], &[]);
    let r = get(&server.url("/kg-news/ns"), None);
    assert_eq!((r.status, r.content_type.as_str()), (200, "application/ld+json"));
    let shipped = std::fs::read_to_string(crate::common::repo_file("ontology/context.jsonld")).unwrap();
    assert_eq!(r.body, shipped);
    let context: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(context["@context"]["kg"], "https://w3id.org/kg-news/ns#");
}

#[test]
fn binding_beyond_loopback_warns() {
    let sample = SampleStore::new();
    let server = Served::start_on("0.0.0.0:0", &sample.store(), &[], &[]);
    let port = server.addr().rsplit(':').next().unwrap().to_string();
    assert_eq!(get(&format!("http://127.0.0.1:{port}/api/contested"), None).status, 200);
    let err = server.stop();
    assert!(err.contains("warning: listening on 0.0.0.0"), "{err}");
    let loopback = Served::start(&sample.store(), &[], &[]);
    let err = loopback.stop();
    assert!(!err.contains("warning"), "{err}");
    // No store: an error, not an empty server.
    let dir = crate::util::tempdir();
    let out = kg_std(&dir.path().join("none")).args(["serve", "--bind", "127.0.0.1:0"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no store at"));
}

#[test]
fn answers_follow_an_ingest_into_the_served_store() {
    let sample = SampleStore::new();
    let server = Served::start(&sample.store(), &[], &[]);
    let count = || -> u64 {
        let query = "PREFIX kg: <https://w3id.org/kg-news/ns#> SELECT (COUNT(*) AS ?n) WHERE { ?c a kg:Claim }";
        let r = get(&server.url(&format!("/sparql?query={}", enc(query))), Some("text/csv"));
        r.body.lines().nth(1).and_then(|n| n.trim().parse().ok()).unwrap_or_else(|| panic!("{}", r.body))
    };
    let before = count();
    // Asked before the ingest, so that a cached answer would be stale after it.
    let r = get(&server.url("/api/who-rejects?position=30-day%20ceasefire"), None);
    assert_eq!(r.status, 200);
    assert!(!r.body.contains("\"actor\": \"Russia\""), "{}", r.body);
    let text = sample.dir.path().join("more.txt");
    std::fs::write(&text, "Talks in Geneva\n\nThe Kremlin rejected the 30-day ceasefire on Tuesday.\n").unwrap();
    // A second process writes while the server reads.
    sample
        .kg()
        .args(["ingest", "--quiet", "--format", "article", "--date", "2025-11-27"])
        .arg(&text)
        .assert()
        .success();
    let mut after = before;
    for _ in 0..100 {
        after = count();
        if after > before {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(after > before, "the server still answers from the store as it was ({before} claims)");
    let r = get(&server.url("/api/who-rejects?position=30-day%20ceasefire"), None);
    assert!(r.body.contains("\"actor\": \"Russia\""), "{}", r.body);
}

#[test]
fn evidence_links_each_entry_to_its_web_page() {
    let dir = tempfile::TempDir::new().unwrap();
    let store = dir.path().join("store");
    let blog = dir.path().join("blog.jsonl");
    let entry = serde_json::json!({
        "time": "2025-03-01T10:00:00Z",
        "text": "Poland rejected the proposed grain quotas.",
        "url": "https://news.example.org/live#entry-7",
    });
    std::fs::write(&blog, format!("{entry}\n")).unwrap();
    crate::ask::kg_in(&store).arg("ingest").arg(&blog).assert().success();
    let server = Served::start(&store, &[], &[]);
    let c: Value = serde_json::from_str(&get(&server.url("/api/claims?name=Poland"), None).body).unwrap();
    let claims = c["claims"].as_array().unwrap();
    assert!(!claims.is_empty(), "{c}");
    let entry_iri = claims[0]["entry"].as_str().unwrap();
    assert_eq!(c["urls"][entry_iri], "https://news.example.org/live#entry-7", "{c}");
    // The sample is a local file: no web address, no link.
    let sample = SampleStore::new();
    let server = Served::start(&sample.store(), &[], &[]);
    let c: Value = serde_json::from_str(&get(&server.url("/api/claims?name=Russia"), None).body).unwrap();
    assert_eq!(c["urls"], serde_json::json!({}), "{c}");
}
