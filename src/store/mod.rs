//! Stage 5: entries and claims → RDF quads in an Oxigraph store; SPARQL over it.
//!
//! Architecture invariant: this is the only module that touches oxigraph's store and
//! SPARQL types. Everything else sees [`Store`], [`Solutions`] and [`Value`].
//!
//! Data lives in the default graph; the ontology (schema, relations, gazetteer) in the
//! named graph [`vocab::id::ONTOLOGY_GRAPH`]. Every IRI is derived from content
//! ([`model`]), so writing the same entry twice adds nothing.
//!
//! A [`Store`] is local (an Oxigraph store on disk or in memory) or remote (a SPARQL
//! endpoint, [`remote`]); callers see the same methods and get the same answers.
//! Bulk loading and compaction are local; on a remote store they are plain writes and
//! no-ops.

mod compact;
mod live;
pub mod model;
pub mod remote;
pub mod vocab;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{BlankNode, GraphName, GraphNameRef, NamedNode, NamedOrBlankNode, Quad, Term};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator, Variable};
use serde::Serialize;

use crate::claim::Claim;
use crate::entry::{Document, Entry};
pub use live::Validators;
pub use remote::{DataGraph, RemoteOptions};

/// Errors of the store stage.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store at {path} is busy: another kg process is writing to it (try again when it ends)")]
    Busy { path: String },
    #[error("cannot open store at {path}: {message}")]
    Open { path: String, message: String },
    #[error("store: {0}")]
    Storage(String),
    #[error("invalid SPARQL {what}: {message}")]
    Syntax { what: &'static str, message: String },
    #[error("query failed: {0}")]
    Evaluation(String),
    #[error("query timed out after {0:?}")]
    Timeout(Duration),
    #[error("this is a SPARQL update: pass --update to change the store")]
    UpdateNeedsFlag,
    #[error("invalid ontology file {file}: {message}")]
    Ontology { file: String, message: String },
    #[error("remote store {url}: {message}")]
    Remote { url: String, message: String },
    #[error("remote store {url}: {what} works on a local store only")]
    LocalOnly { url: String, what: &'static str },
    #[error("remote store {url} was opened read-only")]
    ReadOnly { url: String },
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl From<oxigraph::store::StorageError> for StoreError {
    fn from(e: oxigraph::store::StorageError) -> Self {
        StoreError::Storage(e.to_string())
    }
}

/// An RDF term as kg's other stages see it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Value {
    Iri { value: String },
    Literal { value: String, datatype: Option<String>, lang: Option<String> },
    Blank { value: String },
}

impl Value {
    /// The lexical value: IRI, literal text or blank node id.
    pub fn as_str(&self) -> &str {
        match self {
            Value::Iri { value } | Value::Literal { value, .. } | Value::Blank { value } => value,
        }
    }

    /// The lexical value, owned: IRI, literal text or blank node id.
    pub fn into_string(self) -> String {
        match self {
            Value::Iri { value } | Value::Literal { value, .. } | Value::Blank { value } => value,
        }
    }

    fn from_term(t: &Term) -> Value {
        match t {
            Term::NamedNode(n) => Value::Iri { value: n.as_str().to_string() },
            Term::BlankNode(b) => Value::Blank { value: b.as_str().to_string() },
            Term::Literal(l) => Value::Literal {
                value: l.value().to_string(),
                datatype: (l.language().is_none()
                    && l.datatype().as_str() != "http://www.w3.org/2001/XMLSchema#string")
                    .then(|| l.datatype().as_str().to_string()),
                lang: l.language().map(str::to_string),
            },
            #[allow(unreachable_patterns)]
            _ => Value::Literal { value: t.to_string(), datatype: None, lang: None },
        }
    }
}

/// Rows of a SELECT query.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Solutions {
    pub variables: Vec<String>,
    pub rows: Vec<Vec<Option<Value>>>,
}

impl Solutions {
    /// Index of a variable by name (without '?').
    pub fn column(&self, name: &str) -> Option<usize> {
        self.variables.iter().position(|v| v == name)
    }

    /// The value of `name` in `row`, as a string.
    pub fn get<'a>(&'a self, row: &'a [Option<Value>], name: &str) -> Option<&'a str> {
        self.column(name).and_then(|i| row.get(i)?.as_ref()).map(Value::as_str)
    }
}

/// Result formats of `kg query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultFormat {
    Table,
    Json,
    Csv,
    Tsv,
    Xml,
    Turtle,
    NTriples,
    /// JSON-LD (expanded form), for CONSTRUCT and DESCRIBE results.
    JsonLd,
}

/// The four forms of a SPARQL query, which decide the kind of its results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryForm {
    /// Rows of bindings.
    Select,
    /// A boolean.
    Ask,
    /// RDF triples.
    Construct,
    /// RDF triples about resources.
    Describe,
}

impl QueryForm {
    /// Whether the results are RDF triples rather than a table or a boolean.
    pub fn is_graph(self) -> bool {
        matches!(self, QueryForm::Construct | QueryForm::Describe)
    }
}

/// The form of a SPARQL query, read by parsing it (nothing is evaluated, no store is
/// needed). A SPARQL update gives [`StoreError::UpdateNeedsFlag`], anything else that
/// does not parse [`StoreError::Syntax`].
pub fn query_form(sparql: &str) -> Result<QueryForm, StoreError> {
    use spargebra::Query;
    let query = spargebra::SparqlParser::new().parse_query(sparql).map_err(|e| {
        match SparqlEvaluator::new().parse_update(sparql) {
            Ok(_) => StoreError::UpdateNeedsFlag,
            Err(_) => syntax_error("query", &e.to_string()),
        }
    })?;
    Ok(match query {
        Query::Select { .. } => QueryForm::Select,
        Query::Ask { .. } => QueryForm::Ask,
        Query::Construct { .. } => QueryForm::Construct,
        Query::Describe { .. } => QueryForm::Describe,
    })
}

