//! Live sources (issue 13): pages and feeds in `tests/data/web/`, read from files and
//! served by a local HTTP server the test starts on 127.0.0.1 (a port the OS picks),
//! whose page grows between polls and which answers 304, 500, hangs, cuts a body short,
//! loops redirects and sends a body over the limit. No test touches the real network.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use kg::entry::{web, Format, ReadOptions};

use crate::util::{kg, kg_std, sorted_export, store_in, tempdir};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/web").join(name)
}

fn fixture_bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).expect("fixture exists")
}

/// What the server answers to one request.
#[derive(Clone)]
enum Reply {
    /// 200 with a body; the ETag is a hash of it, and a request that sends it back gets 304.
    Page { body: Vec<u8>, content_type: &'static str },
    /// 200 with a body and no validators: every request gets the page in full.
    Bare(Vec<u8>),
    /// Any status, no body.
    Status(u16),
    /// Waits this long before answering at all.
    Hang(Duration),
    /// Announces more bytes than it sends, then closes.
    Truncated(Vec<u8>),
    /// A redirect to this path (on the same server).
    Redirect(String),
}

/// A request as the server saw it.
#[derive(Debug, Clone)]
struct Seen {
    path: String,
    if_none_match: Option<String>,
    user_agent: Option<String>,
}

/// An HTTP/1.1 server on 127.0.0.1 for one test: `reply` decides each answer from the
/// request's path. Every connection is closed after one answer; the server stops when
/// dropped, and after at most 500 connections or 120 s whatever happens.
struct Server {
    port: u16,
    seen: Arc<Mutex<Vec<Seen>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

type Handler = Arc<dyn Fn(&str) -> Reply + Send + Sync>;

impl Server {
    fn start(reply: impl Fn(&str) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let port = listener.local_addr().expect("local address").port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Handler = Arc::new(reply);
        let (s, st) = (seen.clone(), stop.clone());
        let thread = std::thread::spawn(move || {
            let started = Instant::now();
            for (n, conn) in listener.incoming().enumerate() {
                if st.load(Ordering::SeqCst) || n >= 500 || started.elapsed() > Duration::from_secs(120) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (h, s) = (handler.clone(), s.clone());
                // Each connection on its own thread, so a hanging answer holds up no other.
                std::thread::spawn(move || {
                    let _ = serve(conn, &*h, &s);
                });
            }
        });
        Server { port, seen, stop, thread: Some(thread) }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().expect("lock").clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accept loop so that it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn etag_of(body: &[u8]) -> String {
    format!("\"{:016x}\"", xxhash_rust::xxh3::xxh3_64(body))
}

fn serve(mut conn: TcpStream, reply: &dyn Fn(&str) -> Reply, seen: &Mutex<Vec<Seen>>) -> std::io::Result<()> {
    conn.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut reader = BufReader::new(conn.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let path = request_line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let (mut if_none_match, mut user_agent) = (None, None);
    // At most 100 header lines.
    for _ in 0..100 {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            match k.trim().to_ascii_lowercase().as_str() {
                "if-none-match" => if_none_match = Some(v.trim().to_string()),
                "user-agent" => user_agent = Some(v.trim().to_string()),
                _ => {}
            }
        }
    }
    seen.lock().expect("lock").push(Seen { path: path.clone(), if_none_match: if_none_match.clone(), user_agent });
    let head = |status: &str, extra: &str, len: usize| {
        format!("HTTP/1.1 {status}\r\nContent-Length: {len}\r\nConnection: close\r\n{extra}\r\n")
    };
    match reply(&path) {
        Reply::Page { body, content_type } => {
            let etag = etag_of(&body);
            if if_none_match.as_deref() == Some(etag.as_str()) {
                conn.write_all(head("304 Not Modified", &format!("ETag: {etag}\r\n"), 0).as_bytes())?;
            } else {
                let extra = format!("Content-Type: {content_type}\r\nETag: {etag}\r\n");
                conn.write_all(head("200 OK", &extra, body.len()).as_bytes())?;
                conn.write_all(&body)?;
            }
        }
        Reply::Bare(body) => {
            conn.write_all(head("200 OK", "Content-Type: text/html\r\n", body.len()).as_bytes())?;
            conn.write_all(&body)?;
        }
        Reply::Status(code) => conn.write_all(head(&format!("{code} Status"), "", 0).as_bytes())?,
        Reply::Hang(d) => std::thread::sleep(d),
        Reply::Truncated(body) => {
            let extra = "Content-Type: text/html\r\n";
            conn.write_all(head("200 OK", extra, body.len() * 2).as_bytes())?;
            conn.write_all(&body)?;
        }
        Reply::Redirect(to) => conn.write_all(head("302 Found", &format!("Location: {to}\r\n"), 0).as_bytes())?,
    }
    conn.flush()
}

/// A live blog in the markup of a live-blog platform, with its first `n` entries
/// (newest at the top, as such pages are).
fn growing_blog(n: usize, edited: bool) -> Vec<u8> {
    let posts: Vec<(usize, &str)> = (0..n)
        .map(|i| {
            (i, if edited && i == 1 { "Zelensky backed the 30-day ceasefire, Reuters reported." } else { POSTS[i].1 })
        })
        .collect();
    blog_of(&posts)
}

const POSTS: [(&str, &str); 4] = [
    ("2025-11-25T09:00:00Z", "Putin met Witkoff in Moscow."),
    ("2025-11-25T10:00:00Z", "Zelensky rejected the 30-day ceasefire, Reuters reported."),
    ("2025-11-25T11:00:00Z", "The EU said it supports the American peace plan."),
    ("2025-11-25T12:00:00Z", "Russia demands that Ukraine give up NATO membership."),
];

/// A live blog of the given posts (index into [`POSTS`] for the time and anchor, and
/// the text), newest at the top.
fn blog_of(posts: &[(usize, &str)]) -> Vec<u8> {
    let mut blocks = String::new();
    for (i, text) in posts.iter().rev() {
        let time = POSTS[*i].0;
        blocks.push_str(&format!(
            "<article id=\"post-{i}\"><time datetime=\"{time}\">{time}</time><p>{text}</p></article>\n"
        ));
    }
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Talks live</title>\
<link rel=\"canonical\" href=\"https://wire.example/live/talks\"><meta property=\"og:site_name\" content=\"Wire\">\
</head><body><nav>Home</nav><main>{blocks}</main><footer>(c)</footer></body></html>"
    )
    .into_bytes()
}

/// The claims of a store, with time, entry URL and quote: one line each, sorted.
fn claims(store: &Path) -> Vec<String> {
    let q = "PREFIX kg: <https://w3id.org/kg-news/ns#> PREFIX dct: <http://purl.org/dc/terms/> PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?time ?url ?quote WHERE { ?c a kg:Claim ; kg:quote ?quote ; prov:wasDerivedFrom ?e . OPTIONAL { ?c kg:time ?time } OPTIONAL { ?e dct:source ?url } }";
    let out = kg(store).args(["query", q, "--format", "tsv"]).output().expect("run kg query");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut rows: Vec<String> = String::from_utf8_lossy(&out.stdout).lines().skip(1).map(str::to_string).collect();
    rows.sort();
    rows
}

#[test]
fn fixtures_read_with_time_url_publisher_and_plain_quotes() {
    // (file, format, publisher, entries, the URL of one entry)
    let cases = [
        (
            "jsonld-liveblog.html",
            Format::Html,
            Some("Northern Chronicle"),
            3,
            "https://chronicle.example/world/live/2025/nov/25/ukraine-peace-talks-live#block-692615e7",
        ),
        (
            "time-blocks.html",
            Format::Html,
            Some("Capital Wire"),
            2,
            "https://capitalwire.example/live-news/russia-ukraine-talks-11-25-25#post-cm3x9a",
        ),
        (
            "article.html",
            Format::Html,
            Some("Global Desk"),
            1,
            "https://globaldesk.example/world/europe/russia-rejects-european-counter-proposal-2025-11-26/",
        ),
        ("latin1.html", Format::Html, Some("Le Quotidien"), 1, ""),
        ("feed.rss", Format::Feed, None, 2, "https://harbourtimes.example/2025/11/25/putin-rejects-peacekeepers"),
        ("feed.atom", Format::Feed, None, 2, "https://balticledger.example/ukraine-talks/amended-deal"),
    ];
    for (name, format, publisher, n, url) in cases {
        let bytes = fixture_bytes(name);
        assert_eq!(web::sniff(&bytes, None, None), Some(format), "{name}");
        let p = web::read(name, &bytes, format, None, None, &ReadOptions::default()).expect(name);
        assert_eq!(p.documents[0].source.as_deref(), publisher, "{name}");
        assert_eq!(p.entries.len(), n, "{name}: {:#?}", p.entries);
        for e in &p.entries {
            assert!(e.time.is_some(), "{name}: undated {e:?}");
            for bad in ["<", ">", "&amp;", "&quot;", "&lt;", "&#", "cookie", "Share", "Related", "©"] {
                assert!(!e.text.contains(bad), "{name}: {bad:?} in {:?}", e.text);
            }
        }
        if !url.is_empty() {
            assert!(p.entries.iter().any(|e| e.url.as_deref() == Some(url)), "{name}: {:#?}", p.entries);
        }
    }
    let latin = web::read("l.html", &fixture_bytes("latin1.html"), Format::Html, None, None, &ReadOptions::default())
        .expect("latin-1 page");
    let text = &latin.entries[0].text;
    assert!(text.contains("Genève : café, déjà-vu") && text.contains("\u{201c}unacceptable\u{201d}"), "{text}");
    assert!(!text.contains('\u{fffd}') && !text.contains("Accueil"), "{text}");
    let article =
        web::read("a.html", &fixture_bytes("article.html"), Format::Html, None, None, &ReadOptions::default())
            .expect("article");
    let e = &article.entries[0];
    assert_eq!(e.time.map(|t| t.to_rfc3339()).as_deref(), Some("2025-11-26T06:15:00+00:00"));
    assert!(e.text.starts_with("Russia rejects European counter-proposal\n\nMOSCOW"), "{}", e.text);
    assert!(!e.text.contains("Sign up") && !e.text.contains("Talks resume"), "{}", e.text);
}

#[test]
fn a_page_ingested_twice_leaves_the_store_of_one_ingest_and_claims_carry_time_and_url() {
    let dir = tempdir();
    let store = store_in(&dir);
    let page = fixture("jsonld-liveblog.html");
    kg(&store).arg("ingest").arg(&page).assert().success().stdout(predicates::str::contains("3 entries"));
    let once = sorted_export(&store);
    kg(&store).arg("ingest").arg(&page).assert().success();
    assert_eq!(sorted_export(&store), once);
    let rows = claims(&store);
    assert!(!rows.is_empty());
    for row in &rows {
        let cols: Vec<&str> = row.split('\t').collect();
        assert_eq!(cols.len(), 3, "{row}");
        assert!(cols[0].contains("2025-11-25T"), "no time: {row}");
        assert!(cols[1].contains("ukraine-peace-talks-live#block-"), "no entry URL: {row}");
        assert!(!cols[2].contains('<') && !cols[2].contains("&quot;"), "markup: {row}");
    }
}

#[test]
fn bad_pages_and_feeds_fail_in_one_line_and_leave_the_store_as_it_was() {
    let dir = tempdir();
    let store = store_in(&dir);
    kg(&store).arg("ingest").arg(fixture("feed.rss")).assert().success();
    let before = sorted_export(&store);
    let cases: [(&str, &str, &str); 4] = [
        ("empty.html", "<html><body><script>x()</script><nav>Home</nav></body></html>", "page without text"),
        ("broken.html", "<html><body><div><p><<<>>></div></span></td><!-- x", "page without text"),
        ("bad.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>x</tit", "not a valid feed"),
        ("nothing.html", "<html><head><title>T</title></head><body>   </body></html>", "page without text"),
    ];
    for (name, content, want) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, content).expect("write");
        let out = kg(&store).arg("ingest").arg(&path).output().expect("run kg");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{name}: {stderr}");
        assert!(stderr.contains(want) && stderr.contains(name), "{name}: {stderr}");
        assert_eq!(sorted_export(&store), before, "{name} changed the store");
    }
    // A JSON-LD block that is not JSON is a warning; the page's markup is read instead.
    let path = dir.path().join("badld.html");
    std::fs::write(
        &path,
        "<html><head><script type=\"application/ld+json\">{\"@type\": LiveBlog</script></head><body><p>Putin met Witkoff.</p></body></html>",
    )
    .expect("write");
    let out = kg(&store).arg("ingest").arg(&path).arg("--date").arg("2025-11-25").output().expect("run kg");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("badld.html") && stderr.contains("JSON-LD block 1 is not JSON"), "{stderr}");
}

