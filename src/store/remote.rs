//! Stage 5, remote: a kg store kept by a SPARQL engine over HTTP (Oxigraph's server,
//! Virtuoso, any SPARQL 1.1 Protocol and Update endpoint).
//!
//! Questions read through the SPARQL 1.1 Protocol (a form POST, results as SPARQL
//! JSON, graphs as N-Triples), parsed back into oxigraph's types, so that
//! [`super::Store`] prints them exactly as it prints the local store's. Writes go
//! through SPARQL 1.1 Update (`INSERT DATA`), or the Graph Store Protocol (a POST of
//! N-Triples per graph) when a graph store URL is given, in requests of whole entries
//! of at most [`REQUEST_QUADS`] quads: an ingest cut off by a fault leaves whole
//! entries, and since every IRI is content-derived, running it again completes the
//! store without duplicates.
//!
//! Layout: the local store keeps the data in its default graph. Engines differ on what
//! a default graph is (Virtuoso's is the union of every graph), so on a remote engine
//! the data lives in the named graph [`vocab::id::DATA_GRAPH`] by default, and every
//! query names its dataset in the protocol: that graph as the default graph, kg's
//! ontology and fetch graphs as the named graphs. [`DataGraph::Default`] uses the
//! engine's own default graph instead (Oxigraph serving a store kg wrote on disk).
//!
//! Not here: bulk loading and compaction (the engine's business), live-source
//! bookkeeping (validators, retired entries), which stays local-only for now.

use std::io::Read;
use std::sync::Arc;
use std::time::Duration;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsParser};
use oxigraph::sparql::{QueryEvaluationError, QueryResults, QuerySolutionIter, QueryTripleIter, Variable};

use super::{vocab, StoreError};

/// Quads sent in one write request at most (an entry with more goes alone). Virtuoso's
/// SPARQL compiler runs out of memory parsing an `INSERT DATA` of some 5,000 triples;
/// 2,000 are some 20 entries of the benchmark corpus, a few hundred kilobytes of text.
pub const REQUEST_QUADS: usize = 2_000;

/// How long one request may take unless the caller gives a timeout.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(600);

/// Tries of a request that failed in a way that may mend (a refused connection, a 5xx
/// answer such as Virtuoso's deadlock report): every request kg sends is idempotent.
const TRIES: u32 = 3;

/// Most bytes of an engine's error answer quoted in an error message.
const MAX_ERROR_TEXT: usize = 300;

/// Where a remote store keeps kg's data (the ontology and fetch graphs are named graphs
/// on every engine).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataGraph {
    /// A named graph, [`vocab::id::DATA_GRAPH`] by default.
    Named(String),
    /// The engine's default graph: for engines that keep it apart from the named
    /// graphs (Oxigraph), such as a store directory kg wrote, served by `oxigraph serve`.
    Default,
}

impl Default for DataGraph {
    fn default() -> Self {
        DataGraph::Named(vocab::id::DATA_GRAPH.to_string())
    }
}

/// How to reach a remote store, beside its query URL.
#[derive(Debug, Clone, Default)]
pub struct RemoteOptions {
    /// The SPARQL Update endpoint, when the engine has one apart from the query URL.
    pub update_url: Option<String>,
    /// A Graph Store Protocol endpoint: writes POST N-Triples there instead of sending
    /// SPARQL Update.
    pub graph_store_url: Option<String>,
    /// Where the data lives.
    pub data_graph: DataGraph,
}

/// Whether `location` is an `http://` or `https://` URL: a remote store, or a page to
/// ingest.
pub fn is_url(location: &str) -> bool {
    location.starts_with("http://") || location.starts_with("https://")
}

/// A SPARQL endpoint holding a kg store.
pub(super) struct Remote {
    agent: ureq::Agent,
    query_url: String,
    update_url: String,
    graph_store_url: Option<String>,
    data_graph: Option<NamedNode>,
}

