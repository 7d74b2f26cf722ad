//! The hostile-input catalogue (RELIABILITY.md): each input gets a clear one-line
//! error and exit 1, or a documented skip with a warning; never a panic, never a
//! partial file in the store, never memory growing beyond the input itself.

use std::path::Path;

use crate::util::{self, kg, sample_store, sorted_export, store_in, SAMPLE};

/// Writes `bytes` to `name` in `dir`, ingests it into a store holding the sample, and
/// checks that kg failed on one line naming the file and every one of `needles`, and
/// that the store did not change.
fn rejects(name: &str, bytes: &[u8], args: &[&str], needles: &[&str]) -> String {
    let dir = sample_store();
    let store = store_in(&dir);
    let before = sorted_export(&store);
    let file = dir.path().join(name);
    std::fs::write(&file, bytes).expect("write input");
    let out = kg(&store).arg("ingest").args(args).arg(&file).output().expect("kg ingest");
    let mut all = vec![name];
    all.extend_from_slice(needles);
    let line = util::assert_one_line_error(&out, 1, &all);
    assert_eq!(sorted_export(&store), before, "{name}: the store changed");
    line
}

/// Ingests `text` as `name` into a fresh store, expecting success and `warnings`
/// lines on stderr (and nothing else there) containing all of `needles`; returns the
/// store's sorted export.
fn accepts(dir: &tempfile::TempDir, name: &str, text: &[u8], warnings: usize, needles: &[&str]) -> Vec<String> {
    // A fresh store each call; the input keeps its name, which may identify it.
    static STORES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = STORES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let store = dir.path().join(format!("store-{n}"));
    let file = dir.path().join(name);
    std::fs::write(&file, text).expect("write input");
    let out = kg(&store).arg("ingest").arg(&file).output().expect("kg ingest");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{name}: {stderr}");
    assert_eq!(stderr.lines().count(), warnings, "{name}: stderr {stderr:?}");
    for w in needles {
        assert!(stderr.contains(w), "{name}: warning {w:?} missing from {stderr:?}");
    }
    for line in stderr.lines() {
        assert!(line.starts_with(&format!("kg: warning: {}", file.display())), "{line}");
    }
    sorted_export(&store)
}

#[test]
fn empty_file() {
    rejects("empty.txt", b"", &[], &["empty input"]);
    rejects("blank.txt", b" \n\n\t\xc2\xa0\n", &[], &["empty input"]);
}

#[test]
fn binary_file() {
    // A PNG header: invalid UTF-8 at its first byte.
    rejects("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0", &[], &["invalid UTF-8 at byte 0"]);
    // Valid UTF-8 with NUL bytes: still binary.
    rejects("data.bin", b"ELF\0\x02\x01\x01\0\0\0\0\0\0\0\0\0", &[], &["binary content (NUL byte at byte 3)"]);
}

#[test]
fn invalid_utf8_deep_in_a_file() {
    let mut bytes = std::fs::read(SAMPLE).expect("sample");
    let offset = bytes.len() / 2;
    bytes[offset] = 0xff;
    rejects("damaged.txt", &bytes, &[], &[&format!("invalid UTF-8 at byte {offset}")]);
}

#[test]
fn directory_instead_of_a_file() {
    let dir = sample_store();
    let store = store_in(&dir);
    let before = sorted_export(&store);
    let sub = dir.path().join("inbox");
    std::fs::create_dir(&sub).expect("mkdir");
    let out = kg(&store).arg("ingest").arg(&sub).output().expect("kg ingest");
    util::assert_one_line_error(&out, 1, &["cannot read", "inbox", "is a directory"]);
    // The store directory given as a file to read, and a file given as the store.
    let out = kg(&store).arg("ingest").arg(&store).output().expect("kg ingest");
    util::assert_one_line_error(&out, 1, &["is a directory"]);
    let out = kg(Path::new(SAMPLE)).args(["ingest", SAMPLE]).output().expect("kg ingest");
    util::assert_one_line_error(&out, 1, &["cannot open store", "not a directory"]);
    assert_eq!(sorted_export(&store), before, "the store changed");
}