#[test]
fn ingest_url_sends_a_user_agent_and_an_unchanged_page_costs_one_304() {
    let server = Server::start(|_| Reply::Page { body: fixture_bytes("time-blocks.html"), content_type: "text/html" });
    let dir = tempdir();
    let store = store_in(&dir);
    let url = server.url("/live");
    // The claims counted depend on the extractor, not on fetching: only their presence is checked.
    let first = kg(&store).args(["ingest", &url]).assert().success().get_output().stdout.clone();
    let first = String::from_utf8_lossy(&first);
    assert!(
        first.starts_with(&format!("{url}: 2 entries (2 new), ")) && first.ends_with(" claims (html)\n"),
        "{first}"
    );
    assert!(!first.contains(" 0 claims"), "{first}");
    let once = sorted_export(&store);
    kg(&store).args(["ingest", &url]).assert().success().stdout(format!("{url}: not modified\n"));
    assert_eq!(sorted_export(&store), once);
    let seen = server.seen();
    assert_eq!(seen.len(), 2, "{seen:?}");
    assert!(seen.iter().all(|s| s.path == "/live"), "{seen:?}");
    assert!(seen[0].user_agent.as_deref().is_some_and(|ua| ua.starts_with("kg/")), "{seen:?}");
    assert_eq!(seen[0].if_none_match, None);
    assert_eq!(seen[1].if_none_match.as_deref(), Some(etag_of(&fixture_bytes("time-blocks.html")).as_str()));
}

