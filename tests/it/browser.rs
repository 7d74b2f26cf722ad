//! The page of `kg serve` in headless Chromium (issue 14), driven through
//! ChromeDriver's WebDriver protocol with a plain HTTP client: type "NATO membership"
//! in the search box, open the position, see Russia among the rejecters with its
//! quote, open the graph view. Screenshots go to the test's output folder
//! (`CARGO_TARGET_TMPDIR/serve-browser/`).
//!
//! Skipped, with a message, where Chromium or ChromeDriver is not installed (Debian:
//! `apt-get install chromium chromium-driver`; CI installs them).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{json, Value};

use crate::ask::SampleStore;
use crate::serve::Served;

/// The W3C WebDriver key of an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";
/// Polls for something to appear on the page: at most this many, 100 ms apart.
const POLLS: usize = 200;

fn on_path(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?.to_str()?.split(':').map(|d| Path::new(d).join(name)).find(|p| p.is_file())
}

/// ChromeDriver on a free loopback port, killed on drop.
struct Driver {
    child: Child,
    base: String,
    agent: ureq::Agent,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    fn start(chromedriver: &Path) -> Driver {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new(chromedriver)
            .args([format!("--port={port}"), "--allowed-ips=127.0.0.1".into()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let driver = Driver { child, base: format!("http://127.0.0.1:{port}"), agent };
        for _ in 0..POLLS {
            if driver.agent.get(&format!("{}/status", driver.base)).call().is_ok_and(|r| r.status() == 200) {
                return driver;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("chromedriver did not start on port {port}");
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{path}", self.base);
        let response = match body {
            Some(b) => self.agent.post(&url).header("Content-Type", "application/json").send(b.to_string()),
            None if method == "DELETE" => self.agent.delete(&url).call(),
            None => self.agent.get(&url).call(),
        };
        let mut r = response.unwrap_or_else(|e| panic!("webdriver {method} {path}: {e}"));
        let text = r.body_mut().with_config().limit(50_000_000).read_to_string().expect("webdriver answer");
        let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("webdriver {path}: {e}: {text}"));
        v["value"].clone()
    }
}

/// A browser session, ended on drop.
struct Session<'a> {
    driver: &'a Driver,
    id: String,
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        self.driver.call("DELETE", &format!("/session/{}", self.id), None);
    }
}

impl Session<'_> {
    fn path(&self, rest: &str) -> String {
        format!("/session/{}{rest}", self.id)
    }

    fn go(&self, url: &str) {
        self.driver.call("POST", &self.path("/url"), Some(json!({ "url": url })));
    }

    /// Runs `script` in the page; its return value.
    fn eval(&self, script: &str) -> Value {
        self.driver.call("POST", &self.path("/execute/sync"), Some(json!({ "script": script, "args": [] })))
    }