#[test]
fn impossible_time_headers() {
    for header in ["99:99 GMT", "25:00 GMT", "23:60 CET", "13:00 pm BST", "0.30am GMT"] {
        let text =
            format!("Peace talks resume in Geneva\n\n25 November 2025\n\n20:41 GMT\n\nFine.\n\n{header}\n\nBroken.\n");
        rejects("times.txt", text.as_bytes(), &[], &["times.txt:9", &format!("invalid time '{header}'")]);
    }
}

#[test]
fn time_header_before_any_date() {
    let text = "Peace talks resume in Geneva\n\nIntro paragraph.\n\n20:41 GMT\n\nText.\n";
    rejects("undated.txt", text.as_bytes(), &[], &["undated.txt:5", "time header '20:41 GMT' has no date", "--date"]);
}

#[test]
fn text_between_a_date_header_and_the_next_time_header_is_skipped_with_a_warning() {
    let dir = util::tempdir();
    let with = "Peace talks resume in Geneva\n\n25 November 2025\n\n20:41 GMT\n\nFirst.\n\n24 November 2025\n\nStray line.\n\n18:00 GMT\n\nSecond.\n";
    // Blank instead of removed, so that the other entries keep their line numbers.
    let without = with.replace("Stray line.", "");
    let a = accepts(
        &dir,
        "stray.txt",
        with.as_bytes(),
        1,
        &["1 line(s) between a date header and the first time header were skipped"],
    );
    let b = accepts(&dir, "stray.txt", without.as_bytes(), 0, &[]);
    assert_eq!(a, b, "the skipped line left a trace");
}

