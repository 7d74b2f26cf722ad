//! Serving the store over HTTP (`kg serve`): the SPARQL 1.1 Protocol, the questions
//! as JSON, and a web page to browse actors, positions, the graph and coalitions.
//!
//! ```text
//! TcpListener ──accept──▶ bounded queue ──▶ connection threads ──http::read_request──▶ Request
//!   (the page and cached answers at once; store work holds one of `threads` slots)
//!   /sparql, /update ──▶ Store::query_to_writer, Store::update (SPARQL 1.1 Protocol)
//!   /api/…           ──▶ api: ask / graph, the rows of the CLI's --format json
//!   /, /assets/…     ──▶ the page, compiled in (assets/)
//!   /kg-news/ns      ──▶ ontology/context.jsonld (the vocabulary's namespace path)
//! ```
//!
//! The server talks to the store only through [`Store`]'s public methods and the
//! `ask`/`graph` functions the CLI uses, so it serves whatever backs a `Store`.
//!
//! Security rules: reads never write (a SPARQL update sent as a query is refused, and
//! `/update` is off unless [`ServeOptions::update_token`] is set, then needs that
//! bearer token, compared in constant time); every request is bounded in size and time
//! and every query by a timeout and a result size; static files are a fixed table of
//! compiled-in assets, so no path reaches the file system; the server never shells out
//! (the graph view is drawn by the page's own script) and makes no outbound request
//! (SPARQL `SERVICE` and `LOAD` fail: kg's oxigraph has no HTTP client).

mod api;
pub mod http;

use std::io::Write;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::mpsc::{sync_channel, Receiver, TrySendError};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use http::{Refusal, Request, Response};

use crate::store::{query_form, ResultFormat, Store, StoreError};

/// Errors of the server stage: it could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: String, source: std::io::Error },
    /// Accepting connections failed.
    #[error("cannot accept connections: {0}")]
    Accept(std::io::Error),
}

/// Limits and switches of [`Server`].
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// A query running longer is cancelled (503).
    pub timeout: Duration,
    /// Most bytes of a request body (a POSTed query or update).
    pub max_request_bytes: usize,
    /// Most bytes of a SPARQL result; a larger one is refused (500): add a LIMIT.
    pub max_result_bytes: usize,
    /// When set, `/update` accepts SPARQL updates bearing this token
    /// (`Authorization: Bearer TOKEN`); when `None`, updates are refused.
    pub update_token: Option<String>,
    /// Queries and questions run at once. Connections are read, and the page and
    /// cached answers sent, by four times as many threads, so that they do not wait
    /// behind long queries; more connections wait in a queue of eight times as many,
    /// and beyond that are answered 503 at once.
    pub threads: usize,
    /// A request (head and body) must arrive within this time (408).
    pub read_timeout: Duration,
    /// The directory of a store opened read-only: when its files change (another
    /// process ingested), it is opened again, at most once every [`REOPEN_CHECK`], so
    /// that answers follow the store. `None` serves the store as given.
    pub reopen: Option<std::path::PathBuf>,
}

/// How often a [`ServeOptions::reopen`] store's directory is looked at.
pub const REOPEN_CHECK: Duration = Duration::from_secs(1);

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            timeout: Duration::from_secs(30),
            max_request_bytes: 1024 * 1024,
            max_result_bytes: 64 * 1024 * 1024,
            update_token: None,
            threads: 8,
            read_timeout: Duration::from_secs(10),
            reopen: None,
        }
    }
}

/// The namespace path: where the vocabulary's JSON-LD context is served, the path of
/// kg's namespace IRI ([`crate::store::vocab::kg::NS`]), `/kg-news/ns`.
pub fn namespace_path() -> &'static str {
    let ns = crate::store::vocab::kg::NS;
    let after_scheme = ns.split_once("://").map_or(ns, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    path.trim_end_matches(['#', '/'])
}