#[test]
fn follow_through_ten_polls_leaves_the_store_of_one_ingest_of_the_final_page() {
    // The page grows at polls 1, 2 and 4 (of ten): the others change nothing.
    let version = Arc::new(AtomicUsize::new(1));
    let v = version.clone();
    let server = Server::start(move |_| Reply::Page {
        body: growing_blog(v.load(Ordering::SeqCst), false),
        content_type: "text/html; charset=utf-8",
    });
    let url = server.url("/live/talks");
    let dir = tempdir();
    let followed = dir.path().join("followed");
    let mut lines = Vec::new();
    for poll in 1..=10 {
        version.store(
            match poll {
                1 => 1,
                2 | 3 => 2,
                _ => 4,
            },
            Ordering::SeqCst,
        );
        let out = kg(&followed).args(["follow", "--once", &url]).output().expect("run kg follow");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let line = String::from_utf8_lossy(&out.stdout).trim().to_string();
        // "12:00:00Z URL: …": the time of the poll is not compared.
        lines.push(line.split_once(' ').map(|(_, l)| l.to_string()).unwrap_or(line));
    }
    let say = |what: &str| format!("{url}: {what}");
    assert!(lines[0].starts_with(&say("1 entries (1 new), ")), "{lines:#?}");
    assert!(lines[1].starts_with(&say("2 entries (1 new), ")), "{lines:#?}");
    assert_eq!(lines[2], say("not modified"), "{lines:#?}");
    assert!(lines[3].starts_with(&say("4 entries (2 new)")), "{lines:#?}");
    assert!(lines[4..].iter().all(|l| *l == say("not modified")), "{lines:#?}");

    let fresh = dir.path().join("fresh");
    kg(&fresh).args(["ingest", &url]).assert().success();
    assert_eq!(sorted_export(&followed), sorted_export(&fresh));
    // Ten polls: ten requests, the unchanged ones answered 304.
    assert_eq!(server.seen().len(), 11);
}