#[test]
fn broken_json_lines() {
    let ok = "{\"time\":\"2025-11-25T20:41:00Z\",\"text\":\"Fine.\"}\n";
    rejects(
        "broken.jsonl",
        format!("{ok}{ok}{{\"time\":\"2025-11-25T20:41:00Z\",\"text\":\"cut off").as_bytes(),
        &[],
        &["broken.jsonl:3", "invalid JSON"],
    );
    rejects(
        "types.jsonl",
        format!("{ok}{{\"time\":[2025],\"text\":\"x\"}}\n").as_bytes(),
        &[],
        &["types.jsonl:2", "\"time\" must be a string, not an array"],
    );
    rejects(
        "nulls.jsonl",
        format!("{ok}{{\"time\":null,\"text\":\"x\"}}\n").as_bytes(),
        &[],
        &["nulls.jsonl:2", "missing \"time\""],
    );
    rejects("forced.txt", b"not json at all\n", &["--format", "jsonl"], &["forced.txt:1", "invalid JSON"]);
    // Deep nesting stops at serde_json's recursion limit instead of the stack.
    let deep = format!(
        "{ok}{{\"time\":\"2025-11-25\",\"text\":\"x\",\"extra\":{}{}}}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    rejects("deep.jsonl", deep.as_bytes(), &[], &["deep.jsonl:2", "recursion limit"]);
}

#[test]
fn deeply_nested_quotes_are_just_text() {
    let dir = util::tempdir();
    let depth = 5_000;
    let nested = format!(
        "{}Zelensky rejected the ceasefire.{}",
        "\u{201c}\u{2018}\"'(\u{ab}".repeat(depth),
        "\u{bb})'\"\u{2019}\u{201d}".repeat(depth)
    );
    let blog = format!("Peace talks resume in Geneva\n\n25 November 2025\n\n20:41 GMT\n\n{nested}\n\n20:00 GMT\n\nKyiv said \u{201c}no\u{201d}.\n");
    let rows = accepts(&dir, "quotes.txt", blog.as_bytes(), 0, &[]);
    assert!(rows.iter().any(|l| l.contains("Zelensky rejected the ceasefire.")), "the nested entry is stored");
    let jsonl =
        format!("{{\"time\":\"2025-11-25T20:41:00Z\",\"text\":{}}}\n", serde_json::to_string(&nested).expect("JSON"));
    accepts(&dir, "quotes.jsonl", jsonl.as_bytes(), 0, &[]);
}

/// A live blog of ordinary entries with `middle` as the text of a middle one (no
/// entry when blank).
fn blog_with(middle: &str) -> String {
    format!("Peace talks resume in Geneva\n\n25 November 2025\n\n20:41 GMT\n\nFirst entry.\n\n20:30 GMT\n\n{middle}\n\n20:00 GMT\n\nLast entry.\n")
}

/// Blank lines as many as `text` has lines: a stand-in that keeps line numbers.
fn blanked(text: &str) -> String {
    "\n".repeat(text.matches('\n').count())
}

#[test]
fn huge_entry_is_skipped_with_a_warning() {
    let dir = util::tempdir();
    // 2 MiB of ordinary lines: over the 1 MiB entry limit.
    let huge = "Officials met again in Geneva and talked at length about the plan.\n".repeat(32_000);
    let blog = blog_with(&huge);
    let skipped =
        accepts(&dir, "huge.txt", blog.as_bytes(), 1, &["huge.txt: line 9: entry of", "over the 1048576-byte limit"]);
    let reference = accepts(&dir, "huge.txt", blog_with(&blanked(&huge)).as_bytes(), 0, &[]);
    assert_eq!(skipped, reference, "the huge entry left a trace");

    // The same in JSON Lines: the line is skipped, the others are read.
    let ok = "{\"time\":\"2025-11-25T20:41:00Z\",\"text\":\"Fine.\"}\n";
    let big =
        format!("{{\"time\":\"2025-11-25T20:40:00Z\",\"text\":{}}}\n", serde_json::to_string(&huge).expect("JSON"));
    let skipped = accepts(&dir, "huge.jsonl", format!("{ok}{big}").as_bytes(), 1, &["huge.jsonl: line 2: entry of"]);
    let reference = accepts(&dir, "huge.jsonl", ok.as_bytes(), 0, &[]);
    assert_eq!(skipped, reference);

    // A plain article is one entry: too large is an error.
    rejects(
        "huge-article.txt",
        huge.as_bytes(),
        &["--date", "2025-11-25"],
        &["article text is over the 1048576-byte entry limit"],
    );
}

/// Runs `kg ARGS` to its end and returns its exit code, its stderr and its peak
/// resident memory in bytes.
///
/// The peak comes from `wait4`. A child spawned by this (large, multi-threaded) test
/// process would inherit the test process's high-water mark at `exec`, so kg is
/// spawned by a small helper instead: this test binary run again with only
/// [`measure_helper`], which reports the figures on its standard output.
fn run_measured(args: &[&std::ffi::OsStr], stderr_file: &Path) -> (Option<i32>, String, u64) {
    let helper = std::env::current_exe().expect("test binary");
    let joined = args.iter().map(|a| a.to_str().expect("UTF-8 argument")).collect::<Vec<_>>().join("\u{1f}");
    let out = std::process::Command::new(helper)
        .args(["--exact", "hostile::measure_helper", "--nocapture", "--test-threads=1"])
        .env("KG_IT_MEASURE_ARGS", joined)
        .env("KG_IT_MEASURE_STDERR", stderr_file)
        .output()
        .expect("run the measuring helper");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let report = stdout
        .lines()
        .find_map(|l| l.split_once("kg-it-measure ").map(|(_, r)| r))
        .unwrap_or_else(|| panic!("helper said: {stdout}"));
    let field = |name: &str| -> i64 {
        report.split(' ').find_map(|kv| kv.strip_prefix(name)?.strip_prefix('=')?.parse().ok()).expect("helper field")
    };
    let code = field("code");
    let stderr = std::fs::read_to_string(stderr_file).expect("stderr");
    ((code >= 0).then_some(code as i32), stderr, field("maxrss") as u64)
}

/// Not a test on its own: when `KG_IT_MEASURE_ARGS` is set, runs `kg` with those
/// arguments (separated by U+001F), its stderr to `KG_IT_MEASURE_STDERR`, and prints
/// `kg-it-measure code=N maxrss=BYTES` (code -1 when killed by a signal).
#[test]
fn measure_helper() {
    let Ok(args) = std::env::var("KG_IT_MEASURE_ARGS") else { return };
    let stderr_file = std::env::var("KG_IT_MEASURE_STDERR").expect("KG_IT_MEASURE_STDERR");
    let err = std::fs::File::create(stderr_file).expect("stderr file");
    let child = std::process::Command::new(util::kg_path())
        .env_remove("KG_STORE")
        .env_remove("KG_ONTOLOGY")
        .args(args.split('\u{1f}'))
        .stdout(std::process::Stdio::null())
        .stderr(err)
        .spawn()
        .expect("spawn kg");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain old data, and wait4 gets valid pointers to locals.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(reaped, pid, "wait4");
    let code = if libc::WIFEXITED(status) { libc::WEXITSTATUS(status) } else { -1 };
    // Linux reports ru_maxrss in kilobytes.
    println!("kg-it-measure code={code} maxrss={}", usage.ru_maxrss as u64 * 1024);
}

#[test]
fn a_single_50_mb_line_costs_no_more_memory_than_itself() {
    let dir = util::tempdir();
    let store = store_in(&dir);
    let log = dir.path().join("stderr.txt");
    // What kg needs anyway: the ingest of a small file.
    let ingest = |extra: &[&str], file: &Path| -> Vec<std::ffi::OsString> {
        let mut args: Vec<std::ffi::OsString> = vec!["--store".into(), store.clone().into(), "ingest".into()];
        args.extend(extra.iter().map(Into::into));
        args.push(file.into());
        args
    };
    let measure =
        |args: Vec<std::ffi::OsString>| run_measured(&args.iter().map(|a| a.as_os_str()).collect::<Vec<_>>(), &log);
    let (code, stderr, baseline) = measure(ingest(&[], Path::new(SAMPLE)));
    assert_eq!(code, Some(0), "{stderr}");
    let before = sorted_export(&store);

    let line = || "peace ".repeat(50 * 1024 * 1024 / 6);
    let cases: [(&str, &[&str], Option<&str>); 3] = [
        // Detected as a plain article: one entry, too large.
        ("line.txt", &["--date", "2025-11-25"], Some("article text is over the 1048576-byte entry limit")),
        // One JSON line: skipped unparsed, which leaves no entries.
        ("line.jsonl", &[], Some("no entries: line 1: entry of")),
        // A live-blog entry: skipped, the others are read.
        ("line-blog.txt", &[], None),
    ];
    for (name, args, error) in cases {
        // Built one at a time: the test process's own memory is not what is measured,
        // but it need not hold three copies either.
        let text = match name {
            "line.txt" => format!("{}\n", line()),
            "line.jsonl" => format!("{{\"time\":\"2025-11-25T20:41:00Z\",\"text\":\"{}\"}}\n", line()),
            _ => blog_with(&line()),
        };
        let file = dir.path().join(name);
        std::fs::write(&file, &text).expect("write input");
        let input = text.len() as u64;
        drop(text);
        let (code, stderr, peak) = measure(ingest(args, &file));
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        match error {
            Some(e) => {
                assert_eq!(code, Some(1), "{name}: {stderr}");
                assert_eq!(stderr.lines().count(), 1, "{name}: {stderr}");
                assert!(stderr.contains(e) && stderr.contains(name), "{name}: {stderr}");
                assert_eq!(sorted_export(&store), before, "{name}: the store changed");
            }
            None => {
                assert_eq!(code, Some(0), "{name}: {stderr}");
                assert!(stderr.contains("line 9: entry of 52428") && stderr.contains("skipped"), "{name}: {stderr}");
            }
        }
        // The file is read a line at a time: the long line is held once, never copied.
        let limit = baseline + input + input / 4;
        assert!(peak < limit, "{name}: peak memory {peak} bytes for a {input}-byte input (small ingest: {baseline})");
        std::fs::remove_file(&file).expect("remove input");
    }
}