/// RDF dump formats of `kg export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DumpFormat {
    Turtle,
    NTriples,
    NQuads,
    TriG,
}

/// Counts shown by `kg stats`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub documents: u64,
    pub entries: u64,
    pub actors: u64,
    pub positions: u64,
    pub claims: u64,
    pub quads: u64,
    /// Table files not yet merged into the rest (RocksDB's level 0): bulk commits add
    /// them, `kg optimize` merges them; questions slow down as they pile up.
    pub unmerged_files: u64,
}

/// What one write added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct WriteStats {
    pub entries: usize,
    pub claims: usize,
    /// Quads offered to the store (including ones already there).
    pub quads: usize,
}

/// How an ingest puts quads into RocksDB. Both write the same quads, all or nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum WriteMode {
    /// A [`BulkWriter`]: table files sorted some 100,000 quads (about 1,400 entries) at a
    /// time while extraction goes on, made visible in a few atomic commits (after the
    /// first batch, and at the end). Fastest.
    #[default]
    Bulk,
    /// [`Store::write`]: one RocksDB transaction per batch of entries (write-ahead
    /// log, memtable, flushes and compactions); the unit of atomicity is the batch.
    Transaction,
}

/// Quads a [`BulkWriter`] collects before it stores them: some 40 MB of quads, while
/// the store gets few, large files (each batch adds one file per index, which are
/// merged at the end). With two batches being sorted and a third being built, 150,000
/// took a 100 MB ingest to 526 MB at its peak (once extraction kept the writer busy);
/// 100,000 keep it under 470 MB, no slower.
const BULK_BATCH_QUADS: usize = 100_000;
/// Room for the write that fills a batch (a batch of entries adds up to ~100k quads).
const BULK_BATCH_SLACK: usize = 100_000;
/// Quads sorted before a [`BulkWriter`] commits again, after its first commit: some
/// 200 MB of live-blog text. Each commit makes RocksDB merge the new files into the
/// whole store, so a 100 MB input commits only twice (after its first batch, and at
/// the end), while a much larger one still keeps its work every few minutes.
const BULK_COMMIT_EVERY: usize = 32_000_000;
/// Batches sorted at the same time. Two keep both cores of a small machine busy
/// while extraction waits for the store (one: 10 MB in 6.2 s instead of 5.6 s); each
/// more costs some 40 MB.
const BULK_THREADS: usize = 2;

/// One entry and the claims extracted from it, ready to be written.
#[derive(Debug, Clone)]
pub struct EntryClaims<'a> {
    pub entry: &'a Entry,
    pub claims: &'a [Claim],
    /// Actors and positions the entry mentions (claims or not): `entry kg:mentions x`.
    pub mentions: &'a [crate::claim::Entity],
}

/// A kg store: an Oxigraph store on disk (or in memory for tests), or a SPARQL
/// endpoint (`--store http://…`).
pub struct Store {
    backend: Backend,
    path: Option<PathBuf>,
    /// Opened read-write: [`Store::optimize`] may compact it; a remote store takes writes.
    writable: bool,
}

/// Where a [`Store`]'s quads are.
enum Backend {
    Local(oxigraph::store::Store),
    Remote(remote::Remote),
}