impl Remote {
    /// Checks the URLs and the data graph; connects to nothing yet.
    pub fn new(query_url: &str, options: &RemoteOptions) -> Result<Remote, StoreError> {
        let check = |url: &str| -> Result<String, StoreError> {
            if !is_url(url) || url.parse::<ureq::http::Uri>().is_err() {
                return Err(StoreError::Open {
                    path: url.to_string(),
                    message: "not an http:// or https:// URL".to_string(),
                });
            }
            Ok(url.to_string())
        };
        let data_graph = match &options.data_graph {
            DataGraph::Named(g) => Some(NamedNode::new(g).map_err(|e| StoreError::Open {
                path: query_url.to_string(),
                message: format!("invalid data graph IRI '{g}': {e}"),
            })?),
            DataGraph::Default => None,
        };
        let config = ureq::Agent::config_builder()
            .user_agent(crate::fetch::USER_AGENT)
            .timeout_global(Some(REQUEST_TIMEOUT))
            .http_status_as_error(false)
            .build();
        Ok(Remote {
            agent: config.into(),
            query_url: check(query_url)?,
            update_url: check(options.update_url.as_deref().unwrap_or(query_url))?,
            graph_store_url: options.graph_store_url.as_deref().map(check).transpose()?,
            data_graph,
        })
    }

    /// The query URL, naming the store in messages.
    pub fn url(&self) -> &str {
        &self.query_url
    }

    /// The dataset every query runs on, as SPARQL Protocol parameters: the data graph
    /// as default graph, kg's named graphs as the named graphs.
    fn dataset(&self) -> Vec<(&'static str, String)> {
        match &self.data_graph {
            None => Vec::new(),
            Some(g) => vec![
                ("default-graph-uri", g.as_str().to_string()),
                ("named-graph-uri", vocab::id::ONTOLOGY_GRAPH.to_string()),
                ("named-graph-uri", vocab::id::FETCH_GRAPH.to_string()),
            ],
        }
    }

