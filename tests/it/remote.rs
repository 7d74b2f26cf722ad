//! Remote stores (issue 14): kg writing to and asking SPARQL engines it starts here on
//! loopback, each on a port the OS picks: Oxigraph's server (`oxigraph serve`, PyPI
//! `oxigraph`) and Virtuoso 7 open source (`virtuoso-t`, Debian
//! `virtuoso-opensource`). A test whose engine is not installed prints
//! "skipped: … not installed" and passes; `.ci/run` installs both.
//!
//! What holds: the seed's questions print byte-identical output from the local store
//! and from each engine; a store directory kg wrote opens in `oxigraph serve
//! --location` as it is; an ingest cut off by a network fault, run again, leaves the
//! store a clean ingest leaves; two ingests at once equal one after the other.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tempfile::TempDir;

use crate::util::{kg, kg_std, store_in, tempdir, SAMPLE};

/// The seed's questions, each compared in the table and JSON formats.
const QUESTIONS: &[&[&str]] = &[
    &["who-rejects", "NATO membership"],
    &["positions", "Moscow"],
    &["timeline", "Ukraine"],
    &["path", "Witkoff", "Zelensky"],
    &["clusters"],
];

/// How long an engine may take to start (Virtuoso creates its database first).
const START_TRIES: usize = 600;
const START_STEP: Duration = Duration::from_millis(100);

/// A SPARQL engine started for one test, stopped (killed) when dropped.
struct Engine {
    child: Child,
    _dir: TempDir,
    /// kg's flags for it: `--store URL` and the update / graph store URLs.
    flags: Vec<String>,
    port: u16,
}

impl Drop for Engine {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Engine {
    /// `kg` with this engine as its store.
    fn kg(&self) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::new(crate::util::kg_path());
        cmd.env_remove("KG_STORE").env_remove("KG_ONTOLOGY").args(&self.flags);
        cmd
    }

    fn kg_std(&self) -> Command {
        let mut cmd = Command::new(crate::util::kg_path());
        cmd.env_remove("KG_STORE").env_remove("KG_ONTOLOGY").args(&self.flags);
        cmd
    }
}

/// The program `name` on PATH, or a printed "skipped" and `None`.
fn installed(name: &str, package: &str) -> Option<PathBuf> {
    let found =
        std::env::var_os("PATH").iter().flat_map(std::env::split_paths).map(|d| d.join(name)).find(|p| p.is_file());
    if found.is_none() {
        println!("skipped: {name} not installed ({package})");
    }
    found
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").expect("bind a free port").local_addr().expect("port").port()
}

/// Waits until something listens on `port`, or the child exits, or time is up.
fn wait_for_port(child: &mut Child, port: u16, what: &str) {
    for _ in 0..START_TRIES {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        if let Ok(Some(status)) = child.try_wait() {
            panic!("{what} exited before it listened on port {port}: {status}");
        }
        std::thread::sleep(START_STEP);
    }
    panic!("{what} did not listen on port {port} in time");
}