impl Store {
    /// Opens (creating if needed) a read-write store in `dir`; an `http(s)://` URL
    /// opens the remote store there with the default [`RemoteOptions`].
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        if let Some(url) = dir.to_str().filter(|d| remote::is_url(d)) {
            return Store::open_remote(url, &RemoteOptions::default(), true);
        }
        if dir.exists() && !dir.is_dir() {
            return Err(StoreError::Open { path: dir.display().to_string(), message: "not a directory".into() });
        }
        std::fs::create_dir_all(dir)
            .map_err(|e| StoreError::Open { path: dir.display().to_string(), message: e.to_string() })?;
        let db = oxigraph::store::Store::open(dir).map_err(|e| open_error(dir, e))?;
        Ok(Store { backend: Backend::Local(db), path: Some(dir.to_path_buf()), writable: true })
    }

    /// A remote store: the SPARQL endpoint at `url` (queries), with the update and
    /// graph store endpoints of `options`. Nothing is sent until the first call.
    pub fn open_remote(url: &str, options: &RemoteOptions, writable: bool) -> Result<Store, StoreError> {
        Ok(Store { backend: Backend::Remote(remote::Remote::new(url, options)?), path: None, writable })
    }

    /// The query URL of a remote store.
    pub fn remote_url(&self) -> Option<&str> {
        match &self.backend {
            Backend::Remote(r) => Some(r.url()),
            Backend::Local(_) => None,
        }
    }

    /// The local Oxigraph store, or an error naming `what` needs one.
    fn local(&self, what: &'static str) -> Result<&oxigraph::store::Store, StoreError> {
        match &self.backend {
            Backend::Local(db) => Ok(db),
            Backend::Remote(r) => Err(StoreError::LocalOnly { url: r.url().to_string(), what }),
        }
    }

    /// The remote endpoint to write to, refusing writes to a read-only store.
    fn remote_for_writing<'a>(&self, r: &'a remote::Remote) -> Result<&'a remote::Remote, StoreError> {
        if self.writable {
            Ok(r)
        } else {
            Err(StoreError::ReadOnly { url: r.url().to_string() })
        }
    }

    /// Opens an existing store for reading only; works while another process writes.
    /// A store that does not exist yet reads as empty.
    pub fn open_read_only(dir: &Path) -> Result<Store, StoreError> {
        if let Some(url) = dir.to_str().filter(|d| remote::is_url(d)) {
            return Store::open_remote(url, &RemoteOptions::default(), false);
        }
        if !dir.join("CURRENT").exists() {
            return Store::memory();
        }
        let db = oxigraph::store::Store::open_read_only(dir).map_err(|e| open_error(dir, e))?;
        Ok(Store { backend: Backend::Local(db), path: Some(dir.to_path_buf()), writable: false })
    }

    /// A fresh in-memory store.
    pub fn memory() -> Result<Store, StoreError> {
        Ok(Store { backend: Backend::Local(oxigraph::store::Store::new()?), path: None, writable: false })
    }

    /// Where the store lives, when on disk.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Writes documents, entries and their claims in one transaction: all or nothing.
    pub fn write(&self, documents: &[Document], entries: &[EntryClaims<'_>]) -> Result<WriteStats, StoreError> {
        let db = match &self.backend {
            Backend::Local(db) => db,
            Backend::Remote(r) => {
                return remote_write(self.remote_for_writing(r)?, documents, entries, &mut model::Described::default())
            }
        };
        let mut quads = Vec::new();
        let stats = quads_of(documents, entries, &mut model::Described::default(), &mut quads);
        // Claims of one entry can share their cue and quote: write each quad once.
        let mut seen = std::collections::HashSet::with_capacity(quads.len());
        let mut t = db.start_transaction()?;
        t.extend(quads.iter().filter(|q| seen.insert(*q)));
        t.commit()?;
        Ok(stats)
    }

    /// Starts a bulk write: everything given to the [`BulkWriter`] appears at once when
    /// it commits, or not at all.
    /// On a remote store, each `write` is sent at once, as [`Store::write`] does.
    pub fn bulk_writer(&self) -> BulkWriter<'_> {
        let inner = match &self.backend {
            Backend::Local(db) => BulkInner::Local {
                db,
                loader: bulk_loader(db),
                quads: Vec::with_capacity(BULK_BATCH_QUADS + BULK_BATCH_SLACK),
                loaded: 0,
                commit_after: BULK_BATCH_QUADS,
                commits: 0,
            },
            Backend::Remote(r) => BulkInner::Remote(r, self.writable),
        };
        BulkWriter { inner, described: model::Described::default() }
    }

    /// Replaces the ontology graph with the given Turtle documents `(name, text)`.
    pub fn load_ontology(&self, files: &[(String, String)]) -> Result<usize, StoreError> {
        let graph = GraphName::NamedNode(model::iri(vocab::id::ONTOLOGY_GRAPH));
        let mut quads = Vec::new();
        for (name, text) in files {
            // The parser names blank nodes (OWL lists, `[ … ]`) at random; renamed by
            // file and order of appearance, loading the same files again is a no-op
            // and two stores export byte-identical ontology graphs.
            let mut blanks: std::collections::HashMap<BlankNode, BlankNode> = std::collections::HashMap::new();
            let mut stable = |b: BlankNode| -> BlankNode {
                let n = blanks.len() as u64;
                blanks
                    .entry(b)
                    .or_insert_with(|| {
                        let key = format!("{name}\0{n}");
                        BlankNode::new_from_unique_id(xxhash_rust::xxh3::xxh3_128(key.as_bytes()))
                    })
                    .clone()
            };
            for q in RdfParser::from_format(RdfFormat::Turtle).without_named_graphs().for_slice(text.as_bytes()) {
                let q = q.map_err(|e| StoreError::Ontology { file: name.clone(), message: e.to_string() })?;
                let subject = match q.subject {
                    NamedOrBlankNode::BlankNode(b) => NamedOrBlankNode::BlankNode(stable(b)),
                    s => s,
                };
                let object = match q.object {
                    Term::BlankNode(b) => Term::BlankNode(stable(b)),
                    o => o,
                };
                quads.push(Quad::new(subject, q.predicate, object, graph.clone()));
            }
        }
        let db = match &self.backend {
            Backend::Local(db) => db,
            Backend::Remote(r) => return self.load_remote_ontology(r, &quads),
        };
        let existing: Vec<Quad> =
            db.quads_for_pattern(None, None, None, Some(graph.as_ref())).collect::<Result<_, _>>()?;
        let same = existing.len() == quads.len() && {
            let mut a: Vec<String> = existing.iter().map(|q| q.to_string()).collect();
            let mut b: Vec<String> = quads.iter().map(|q| q.to_string()).collect();
            a.sort_unstable();
            b.sort_unstable();
            a == b
        };
        if !same {
            let mut t = db.start_transaction()?;
            for q in &existing {
                t.remove(q);
            }
            t.extend(quads.iter());
            t.commit()?;
        }
        Ok(quads.len())
    }

    /// Runs a SELECT query, binding `bindings` (variable name → literal string) safely:
    /// values are substituted as RDF terms, never spliced into the query text.
    pub fn select(&self, sparql: &str, bindings: &[(&str, &str)]) -> Result<Solutions, StoreError> {
        let mut rows = Vec::new();
        let variables = self.select_each(sparql, bindings, |_, row| rows.push(row))?;
        Ok(Solutions { variables, rows })
    }

    /// Runs a SELECT query and hands each row to `f` as it comes, with the variable
    /// names (without '?'); returns the variable names. For large results: nothing
    /// is kept beyond what `f` keeps.
    pub fn select_each(
        &self,
        sparql: &str,
        bindings: &[(&str, &str)],
        mut f: impl FnMut(&[String], Vec<Option<Value>>),
    ) -> Result<Vec<String>, StoreError> {
        let mut names = Vec::new();
        self.each_solution(sparql, bindings, |variables, row| {
            if names.len() != variables.len() {
                names = variables.iter().map(|v| v.as_str().to_string()).collect();
            }
            f(&names, row.iter().map(|t| t.as_ref().map(Value::from_term)).collect())
        })
        .map(|variables| variables.iter().map(|v| v.as_str().to_string()).collect())
    }

    /// Runs a SELECT query and hands each row's terms to `f`; returns the variables.
    fn each_solution(
        &self,
        sparql: &str,
        bindings: &[(&str, &str)],
        mut f: impl FnMut(&[Variable], &[Option<Term>]),
    ) -> Result<Vec<Variable>, StoreError> {
        let running = self.execute(sparql, bindings, None)?;
        match running.results {
            QueryResults::Solutions(sols) => {
                let variables = sols.variables().to_vec();
                for s in sols {
                    let s = s.map_err(|e| running.failure.error(e))?;
                    f(&variables, s.values());
                }
                Ok(variables)
            }
            _ => Err(StoreError::Evaluation("expected a SELECT query".into())),
        }
    }

    /// Parses and starts a query on the local store or the endpoint, with `bindings`
    /// substituted as literals and `timeout` cancelling it.
    fn execute(
        &self,
        sparql: &str,
        bindings: &[(&str, &str)],
        timeout: Option<Duration>,
    ) -> Result<Running<'_>, StoreError> {
        let variable = |name: &str| Variable::new(name).map_err(|e| StoreError::Evaluation(e.to_string()));
        match &self.backend {
            Backend::Local(db) => {
                let token = CancellationToken::new();
                let mut prepared = SparqlEvaluator::new()
                    .with_cancellation_token(token.clone())
                    .parse_query(sparql)
                    .map_err(|e| syntax_error("query", &e.to_string()))?
                    .on_store(db);
                for (name, value) in bindings {
                    prepared = prepared.substitute_variable(variable(name)?, oxigraph::model::Literal::from(*value));
                }
                let failure = Failure { token: Some(token.clone()), timeout };
                let guard = timeout.map(|d| Canceller::start(token, d));
                let results = prepared.execute().map_err(|e| failure.error(e))?;
                Ok(Running { results, failure, _guard: guard })
            }
            Backend::Remote(r) => {
                let mut query = spargebra::SparqlParser::new()
                    .parse_query(sparql)
                    .map_err(|e| syntax_error("query", &e.to_string()))?;
                let text = if bindings.is_empty() {
                    sparql.to_string()
                } else {
                    for (name, value) in bindings {
                        remote::bind(&mut query, variable(name)?, oxigraph::model::Literal::from(*value));
                    }
                    query.to_string()
                };
                let results = r.query(&query, &text, timeout)?;
                Ok(Running { results, failure: Failure { token: None, timeout }, _guard: None })
            }
        }
    }

    /// Runs any SPARQL query and writes its results to `out` in `format`.
    /// `limit` caps the rows written; `timeout` cancels a long evaluation.
    /// Returns the number of rows (or triples) written.
    pub fn query_to_writer(
        &self,
        sparql: &str,
        format: ResultFormat,
        out: &mut dyn Write,
        limit: Option<usize>,
        timeout: Option<Duration>,
    ) -> Result<usize, StoreError> {
        let Running { results, failure, _guard } = self.execute(sparql, &[], timeout).map_err(|e| match e {
            StoreError::Syntax { .. } if SparqlEvaluator::new().parse_update(sparql).is_ok() => {
                StoreError::UpdateNeedsFlag
            }
            e => e,
        })?;
        let map_err = |e: QueryEvaluationError| failure.error(e);
        let limit = limit.unwrap_or(usize::MAX);
        let mut n = 0;
        match results {
            QueryResults::Boolean(b) => {
                match format {
                    ResultFormat::Table => writeln!(out, "{b}")?,
                    f => {
                        QueryResultsSerializer::from_format(results_format(f)?)
                            .serialize_boolean_to_writer(&mut *out, b)?;
                    }
                }
                n = 1;
            }
            QueryResults::Solutions(sols) => {
                let variables = sols.variables().to_vec();
                if format == ResultFormat::Table {
                    let mut table = Solutions {
                        variables: variables.iter().map(|v| v.as_str().to_string()).collect(),
                        rows: Vec::new(),
                    };
                    for s in sols.take(limit) {
                        let s = s.map_err(map_err)?;
                        table.rows.push(s.values().iter().map(|t| t.as_ref().map(Value::from_term)).collect());
                    }
                    n = table.rows.len();
                    crate::table::write_solutions(&table, out)?;
                } else {
                    let mut ser = QueryResultsSerializer::from_format(results_format(format)?)
                        .serialize_solutions_to_writer(&mut *out, variables)?;
                    for s in sols.take(limit) {
                        ser.serialize(&s.map_err(map_err)?)?;
                        n += 1;
                    }
                    ser.finish()?;
                }
            }
            QueryResults::Graph(triples) => {
                let rdf = match format {
                    ResultFormat::NTriples => RdfFormat::NTriples,
                    ResultFormat::Turtle | ResultFormat::Table => RdfFormat::Turtle,
                    ResultFormat::JsonLd => RdfFormat::JsonLd { profile: Default::default() },
                    _ => {
                        return Err(StoreError::Evaluation(
                            "CONSTRUCT and DESCRIBE results are RDF: use --format turtle or ntriples".into(),
                        ))
                    }
                };
                let mut ser = with_prefixes(RdfSerializer::from_format(rdf)).for_writer(&mut *out);
                for t in triples.take(limit) {
                    ser.serialize_triple(&t.map_err(map_err)?)?;
                    n += 1;
                }
                ser.finish()?;
            }
        }
        Ok(n)
    }

    /// Runs a SPARQL update. On a remote store whose data is in a named graph, what
    /// the update says of the default graph is said of that graph.
    pub fn update(&self, sparql: &str) -> Result<(), StoreError> {
        let parsed =
            || spargebra::SparqlParser::new().parse_update(sparql).map_err(|e| syntax_error("update", &e.to_string()));
        match &self.backend {
            Backend::Local(db) => SparqlEvaluator::new()
                .parse_update(sparql)
                .map_err(|e| syntax_error("update", &e.to_string()))?
                .on_store(db)
                .execute()
                .map_err(|e| StoreError::Evaluation(e.to_string())),
            Backend::Remote(r) => {
                let r = self.remote_for_writing(r)?;
                r.update(&r.rewrite_update(parsed()?, sparql))
            }
        }
    }

    /// Writes the store in `format`, sorted so that two dumps of the same store are
    /// byte-identical. Triple formats (Turtle, N-Triples) hold the default graph (the
    /// data); quad formats (N-Quads, TriG) hold every graph, the ontology included.
    pub fn export(&self, format: DumpFormat, out: &mut dyn Write) -> Result<usize, StoreError> {
        let with_graphs = matches!(format, DumpFormat::NQuads | DumpFormat::TriG);
        let mut quads: Vec<Quad> = match &self.backend {
            Backend::Local(db) if with_graphs => db.iter().collect::<Result<_, _>>()?,
            Backend::Local(db) => {
                db.quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph)).collect::<Result<_, _>>()?
            }
            Backend::Remote(_) => self.remote_quads(with_graphs)?,
        };
        quads.sort_by_cached_key(|q| {
            (q.graph_name.to_string(), q.subject.to_string(), q.predicate.to_string(), q.object.to_string())
        });
        let rdf = match format {
            DumpFormat::Turtle => RdfFormat::Turtle,
            DumpFormat::NTriples => RdfFormat::NTriples,
            DumpFormat::NQuads => RdfFormat::NQuads,
            DumpFormat::TriG => RdfFormat::TriG,
        };
        let mut ser = with_prefixes(RdfSerializer::from_format(rdf)).for_writer(&mut *out);
        for q in &quads {
            ser.serialize_quad(q)?;
        }
        ser.finish()?;
        Ok(quads.len())
    }

    /// Counts documents, entries, actors, positions and claims.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        // Counted in SPARQL, which counts index entries: iterating the quads decoded
        // every IRI, 33 s for the 880,000 claims of a 100 MB store.
        let count = |class: &str| -> Result<u64, StoreError> {
            let rows = self.select(&format!("SELECT (COUNT(?x) AS ?n) WHERE {{ ?x a <{class}> }}"), &[])?;
            Ok(rows.rows.first().and_then(|r| rows.get(r, "n")).and_then(|n| n.parse().ok()).unwrap_or(0))
        };
        let actors = self.actors()?.iter().map(|a| &a.key).collect::<std::collections::HashSet<_>>().len() as u64;
        Ok(Stats {
            documents: count(vocab::kg::DOCUMENT)?,
            entries: count(vocab::kg::ENTRY)?,
            actors,
            positions: count(vocab::kg::POSITION)?,
            claims: count(vocab::kg::CLAIM)?,
            quads: match &self.backend {
                Backend::Local(db) => db.len()? as u64,
                Backend::Remote(_) => {
                    let rows = self.select(&format!("SELECT (COUNT(*) AS ?n) WHERE {{ {ALL_QUADS} }}"), &[])?;
                    rows.rows.first().and_then(|r| rows.get(r, "n")).and_then(|n| n.parse().ok()).unwrap_or(0)
                }
            },
            unmerged_files: match &self.path {
                Some(dir) => compact::unmerged_files(dir)?,
                None => 0,
            },
        })
    }

    /// Every actor in the data with its label and kind, for seeding name resolution
    /// so that "Leavitt" in today's file is the "Karoline Leavitt" of yesterday's.
    pub fn actors(&self) -> Result<Vec<crate::claim::Entity>, StoreError> {
        use crate::claim::{Entity, EntityKind};
        let rows = self.select(
            &format!(
                "SELECT ?a ?label ?c WHERE {{ ?a a <{}> ; a ?c ; <{}> ?label . VALUES ?c {{ <{}> <{}> <{}> <{}> }} }}",
                vocab::kg::ACTOR,
                vocab::rdf::LABEL,
                vocab::kg::PERSON,
                vocab::kg::STATE,
                vocab::kg::ORGANIZATION,
                vocab::kg::GROUP
            ),
            &[],
        )?;
        let mut out = Vec::new();
        for r in &rows.rows {
            let (Some(a), Some(label), Some(c)) = (rows.get(r, "a"), rows.get(r, "label"), rows.get(r, "c")) else {
                continue;
            };
            let Some(key) = a.strip_prefix(vocab::id::BASE) else { continue };
            let kind = match c {
                vocab::kg::PERSON => EntityKind::Person,
                vocab::kg::STATE => EntityKind::State,
                vocab::kg::ORGANIZATION => EntityKind::Organization,
                _ => EntityKind::Group,
            };
            out.push(Entity { key: key.to_string(), label: label.to_string(), kind });
        }
        out.sort();
        Ok(out)
    }

    /// Compacts every index fully (RocksDB's manual compaction), then closes the
    /// store: queries then read one file per level. On disk the indexes are compacted
    /// side by side, one per core (see [`compact`]): on two cores that takes 60 % of
    /// the time of Oxigraph's one-at-a-time `optimize`.
    /// A remote store is the engine's to compact: there this does nothing.
    pub fn optimize(self) -> Result<(), StoreError> {
        let db = match self.backend {
            Backend::Local(db) => db,
            Backend::Remote(_) => return Ok(()),
        };
        match (&self.path, self.writable) {
            (Some(dir), true) => {
                // RocksDB must be closed (its lock released) before it is opened again.
                drop(db);
                let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(compact::MAX_THREADS);
                compact::compact(dir, threads)
            }
            _ => Ok(db.optimize()?),
        }
    }

    /// Flushes and compacts nothing: RocksDB persists on commit. Kept for symmetry
    /// with bulk loading, which needs an explicit flush. A remote store has written
    /// everything when each request returned.
    pub fn flush(&self) -> Result<(), StoreError> {
        if let Backend::Local(db) = &self.backend {
            db.flush()?;
        }
        Ok(())
    }

    /// Every quad of a remote store (only the data, unless `with_graphs`), in the local
    /// store's layout: the data in the default graph.
    fn remote_quads(&self, with_graphs: bool) -> Result<Vec<Quad>, StoreError> {
        let query = if with_graphs {
            format!("SELECT ?s ?p ?o ?g WHERE {{ {ALL_QUADS} }}")
        } else {
            "SELECT ?s ?p ?o WHERE { ?s ?p ?o }".to_string()
        };
        let mut quads = Vec::new();
        self.each_solution(&query, &[], |_, row| {
            let subject = match row.first() {
                Some(Some(Term::NamedNode(n))) => NamedOrBlankNode::NamedNode(n.clone()),
                Some(Some(Term::BlankNode(b))) => NamedOrBlankNode::BlankNode(b.clone()),
                _ => return,
            };
            let (Some(Some(Term::NamedNode(predicate))), Some(Some(object))) = (row.get(1), row.get(2)) else {
                return;
            };
            let graph = match row.get(3) {
                Some(Some(Term::NamedNode(g))) => GraphName::NamedNode(g.clone()),
                _ => GraphName::DefaultGraph,
            };
            quads.push(Quad::new(subject, predicate.clone(), object.clone(), graph));
        })?;
        Ok(quads)
    }

    /// Loads the ontology into a remote store unless it holds the same already
    /// (compared with blank nodes left out of account: the engine names them).
    fn load_remote_ontology(&self, r: &remote::Remote, quads: &[Quad]) -> Result<usize, StoreError> {
        let key = |s: &Term, p: &NamedNode, o: &Term| -> String {
            let term = |t: &Term| if t.is_blank_node() { "_:".to_string() } else { t.to_string() };
            format!("{} {p} {}", term(s), term(o))
        };
        let mut stored = Vec::new();
        let query = format!("SELECT ?s ?p ?o WHERE {{ GRAPH <{}> {{ ?s ?p ?o }} }}", vocab::id::ONTOLOGY_GRAPH);
        self.each_solution(&query, &[], |_, row| {
            if let (Some(Some(s)), Some(Some(Term::NamedNode(p))), Some(Some(o))) =
                (row.first(), row.get(1), row.get(2))
            {
                stored.push(key(s, p, o));
            }
        })?;
        let mut wanted: Vec<String> =
            quads.iter().map(|q| key(&Term::from(q.subject.clone()), &q.predicate, &q.object)).collect();
        stored.sort_unstable();
        wanted.sort_unstable();
        if stored != wanted {
            self.remote_for_writing(r)?.replace_graph(vocab::id::ONTOLOGY_GRAPH, quads)?;
        }
        Ok(quads.len())
    }
}

