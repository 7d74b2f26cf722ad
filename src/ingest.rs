//! The pipeline driver: file → entries → claims → store, one file at a time.
//!
//! ```text
//!  pass 1   EntryReader ──────────────────────────────────────────────▶ error? stop, store untouched
//!  pass 2   EntryReader ──groups──▶ [preparer: 2 threads] Preparer (segment, parse)
//!                       ◀──groups──  (in order)
//!           ClaimExtractor::extract_prepared ──batches──▶ [writer thread] BulkWriter
//!                                                          or Store::write per batch
//! ```
//!
//! A file is first read through once without keeping anything, so a bad file (an error
//! anywhere in it) leaves the store as it was. The second pass streams: entries are
//! read lazily in groups of 64, which a preparer thread segments and parses (the
//! parse is most of the work; half of each group on a second thread) while the group
//! before is extracted here, in order, since extraction carries names across entries;
//! every `batch` entries are handed to a writer thread, which stores them while the
//! next batch is being extracted. At most two groups and three batches are alive at a
//! time, and [`ingest_file`] reads the file from disk a line at a time in each pass, so
//! memory does not grow with the file.
//!
//! Writes are all or nothing. In [`WriteMode::Bulk`] (the default) batches are sorted
//! into table files some 100,000 quads at a time and made visible in a few atomic
//! commits: after the first batch, and at the end (see [`crate::store::BulkWriter`]); in
//! [`WriteMode::Transaction`] each batch is one transaction. Either way an interrupted
//! ingest leaves the writes before it, an entry and its claims are never split, and a
//! document is written with its first entry. Ids hash content, so ingesting the
//! same file again, in batches of any size, adds nothing.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use crate::claim::{Claim, ClaimExtractor, Entity, Prepared, Preparer};
use crate::entry::file::ScanError;
use crate::entry::{self, Document, Entry, EntryReader, FileInput, Part, ReadError, ReadOptions};
use crate::store::{EntryClaims, Store, StoreError, WriteMode};

/// Errors of an ingest, each naming the file.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{message} in {file}")]
    Read { file: String, message: String },
    #[error("cannot read {file}: {source}")]
    Io { file: String, source: std::io::Error },
    #[error("{0}")]
    Store(#[from] StoreError),
}

/// What one file added.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct IngestReport {
    pub file: String,
    pub format: String,
    pub documents: usize,
    pub entries: usize,
    pub claims: usize,
    /// Entries the store did not hold before (pages and feeds only; else `entries`).
    pub new_entries: usize,
    /// Earlier versions of entries that this input updated, retired.
    pub replaced: usize,
    pub warnings: Vec<String>,
    /// Atomic writes made (bulk commits or transactions): more than one leaves RocksDB
    /// overlapping files to merge, which [`Store::optimize`] does at once.
    #[serde(skip)]
    pub commits: usize,
}

/// Default number of entries written at a time.
pub const DEFAULT_BATCH: usize = 1000;

/// How entries are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IngestOptions {
    /// Entries per write (each write is all or nothing); 0 counts as 1.
    pub batch: usize,
    pub mode: WriteMode,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions { batch: DEFAULT_BATCH, mode: WriteMode::default() }
    }
}

fn read_error(file: &str, e: ReadError) -> IngestError {
    let message = match e {
        ReadError::InvalidUtf8 { offset } => format!("invalid UTF-8 at byte {offset}"),
        ReadError::At { line, message } => return IngestError::Read { file: format!("{file}:{line}"), message },
        ReadError::Other(m) => m,
    };
    IngestError::Read { file: file.to_string(), message }
}

/// Entries, their claims and the documents they introduce: one write.
#[derive(Default)]
struct Batch {
    documents: Vec<Document>,
    entries: Vec<Entry>,
    claims: Vec<Vec<Claim>>,
    /// Actors and positions each entry mentions.
    mentions: Vec<Vec<Entity>>,
}