#[test]
fn ten_polls_of_a_page_without_validators_nine_unchanged_leave_the_store_of_one_ingest() {
    // No ETag, no Last-Modified: each poll fetches and ingests the whole page again.
    let server = Server::start(|_| Reply::Bare(fixture_bytes("jsonld-liveblog.html")));
    let url = server.url("/live");
    let dir = tempdir();
    let followed = dir.path().join("followed");
    let mut lines = Vec::new();
    for _ in 0..10 {
        let out = kg(&followed).args(["follow", "--once", &url]).output().expect("run kg follow");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        lines.push(String::from_utf8_lossy(&out.stdout).trim().to_string());
    }
    assert!(lines[0].contains(&format!("{url}: 3 entries (3 new), ")), "{lines:#?}");
    assert!(lines[1..].iter().all(|l| l.ends_with(&format!("{url}: nothing new (3 entries)"))), "{lines:#?}");
    assert_eq!(server.seen().len(), 10);
    let fresh = dir.path().join("fresh");
    kg(&fresh).args(["ingest", &url]).assert().success();
    assert_eq!(sorted_export(&followed), sorted_export(&fresh));
}

#[test]
fn an_updated_entry_replaces_its_earlier_claims() {
    let edited = Arc::new(AtomicBool::new(false));
    let e = edited.clone();
    let server = Server::start(move |_| Reply::Page {
        body: growing_blog(2, e.load(Ordering::SeqCst)),
        content_type: "text/html",
    });
    let url = server.url("/live");
    let dir = tempdir();
    let store = store_in(&dir);
    kg(&store).args(["follow", "--once", &url]).assert().success();
    assert!(claims(&store).iter().any(|c| c.contains("Zelensky rejected")), "{:#?}", claims(&store));
    edited.store(true, Ordering::SeqCst);
    kg(&store).args(["follow", "--once", &url]).assert().success().stdout(predicates::str::contains("1 updated"));
    let now = claims(&store);
    assert!(now.iter().all(|c| !c.contains("Zelensky rejected")), "{now:#?}");
    assert!(now.iter().any(|c| c.contains("Zelensky backed") && c.contains("#post-1")), "{now:#?}");
    let out = kg(&store).args(["stats", "--format", "json"]).output().expect("stats");
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(stats["entries"], 2, "the old version is gone: {stats}");
    // The timeline shows the edit: the old claim withdrawn, the new one from the edit.
    let out = kg(&store).args(["timeline", "Zelensky", "--format", "json"]).output().expect("timeline");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let rows: Vec<(String, String, String)> = rows
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap_or("").to_string();
            (s("relation"), s("mark"), s("quote"))
        })
        .collect();
    let withdrawn = rows.iter().find(|(_, m, _)| m.starts_with("withdrawn: the entry was edited at 20"));
    assert!(withdrawn.is_some_and(|(_, _, q)| q.contains("Zelensky rejected")), "{rows:#?}");
    let edited = rows.iter().find(|(_, m, _)| m.contains("replaces an earlier version"));
    assert!(
        edited.is_some_and(|(_, m, q)| q.contains("Zelensky backed") && m.starts_with("edited at 20")),
        "{rows:#?}"
    );
    // Withdrawn is no stance: the edit is no change of Zelensky's.
    assert!(rows.iter().all(|(_, m, _)| !m.contains("change:")), "{rows:#?}");
}