/// The quads of documents, entries and claims, appended to `quads`.
fn quads_of(
    documents: &[Document],
    entries: &[EntryClaims<'_>],
    described: &mut model::Described,
    quads: &mut Vec<Quad>,
) -> WriteStats {
    let before = quads.len();
    for d in documents {
        model::document_quads(d, quads);
    }
    let mut stats = WriteStats::default();
    for ec in entries {
        model::entry_quads(ec.entry, quads);
        model::mention_quads(ec.entry, ec.mentions, described, quads);
        for c in ec.claims {
            model::claim_quads(ec.entry, c, described, quads);
        }
        stats.entries += 1;
        stats.claims += ec.claims.len();
    }
    stats.quads = quads.len() - before;
    stats
}

/// Oxigraph's bulk loader with up to [`BULK_THREADS`] sorting threads, each taking a
/// whole batch as it comes: Oxigraph cuts what it is given into batches of its
/// "memory size" in thousands of quads per thread, and its default (a million quads)
/// made it reserve room for a million quads each time.
fn bulk_loader(db: &oxigraph::store::Store) -> oxigraph::store::BulkLoader<'_> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(BULK_THREADS);
    db.bulk_loader()
        .with_num_threads(threads)
        .with_max_memory_size_in_megabytes((BULK_BATCH_QUADS + BULK_BATCH_SLACK) * threads / 1000)
}