/// Ingests the bytes of one input named `origin`. `progress` is called with the number
/// of entries handed to the store so far and the number in the input.
pub fn ingest_bytes(
    store: &Store,
    extractor: &mut ClaimExtractor,
    origin: &str,
    bytes: &[u8],
    options: &ReadOptions,
    ingest: IngestOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<IngestReport, IngestError> {
    if let Some(format) = entry::web::sniff(bytes, options.format, None) {
        let page = WebInput { bytes, format, charset: None, base_url: None };
        return ingest_web(store, extractor, origin, &page, options, ingest, progress);
    }
    let text = entry::decode(bytes).map_err(|e| read_error(origin, e))?;
    if text.trim().is_empty() {
        return Err(IngestError::Read { file: origin.to_string(), message: "empty input".to_string() });
    }
    ingest_parts(store, extractor, origin, || EntryReader::new(origin, text, options), ingest, progress)
}

/// Ingests the file at `path`, named `origin` in documents and errors, reading it from
/// disk a line at a time ([`FileInput`]): memory holds the batches in flight and the
/// longest line, whatever the size of the file. The same results as [`ingest_bytes`]
/// on the file's content.
pub fn ingest_file(
    store: &Store,
    extractor: &mut ClaimExtractor,
    path: &std::path::Path,
    origin: &str,
    options: &ReadOptions,
    ingest: IngestOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<IngestReport, IngestError> {
    // Pages and feeds are read whole (in their own charset, up to a size limit).
    let io = |source| IngestError::Io { file: origin.to_string(), source };
    let head = {
        use std::io::Read;
        let mut head = Vec::with_capacity(4096);
        std::fs::File::open(path).and_then(|f| f.take(4096).read_to_end(&mut head)).map_err(io)?;
        head
    };
    if let Some(format) = entry::web::sniff(&head, options.format, None) {
        let len = std::fs::metadata(path).map_err(io)?.len();
        if len > entry::html::MAX_PAGE_BYTES as u64 {
            let message = format!("page of {len} bytes is over the {}-byte limit", entry::html::MAX_PAGE_BYTES);
            return Err(IngestError::Read { file: origin.to_string(), message });
        }
        let bytes = std::fs::read(path).map_err(io)?;
        let page = WebInput { bytes: &bytes, format, charset: None, base_url: None };
        return ingest_web(store, extractor, origin, &page, options, ingest, progress);
    }
    let input = FileInput::scan(path, origin, options).map_err(|e| match e {
        ScanError::Read(e) => read_error(origin, e),
        ScanError::Io(source) => IngestError::Io { file: origin.to_string(), source },
    })?;
    ingest_parts(store, extractor, origin, || input.reader(options), ingest, progress)
}

/// A page or a feed, read whole: its bytes and what its server said of them.
#[derive(Debug, Clone, Copy)]
pub struct WebInput<'a> {
    pub bytes: &'a [u8],
    /// [`entry::Format::Html`] or [`entry::Format::Feed`].
    pub format: entry::Format,
    /// The charset of the HTTP `Content-Type`, if any.
    pub charset: Option<&'a str>,
    /// Where it was fetched from (after redirects), if it was.
    pub base_url: Option<&'a str>,
}

/// Ingests a page or a feed: read whole, checked whole before anything is written,
/// then stored as a file is. Entries the page updated (same URL or anchor, new text)
/// then retire their earlier versions ([`Store::retire_replaced`]); the report's
/// `new_entries` counts the entries the store did not hold before.
pub fn ingest_web(
    store: &Store,
    extractor: &mut ClaimExtractor,
    origin: &str,
    page: &WebInput<'_>,
    options: &ReadOptions,
    ingest: IngestOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<IngestReport, IngestError> {
    let parsed = entry::web::read(origin, page.bytes, page.format, page.charset, page.base_url, options)
        .map_err(|e| read_error(origin, e))?;
    let known = store.stored_entries(&parsed.entries)?;
    let format = page.format;
    let mut report =
        ingest_parts(store, extractor, origin, || EntryReader::from_parsed(format, parsed.clone()), ingest, progress)?;
    report.new_entries = report.entries - known;
    report.replaced = store.retire_replaced(&parsed.entries)?;
    Ok(report)
}

/// The two passes over an input, each reading it with a reader from `read`.
fn ingest_parts<'a>(
    store: &Store,
    extractor: &mut ClaimExtractor,
    origin: &str,
    read: impl Fn() -> EntryReader<'a>,
    ingest: IngestOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<IngestReport, IngestError> {
    // Pass 1: check the whole input, keeping only counts.
    let mut reader = read();
    let mut report =
        IngestReport { file: origin.to_string(), format: reader.format().name().to_string(), ..Default::default() };
    for part in reader.by_ref() {
        match part.map_err(|e| read_error(origin, e))? {
            Part::Document(_) => report.documents += 1,
            Part::Entry(_) => report.entries += 1,
        }
    }
    report.warnings = reader.warnings().to_vec();
    report.new_entries = report.entries;
    let total = report.entries;

    // Pass 2: extract here, write on a second thread.
    let batch_size = ingest.batch.max(1);
    let written = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    std::thread::scope(|scope| {
        // Two batches in flight: one being written, one waiting; the third is being built.
        let (tx, rx) = mpsc::sync_channel::<Batch>(1);
        let writer = scope.spawn(|| -> Result<(usize, usize), StoreError> {
            let (mut claims, mut commits) = (0, 0);
            let mut bulk = (ingest.mode == WriteMode::Bulk).then(|| store.bulk_writer());
            for b in rx {
                let items: Vec<EntryClaims> = b
                    .entries
                    .iter()
                    .zip(b.claims.iter().zip(&b.mentions))
                    .map(|(entry, (claims, mentions))| EntryClaims { entry, claims, mentions })
                    .collect();
                claims += match bulk.as_mut() {
                    Some(w) => w.write(&b.documents, &items)?,
                    None => {
                        commits += 1;
                        store.write(&b.documents, &items)?
                    }
                }
                .claims;
                written.fetch_add(b.entries.len(), Ordering::Relaxed);
            }
            // The channel closed: everything was sent, or reading failed (then the
            // caller returns the error, and what is not stored yet is dropped).
            if let Some(w) = bulk {
                if !failed.load(Ordering::SeqCst) {
                    commits += w.commit()?;
                }
            }
            Ok((claims, commits))
        });
        let mut batch = Batch::default();
        let mut read_failure = None;
        // Entries go in groups to a preparer thread, which segments and parses them
        // (most of the work, on two threads); here, the groups come back in order and
        // their claims are extracted, since extraction carries names across entries.
        // While one group is extracted here, the next is being prepared.
        let preparer = extractor.preparer();
        let (gtx, grx) = mpsc::sync_channel::<Vec<Item>>(1);
        let (rtx, rrx) = mpsc::sync_channel::<Vec<Ready>>(1);
        scope.spawn(move || {
            for group in grx {
                if rtx.send(prepare_group(&preparer, group)).is_err() {
                    break;
                }
            }
        });
        let mut writer_gone = false;
        let mut handle = |ready: Vec<Ready>, batch: &mut Batch| -> bool {
            for r in ready {
                match r {
                    Ready::Document(d) => batch.documents.push(d),
                    Ready::Entry(e, p) => {
                        let x = extractor.extract_prepared(&e, p);
                        batch.mentions.push(x.mentioned());
                        batch.claims.push(x.claims);
                        batch.entries.push(e);
                        if batch.entries.len() >= batch_size {
                            // A closed channel means the writer failed: its error is reported below.
                            if tx.send(std::mem::take(batch)).is_err() {
                                return false;
                            }
                            progress(written.load(Ordering::Relaxed), total);
                        }
                    }
                }
            }
            true
        };
        let mut group: Vec<Item> = Vec::new();
        let mut entries_in_group = 0;
        let mut in_flight = 0;
        for part in read() {
            match part {
                Ok(Part::Document(d)) => group.push(Item::Document(d)),
                Ok(Part::Entry(e)) => {
                    group.push(Item::Entry(e));
                    entries_in_group += 1;
                    if entries_in_group >= PREPARE_GROUP {
                        entries_in_group = 0;
                        if gtx.send(std::mem::take(&mut group)).is_err() {
                            break;
                        }
                        in_flight += 1;
                        if in_flight > 1 {
                            in_flight -= 1;
                            if !rrx.recv().is_ok_and(|ready| handle(ready, &mut batch)) {
                                writer_gone = true;
                                break;
                            }
                        }
                    }
                }
                // Pass 1 saw no error, so this cannot happen unless the text changed.
                Err(e) => {
                    failed.store(true, Ordering::SeqCst);
                    read_failure = Some(read_error(origin, e));
                    break;
                }
            }
        }
        if read_failure.is_none() && !writer_gone {
            if !group.is_empty() && gtx.send(std::mem::take(&mut group)).is_ok() {
                in_flight += 1;
            }
            drop(gtx);
            while in_flight > 0 {
                in_flight -= 1;
                if !rrx.recv().is_ok_and(|ready| handle(ready, &mut batch)) {
                    writer_gone = true;
                    break;
                }
            }
            if !writer_gone && !batch.entries.is_empty() {
                let _ = tx.send(batch);
            }
        }
        // Closing both channels ends the preparer, wherever it is.
        drop(rrx);
        drop(tx);
        let (claims, commits) = writer.join().expect("the writer thread does not panic")?;
        if let Some(e) = read_failure {
            return Err(e);
        }
        report.claims = claims;
        report.commits = commits;
        progress(written.load(Ordering::Relaxed), total);
        Ok(report)
    })
}

/// Entries prepared together: enough to keep two threads busy, few enough that
/// memory holds little more than a batch.
const PREPARE_GROUP: usize = 64;

/// What the reader gives, in order, on its way to the preparer.
enum Item {
    Document(Document),
    Entry(Entry),
}

/// The same, with each entry prepared.
enum Ready {
    Document(Document),
    Entry(Entry, Prepared),
}

/// Prepares a group's entries ([`Preparer::prepare`]): the first half on a second
/// thread, the rest on this one, the order kept.
fn prepare_group(preparer: &Preparer, group: Vec<Item>) -> Vec<Ready> {
    let texts: Vec<&str> =
        group.iter().filter_map(|i| if let Item::Entry(e) = i { Some(e.text.as_str()) } else { None }).collect();
    let half = texts.len() / 2;
    let (first, second) = texts.split_at(half);
    let prepared: Vec<Prepared> = std::thread::scope(|scope| {
        let other = scope.spawn(|| first.iter().map(|t| preparer.prepare(t)).collect::<Vec<_>>());
        let b: Vec<Prepared> = second.iter().map(|t| preparer.prepare(t)).collect();
        let a = other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        a.into_iter().chain(b).collect()
    });
    let mut prepared = prepared.into_iter();
    group
        .into_iter()
        .filter_map(|item| match item {
            Item::Document(d) => Some(Ready::Document(d)),
            Item::Entry(e) => prepared.next().map(|p| Ready::Entry(e, p)),
        })
        .collect()
}