/// kg's JSON-LD context, as shipped in `ontology/`.
pub const CONTEXT_JSONLD: &str = include_str!("../../ontology/context.jsonld");

/// The page and its assets, compiled in: (path, content type, body). Static requests
/// are looked up here by their whole path; nothing is read from disk.
const ASSETS: &[(&str, &str, &str)] = &[
    ("/", "text/html; charset=utf-8", include_str!("assets/index.html")),
    ("/assets/app.js", "text/javascript; charset=utf-8", include_str!("assets/app.js")),
    ("/assets/graph.js", "text/javascript; charset=utf-8", include_str!("assets/graph.js")),
    ("/assets/style.css", "text/css; charset=utf-8", include_str!("assets/style.css")),
];

/// The page's Content-Security-Policy: its own scripts, styles and data only.
const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
                   connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/// A bound HTTP server over a store.
pub struct Server {
    listener: TcpListener,
    shared: Arc<Shared>,
}

/// What the worker threads share.
struct Shared {
    /// The store, and how many times it was opened again or updated (answers of one
    /// generation are cached together).
    store: RwLock<(Arc<Store>, u64)>,
    options: ServeOptions,
    /// When the store's directory was last looked at, and what it held then.
    seen: Mutex<(Instant, Option<DirStamp>)>,
    /// Answers of `/api/…` for the store as it is, by endpoint and parameters.
    answers: AnswerCache,
    /// Bound to loopback: the port, for checking `Host` (see [`loopback_host`]).
    loopback_port: Option<u16>,
    /// Permits to work on the store: [`ServeOptions::threads`] of them.
    slots: Slots,
}

/// A counting semaphore: how many requests may work on the store at once.
struct Slots {
    free: Mutex<usize>,
    freed: std::sync::Condvar,
}

/// A permit of [`Slots`], given back on drop.
struct Slot<'a>(&'a Slots);

impl Slots {
    fn new(n: usize) -> Slots {
        Slots { free: Mutex::new(n.max(1)), freed: std::sync::Condvar::new() }
    }

    /// Waits for a permit. Every holder ends: queries by their timeout, questions
    /// when answered.
    fn acquire(&self) -> Slot<'_> {
        let mut free = self.free.lock().unwrap_or_else(|p| p.into_inner());
        while *free == 0 {
            free = self.freed.wait(free).unwrap_or_else(|p| p.into_inner());
        }
        *free -= 1;
        Slot(self)
    }
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        *self.0.free.lock().unwrap_or_else(|p| p.into_inner()) += 1;
        self.0.freed.notify_one();
    }
}

/// Whether a `Host` header names this machine's loopback server on `port`. A page on
/// another site whose name was made to resolve to 127.0.0.1 (DNS rebinding) sends its
/// own name, so a loopback server answers only requests that name loopback.
pub fn loopback_host(host: &str, port: u16) -> bool {
    let host = host.trim().to_ascii_lowercase();
    let (name, given) = match host.rsplit_once(':') {
        Some((n, p)) if !n.ends_with(':') && (n.starts_with('[') == n.ends_with(']')) => (n.to_string(), Some(p)),
        _ => (host.clone(), None),
    };
    let port_ok = given.is_none_or(|p| p.parse::<u16>() == Ok(port));
    port_ok && matches!(name.as_str(), "127.0.0.1" | "localhost" | "[::1]")
}

/// Most answers kept; past it the cache starts again empty.
const MAX_CACHED_ANSWERS: usize = 1024;

/// Answers of `/api/…` for the store as it is: the questions that read the whole store
/// (central, clusters, path) take seconds on a large one, and their answer does not
/// change until the store does. Each answer is computed once while the same request
/// waits for it ([`OnceLock`]); errors of the store (5xx) are not kept. Emptied when
/// the store is opened again, or when `update` may have changed it.
#[derive(Default)]
struct AnswerCache {
    entries: Mutex<std::collections::HashMap<String, Arc<std::sync::OnceLock<Response>>>>,
}