/// Writes a large input with Oxigraph's bulk loader, from [`Store::bulk_writer`].
///
/// Quads are collected until a batch of about [`BULK_BATCH_QUADS`] is full, at the end
/// of a [`BulkWriter::write`] call; the batch is then sorted into RocksDB table files
/// on disk by one of [`BULK_THREADS`] threads, while the next one is being built. The
/// files are ingested in one atomic step (a commit) after the first batch, so that
/// readers soon see an ingest under way, then after every [`BULK_COMMIT_EVERY`] quads
/// (only for inputs of hundreds of megabytes), and at the end. What one `write` call
/// was given becomes visible entirely or not at all. [`BulkWriter::commit`] stores the
/// rest; dropping the writer discards what was not committed. Memory holds at most
/// three batches, whatever the size of the input.
///
/// Why few commits: ids are hashes, so the files of every commit overlap everything
/// stored before and RocksDB merges them (compaction), rewriting what is stored each
/// time. A commit per batch made compaction the largest cost of a 100 MB ingest;
/// committing at the end leaves the merging to one [`Store::optimize`], which rewrites
/// the store once, on every core (see BENCHMARKS.md).
pub struct BulkWriter<'a> {
    inner: BulkInner<'a>,
    /// Entities described in this write (their quads are stored, or on their way).
    described: model::Described,
}