    /// Runs a parsed query (sent as `text`) and streams its results back.
    pub fn query(
        &self,
        query: &spargebra::Query,
        text: &str,
        timeout: Option<Duration>,
    ) -> Result<QueryResults<'static>, StoreError> {
        let graph = matches!(query, spargebra::Query::Construct { .. } | spargebra::Query::Describe { .. });
        let accept = if graph { "application/n-triples" } else { "application/sparql-results+json" };
        let mut form = vec![("query", text.to_string())];
        form.extend(self.dataset());
        let body = self.post_form(&self.query_url, accept, &form, timeout)?;
        if graph {
            let url = self.query_url.clone();
            let triples = RdfParser::from_format(RdfFormat::NTriples).for_reader(body).map(move |t| {
                t.map(|q| normalize_triple(Triple::new(q.subject, q.predicate, q.object)))
                    .map_err(|e| QueryEvaluationError::Service(format!("invalid N-Triples from {url}: {e}").into()))
            });
            return Ok(QueryResults::Graph(QueryTripleIter::new(triples)));
        }
        let parsed = QueryResultsParser::from_format(QueryResultsFormat::Json)
            .for_reader(BlankNodeIds::new(body))
            .map_err(|e| self.bad_answer(&e.to_string()))?;
        Ok(match parsed {
            oxigraph::sparql::results::ReaderQueryResultsParserOutput::Boolean(b) => QueryResults::Boolean(b),
            oxigraph::sparql::results::ReaderQueryResultsParserOutput::Solutions(solutions) => {
                let variables: Arc<[Variable]> = solutions.variables().into();
                let url = self.query_url.clone();
                let rows = solutions.map(move |s| {
                    s.map(|s| s.values().iter().map(|t| t.clone().map(normalize)).collect::<Vec<_>>())
                        .map_err(|e| QueryEvaluationError::Service(format!("unreadable answer from {url}: {e}").into()))
                });
                QueryResults::Solutions(QuerySolutionIter::from_tuples(variables, rows))
            }
        })
    }

    /// Sends a SPARQL update (text kg wrote, or one [`Remote::rewrite_update`] made).
    pub fn update(&self, update: &str) -> Result<(), StoreError> {
        let mut body = self.post_form(&self.update_url, "*/*", &[("update", update.to_string())], None)?;
        // Read the (small) answer so the connection can be reused.
        let _ = std::io::copy(&mut (&mut body).take(1 << 20), &mut std::io::sink());
        Ok(())
    }

    /// A user's update, made to act on the data graph where the local store's acts on
    /// its default graph: templates, `USING` and graph targets naming the default graph
    /// name the data graph instead.
    pub fn rewrite_update(&self, update: spargebra::Update, text: &str) -> String {
        let Some(data) = &self.data_graph else { return text.to_string() };
        use spargebra::algebra::{GraphTarget, QueryDataset};
        use spargebra::term::{GraphName as G, GraphNamePattern as P};
        use spargebra::GraphUpdateOperation as Op;
        let named = |g: G| if g == G::DefaultGraph { G::NamedNode(data.clone()) } else { g };
        let pattern = |g: P| if g == P::DefaultGraph { P::NamedNode(data.clone()) } else { g };
        let target =
            |g: GraphTarget| if g == GraphTarget::DefaultGraph { GraphTarget::NamedNode(data.clone()) } else { g };
        let operations = update
            .operations
            .into_iter()
            .map(|op| match op {
                Op::InsertData { data } => Op::InsertData {
                    data: data
                        .into_iter()
                        .map(|mut q| {
                            q.graph_name = named(q.graph_name);
                            q
                        })
                        .collect(),
                },
                Op::DeleteData { data } => Op::DeleteData {
                    data: data
                        .into_iter()
                        .map(|mut q| {
                            q.graph_name = named(q.graph_name);
                            q
                        })
                        .collect(),
                },
                Op::DeleteInsert { delete, insert, using, pattern: where_ } => Op::DeleteInsert {
                    delete: delete
                        .into_iter()
                        .map(|mut q| {
                            q.graph_name = pattern(q.graph_name);
                            q
                        })
                        .collect(),
                    insert: insert
                        .into_iter()
                        .map(|mut q| {
                            q.graph_name = pattern(q.graph_name);
                            q
                        })
                        .collect(),
                    using: using.or_else(|| {
                        Some(QueryDataset {
                            default: vec![data.clone()],
                            named: Some(vec![
                                NamedNode::new_unchecked(vocab::id::ONTOLOGY_GRAPH),
                                NamedNode::new_unchecked(vocab::id::FETCH_GRAPH),
                            ]),
                        })
                    }),
                    pattern: where_,
                },
                Op::Load { silent, source, destination } => {
                    Op::Load { silent, source, destination: named(destination) }
                }
                Op::Clear { silent, graph } => Op::Clear { silent, graph: target(graph) },
                Op::Drop { silent, graph } => Op::Drop { silent, graph: target(graph) },
                other => other,
            })
            .collect();
        let text = spargebra::Update { operations, base_iri: update.base_iri }.to_string();
        // The serializer writes each template quad on a line of its own, a `GRAPH`
        // block followed by '.', which the grammar allows and Virtuoso 7 refuses.
        text.lines()
            .map(|l| match l.strip_suffix(" } .") {
                Some(quad) if l.starts_with("\tGRAPH ") => format!("{quad} }}\n"),
                _ => format!("{l}\n"),
            })
            .collect()
    }

    /// Writes quads (the local store's layout: data in the default graph), in one
    /// request. Adding what is there already changes nothing.
    pub fn insert(&self, quads: &[Quad]) -> Result<(), StoreError> {
        if quads.is_empty() {
            return Ok(());
        }
        match &self.graph_store_url {
            Some(gsp) => {
                for (graph, triples) in self.by_graph(quads) {
                    let url = match &graph {
                        Some(g) => format!("{gsp}?graph={}", percent_encode(g.as_str())),
                        None => format!("{gsp}?default"),
                    };
                    let mut text = String::with_capacity(triples.len() * 120);
                    for t in triples {
                        text.push_str(&t);
                        text.push_str(" .\n");
                    }
                    self.send(&url, "application/n-triples", text.as_bytes())?;
                }
                Ok(())
            }
            None => self.update(&self.insert_data(quads)),
        }
    }

    /// Replaces a named graph with `quads` (all in that graph): the graph is dropped,
    /// then filled request by request. Triples with blank nodes go together in the
    /// first request, as an `INSERT … WHERE {}` template (Virtuoso refuses blank nodes
    /// in `INSERT DATA`, and a blank node means one node only within one request).
    pub fn replace_graph(&self, graph: &str, quads: &[Quad]) -> Result<(), StoreError> {
        let (blank, plain): (Vec<Quad>, Vec<Quad>) =
            quads.iter().cloned().partition(|q| q.subject.is_blank_node() || q.object.is_blank_node());
        let mut first = format!("DROP SILENT GRAPH <{graph}>");
        if !blank.is_empty() {
            first.push_str(" ;\n");
            first.push_str(&self.statements(&blank, "INSERT {\n", "} WHERE {}"));
        }
        self.update(&first)?;
        plain.chunks(REQUEST_QUADS).try_for_each(|c| self.insert(c))
    }

    /// `INSERT DATA` of `quads` (without blank nodes).
    fn insert_data(&self, quads: &[Quad]) -> String {
        self.statements(quads, "INSERT DATA {\n", "}")
    }

    /// `quads` as the body of an update operation, between `open` and `close`.
    fn statements(&self, quads: &[Quad], open: &str, close: &str) -> String {
        let mut text = String::with_capacity(quads.len() * 120 + 64);
        text.push_str(open);
        for (graph, triples) in self.by_graph(quads) {
            if let Some(g) = &graph {
                text.push_str(&format!("GRAPH <{}> {{\n", g.as_str()));
            }
            for t in triples {
                text.push_str(&t);
                text.push_str(" .\n");
            }
            if graph.is_some() {
                text.push_str("}\n");
            }
        }
        text.push_str(close);
        text
    }

    /// Quads as N-Triples statements (without the final dot), by the graph they go to
    /// on the engine (`None`: its default graph), graphs in order of appearance.
    fn by_graph(&self, quads: &[Quad]) -> Vec<(Option<NamedNode>, Vec<String>)> {
        let mut out: Vec<(Option<NamedNode>, Vec<String>)> = Vec::new();
        for q in quads {
            let graph = match &q.graph_name {
                GraphName::NamedNode(n) => Some(n.clone()),
                GraphName::DefaultGraph => self.data_graph.clone(),
                // kg writes no quads in blank-node graphs.
                GraphName::BlankNode(_) => continue,
            };
            let line = format!("{} {} {}", q.subject, q.predicate, q.object);
            match out.iter_mut().find(|(g, _)| *g == graph) {
                Some((_, lines)) => lines.push(line),
                None => out.push((graph, vec![line])),
            }
        }
        out
    }

    /// POSTs a form, retrying what may mend; returns the body of a 2xx answer.
    fn post_form(
        &self,
        url: &str,
        accept: &str,
        form: &[(&str, String)],
        timeout: Option<Duration>,
    ) -> Result<ureq::BodyReader<'static>, StoreError> {
        self.with_tries(url, timeout, || {
            let mut request = self.agent.post(url).header("Accept", accept);
            if let Some(t) = timeout {
                request = request.config().timeout_global(Some(t)).build();
            }
            request.send_form(form.iter().map(|(k, v)| (*k, v.as_str())))
        })
    }

    /// POSTs a body of `content_type` (the Graph Store Protocol).
    fn send(&self, url: &str, content_type: &str, body: &[u8]) -> Result<(), StoreError> {
        let mut answer =
            self.with_tries(url, None, || self.agent.post(url).header("Content-Type", content_type).send(body))?;
        let _ = std::io::copy(&mut (&mut answer).take(1 << 20), &mut std::io::sink());
        Ok(())
    }

    fn with_tries(
        &self,
        url: &str,
        timeout: Option<Duration>,
        call: impl Fn() -> Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<ureq::BodyReader<'static>, StoreError> {
        let mut wait = Duration::from_millis(500);
        let mut tries = 0;
        loop {
            tries += 1;
            let (error, transient) = match call() {
                Ok(response) if response.status().is_success() => return Ok(response.into_body().into_reader()),
                Ok(response) => {
                    let status = response.status().as_u16();
                    let mut text = String::new();
                    let _ =
                        response.into_body().into_reader().take(MAX_ERROR_TEXT as u64 * 4).read_to_string(&mut text);
                    let text = one_line(&text);
                    let error = StoreError::Remote {
                        url: url.to_string(),
                        message: if text.is_empty() {
                            format!("HTTP status {status}")
                        } else {
                            format!("HTTP status {status}: {text}")
                        },
                    };
                    (error, status >= 500)
                }
                Err(ureq::Error::Timeout(_)) => return Err(StoreError::Timeout(timeout.unwrap_or(REQUEST_TIMEOUT))),
                Err(ureq::Error::Io(e)) if e.kind() == std::io::ErrorKind::TimedOut => {
                    return Err(StoreError::Timeout(timeout.unwrap_or(REQUEST_TIMEOUT)))
                }
                Err(e) => {
                    let transient =
                        matches!(e, ureq::Error::Io(_) | ureq::Error::ConnectionFailed | ureq::Error::HostNotFound);
                    (StoreError::Remote { url: url.to_string(), message: e.to_string() }, transient)
                }
            };
            if !transient || tries >= TRIES {
                return Err(error);
            }
            std::thread::sleep(wait);
            wait *= 2;
        }
    }

    fn bad_answer(&self, message: &str) -> StoreError {
        StoreError::Remote { url: self.query_url.clone(), message: format!("unreadable answer: {}", one_line(message)) }
    }
}