#[test]
fn an_entry_inserted_mid_page_leaves_the_store_of_one_ingest_of_the_final_page() {
    // A post that arrives late, between two stored ones, moves the later one down the
    // page: it keeps one line, the one a fresh ingest gives it.
    let late = Arc::new(AtomicBool::new(false));
    let l = late.clone();
    let server = Server::start(move |_| {
        let posts: Vec<(usize, &str)> =
            [0, 1, 2].into_iter().filter(|i| *i != 1 || l.load(Ordering::SeqCst)).map(|i| (i, POSTS[i].1)).collect();
        Reply::Page { body: blog_of(&posts), content_type: "text/html" }
    });
    let url = server.url("/live");
    let dir = tempdir();
    let followed = dir.path().join("followed");
    kg(&followed).args(["follow", "--once", &url]).assert().success();
    late.store(true, Ordering::SeqCst);
    kg(&followed).args(["follow", "--once", &url]).assert().success().stdout(predicates::str::contains("(1 new)"));
    let fresh = dir.path().join("fresh");
    kg(&fresh).args(["ingest", &url]).assert().success();
    assert_eq!(sorted_export(&followed), sorted_export(&fresh));
}

#[test]
fn an_entry_edited_from_no_claims_marks_its_new_claims_as_an_edit() {
    let edited = Arc::new(AtomicBool::new(false));
    let e = edited.clone();
    let server = Server::start(move |_| {
        let text = if e.load(Ordering::SeqCst) { POSTS[1].1 } else { "Talks went on in Geneva." };
        Reply::Page { body: blog_of(&[(0, POSTS[0].1), (1, text)]), content_type: "text/html" }
    });
    let url = server.url("/live");
    let dir = tempdir();
    let store = store_in(&dir);
    kg(&store).args(["follow", "--once", &url]).assert().success();
    edited.store(true, Ordering::SeqCst);
    kg(&store).args(["follow", "--once", &url]).assert().success().stdout(predicates::str::contains("1 updated"));
    let out = kg(&store).args(["timeline", "Zelensky", "--format", "json"]).output().expect("timeline");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let marks: Vec<&str> = rows.as_array().expect("rows").iter().map(|r| r["mark"].as_str().unwrap_or("")).collect();
    assert_eq!(marks.len(), 1, "{rows:#}");
    assert!(marks[0].starts_with("edited at 20") && marks[0].ends_with(": replaces an earlier version"), "{rows:#}");
}