// One per ingest: the size of the local variant (the bulk loader) costs nothing.
#[allow(clippy::large_enum_variant)]
enum BulkInner<'a> {
    Local {
        db: &'a oxigraph::store::Store,
        loader: oxigraph::store::BulkLoader<'a>,
        quads: Vec<Quad>,
        /// Quads given to `loader` since the last commit.
        loaded: usize,
        /// Quads after which the next commit comes.
        commit_after: usize,
        /// Commits made so far.
        commits: usize,
    },
    /// A remote store, and whether it takes writes: each write is sent as it comes.
    Remote(&'a remote::Remote, bool),
}

impl BulkWriter<'_> {
    /// Adds documents, entries and their claims.
    pub fn write(&mut self, documents: &[Document], entries: &[EntryClaims<'_>]) -> Result<WriteStats, StoreError> {
        let (db, loader, quads, loaded, commit_after, commits) = match &mut self.inner {
            BulkInner::Local { db, loader, quads, loaded, commit_after, commits } => {
                (db, loader, quads, loaded, commit_after, commits)
            }
            BulkInner::Remote(r, true) => return remote_write(r, documents, entries, &mut self.described),
            BulkInner::Remote(r, false) => return Err(StoreError::ReadOnly { url: r.url().to_string() }),
        };
        let stats = quads_of(documents, entries, &mut self.described, quads);
        if quads.len() >= BULK_BATCH_QUADS {
            // A batch sized up front: growing it by doubling copied every quad twice.
            let full = std::mem::replace(quads, Vec::with_capacity(BULK_BATCH_QUADS + BULK_BATCH_SLACK));
            *loaded += full.len();
            loader.load_quads(full)?;
            if *loaded >= *commit_after {
                std::mem::replace(loader, bulk_loader(db)).commit()?;
                *loaded = 0;
                *commit_after = BULK_COMMIT_EVERY;
                *commits += 1;
            }
        }
        Ok(stats)
    }

    /// Makes everything written visible, atomically. Returns the number of commits the
    /// writer made in all, this one included: more than one means RocksDB has
    /// overlapping files to merge, and [`Store::optimize`] pays off. A remote writer
    /// has sent everything already, and counts one commit.
    pub fn commit(self) -> Result<usize, StoreError> {
        match self.inner {
            BulkInner::Local { mut loader, mut quads, commits, .. } => {
                if !quads.is_empty() {
                    loader.load_quads(std::mem::take(&mut quads))?;
                }
                loader.commit()?;
                Ok(commits + 1)
            }
            BulkInner::Remote(..) => Ok(1),
        }
    }
}