impl AnswerCache {
    fn get_or_compute(&self, key: String, compute: impl FnOnce() -> Response) -> Response {
        let cell = {
            let Ok(mut entries) = self.entries.lock() else { return compute() };
            if entries.len() >= MAX_CACHED_ANSWERS && !entries.contains_key(&key) {
                entries.clear();
            }
            entries.entry(key.clone()).or_default().clone()
        };
        let response = cell.get_or_init(compute).clone();
        if response.status >= 500 {
            if let Ok(mut entries) = self.entries.lock() {
                entries.remove(&key);
            }
        }
        response
    }

    fn clear(&self) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.clear();
        }
    }
}

/// What a store directory holds, enough to tell that a writer changed it: RocksDB
/// adds files and appends to its log and manifest as it commits.
#[derive(Debug, Clone, PartialEq, Eq)]
struct DirStamp {
    files: usize,
    bytes: u64,
    newest: Option<std::time::SystemTime>,
}

fn dir_stamp(dir: &std::path::Path) -> Option<DirStamp> {
    let mut stamp = DirStamp { files: 0, bytes: 0, newest: None };
    for entry in std::fs::read_dir(dir).ok()? {
        let Ok(meta) = entry.and_then(|e| e.metadata()) else { continue };
        stamp.files += 1;
        stamp.bytes += meta.len();
        stamp.newest = stamp.newest.max(meta.modified().ok());
    }
    Some(stamp)
}

impl Shared {
    /// The store to answer from: opened again first when its directory changed.
    fn store(&self) -> Arc<Store> {
        self.current().0
    }