#[test]
fn network_faults_are_one_line_each_and_follow_goes_on_with_the_other_sources() {
    let big = vec![b'a'; kg::entry::html::MAX_PAGE_BYTES + 1024];
    let server = Server::start(move |path| match path {
        "/500" => Reply::Status(500),
        "/404" => Reply::Status(404),
        "/hang" => Reply::Hang(Duration::from_secs(4)),
        "/cut" => Reply::Truncated(growing_blog(2, false)),
        "/loop-a" => Reply::Redirect("/loop-b".into()),
        "/loop-b" => Reply::Redirect("/loop-a".into()),
        "/big" => Reply::Page { body: big.clone(), content_type: "text/html" },
        "/not-xml" => Reply::Page { body: b"<rss><channel><item>".to_vec(), content_type: "application/rss+xml" },
        _ => Reply::Page { body: fixture_bytes("feed.rss"), content_type: "application/rss+xml" },
    });
    let dir = tempdir();
    let store = store_in(&dir);
    let sources = dir.path().join("sources.txt");
    let paths = ["/500", "/404", "/hang", "/cut", "/loop-a", "/big", "/not-xml", "/feed.rss"];
    let list: String = paths.iter().map(|p| format!("{}\n", server.url(p))).collect();
    std::fs::write(&sources, format!("# test sources\n{list}")).expect("write");
    let out = kg(&store)
        .args(["follow", "--once", "--timeout", "1", "--sources"])
        .arg(&sources)
        .timeout(Duration::from_secs(60))
        .output()
        .expect("run kg follow");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "a source failed: {stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), paths.len(), "{stdout}");
    let wants = [
        "error: HTTP status 500",
        "error: HTTP status 404",
        "no answer within 1 s",
        "the connection closed before the body ended",
        "more than 5 redirects",
        "byte limit",
        "not a valid feed",
        "2 entries (2 new)",
    ];
    for ((line, want), path) in lines.iter().zip(wants).zip(paths) {
        assert!(line.contains(want) && line.contains(path), "{path}: {line}");
    }
    // Only the good feed reached the store.
    let fresh = dir.path().join("fresh");
    kg(&fresh).args(["ingest", &server.url("/feed.rss")]).assert().success();
    assert_eq!(sorted_export(&store), sorted_export(&fresh));
}

#[test]
fn follow_backs_off_after_errors_and_stops_cleanly_on_ctrl_c() {
    let calls = Arc::new(AtomicUsize::new(0));
    let c = calls.clone();
    let server = Server::start(move |_| {
        // The first two polls fail, then the page is there.
        if c.fetch_add(1, Ordering::SeqCst) < 2 {
            Reply::Status(503)
        } else {
            Reply::Page { body: growing_blog(2, false), content_type: "text/html" }
        }
    });
    let dir = tempdir();
    let store = store_in(&dir);
    let mut child = kg_std(&store)
        .args(["follow", "--every", "1s", &server.url("/live")])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start kg follow");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let mut got = Vec::new();
    let started = Instant::now();
    // Errors at 0 s and after ~1 s, the page after ~2 s more (1 s, then 2 s of backoff).
    while got.len() < 4 && started.elapsed() < Duration::from_secs(30) {
        match lines.next() {
            Some(Ok(l)) => got.push(l),
            _ => break,
        }
    }
    // SAFETY: kill sends a signal to the child this test started.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let status = child.wait().expect("kg follow ends");
    let mut stderr = String::new();
    child.stderr.take().expect("stderr").read_to_string(&mut stderr).expect("read stderr");
    assert!(status.success(), "{status:?}: {stderr}");
    assert!(stderr.contains("stopping"), "{stderr}");
    assert!(got[0].contains("HTTP status 503") && got[0].contains("next try in 1 s"), "{got:#?}");
    assert!(got[1].contains("HTTP status 503") && got[1].contains("next try in"), "{got:#?}");
    assert!(got[2].contains("2 entries (2 new)"), "{got:#?}");
    assert!(got[3].contains("not modified"), "{got:#?}");
    assert_eq!(claims(&store).len(), 2, "{:#?}", claims(&store));
}