/// Writes documents, entries and their claims to a remote store, in requests of whole
/// entries of about [`remote::REQUEST_QUADS`] quads (documents go with the first).
fn remote_write(
    r: &remote::Remote,
    documents: &[Document],
    entries: &[EntryClaims<'_>],
    described: &mut model::Described,
) -> Result<WriteStats, StoreError> {
    let mut stats = WriteStats::default();
    let mut quads = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let send = |quads: &mut Vec<Quad>, seen: &mut std::collections::HashSet<Quad>| -> Result<(), StoreError> {
        // Claims of one entry can share their cue and quote: send each quad once.
        quads.retain(|q| seen.insert(q.clone()));
        r.insert(quads)?;
        quads.clear();
        seen.clear();
        Ok(())
    };
    let mut documents = documents;
    for (i, ec) in entries.iter().enumerate() {
        let s = quads_of(std::mem::take(&mut documents), std::slice::from_ref(ec), described, &mut quads);
        stats.entries += s.entries;
        stats.claims += s.claims;
        stats.quads += s.quads;
        if quads.len() >= remote::REQUEST_QUADS || i + 1 == entries.len() {
            send(&mut quads, &mut seen)?;
        }
    }
    if !documents.is_empty() {
        stats.quads += quads_of(documents, &[], described, &mut quads).quads;
        send(&mut quads, &mut seen)?;
    }
    Ok(stats)
}

/// Every quad, as a graph pattern over the dataset kg queries (`?g` unbound in the
/// default graph).
const ALL_QUADS: &str = "{ ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } }";

/// A query under way, with what tells its timeout from other failures.
struct Running<'a> {
    results: QueryResults<'a>,
    failure: Failure,
    /// Cancels a local query when its time is up.
    _guard: Option<Canceller>,
}

/// Turns evaluation errors into store errors: a timeout when the query was cancelled.
struct Failure {
    token: Option<CancellationToken>,
    timeout: Option<Duration>,
}

