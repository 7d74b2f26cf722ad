//! kg's integration tests: one binary, one module per area.

mod common;
mod corpus;
mod extraction;
mod ingest;