#[test]
fn pathological_nesting_reads_the_deep_text_without_overflowing_the_stack() {
    // 100,000 levels (1 MB of `<div>`s took 49 s to read before the tree builder's
    // nesting was capped), and a mix of elements the builder treats each its own way
    // (formatting, tables, lists), 10,000 times over; a feed item whose HTML nests as
    // deep. The test thread has the default 2 MiB stack, which a recursion as deep as
    // the markup would overflow.
    let n = 100_000;
    let divs = format!(
        "<!doctype html><html><body>{}<p>Putin met Witkoff.</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let open = "<div><b><table><tr><td><article><span><i><ul><li>";
    let close = "</li></ul></i></span></article></td></tr></table></b></div>";
    let mix =
        format!("<html><body>{}<p>Putin met Witkoff.</p>{}</body></html>", open.repeat(n / 10), close.repeat(n / 10));
    let rss = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>Talks</title>\
<pubDate>Tue, 25 Nov 2025 10:00:00 GMT</pubDate><description>{}Putin met Witkoff.{}</description></item></channel></rss>",
        "&lt;div&gt;".repeat(n),
        "&lt;/div&gt;".repeat(n)
    );
    let options = ReadOptions { date: chrono::NaiveDate::from_ymd_opt(2025, 11, 25), ..Default::default() };
    for (name, page, format) in
        [("divs.html", divs, Format::Html), ("mix.html", mix, Format::Html), ("deep.rss", rss, Format::Feed)]
    {
        let p = web::read(name, page.as_bytes(), format, None, None, &options).expect(name);
        assert_eq!(p.entries.len(), 1, "{name}");
        assert!(p.entries[0].text.contains("Putin met Witkoff."), "{name}: {:?}", p.entries[0].text);
    }
    // And through the binary, into a store.
    let dir = tempdir();
    let store = store_in(&dir);
    let path = dir.path().join("deep.html");
    std::fs::write(&path, format!("<html><body>{}<p>Putin met Witkoff.</p></body></html>", "<div>".repeat(n)))
        .expect("write");
    kg(&store).arg("ingest").arg(&path).args(["--date", "2025-11-25"]).assert().success();
    assert!(claims(&store).iter().any(|c| c.contains("Putin met Witkoff.")), "{:#?}", claims(&store));
}

/// A live blog of `n` entries in the markup of a live-blog platform (newest first),
/// each with a claim of its own: long enough that ingesting it takes a while.
fn long_blog(n: usize) -> Vec<u8> {
    let says = [
        "Putin met Witkoff in Moscow for round {i} of the talks.",
        "Zelensky rejected the 30-day ceasefire on day {i}, Reuters reported.",
        "The EU said on day {i} it supports the American peace plan.",
        "Russia demands that Ukraine give up NATO membership, its envoy said in note {i}.",
    ];
    let mut blocks = String::new();
    for i in (0..n).rev() {
        // A minute apart, so that oldest-first is page order reversed.
        let (d, h, m) = (25 + i / 1440, i / 60 % 24, i % 60);
        let text = says[i % says.len()].replace("{i}", &i.to_string());
        blocks.push_str(&format!(
            "<article id=\"post-{i}\"><time datetime=\"2025-11-{d}T{h:02}:{m:02}:00Z\">{h:02}:{m:02}</time><p>{text}</p></article>\n"
        ));
    }
    format!(
        "<!doctype html><html><head><title>Talks live</title><link rel=\"canonical\" href=\"https://wire.example/live/long\">\
</head><body><main>{blocks}</main></body></html>"
    )
    .into_bytes()
}

/// Waits for `child` at most `limit`, killing it (and failing) past that.
fn wait_at_most(child: &mut std::process::Child, limit: Duration) -> std::process::ExitStatus {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait for kg") {
            return status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("kg did not end within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `kg follow --every 1s URL` on `store`, its standard output read line by line (with
/// the time each line came) on a thread of its own.
fn spawn_follow(store: &Path, url: &str) -> (std::process::Child, std::sync::mpsc::Receiver<(String, Instant)>) {
    let mut child = kg_std(store)
        .args(["follow", "--every", "1s", url])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start kg follow");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send((line, Instant::now())).is_err() {
                break;
            }
        }
    });
    (child, rx)
}