impl Failure {
    fn error(&self, e: QueryEvaluationError) -> StoreError {
        if self.token.as_ref().is_some_and(CancellationToken::is_cancelled) {
            StoreError::Timeout(self.timeout.unwrap_or_default())
        } else {
            eval_error(e)
        }
    }
}

fn open_error(dir: &Path, e: oxigraph::store::StorageError) -> StoreError {
    open_failure(dir, e.to_string())
}

/// Why a store could not be opened: busy when another process holds its write lock.
fn open_failure(dir: &Path, message: String) -> StoreError {
    let lower = message.to_lowercase();
    // RocksDB's lock file is held by the writer. A read-only open can fail in other
    // ways while a writer is creating the store (missing column families, a version
    // still to be written): the writer's lock tells those apart from a broken store.
    let locked = lower.contains("lock")
        && (lower.contains("temporarily unavailable") || lower.contains("hold") || lower.contains("lock file"));
    if locked || writer_holds_lock(dir) {
        StoreError::Busy { path: dir.display().to_string() }
    } else {
        StoreError::Open { path: dir.display().to_string(), message }
    }
}

/// Whether another process holds the write lock RocksDB takes on `DIR/LOCK` (a POSIX
/// record lock), that is whether a writer has the store open.
#[cfg(unix)]
fn writer_holds_lock(dir: &Path) -> bool {
    use std::os::fd::AsRawFd;
    let Ok(file) = std::fs::File::open(dir.join("LOCK")) else { return false };
    // SAFETY: flock is plain old data; fcntl gets a valid descriptor and pointer.
    let mut lock: libc::flock = unsafe { std::mem::zeroed() };
    lock.l_type = libc::F_WRLCK as _;
    lock.l_whence = libc::SEEK_SET as _;
    let ok = unsafe { libc::fcntl(file.as_raw_fd(), libc::F_GETLK, &mut lock) } == 0;
    ok && lock.l_type != libc::F_UNLCK as libc::c_short
}

#[cfg(not(unix))]
fn writer_holds_lock(_dir: &Path) -> bool {
    false
}

/// Most characters of a syntax error message kept: the parser lists every token it
/// expected, which can run to a screenful.
const MAX_SYNTAX_MESSAGE: usize = 240;

/// A syntax error as one line: "line L, column C: what was expected".
/// Oxigraph writes "error at L:C: …" over several lines.
fn syntax_error(what: &'static str, raw: &str) -> StoreError {
    let folded = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut message = match folded.strip_prefix("error at ").and_then(|r| r.split_once(": ")) {
        Some((pos, rest)) => match pos.split_once(':') {
            Some((line, column)) => format!("line {line}, column {column}: {rest}"),
            None => folded.clone(),
        },
        None => folded.clone(),
    };
    if message.chars().count() > MAX_SYNTAX_MESSAGE {
        message = message.chars().take(MAX_SYNTAX_MESSAGE).collect::<String>() + " …";
    }
    StoreError::Syntax { what, message }
}

fn eval_error(e: QueryEvaluationError) -> StoreError {
    StoreError::Evaluation(e.to_string())
}

fn results_format(f: ResultFormat) -> Result<QueryResultsFormat, StoreError> {
    Ok(match f {
        ResultFormat::Json => QueryResultsFormat::Json,
        ResultFormat::Csv => QueryResultsFormat::Csv,
        ResultFormat::Tsv => QueryResultsFormat::Tsv,
        ResultFormat::Xml => QueryResultsFormat::Xml,
        ResultFormat::Table => QueryResultsFormat::Tsv,
        ResultFormat::Turtle | ResultFormat::NTriples | ResultFormat::JsonLd => {
            return Err(StoreError::Evaluation(
                "SELECT and ASK results are tables: use --format table, json, csv, tsv or xml".into(),
            ))
        }
    })
}

/// Prefixes used when writing Turtle and TriG, and when compacting IRIs in tables.
pub const PREFIXES: &[(&str, &str)] = &[
    ("kg", vocab::kg::NS),
    ("kgid", vocab::id::BASE),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("dcterms", "http://purl.org/dc/terms/"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("wd", "http://www.wikidata.org/entity/"),
];

fn with_prefixes(mut s: RdfSerializer) -> RdfSerializer {
    for (p, iri) in PREFIXES {
        // kgid: IRIs have '/' in their local part, which Turtle cannot abbreviate.
        if *p == "kgid" {
            continue;
        }
        s = s.with_prefix(*p, *iri).expect("prefix IRIs are valid");
    }
    s
}

/// Cancels a query when its time is up, unless dropped first.
struct Canceller {
    done: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Canceller {
    fn start(token: CancellationToken, after: Duration) -> Canceller {
        let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = done.clone();
        std::thread::spawn(move || {
            let step = Duration::from_millis(10);
            let mut waited = Duration::ZERO;
            while waited < after {
                if flag.load(std::sync::atomic::Ordering::Relaxed) {
                    return;
                }
                std::thread::sleep(step);
                waited += step;
            }
            token.cancel();
        });
        Canceller { done }
    }
}

impl Drop for Canceller {
    fn drop(&mut self) {
        self.done.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

/// The canned queries of `queries/`, compiled in so the binary works anywhere.
pub mod queries {
    /// One row per entry: `?entry ?time ?text`.
    pub const ENTRIES: &str = include_str!("../../queries/entries.rq");
    /// One row per claim: `?subjectLabel ?relation ?objectLabel ?time ?entry ?quote …`.
    pub const CLAIMS: &str = include_str!("../../queries/claims.rq");
    /// One row per actor: `?label ?type`.
    pub const ACTORS: &str = include_str!("../../queries/actors.rq");
}
