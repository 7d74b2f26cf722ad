//! Exports: the claim graph → other tools' formats, each written to `impl Write`.
//!
//! - [`dot`]: GraphViz DOT ([`DotWriter`]), and rendering it to SVG or PNG with `dot`.
//! - [`json`]: the same nodes and edges with their styles as JSON, for the page of
//!   `kg serve`, which draws them itself.
//!
//! RDF exports (Turtle, N-Triples, N-Quads, TriG) are the store's own
//! ([`crate::store::Store::export`]): they need oxigraph's serialisers, which only the
//! store touches.

pub mod dot;
pub mod json;

pub use dot::{render, DotWriter, RenderError, RenderFormat};
pub use json::{graph_json, JsonGraph};
