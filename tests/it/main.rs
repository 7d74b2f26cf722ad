//! kg's integration tests: one binary, one module per area.

mod common;
mod extraction;
mod ask;
mod graph;
