//! Helpers shared by the integration tests: running `kg`, sample stores, exports.

use std::path::{Path, PathBuf};
use std::process::Output;

use tempfile::TempDir;

/// The bundled sample live blog.
pub const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/live-2025-11-25-ukraine-peace-plan.txt");

/// The `queries/` directory.
pub fn queries_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("queries")
}

/// The `kg` binary built for these tests.
pub fn kg_path() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_kg"))
}

/// `kg --store STORE`, with no KG_* variables leaking in from the environment.
pub fn kg(store: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(kg_path());
    cmd.env_remove("KG_STORE").env_remove("KG_ONTOLOGY").arg("--store").arg(store);
    cmd
}

/// The same as [`kg`], as a `std::process::Command` for spawning and killing.
pub fn kg_std(store: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(kg_path());
    cmd.env_remove("KG_STORE").env_remove("KG_ONTOLOGY").arg("--store").arg(store);
    cmd
}

/// A temporary directory for a test.
pub fn tempdir() -> TempDir {
    tempfile::Builder::new().prefix("kg-it-").tempdir().expect("temp dir")
}

/// A fresh store (in its own temp dir) holding the sample.
pub fn sample_store() -> TempDir {
    let dir = tempdir();
    kg(&store_in(&dir)).args(["ingest", "--quiet", SAMPLE]).assert().success();
    dir
}

/// Where a test keeps its store inside its temp dir.
pub fn store_in(dir: &TempDir) -> PathBuf {
    dir.path().join("store")
}

/// `kg export --format nquads` of a store, as text.
pub fn export(store: &Path) -> String {
    let out = kg(store).args(["export", "--format", "nquads"]).output().expect("run kg export");
    assert!(out.status.success(), "export failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("export is UTF-8")
}

/// The export's lines, sorted: a canonical form for comparing two stores.
pub fn sorted_export(store: &Path) -> Vec<String> {
    let mut lines: Vec<String> = export(store).lines().map(str::to_string).collect();
    lines.sort_unstable();
    lines
}

/// Asserts that `kg` failed with `code` and one line on stderr, `kg: …`, containing
/// every one of `needles`; returns that line.
pub fn assert_one_line_error(out: &Output, code: i32, needles: &[&str]) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(code), "exit code; stderr: {stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line of error expected, got: {stderr:?}");
    let line = lines[0];
    assert!(line.starts_with("kg: "), "error starts with 'kg: ': {line}");
    assert!(!line.contains("panicked"), "a panic: {line}");
    for n in needles {
        assert!(line.contains(n), "error {line:?} should name {n:?}");
    }
    line.to_string()
}

/// Runs `kg query` with `args` on `store` and returns its standard output.
pub fn query(store: &Path, args: &[&str]) -> String {
    let out = kg(store).arg("query").args(args).output().expect("run kg query");
    assert!(out.status.success(), "kg query {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("query output is UTF-8")
}

/// Runs a SELECT with `--format json` and returns the parsed SPARQL JSON results.
pub fn query_json(store: &Path, query_or_file: &str) -> serde_json::Value {
    let text = query(store, &[query_or_file, "--format", "json"]);
    serde_json::from_str(&text).expect("SPARQL JSON results")
}

/// The bindings of a SPARQL JSON result.
pub fn bindings(results: &serde_json::Value) -> &Vec<serde_json::Value> {
    results["results"]["bindings"].as_array().expect("results.bindings is an array")
}

/// A large JSON Lines corpus of distinct entries with claims, and the sorted export of
/// an uninterrupted ingest of it: shared by the crash and concurrency tests, built
/// once per test run under cargo's temp dir for integration tests.
pub struct Corpus {
    pub file: PathBuf,
    pub entries: usize,
    /// Sorted N-Quads export of a fresh store after `kg ingest --batch 50 FILE`.
    pub reference: Vec<String>,
    /// The store that export comes from.
    pub reference_store: PathBuf,
}

/// Entries written per transaction in the large-corpus tests: small, so that an
/// interrupted ingest has committed several batches.
pub const CORPUS_BATCH: &str = "50";

/// JSON Lines entry number `i`: one of `actors` rejects a ceasefire proposal, two
/// others meet, in `month` of 2025; `filler` follows the two sentences.
pub fn claim_entry(i: usize, actors: &[&str], month: u32, filler: &str) -> serde_json::Value {
    let n = actors.len();
    let body = format!(
        "{} rejected the ceasefire proposal number {i}. {} met {} in Geneva on round {i}.{filler}",
        actors[i % n],
        actors[(i + 1) % n],
        actors[(i + 2) % n]
    );
    serde_json::json!({
        "time": format!("2025-{month:02}-{:02}T{:02}:{:02}:00Z", 1 + i % 28, i % 24, i % 60),
        "text": body,
    })
}

/// The shared corpus (about 20 MB, 10,000 entries, 20,000 claims).
pub fn corpus() -> &'static Corpus {
    static CORPUS: std::sync::OnceLock<Corpus> = std::sync::OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("kg-it-corpus");
        // Left over from an earlier run: start afresh, the code may have changed.
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("corpus dir");
        let entries = 10_000;
        let filler = "Officials discussed the negotiations at length while observers waited for news. ".repeat(24);
        let actors = ["Zelensky", "Putin", "Macron", "Starmer", "Erdogan"];
        let filler = format!(" {filler}");
        let mut text = String::with_capacity(entries * 2_200);
        for i in 0..entries {
            let mut line = claim_entry(i, &actors, 11, &filler);
            line["url"] = serde_json::json!(format!("https://example.org/live/{}", i / 100));
            text.push_str(&line.to_string());
            text.push('\n');
        }
        let file = dir.join("corpus.jsonl");
        std::fs::write(&file, text).expect("write corpus");
        let reference_store = dir.join("reference-store");
        kg(&reference_store).args(["ingest", "--quiet", "--batch", CORPUS_BATCH]).arg(&file).assert().success();
        let reference = sorted_export(&reference_store);
        Corpus { file, entries, reference, reference_store }
    })
}