/// `oxigraph serve` on a store directory (a fresh one unless given).
fn oxigraph(location: Option<&Path>, graph_store: bool) -> Option<Engine> {
    let bin = installed("oxigraph", "pip install oxigraph")?;
    let dir = tempdir();
    let location = location.map(Path::to_path_buf).unwrap_or_else(|| dir.path().join("db"));
    let port = free_port();
    let mut child = Command::new(bin)
        .arg("serve")
        .arg("--location")
        .arg(&location)
        .arg("--bind")
        .arg(format!("127.0.0.1:{port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start oxigraph serve");
    wait_for_port(&mut child, port, "oxigraph serve");
    let base = format!("http://127.0.0.1:{port}");
    let mut flags =
        vec!["--store".to_string(), format!("{base}/query"), "--update-url".into(), format!("{base}/update")];
    if graph_store {
        flags.extend(["--graph-store-url".to_string(), format!("{base}/store")]);
    }
    Some(Engine { child, _dir: dir, flags, port })
}

/// Virtuoso on a fresh database, its SPARQL endpoint open to updates (the `SPARQL`
/// user is granted `SPARQL_UPDATE`), no cap on result rows.
fn virtuoso() -> Option<Engine> {
    let bin = installed("virtuoso-t", "apt-get install virtuoso-opensource")?;
    let isql = installed("isql-vt", "apt-get install virtuoso-opensource")?;
    let dir = tempdir();
    let (sql, http) = (free_port(), free_port());
    let d = dir.path().display();
    let ini = format!(
        "[Database]\nDatabaseFile = {d}/virtuoso.db\nErrorLogFile = {d}/virtuoso.log\nLockFile = {d}/virtuoso.lck\n\
         TransactionFile = {d}/virtuoso.trx\nxa_persistent_file = {d}/virtuoso.pxa\n\
         [TempDatabase]\nDatabaseFile = {d}/virtuoso-temp.db\nTransactionFile = {d}/virtuoso-temp.trx\n\
         [Parameters]\nServerPort = 127.0.0.1:{sql}\nDisableUnixSocket = 1\nCaseMode = 2\nDirsAllowed = .\n\
         NumberOfBuffers = 10000\nMaxDirtyBuffers = 6000\n\
         [HTTPServer]\nServerPort = 127.0.0.1:{http}\nServerRoot = {d}\nServerThreads = 10\nCharset = UTF-8\n\
         [SPARQL]\nResultSetMaxRows = 1000000000\nMaxQueryExecutionTime = 0\nMaxQueryCostEstimationTime = 0\n"
    );
    std::fs::write(dir.path().join("virtuoso.ini"), ini).expect("write virtuoso.ini");
    let mut child = Command::new(bin)
        .args(["-f", "-c", "virtuoso.ini"])
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start virtuoso-t");
    wait_for_port(&mut child, http, "virtuoso-t");
    wait_for_port(&mut child, sql, "virtuoso-t");
    let grant = Command::new(isql)
        .arg(format!("127.0.0.1:{sql}"))
        .args(["dba", "dba", "exec=GRANT SPARQL_UPDATE TO \"SPARQL\";"])
        .output()
        .expect("run isql-vt");
    assert!(grant.status.success(), "GRANT failed: {}", String::from_utf8_lossy(&grant.stderr));
    let flags = vec!["--store".to_string(), format!("http://127.0.0.1:{http}/sparql")];
    Some(Engine { child, _dir: dir, flags, port: http })
}

/// A local store holding `files`, ingested one after the other.
fn local_store(files: &[&Path]) -> TempDir {
    let dir = tempdir();
    for f in files {
        kg(&store_in(&dir)).args(["ingest", "--quiet"]).arg(f).assert().success();
    }
    dir
}

fn stdout(cmd: &mut assert_cmd::Command, args: &[&str]) -> String {
    let out = cmd.args(args).output().expect("run kg");
    assert!(out.status.success(), "kg {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Every question, in both formats, and the data's export answer the same from the
/// engine as from `local`.
fn assert_same_answers(engine: &Engine, local: &Path, name: &str) {
    for q in QUESTIONS {
        for format in ["table", "json"] {
            let args: Vec<&str> = q.iter().copied().chain(["--format", format]).collect();
            let mine = stdout(&mut kg(local), &args);
            assert!(!mine.trim().is_empty() && mine.lines().count() > 1, "the local store answers {args:?}: {mine}");
            assert_eq!(stdout(&mut engine.kg(), &args), mine, "{name} answers {args:?} otherwise");
        }
    }
    let export = ["export", "--format", "turtle"];
    assert_eq!(stdout(&mut engine.kg(), &export), stdout(&mut kg(local), &export), "{name} holds other data");
    // Counted alike, but for the local store's table files.
    let counts = |out: String| out.lines().filter(|l| !l.starts_with("unmerged")).collect::<Vec<_>>().join("\n");
    assert_eq!(counts(stdout(&mut engine.kg(), &["stats"])), counts(stdout(&mut kg(local), &["stats"])), "{name}");
}

/// Ingests the sample into `engine` (twice: the second adds nothing) and compares;
/// then one SPARQL update on the default graph changes both stores alike.
fn sample_round_trip(engine: &Engine, name: &str) {
    let local = local_store(&[Path::new(SAMPLE)]);
    engine.kg().args(["ingest", SAMPLE]).assert().success().stdout(predicates::str::contains("11 entries"));
    let once = stdout(&mut engine.kg(), &["stats"]);
    engine.kg().args(["ingest", "--quiet", SAMPLE]).assert().success();
    assert_eq!(stdout(&mut engine.kg(), &["stats"]), once, "a second ingest into {name} added quads");
    assert_same_answers(engine, &store_in(&local), name);

    let update =
        "PREFIX kg: <https://w3id.org/kg-news/ns#> DELETE { ?c ?p ?o } WHERE { ?c kg:relation kg:rejects ; ?p ?o }";
    let args = ["query", "--update", update];
    let export = ["export", "--format", "turtle"];
    assert!(stdout(&mut kg(&store_in(&local)), &export).contains("kg:relation kg:rejects"), "no claim to remove");
    stdout(&mut kg(&store_in(&local)), &args);
    stdout(&mut engine.kg(), &args);
    let after = stdout(&mut kg(&store_in(&local)), &export);
    assert!(!after.contains("kg:relation kg:rejects"), "the update removed no claim");
    assert_eq!(stdout(&mut engine.kg(), &export), after, "{name} took the update otherwise");
}

#[test]
fn oxigraph_server_answers_the_seed_questions_as_the_local_store() {
    let Some(engine) = oxigraph(None, false) else { return };
    sample_round_trip(&engine, "oxigraph serve");
}

#[test]
fn graph_store_protocol_writes_the_same_store() {
    let Some(engine) = oxigraph(None, true) else { return };
    sample_round_trip(&engine, "oxigraph serve (Graph Store Protocol)");
}

#[test]
fn virtuoso_answers_the_seed_questions_as_the_local_store() {
    let Some(engine) = virtuoso() else { return };
    sample_round_trip(&engine, "Virtuoso");
}

#[test]
fn a_store_kg_wrote_opens_in_oxigraph_serve_as_it_is() {
    let local = local_store(&[Path::new(SAMPLE)]);
    let store = store_in(&local);
    // A copy for the server (which takes the store's lock); the original answers.
    let copy = tempdir();
    let served = copy.path().join("store");
    std::fs::create_dir_all(&served).expect("copy dir");
    for f in std::fs::read_dir(&store).expect("store dir") {
        let f = f.expect("store file");
        std::fs::copy(f.path(), served.join(f.file_name())).expect("copy store file");
    }
    let Some(mut engine) = oxigraph(Some(&served), false) else { return };
    // The data is in the endpoint's default graph, as kg wrote it.
    engine.flags.extend(["--data-graph".to_string(), "default".to_string()]);
    assert_same_answers(&engine, &store, "oxigraph serve --location");
}

#[test]
fn an_unreachable_endpoint_is_one_clear_error() {
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}/sparql");
    let out = kg(Path::new(&url)).args(["who-rejects", "NATO membership"]).output().expect("kg");
    crate::util::assert_one_line_error(&out, 1, &[&format!("remote store {url}")]);
    let out = kg(Path::new(&url)).args(["ingest", SAMPLE]).output().expect("kg ingest");
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&url), "{}", String::from_utf8_lossy(&out.stderr));
    // Remote flags without a remote store are a mistake.
    let dir = tempdir();
    let out = kg(&store_in(&dir)).args(["--update-url", &url, "stats"]).output().expect("kg stats");
    crate::util::assert_one_line_error(&out, 1, &["--update-url is for a remote store"]);
}