/// Virtuoso names blank nodes `nodeID://b10005` in SPARQL JSON, which is no blank node
/// id; this reader drops the `nodeID://` of blank node values as the answer streams by.
/// (The marker is matched with its JSON quotes: inside a literal they are escaped.)
struct BlankNodeIds<R> {
    inner: R,
    /// Bytes read and not yet handed out.
    pending: Vec<u8>,
    /// Where the handed-out part of `pending` ends.
    start: usize,
    done: bool,
}

/// Virtuoso's blank node value prefix, as its JSON writes it, and what it becomes.
const VIRTUOSO_BNODE: &[u8] = b"\"type\": \"bnode\", \"value\": \"nodeID://";
const PLAIN_BNODE: &[u8] = b"\"type\": \"bnode\", \"value\": \"";

impl<R: Read> BlankNodeIds<R> {
    fn new(inner: R) -> Self {
        BlankNodeIds { inner, pending: Vec::new(), start: 0, done: false }
    }
}

impl<R: Read> Read for BlankNodeIds<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            // What may still be the start of a marker is kept back until more comes.
            let keep = if self.done { 0 } else { VIRTUOSO_BNODE.len() - 1 };
            let ready = self.pending.len().saturating_sub(keep);
            if self.start < ready {
                let n = (ready - self.start).min(buf.len());
                buf[..n].copy_from_slice(&self.pending[self.start..self.start + n]);
                self.start += n;
                return Ok(n);
            }
            if self.done {
                return Ok(0);
            }
            self.pending.drain(..self.start);
            self.start = 0;
            let mut chunk = [0u8; 64 * 1024];
            let n = self.inner.read(&mut chunk)?;
            if n == 0 {
                self.done = true;
            }
            let from = self.pending.len().saturating_sub(VIRTUOSO_BNODE.len() - 1);
            self.pending.extend_from_slice(&chunk[..n]);
            if find(&self.pending[from..], VIRTUOSO_BNODE).is_some() {
                // Rare (blank nodes in answers): a plain rewrite of what is pending.
                let mut out = Vec::with_capacity(self.pending.len());
                let mut rest = &self.pending[..];
                while let Some(i) = find(rest, VIRTUOSO_BNODE) {
                    out.extend_from_slice(&rest[..i]);
                    out.extend_from_slice(PLAIN_BNODE);
                    rest = &rest[i + VIRTUOSO_BNODE.len()..];
                }
                out.extend_from_slice(rest);
                self.pending = out;
            }
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Binds `variable` to `value` in `query`, as the local store's substitution does:
/// the pattern under the query's projection, grouping, ordering and filters is joined
/// with `VALUES ?variable { value }`, a term the serializer escapes, never text.
pub(super) fn bind(query: &mut spargebra::Query, variable: Variable, value: Literal) {
    use spargebra::algebra::GraphPattern as G;
    fn join(pattern: &mut G, variable: Variable, value: Literal) {
        match pattern {
            G::Project { inner, .. }
            | G::Distinct { inner }
            | G::Reduced { inner }
            | G::Slice { inner, .. }
            | G::OrderBy { inner, .. }
            | G::Group { inner, .. }
            | G::Filter { inner, .. }
            | G::Extend { inner, .. } => join(inner, variable, value),
            other => {
                let values = G::Values {
                    variables: vec![variable],
                    bindings: vec![vec![Some(spargebra::term::GroundTerm::Literal(value))]],
                };
                let rest = std::mem::replace(other, G::Bgp { patterns: Vec::new() });
                *other = G::Join { left: Box::new(values), right: Box::new(rest) };
            }
        }
    }
    match query {
        spargebra::Query::Select { pattern, .. }
        | spargebra::Query::Construct { pattern, .. }
        | spargebra::Query::Describe { pattern, .. }
        | spargebra::Query::Ask { pattern, .. } => join(pattern, variable, value),
    }
}