/// Spawns `kg ingest --batch 50 FILE FILE FILE` on `store`, waits until another
/// process sees at least one committed entry, and returns the still-running child.
/// Panics if the ingest ends first (the corpus would then be too small to test
/// anything). The file is given three times: the second and third readings add
/// nothing (ingest is idempotent) but keep the writer busy for seconds after its first
/// commit, so that the tests have time to look.
pub fn spawn_ingest_and_wait_for_first_commit(store: &Path, file: &Path) -> std::process::Child {
    let mut child = kg_std(store)
        .args(["ingest", "--quiet", "--batch", CORPUS_BATCH])
        .args([file, file, file])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn kg ingest");
    wait_for_first_commit(&mut child, store);
    child
}

/// Waits until another process sees a committed entry in `store`, which `child` is
/// writing; panics if the child ends first.
fn wait_for_first_commit(child: &mut std::process::Child, store: &Path) {
    loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            panic!("the ingest ended ({status}) before a first commit was seen");
        }
        if committed_entries(store).is_some_and(|n| n > 0) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// An ingest that cannot finish until [`HeldIngest::release`]: its last input is a
/// named pipe this side holds open, so the writer is still running, whatever the
/// machine's speed, for as long as a test needs it to be.
pub struct HeldIngest {
    pub child: std::process::Child,
    pipe: std::fs::File,
    last_line: String,
}

impl HeldIngest {
    /// Lets the ingest finish: the pipe delivers the corpus's last entry again (already
    /// in the store, so it adds nothing) and closes.
    pub fn release(mut self) -> std::process::Output {
        use std::io::Write;
        self.pipe.write_all(self.last_line.as_bytes()).expect("write to the pipe");
        drop(self.pipe);
        self.child.wait_with_output().expect("wait for the ingest")
    }
}

/// Spawns `kg ingest --batch 50 FILE PIPE` on `store` and waits until another process
/// sees a committed entry: the ingest then holds the store until released.
pub fn spawn_held_ingest(store: &Path, dir: &Path, file: &Path) -> HeldIngest {
    use std::os::unix::fs::OpenOptionsExt;
    let fifo = dir.join("held.jsonl");
    let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("path");
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo {}", fifo.display());
    let mut child = kg_std(store)
        .args(["ingest", "--quiet", "--batch", CORPUS_BATCH])
        .args([file, &fifo])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn kg ingest");
    // kg opens every input before it starts; a non-blocking open for writing succeeds
    // once it has the pipe open for reading. From then on it sees a writer, so its
    // reading of the pipe waits for this side.
    let pipe = loop {
        match std::fs::OpenOptions::new().write(true).custom_flags(libc::O_NONBLOCK).open(&fifo) {
            Ok(p) => break p,
            Err(e) if e.raw_os_error() == Some(libc::ENXIO) => {}
            Err(e) => panic!("open {}: {e}", fifo.display()),
        }
        if let Some(status) = child.try_wait().expect("try_wait") {
            panic!("the ingest ended ({status}) before it opened its inputs");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    let text = std::fs::read_to_string(file).expect("read the corpus");
    let last_line = format!("{}\n", text.lines().last().expect("a corpus line"));
    wait_for_first_commit(&mut child, store);
    HeldIngest { child, pipe, last_line }
}

/// Number of entries in a store while a writer may be creating it: `None` when
/// `kg stats` says the store is busy (caught while its writer creates it).
fn committed_entries(store: &Path) -> Option<u64> {
    let out = kg(store).args(["stats", "--format", "json"]).output().expect("kg stats");
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() && stderr.contains("is busy: another kg process is writing to it") {
        return None;
    }
    assert!(out.status.success(), "kg stats: {stderr}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stats JSON");
    v["entries"].as_u64()
}

/// Number of entries in a store, read by another process (`kg stats`, read-only).
pub fn entries_in(store: &Path) -> u64 {
    let out = kg(store).args(["stats", "--format", "json"]).output().expect("kg stats");
    assert!(out.status.success(), "kg stats: {}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stats JSON");
    v["entries"].as_u64().expect("entries")
}