/// Sends SIGINT (Ctrl-C) to a child this test started.
fn interrupt(child: &std::process::Child) {
    // SAFETY: kill only sends a signal, to a process this test started and still waits for.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
}

#[test]
fn ctrl_c_during_an_ingest_stops_after_its_commit_and_a_second_one_stops_at_once() {
    // Poll 1 finds 20 entries; poll 2 finds 1,500, answered 0.8 s late. Ctrl-C comes
    // while poll 2 is under way (fetching or ingesting).
    for twice in [false, true] {
        let requests = Arc::new(AtomicUsize::new(0));
        // Set to serve that many entries whatever the request (for the fresh stores).
        let serve = Arc::new(AtomicUsize::new(0));
        let (r, n) = (requests.clone(), serve.clone());
        let server = Server::start(move |_| {
            let first = r.fetch_add(1, Ordering::SeqCst) == 0;
            let n = match n.load(Ordering::SeqCst) {
                0 if first => 20,
                0 => {
                    // Poll 2 is answered late, so that both signals come while it is under
                    // way however fast this machine ingests (1,500 entries take ~0.3 s).
                    std::thread::sleep(Duration::from_millis(800));
                    1500
                }
                n => n,
            };
            Reply::Page { body: long_blog(n), content_type: "text/html; charset=utf-8" }
        });
        let url = server.url("/live/long");
        let dir = tempdir();
        let store = dir.path().join("followed");
        let (mut child, lines) = spawn_follow(&store, &url);
        let (first, _) = lines.recv_timeout(Duration::from_secs(60)).expect("poll 1 reported");
        assert!(first.contains("20 entries (20 new)"), "{first}");
        let started = Instant::now();
        while requests.load(Ordering::SeqCst) < 2 && started.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(requests.load(Ordering::SeqCst), 2, "poll 2 was never sent");
        // The page is on its way: poll 2 is fetching or ingesting it.
        std::thread::sleep(Duration::from_millis(100));
        interrupt(&child);
        let signalled = Instant::now();
        if twice {
            std::thread::sleep(Duration::from_millis(100));
            interrupt(&child);
        }
        let status = wait_at_most(&mut child, Duration::from_secs(120));
        let mut stderr = String::new();
        child.stderr.take().expect("stderr").read_to_string(&mut stderr).expect("read stderr");
        let later: Vec<(String, Instant)> = lines.try_iter().collect();
        assert!(stderr.contains("kg: stopping after the current poll (Ctrl-C again to stop now)"), "{stderr}");
        assert_eq!(requests.load(Ordering::SeqCst), 2, "no poll after Ctrl-C");
        let same = |a: &[String], b: &[String]| {
            let only =
                |x: &[String], y: &[String]| x.iter().filter(|l| !y.contains(l)).take(5).cloned().collect::<Vec<_>>();
            assert!(
                a == b,
                "{} and {} quads; only in the first: {:#?}; only in the second: {:#?}",
                a.len(),
                b.len(),
                only(a, b),
                only(b, a)
            );
        };

        // The state of one ingest of the page as poll 1 or poll 2 found it (from the
        // same URL: the document records where it was read).
        let fresh = |n: usize| {
            serve.store(n, Ordering::SeqCst);
            let store = dir.path().join(format!("fresh-{n}"));
            kg(&store).args(["ingest", &url]).assert().success();
            serve.store(0, Ordering::SeqCst);
            sorted_export(&store)
        };
        let now = sorted_export(&store);
        if twice {
            // At once: whatever was committed is whole entries, and the store opens.
            assert_eq!(status.code(), Some(130), "{status:?}: {stderr}");
            assert!(later.is_empty(), "poll 2 was cut short: {later:?}");
            kg(&store).args(["stats"]).assert().success();
            // The next poll completes it: nothing was stored as fetched (no validators).
            let out = kg(&store).args(["follow", "--once", &url]).output().expect("follow again");
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            assert!(String::from_utf8_lossy(&out.stdout).contains("1500 entries"), "{out:?}");
            same(&sorted_export(&store), &fresh(1500));
        } else {
            // After the poll under way: it was reported after the signal, then kg ended, 0.
            assert!(status.success(), "{status:?}: {stderr}");
            assert_eq!(later.len(), 1, "{later:?}");
            assert!(later[0].0.contains("1500 entries (1480 new)") && later[0].1 > signalled, "{later:?}");
            // The store is that of both polls.
            same(&now, &fresh(1500));
        }
    }
}