    /// The store to answer from and its generation.
    fn current(&self) -> (Arc<Store>, u64) {
        if let Some(dir) = &self.options.reopen {
            self.reopen_if_changed(dir);
        }
        match self.store.read() {
            Ok(s) => s.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// After the store changed: a new generation, and no answers of the old one.
    fn changed(&self, fresh: Option<Store>) {
        if let Ok(mut s) = self.store.write() {
            if let Some(fresh) = fresh {
                s.0 = Arc::new(fresh);
            }
            s.1 += 1;
        }
        self.answers.clear();
    }

    fn reopen_if_changed(&self, dir: &std::path::Path) {
        // One thread looks at a time; the others answer from the store they have.
        let Ok(mut seen) = self.seen.try_lock() else { return };
        if seen.0.elapsed() < REOPEN_CHECK {
            return;
        }
        let now = dir_stamp(dir);
        if now.is_some() && now != seen.1 {
            match Store::open_read_only(dir) {
                Ok(fresh) => self.changed(Some(fresh)),
                // A writer in the middle of creating files: try again at the next look.
                Err(_) => return,
            }
        }
        *seen = (Instant::now(), now);
    }
}

impl Server {
    /// Binds `addr` (such as `127.0.0.1:7878`; port 0 picks a free one).
    pub fn bind(addr: &str, store: Store, options: ServeOptions) -> Result<Server, ServeError> {
        let listener = TcpListener::bind(addr).map_err(|source| ServeError::Bind { addr: addr.to_string(), source })?;
        let stamp = options.reopen.as_deref().and_then(dir_stamp);
        let bound = listener.local_addr().map_err(|source| ServeError::Bind { addr: addr.to_string(), source })?;
        let shared = Shared {
            loopback_port: is_loopback(&bound).then_some(bound.port()),
            slots: Slots::new(options.threads),
            store: RwLock::new((Arc::new(store), 0)),
            options,
            seen: Mutex::new((Instant::now(), stamp)),
            answers: AnswerCache::default(),
        };
        Ok(Server { listener, shared: Arc::new(shared) })
    }

    /// The address bound (with the port picked when 0 was asked for).
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until the process ends: one thread accepts, [`ServeOptions::threads`]
    /// answer.
    pub fn run(self) -> Result<(), ServeError> {
        let threads = self.shared.options.threads.max(1);
        let (tx, rx) = sync_channel::<TcpStream>(threads * 8);
        let rx = Arc::new(Mutex::new(rx));
        for _ in 0..threads * 4 {
            let (rx, shared) = (rx.clone(), self.shared.clone());
            std::thread::spawn(move || worker(&rx, &shared));
        }
        for stream in self.listener.incoming() {
            let stream = match stream {
                Ok(s) => s,
                // A client that gave up before it was accepted, or a full descriptor
                // table: neither stops the server.
                Err(e) if is_transient(&e) => {
                    std::thread::sleep(Duration::from_millis(10));
                    continue;
                }
                Err(e) => return Err(ServeError::Accept(e)),
            };
            match tx.try_send(stream) {
                Ok(()) => {}
                Err(TrySendError::Full(mut s)) => {
                    let _ = s.set_write_timeout(Some(Duration::from_secs(1)));
                    let _ = Response::error(503, "the server is busy: try again").write_to(&mut s, false);
                }
                Err(TrySendError::Disconnected(_)) => break,
            }
        }
        Ok(())
    }
}

fn is_transient(e: &std::io::Error) -> bool {
    use std::io::ErrorKind::*;
    matches!(e.kind(), ConnectionAborted | ConnectionReset | Interrupted | WouldBlock)
        || e.raw_os_error().is_some_and(|c| c == libc::EMFILE || c == libc::ENFILE)
}

fn worker(rx: &Mutex<Receiver<TcpStream>>, shared: &Shared) {
    loop {
        let stream = {
            let Ok(rx) = rx.lock() else { return };
            match rx.recv() {
                Ok(s) => s,
                Err(_) => return,
            }
        };
        handle(stream, shared);
    }
}

/// Reads one request, answers it, closes the connection.
fn handle(mut stream: TcpStream, shared: &Shared) {
    let options = &shared.options;
    let _ = stream.set_write_timeout(Some(options.timeout + Duration::from_secs(10)));
    let deadline = Instant::now() + options.read_timeout;
    match http::read_request(&mut stream, options.max_request_bytes, deadline) {
        Ok(None) => {}
        Ok(Some(request)) => {
            // A panic in a handler is a bug; it answers 500 and the worker lives on.
            let response = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| route(&request, shared)))
                .unwrap_or_else(|_| Response::error(500, "internal error"));
            let _ = response.write_to(&mut stream, request.method == "HEAD");
        }
        Err(Refusal { status, reason }) => {
            let _ = Response::error(status, reason).write_to(&mut stream, false);
            http::drain(&mut stream);
        }
    }
}

/// The answer to a request.
fn route(request: &Request, shared: &Shared) -> Response {
    if let Some(port) = shared.loopback_port {
        match request.header("host") {
            Some(host) if loopback_host(host, port) => {}
            Some(host) => {
                return Response::error(
                    403,
                    format!("unexpected Host '{host}': this server answers for 127.0.0.1:{port} and localhost:{port}"),
                )
            }
            // HTTP/1.0 clients may send none.
            None => {}
        }
    }
    let path = request.path.as_str();
    let get = matches!(request.method.as_str(), "GET" | "HEAD");
    if path == "/sparql" {
        return match request.method.as_str() {
            "GET" | "HEAD" | "POST" => sparql_query(request, shared),
            _ => not_allowed("GET, HEAD, POST"),
        };
    }
    if path == "/update" {
        return match request.method.as_str() {
            "POST" => sparql_update(request, shared),
            _ => not_allowed("POST"),
        };
    }
    if let Some(name) = path.strip_prefix("/api/") {
        if !get {
            return not_allowed("GET, HEAD");
        }
        return match http::parse_form(&request.query) {
            Ok(params) => {
                let (store, generation) = shared.current();
                let key = format!("{generation}/{name}?{params:?}");
                shared.answers.get_or_compute(key, || {
                    let _slot = shared.slots.acquire();
                    api::answer(&store, name, &params)
                })
            }
            Err(e) => api::error(400, &format!("{e} in the query string")),
        };
    }
    if path == namespace_path() {
        if !get {
            return not_allowed("GET, HEAD");
        }
        return Response::new(200, "application/ld+json", CONTEXT_JSONLD)
            .with_header("Access-Control-Allow-Origin", "*");
    }
    match ASSETS.iter().find(|(p, _, _)| *p == path) {
        Some(_) if !get => not_allowed("GET, HEAD"),
        Some((_, content_type, body)) => {
            let response = Response::new(200, content_type, *body).with_header("Cache-Control", "no-cache");
            if path == "/" {
                response.with_header("Content-Security-Policy", CSP).with_header("X-Frame-Options", "DENY")
            } else {
                response
            }
        }
        None => Response::error(404, format!("no such page: {path}")),
    }
}