/// A JSON Lines file of `n` entries with claims, distinct from the sample.
fn entries_file(dir: &Path, name: &str, n: usize, offset: usize) -> PathBuf {
    let actors = ["Zelensky", "Putin", "Macron", "Starmer", "Erdogan", "Scholz"];
    let mut text = String::new();
    for i in offset..offset + n {
        let line = crate::util::claim_entry(i, &actors, 10, "");
        text.push_str(&line.to_string());
        text.push('\n');
    }
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write entries");
    path
}

/// A TCP proxy to `port` that passes `budget` bytes from clients to the server, then
/// cuts every connection and refuses new ones: a network fault in the middle of an
/// ingest. Stops when dropped.
struct FaultyProxy {
    port: u16,
    stop: Arc<AtomicBool>,
    accept: Option<std::thread::JoinHandle<()>>,
}

impl FaultyProxy {
    fn start(upstream: u16, budget: usize) -> FaultyProxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind proxy");
        let port = listener.local_addr().expect("proxy port").port();
        let stop = Arc::new(AtomicBool::new(false));
        let left = Arc::new(AtomicUsize::new(budget));
        let flag = stop.clone();
        let accept = std::thread::spawn(move || {
            for client in listener.incoming() {
                if flag.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(client) = client else { continue };
                if left.load(Ordering::SeqCst) == 0 {
                    continue; // dropped: the connection is refused
                }
                let Ok(server) = TcpStream::connect(("127.0.0.1", upstream)) else { continue };
                let (c2, s2) = (client.try_clone().expect("clone"), server.try_clone().expect("clone"));
                let left = left.clone();
                std::thread::spawn(move || pump(client, server, Some(left)));
                std::thread::spawn(move || pump(s2, c2, None));
            }
        });
        FaultyProxy { port, stop, accept: Some(accept) }
    }
}

