//! kg's integration tests: one binary (see STYLE.md), one module per area.
//!
//! - [`cli`]: the foundation's contract (issue 2): the sample's entries, idempotent
//!   ingest, one-line errors with their exit codes;
//! - [`readers`]: the entry readers on odd text, through the library;
//! - [`queries`]: every `queries/*.rq`, every result format, `--limit`, `--timeout`,
//!   `--update`;
//! - [`extraction`]: claims extracted from the sample and unseen texts;
//! - [`hostile`]: the hostile-input catalogue of RELIABILITY.md;
//! - [`fuzz`]: proptest targets (readers, extractor, bound query arguments);
//! - [`crash`]: SIGKILL in the middle of an ingest;
//! - [`concurrency`]: a second process while an ingest runs;
//! - [`ask`], [`graph`]: the questions, graph views and DOT export (issue 4);
//! - [`corpus`], [`ingest`], [`optimize`]: the benchmark corpus generator, streaming
//!   ingest in batches, compaction (issue 5);
//! - [`web`]: pages, feeds, URLs and `kg follow` against a local HTTP server (issue 13);
//! - [`serve`]: `kg serve`'s SPARQL endpoint, JSON questions, page and limits, and
//!   [`browser`]: the page driven in headless Chromium (issue 14).
//! - [`remote`]: remote stores on Oxigraph's server and Virtuoso (issue 14).

mod common;
mod util;

mod ask;
mod browser;
mod cli;
mod concurrency;
mod corpus;
mod crash;
mod extraction;
mod fuzz;
mod graph;
mod hostile;
mod ingest;
mod optimize;
mod queries;
mod readers;
mod remote;
mod serve;
mod syntax;
mod web;