fn not_allowed(allow: &'static str) -> Response {
    Response::error(405, format!("method not allowed: use {allow}")).with_header("Allow", allow)
}

/// The query of a SPARQL Protocol query request: `query=` in the URL (GET) or in a
/// form (POST), or the body itself (POST `application/sparql-query`).
fn protocol_text(request: &Request, field: &str, direct_type: &str) -> Result<String, Response> {
    fn bad<T>(status: u16, reason: String) -> Result<T, Response> {
        Err(Response::error(status, reason))
    }
    let form = match request.method.as_str() {
        "POST" => match request.content_type().as_deref() {
            Some(t) if t == direct_type => {
                return String::from_utf8(request.body.clone())
                    .or_else(|_| bad(400, format!("the {field} is not UTF-8")));
            }
            Some("application/x-www-form-urlencoded") => match std::str::from_utf8(&request.body) {
                Ok(body) => body.to_string(),
                Err(_) => return bad(400, "the form is not UTF-8".into()),
            },
            other => {
                return bad(
                    415,
                    format!(
                        "unsupported Content-Type '{}': POST application/x-www-form-urlencoded or {direct_type}",
                        other.unwrap_or("")
                    ),
                )
            }
        },
        _ => request.query.clone(),
    };
    let params = http::parse_form(&form).or_else(|e| bad(400, format!("{e} in the {field} request")))?;
    // A dataset given in the request would need another store: the query's FROM and
    // FROM NAMED clauses say the same, and work.
    if let Some((k, _)) = params.iter().find(|(k, _)| k.ends_with("graph-uri")) {
        return bad(400, format!("parameter '{k}' is not supported: use FROM / FROM NAMED (or USING) in the {field}"));
    }
    let mut texts = params.into_iter().filter(|(k, _)| k == field).map(|(_, v)| v);
    match (texts.next(), texts.next()) {
        (Some(t), None) => Ok(t),
        (None, _) => bad(400, format!("missing '{field}' parameter")),
        (Some(_), Some(_)) => bad(400, format!("more than one '{field}' parameter")),
    }
}

/// Media types of SELECT and ASK results, preferred first.
const TABLE_TYPES: &[(&str, ResultFormat)] = &[
    ("application/sparql-results+json", ResultFormat::Json),
    ("application/sparql-results+xml", ResultFormat::Xml),
    ("text/csv", ResultFormat::Csv),
    ("text/tab-separated-values", ResultFormat::Tsv),
    ("application/json", ResultFormat::Json),
    ("application/xml", ResultFormat::Xml),
];

/// Media types of CONSTRUCT and DESCRIBE results, preferred first.
const GRAPH_TYPES: &[(&str, ResultFormat)] = &[
    ("text/turtle", ResultFormat::Turtle),
    ("application/n-triples", ResultFormat::NTriples),
    ("application/ld+json", ResultFormat::JsonLd),
    ("text/plain", ResultFormat::NTriples),
];