/// An engine's answer as one line of at most [`MAX_ERROR_TEXT`] characters.
fn one_line(text: &str) -> String {
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match folded.char_indices().nth(MAX_ERROR_TEXT) {
        Some((i, _)) => format!("{} …", &folded[..i]),
        None => folded,
    }
}

/// A term as the local store would give it back. Virtuoso writes booleans as `1` and
/// `0`; kg writes only `true` (and reads booleans as such).
fn normalize(term: Term) -> Term {
    if let Term::Literal(l) = &term {
        if l.datatype().as_str() == "http://www.w3.org/2001/XMLSchema#boolean" {
            let canonical = match l.value() {
                "1" => "true",
                "0" => "false",
                _ => return term,
            };
            return Term::Literal(Literal::new_typed_literal(canonical, l.datatype().into_owned()));
        }
    }
    term
}

fn normalize_triple(t: Triple) -> Triple {
    Triple::new(t.subject, t.predicate, normalize(t.object))
}

/// Percent-encodes a query parameter value (RFC 3986 unreserved characters stay).
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn remote(data_graph: DataGraph) -> Remote {
        Remote::new("http://127.0.0.1:9/sparql", &RemoteOptions { data_graph, ..Default::default() }).unwrap()
    }

    #[test]
    fn urls_are_checked() {
        assert!(Remote::new("ftp://x/sparql", &RemoteOptions::default()).is_err());
        let bad_update = RemoteOptions { update_url: Some("nope".into()), ..Default::default() };
        assert!(Remote::new("http://x/sparql", &bad_update).is_err());
        let bad_graph = RemoteOptions { data_graph: DataGraph::Named("not an iri".into()), ..Default::default() };
        assert!(Remote::new("http://x/sparql", &bad_graph).is_err());
    }

    #[test]
    fn insert_data_puts_default_graph_quads_in_the_data_graph() {
        let q = |g: GraphName| {
            Quad::new(NamedNode::new_unchecked("urn:s"), NamedNode::new_unchecked("urn:p"), Literal::from(true), g)
        };
        let ont = GraphName::NamedNode(NamedNode::new_unchecked(vocab::id::ONTOLOGY_GRAPH));
        let quads = [q(GraphName::DefaultGraph), q(ont)];
        let text = remote(DataGraph::default()).insert_data(&quads);
        assert_eq!(
            text,
            format!(
                "INSERT DATA {{\nGRAPH <{}> {{\n<urn:s> <urn:p> \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n}}\nGRAPH <{}> {{\n<urn:s> <urn:p> \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n}}\n}}",
                vocab::id::DATA_GRAPH,
                vocab::id::ONTOLOGY_GRAPH
            )
        );
        let plain = remote(DataGraph::Default).statements(&quads[..1], "INSERT {\n", "} WHERE {}");
        assert!(plain.starts_with("INSERT {\n<urn:s> <urn:p> ") && plain.ends_with(" .\n} WHERE {}"), "{plain}");
    }

    #[test]
    fn updates_on_the_default_graph_act_on_the_data_graph() {
        let text = "DELETE WHERE { ?c a <urn:Claim> }";
        let update = spargebra::SparqlParser::new().parse_update(text).unwrap();
        let rewritten = remote(DataGraph::default()).rewrite_update(update.clone(), text);
        assert!(rewritten.contains(&format!("GRAPH <{}>", vocab::id::DATA_GRAPH)), "{rewritten}");
        assert!(!rewritten.contains("} ."), "Virtuoso refuses a '.' after a GRAPH block: {rewritten}");
        assert!(rewritten.contains(&format!("USING <{}>", vocab::id::DATA_GRAPH)), "{rewritten}");
        assert_eq!(remote(DataGraph::Default).rewrite_update(update, text), text);
    }

    #[test]
    fn a_bound_query_answers_as_the_local_substitution() {
        let store = crate::store::Store::memory().unwrap();
        store
            .update(
                "INSERT DATA { <urn:a> <urn:label> \"NATO\" ; <urn:n> 1 . <urn:b> <urn:label> \"EU\" ; <urn:n> 2 . <urn:c> <urn:label> \"NATO\" ; <urn:n> 3 }",
            )
            .unwrap();
        for text in [
            "SELECT ?x ?name WHERE { ?x <urn:label> ?name } ORDER BY ?x",
            "SELECT ?name (COUNT(?x) AS ?n) WHERE { ?x <urn:label> ?name } GROUP BY ?name",
            "SELECT DISTINCT ?x ?name WHERE { ?x <urn:label> ?name ; <urn:n> ?n FILTER(?n > 1) } LIMIT 5",
            "ASK { ?x <urn:label> ?name }",
        ] {
            let mut query = spargebra::SparqlParser::new().parse_query(text).unwrap();
            bind(&mut query, Variable::new_unchecked("name"), Literal::new_simple_literal("NATO"));
            let rewritten = query.to_string();
            if text.starts_with("ASK") {
                let mut out = Vec::new();
                store.query_to_writer(&rewritten, crate::store::ResultFormat::Json, &mut out, None, None).unwrap();
                assert!(String::from_utf8(out).unwrap().contains("true"), "{rewritten}");
                continue;
            }
            let substituted = store.select(text, &[("name", "NATO")]).unwrap();
            assert!(!substituted.rows.is_empty(), "{text}");
            assert_eq!(store.select(&rewritten, &[]).unwrap().rows, substituted.rows, "{rewritten}");
        }
    }

    #[test]
    fn virtuoso_booleans_read_as_the_local_store_writes_them() {
        let dt = NamedNode::new_unchecked("http://www.w3.org/2001/XMLSchema#boolean");
        let one = Term::Literal(Literal::new_typed_literal("1", dt.clone()));
        assert_eq!(normalize(one), Term::Literal(Literal::from(true)));
        let text = Term::Literal(Literal::new_simple_literal("1"));
        assert_eq!(normalize(text.clone()), text);
    }

    #[test]
    fn virtuoso_blank_node_ids_become_valid_ones_across_reads() {
        let json = r#"{ "head": { "vars": ["s"] }, "results": { "bindings": [ { "s": { "type": "bnode", "value": "nodeID://b10005" }}, { "s": { "type": "literal", "value": "\"type\": \"bnode\", \"value\": \"nodeID://x" }} ] } }"#;
        // A reader handing out a few bytes at a time: markers straddle the reads.
        struct Trickle<'a>(&'a [u8]);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let n = self.0.len().min(buf.len()).min(7);
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut out = String::new();
        BlankNodeIds::new(Trickle(json.as_bytes())).read_to_string(&mut out).unwrap();
        assert_eq!(out, json.replacen("nodeID://b10005", "b10005", 1));
    }

    #[test]
    fn errors_are_one_short_line() {
        let long = "a\n b ".repeat(400);
        let line = one_line(&long);
        assert!(!line.contains('\n') && line.chars().count() <= MAX_ERROR_TEXT + 2, "{line}");
        assert_eq!(percent_encode("https://x/g?a=b"), "https%3A%2F%2Fx%2Fg%3Fa%3Db");
    }
}