    /// Waits until `script` returns something truthy; that value.
    fn wait_for(&self, what: &str, script: &str) -> Value {
        for _ in 0..POLLS {
            let v = self.eval(script);
            if !(v.is_null() || v == false || v == "" || v == 0) {
                return v;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let page = self.eval("return document.getElementById('view').innerText");
        panic!("timed out waiting for {what}; the page shows: {page}");
    }

    fn element(&self, css: &str) -> String {
        let v =
            self.driver.call("POST", &self.path("/element"), Some(json!({ "using": "css selector", "value": css })));
        v[ELEMENT].as_str().unwrap_or_else(|| panic!("no element {css}: {v}")).to_string()
    }

    fn click(&self, css: &str) {
        let e = self.element(css);
        self.driver.call("POST", &self.path(&format!("/element/{e}/click")), Some(json!({})));
    }

    fn type_into(&self, css: &str, text: &str) {
        let e = self.element(css);
        self.driver.call("POST", &self.path(&format!("/element/{e}/value")), Some(json!({ "text": text })));
    }

    fn screenshot(&self, file: &Path) {
        let png = self.driver.call("GET", &self.path("/screenshot"), None);
        let bytes = base64_decode(png.as_str().expect("a base64 screenshot"));
        assert!(bytes.starts_with(b"\x89PNG"), "a PNG");
        std::fs::write(file, bytes).expect("write the screenshot");
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let digits: Vec<u8> = s.bytes().filter(|c| !c.is_ascii_whitespace() && *c != b'=').map(value).collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, d)| acc | (u32::from(*d) << (18 - 6 * i)));
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

#[test]
fn the_page_finds_a_position_shows_its_rejecters_and_draws_the_graph() {
    let (Some(chromium), Some(chromedriver)) = (on_path("chromium"), on_path("chromedriver")) else {
        eprintln!("skipping the browser test: chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        return;
    };
    let sample = SampleStore::new();
    let server = Served::start(&sample.store(), &[], &[]);
    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("serve-browser");
    std::fs::create_dir_all(&shots).unwrap();
    let profile = crate::util::tempdir();
    let driver = Driver::start(&chromedriver);
    let args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1000",
        &format!("--user-data-dir={}", profile.path().display()),
    ];
    let caps = json!({ "capabilities": { "alwaysMatch": {
        "browserName": "chrome",
        "goog:chromeOptions": { "binary": chromium, "args": args },
    } } });
    let created = driver.call("POST", "/session", Some(caps));
    let id = created["sessionId"].as_str().unwrap_or_else(|| panic!("no session: {created}")).to_string();
    let session = Session { driver: &driver, id };

    session.go(&server.url("/"));
    session.wait_for("the home page", "return document.querySelector('main h1')?.innerText");
    session.type_into("#q", "NATO membership");
    session.click("#search button");
    let found = session.wait_for(
        "the search results",
        "return [...document.querySelectorAll('ul.positions a')].map(a => a.innerText).join('|')",
    );
    assert!(found.as_str().unwrap().split('|').any(|p| p == "NATO membership for Ukraine"), "{found}");
    session.click("ul.positions a[href='#/position/NATO%20membership%20for%20Ukraine']");
    let rejecters = session.wait_for(
        "the rejecters",
        "const t = document.getElementById('who-rejects'); return t && t.tagName === 'TABLE' && t.innerText",
    );
    let rejecters = rejecters.as_str().unwrap();
    assert!(rejecters.contains("Russia"), "{rejecters}");
    let quote = session.eval(
        "const row = [...document.querySelectorAll('#who-rejects tbody tr')].find(r => r.querySelector('[data-col=actor]').innerText === 'Russia'); \
         return row.querySelector('[data-col=quote] blockquote').innerText",
    );
    assert!(quote.as_str().unwrap().contains("red line for Moscow"), "{quote}");
    let title = session.eval("return document.querySelector('main h1').innerText");
    assert_eq!(title, "NATO membership for Ukraine");
    session.screenshot(&shots.join("position.png"));

    session.click("#graph-link");
    let nodes = session.wait_for(
        "the graph",
        "return [...document.querySelectorAll('#graph g.node title')].map(t => t.textContent).join('|')",
    );
    let nodes: Vec<&str> = nodes.as_str().unwrap().split('|').collect();
    assert!(nodes.contains(&"Russia") && nodes.contains(&"NATO membership for Ukraine"), "{nodes:?}");
    let rejects = session.eval(
        "return [...document.querySelectorAll('#graph path.edge')].filter(p => p.dataset.relation === 'rejects').map(p => p.getAttribute('stroke'))",
    );
    assert_eq!(rejects[0], "#d62728", "rejects drawn in the DOT export's colour: {rejects}");
    // Every node was placed inside the drawing.
    let placed = session.eval(
        "const b = document.getElementById('graph').viewBox.baseVal; \
         return [...document.querySelectorAll('#graph g.node')].every(g => { const m = g.transform.baseVal[0].matrix; \
         return isFinite(m.e) && isFinite(m.f) && m.e > -b.width && m.e < 2 * b.width; })",
    );
    assert_eq!(placed, true);
    session.screenshot(&shots.join("graph.png"));

    session.go(&server.url("/#/clusters"));
    let clusters = session.wait_for("the coalitions", "return document.querySelectorAll('.cluster').length");
    assert!(clusters.as_u64().unwrap() >= 2, "{clusters}");
    eprintln!("screenshots in {}", shots.display());
}