/// The offered type the `Accept` header likes best (highest q; ties go to the
/// offer listed first); the first offer when there is no `Accept`; `None` when it
/// accepts none of them.
pub fn negotiate<T: Copy>(accept: Option<&str>, offers: &[(&'static str, T)]) -> Option<(&'static str, T)> {
    let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else {
        return offers.first().copied();
    };
    let ranges: Vec<(String, f32)> = accept
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.split(';');
            let range = pieces.next()?.trim().to_ascii_lowercase();
            let q = pieces
                .filter_map(|p| p.trim().strip_prefix("q=").map(|v| v.trim().parse::<f32>().unwrap_or(0.0)))
                .next()
                .unwrap_or(1.0);
            (!range.is_empty()).then_some((range, q))
        })
        .collect();
    // The most specific range naming a type decides its q (RFC 9110, 12.5.1).
    let quality = |media: &str| -> f32 {
        let major = media.split('/').next().unwrap_or("");
        let exact = ranges.iter().find(|(r, _)| r == media);
        let partial = ranges.iter().find(|(r, _)| r.strip_suffix("/*") == Some(major));
        let any = ranges.iter().find(|(r, _)| r == "*/*");
        exact.or(partial).or(any).map_or(0.0, |(_, q)| *q)
    };
    let mut best: Option<((&'static str, T), f32)> = None;
    for offer in offers {
        let q = quality(offer.0);
        if q > 0.0 && best.is_none_or(|(_, b)| q > b) {
            best = Some((*offer, q));
        }
    }
    best.map(|(o, _)| o)
}

/// `GET`/`POST /sparql`: a query, answered in the negotiated format.
fn sparql_query(request: &Request, shared: &Shared) -> Response {
    let text = match protocol_text(request, "query", "application/sparql-query") {
        Ok(t) => t,
        Err(r) => return r,
    };
    let form = match query_form(&text) {
        Ok(f) => f,
        Err(StoreError::UpdateNeedsFlag) => {
            return Response::error(400, "this is a SPARQL update, not a query: POST it to /update");
        }
        Err(e) => return Response::error(400, e),
    };
    let offers = if form.is_graph() { GRAPH_TYPES } else { TABLE_TYPES };
    let Some((media, format)) = negotiate(request.header("accept"), offers) else {
        let types: Vec<&str> = offers.iter().map(|(t, _)| *t).collect();
        let kind = if form.is_graph() { "CONSTRUCT and DESCRIBE" } else { "SELECT and ASK" };
        return Response::error(406, format!("{kind} results come as {}", types.join(", ")));
    };
    let options = &shared.options;
    let mut out = CappedWriter { bytes: Vec::new(), cap: options.max_result_bytes, over: false };
    let slot = shared.slots.acquire();
    let result = shared.store().query_to_writer(&text, format, &mut out, None, Some(options.timeout));
    drop(slot);
    match result {
        Ok(_) => Response::new(200, media, out.bytes).with_header("Vary", "Accept"),
        Err(StoreError::Timeout(d)) => Response::error(503, format!("query timed out after {:.0} s", d.as_secs_f64())),
        Err(_) if out.over => {
            Response::error(500, format!("the result is larger than {} bytes: add a LIMIT", options.max_result_bytes))
        }
        Err(e @ StoreError::Syntax { .. }) => Response::error(400, e),
        Err(e) => Response::error(500, e),
    }
}

/// `POST /update`: a SPARQL update, when updates are on and the token is right.
fn sparql_update(request: &Request, shared: &Shared) -> Response {
    let Some(token) = &shared.options.update_token else {
        return Response::error(403, "updates are off: start kg serve with --allow-update and a token");
    };
    let given = request
        .header("authorization")
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::trim);
    match given {
        Some(g) if http::constant_time_eq(g.as_bytes(), token.as_bytes()) => {}
        Some(_) => {
            return Response::error(401, "wrong bearer token").with_header("WWW-Authenticate", "Bearer realm=\"kg\"")
        }
        None => {
            return Response::error(401, "updates need 'Authorization: Bearer TOKEN'")
                .with_header("WWW-Authenticate", "Bearer realm=\"kg\"")
        }
    }
    let text = match protocol_text(request, "update", "application/sparql-update") {
        Ok(t) => t,
        Err(r) => return r,
    };
    let result = {
        let _slot = shared.slots.acquire();
        shared.store().update(&text)
    };
    // Even a failed update may have changed something before it failed.
    shared.changed(None);
    match result {
        Ok(()) => Response::new(204, "text/plain; charset=utf-8", Vec::new()),
        Err(e @ StoreError::Syntax { .. }) => Response::error(400, e),
        Err(e) => Response::error(500, e),
    }
}

/// Collects a result, failing once it would grow past `cap` bytes (then `over`).
struct CappedWriter {
    bytes: Vec<u8>,
    cap: usize,
    over: bool,
}

impl Write for CappedWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > self.cap {
            self.over = true;
            return Err(std::io::Error::other("result size limit reached"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Whether `addr` (host:port) binds only the loopback interface.
pub fn is_loopback(addr: &SocketAddr) -> bool {
    addr.ip().is_loopback()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts() {
        for (host, ok) in [
            ("127.0.0.1:7878", true),
            ("localhost:7878", true),
            ("LOCALHOST", true),
            ("[::1]:7878", true),
            ("127.0.0.1:8080", false),
            ("evil.example:7878", false),
            ("127.0.0.1.evil.example", false),
            ("::1", false),
        ] {
            assert_eq!(loopback_host(host, 7878), ok, "{host}");
        }
    }

    #[test]
    fn namespace_path_is_the_vocabulary_path() {
        assert_eq!(namespace_path(), "/kg-news/ns");
        let context: serde_json::Value = serde_json::from_str(CONTEXT_JSONLD).unwrap();
        assert_eq!(context["@context"]["kg"], crate::store::vocab::kg::NS);
    }

    #[test]
    fn negotiation_follows_q_and_specificity() {
        let pick = |accept: Option<&str>| negotiate(accept, TABLE_TYPES).map(|(t, _)| t);
        assert_eq!(pick(None), Some("application/sparql-results+json"));
        assert_eq!(pick(Some("text/csv")), Some("text/csv"));
        assert_eq!(pick(Some("text/*;q=0.5, application/sparql-results+xml")), Some("application/sparql-results+xml"));
        assert_eq!(pick(Some("text/*")), Some("text/csv"));
        assert_eq!(pick(Some("*/*;q=0.1, text/tab-separated-values")), Some("text/tab-separated-values"));
        assert_eq!(pick(Some("image/png")), None);
        assert_eq!(pick(Some("text/csv;q=0, */*")), Some("application/sparql-results+json"));
        let graph = |accept: &str| negotiate(Some(accept), GRAPH_TYPES).map(|(t, _)| t);
        assert_eq!(graph("application/ld+json"), Some("application/ld+json"));
        assert_eq!(graph("text/html,application/xhtml+xml,*/*;q=0.8"), Some("text/turtle"));
    }

    #[test]
    fn assets_are_a_closed_table() {
        assert!(ASSETS.iter().all(|(p, _, _)| p.starts_with('/') && !p.contains("..")));
        let index = ASSETS[0].2;
        for (path, _, _) in &ASSETS[1..] {
            assert!(index.contains(path), "index.html loads {path}");
        }
        for (path, _, body) in ASSETS {
            for remote in ["src=\"http", "href=\"http", "url(http", "url(//", "src=\"//", "@import"] {
                assert!(!body.contains(remote), "{path} loads nothing from elsewhere ({remote})");
            }
        }
    }
}