/// Copies `from` to `to` until either ends, spending `budget` when given; when it
/// runs out, both connections are shut.
fn pump(mut from: TcpStream, mut to: TcpStream, budget: Option<Arc<AtomicUsize>>) {
    let mut buf = [0u8; 16 * 1024];
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        let allowed = match &budget {
            None => n,
            Some(left) => {
                let before = left.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |l| Some(l.saturating_sub(n)));
                n.min(before.unwrap_or(0))
            }
        };
        if to.write_all(&buf[..allowed]).is_err() || allowed < n {
            break;
        }
    }
    let _ = from.shutdown(Shutdown::Both);
    let _ = to.shutdown(Shutdown::Both);
}

impl Drop for FaultyProxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(t) = self.accept.take() {
            let _ = t.join();
        }
    }
}

#[test]
fn an_ingest_cut_off_by_a_network_fault_completes_when_run_again() {
    let Some(engine) = oxigraph(None, false) else { return };
    let dir = tempdir();
    let file = entries_file(dir.path(), "entries.jsonl", 400, 0);
    let local = local_store(&[&file]);
    // The ontology takes some 0.7 MB of updates; the entries some 4 MB more.
    let proxy = FaultyProxy::start(engine.port, 2_000_000);
    let url = format!("http://127.0.0.1:{}", proxy.port);
    let out = kg_std(Path::new(&format!("{url}/query")))
        .args(["--update-url", &format!("{url}/update"), "ingest", "--quiet"])
        .arg(&file)
        .output()
        .expect("kg ingest through the proxy");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "the cut ingest must fail: {stderr}");
    assert!(stderr.contains(&format!("remote store {url}/update")), "{stderr}");
    drop(proxy);
    let stats = stdout(&mut engine.kg(), &["stats", "--format", "json"]);
    let entries = serde_json::from_str::<serde_json::Value>(&stats).expect("stats JSON")["entries"].as_u64();
    assert!(matches!(entries, Some(1..=399)), "the fault should cut the ingest midway: {stats}");
    engine.kg().args(["ingest", "--quiet"]).arg(&file).assert().success();
    let export = ["export", "--format", "turtle"];
    assert_eq!(stdout(&mut engine.kg(), &export), stdout(&mut kg(&store_in(&local)), &export));
}

/// Two ingests of different files at once into `engine` hold what one after the
/// other holds.
fn concurrent_ingests(engine: &Engine, name: &str) {
    let dir = tempdir();
    let a = entries_file(dir.path(), "a.jsonl", 150, 0);
    let b = entries_file(dir.path(), "b.jsonl", 150, 1_000);
    let local = local_store(&[&a, &b]);
    let spawn = |f: &Path| engine.kg_std().args(["ingest", "--quiet"]).arg(f).spawn().expect("spawn kg ingest");
    let (mut first, mut second) = (spawn(&a), spawn(&b));
    assert!(first.wait().expect("wait").success(), "{name}: the first ingest failed");
    assert!(second.wait().expect("wait").success(), "{name}: the second ingest failed");
    let export = ["export", "--format", "turtle"];
    assert_eq!(stdout(&mut engine.kg(), &export), stdout(&mut kg(&store_in(&local)), &export), "{name}");
    for q in
        [&["who-rejects", "ceasefire proposal"][..], &["positions", "Putin"], &["timeline", "Macron"], &["meetings"]]
    {
        let mine = stdout(&mut kg(&store_in(&local)), q);
        assert!(mine.lines().count() > 2, "the local store answers {q:?}: {mine}");
        assert_eq!(stdout(&mut engine.kg(), q), mine, "{name}: {q:?}");
    }
}

#[test]
fn two_ingests_at_once_into_oxigraph_server_equal_one_after_the_other() {
    let Some(engine) = oxigraph(None, false) else { return };
    concurrent_ingests(&engine, "oxigraph serve");
}

#[test]
fn two_ingests_at_once_into_virtuoso_equal_one_after_the_other() {
    let Some(engine) = virtuoso() else { return };
    concurrent_ingests(&engine, "Virtuoso");
}
