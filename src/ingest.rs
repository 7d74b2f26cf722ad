//! The pipeline driver: file → entries → claims → store, one file at a time.
//!
//! A file is read and checked whole before anything is written, so a bad file leaves
//! the store as it was. Its entries are then written in batches (one transaction
//! each, `batch` entries at a time), so memory stays bounded on large files and an
//! interrupted ingest leaves whole entries only. Ids hash content, so ingesting the
//! same file again adds nothing.

use crate::claim::{Claim, ClaimExtractor, Entity};
use crate::entry::{self, ReadError, ReadOptions};
use crate::store::{EntryClaims, Store, StoreError};

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
    pub warnings: Vec<String>,
}

/// Default number of entries written per transaction.
pub const DEFAULT_BATCH: usize = 1000;

fn read_error(file: &str, e: ReadError) -> IngestError {
    let message = match e {
        ReadError::InvalidUtf8 { offset } => format!("invalid UTF-8 at byte {offset}"),
        ReadError::At { line, message } => return IngestError::Read { file: format!("{file}:{line}"), message },
        ReadError::Other(m) => m,
    };
    IngestError::Read { file: file.to_string(), message }
}

/// Ingests the bytes of one input named `origin`. `progress` is called with the number
/// of entries written so far.
pub fn ingest_bytes(
    store: &Store,
    extractor: &mut ClaimExtractor,
    origin: &str,
    bytes: &[u8],
    options: &ReadOptions,
    batch: usize,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<IngestReport, IngestError> {
    let text = entry::decode(bytes).map_err(|e| read_error(origin, e))?;
    if text.trim().is_empty() {
        return Err(IngestError::Read { file: origin.to_string(), message: "empty input".to_string() });
    }
    let parsed = entry::read(origin, text, options).map_err(|e| read_error(origin, e))?;
    let format = options.format.unwrap_or_else(|| entry::Format::detect(text));
    let mut report = IngestReport {
        file: origin.to_string(),
        format: format.name().to_string(),
        documents: parsed.documents.len(),
        entries: parsed.entries.len(),
        warnings: parsed.warnings.clone(),
        ..Default::default()
    };
    let total = parsed.entries.len();
    let mut done = 0;
    for (n, chunk) in parsed.entries.chunks(batch.max(1)).enumerate() {
        let extracted: Vec<(Vec<Claim>, Vec<Entity>)> = chunk
            .iter()
            .map(|e| {
                let x = extractor.extract(e);
                let mentioned = x.mentioned();
                (x.claims, mentioned)
            })
            .collect();
        let items: Vec<EntryClaims> = chunk
            .iter()
            .zip(&extracted)
            .map(|(entry, (claims, mentions))| EntryClaims { entry, claims, mentions })
            .collect();
        // Documents go with the first batch, so every written entry has its document.
        let docs = if n == 0 { &parsed.documents[..] } else { &[] };
        let stats = store.write(docs, &items)?;
        report.claims += stats.claims;
        done += chunk.len();
        progress(done, total);
    }
    Ok(report)
}
