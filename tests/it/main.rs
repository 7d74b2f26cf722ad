//! kg's integration tests: one binary, one module per subject.

mod corpus;
mod ingest;
