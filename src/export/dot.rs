//! GraphViz DOT: actors and positions as nodes, claims as labelled edges.
//!
//! Nodes are shaped and coloured by class (people ellipses, states boxes, organisations
//! hexagons, groups octagons, positions notes); edges are coloured by relation and
//! labelled with it, with the number of claims when more than one says the same thing.
//! Nodes and edges are written in sorted order, so the same store always gives the same
//! file. [`render`] pipes DOT through GraphViz's `dot` to make SVG or PNG.
//!
//! This module does not lay anything out itself: that is GraphViz's job.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use petgraph::graph::NodeIndex;

use crate::ask::EntityClass;
use crate::claim::Relation;
use crate::graph::ClaimGraph;
use crate::store::vocab::id;

/// Writes a [`ClaimGraph`] (or part of it) as a DOT digraph.
pub struct DotWriter<W: Write> {
    out: W,
}

/// The nodes `only` (every node when `None`) sorted by IRI, and the claims between
/// them counted by (subject IRI, object IRI, relation), sorted: what a drawing shows.
pub(crate) type Selection<'g> = (Vec<&'g crate::graph::Node>, BTreeMap<(&'g str, &'g str, Relation), usize>);

/// What [`DotWriter::write`] draws (and the page's graph view, `export::json`).
pub(crate) fn selection<'g>(g: &'g ClaimGraph<'_>, only: Option<&[NodeIndex]>) -> Selection<'g> {
    let indices: BTreeSet<NodeIndex> = match only {
        Some(n) => n.iter().copied().collect(),
        None => g.graph.node_indices().collect(),
    };
    let keep: BTreeSet<&str> = indices.iter().map(|n| g.graph[*n].entity.iri.as_str()).collect();
    let mut nodes: Vec<&crate::graph::Node> = indices.iter().map(|n| &g.graph[*n]).collect();
    nodes.sort_by(|a, b| a.entity.iri.cmp(&b.entity.iri));
    let mut edges: BTreeMap<(&str, &str, Relation), usize> = BTreeMap::new();
    for c in g.claims.iter().filter(|c| keep.contains(c.subject.iri.as_str()) && keep.contains(c.object.iri.as_str())) {
        *edges.entry((&c.subject.iri, &c.object.iri, c.relation)).or_default() += 1;
    }
    (nodes, edges)
}

/// (shape, fill colour) of a node class.
pub(crate) fn node_style(class: EntityClass) -> (&'static str, &'static str) {
    match class {
        EntityClass::Person => ("ellipse", "#cfe2ff"),
        EntityClass::State => ("box", "#d1e7dd"),
        EntityClass::Organization => ("hexagon", "#fff3cd"),
        EntityClass::Group => ("octagon", "#e2d9f3"),
        EntityClass::Position => ("note", "#f1f3f5"),
        EntityClass::Other => ("plaintext", "#ffffff"),
    }
}

/// (colour, line style) of a relation.
pub(crate) fn edge_style(r: Relation) -> (&'static str, &'static str) {
    match r {
        Relation::Proposes => ("#1f77b4", "solid"),
        Relation::Supports => ("#2ca02c", "solid"),
        Relation::Rejects => ("#d62728", "solid"),
        Relation::Demands => ("#ff7f0e", "solid"),
        Relation::Meets => ("#7f7f7f", "dashed"),
        Relation::Criticizes => ("#8c564b", "solid"),
        Relation::Sends => ("#9467bd", "dotted"),
    }
}

/// A DOT double-quoted string: backslashes and quotes escaped, line breaks as `\n`.
fn quoted(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' | '\r' => q.push_str("\\n"),
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

/// The node id: the IRI without kg's resource base ("actor/russia").
fn node_id(iri: &str) -> String {
    quoted(iri.strip_prefix(id::BASE).unwrap_or(iri))
}

impl<W: Write> DotWriter<W> {
    /// A writer to `out`.
    pub fn new(out: W) -> DotWriter<W> {
        DotWriter { out }
    }

    /// Writes the nodes `only` (every node when `None`) and the claims between them.
    pub fn write(&mut self, g: &ClaimGraph<'_>, only: Option<&[NodeIndex]>) -> io::Result<()> {
        let (nodes, edges) = selection(g, only);
        let out = &mut self.out;
        writeln!(out, "digraph kg {{")?;
        writeln!(out, "  graph [rankdir=LR, overlap=false, fontname=\"Helvetica\"];")?;
        writeln!(out, "  node [style=filled, fontname=\"Helvetica\", fontsize=11];")?;
        writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
        for n in nodes {
            let (shape, fill) = node_style(n.class);
            writeln!(
                out,
                "  {} [label={}, shape={shape}, fillcolor=\"{fill}\"];",
                node_id(&n.entity.iri),
                quoted(&n.entity.label)
            )?;
        }
        for ((s, o, r), count) in edges {
            let (color, style) = edge_style(r);
            let label = if count > 1 { format!("{} ({count})", r.name()) } else { r.name().to_string() };
            writeln!(
                out,
                "  {} -> {} [label={}, color=\"{color}\", fontcolor=\"{color}\", style={style}];",
                node_id(s),
                node_id(o),
                quoted(&label)
            )?;
        }
        writeln!(out, "}}")?;
        out.flush()
    }
}

/// Image formats `dot` renders to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenderFormat {
    /// `dot -Tsvg`.
    Svg,
    /// `dot -Tpng`.
    Png,
}

impl RenderFormat {
    fn flag(self) -> &'static str {
        match self {
            RenderFormat::Svg => "-Tsvg",
            RenderFormat::Png => "-Tpng",
        }
    }
}

/// Errors of [`render`].
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// No `dot` on `PATH`.
    #[error("cannot render: GraphViz 'dot' not found on PATH (install graphviz)")]
    NotFound,
    /// `dot` ran and failed.
    #[error("cannot render {path}: dot failed ({status}): {stderr}")]
    Failed {
        /// The image file.
        path: String,
        /// dot's exit status.
        status: String,
        /// What dot printed on standard error.
        stderr: String,
    },
    /// `dot` could not be started or fed.
    #[error("cannot render {path}: {source}")]
    Io {
        /// The image file.
        path: String,
        /// The underlying error.
        source: io::Error,
    },
}

/// Renders DOT text to `path` with GraphViz's `dot`, found on `PATH`.
pub fn render(dot: &[u8], format: RenderFormat, path: &Path) -> Result<(), RenderError> {
    let shown = path.display().to_string();
    let io_err = |source: io::Error| RenderError::Io { path: shown.clone(), source };
    let mut child = match Command::new("dot")
        .arg(format.flag())
        .arg("-o")
        .arg(path)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(RenderError::NotFound),
        Err(e) => return Err(io_err(e)),
    };
    {
        let mut stdin = child.stdin.take().expect("stdin was piped");
        stdin.write_all(dot).map_err(io_err)?;
    }
    let output = child.wait_with_output().map_err(io_err)?;
    if !output.status.success() {
        return Err(RenderError::Failed {
            path: shown,
            status: output.status.to_string(),
            stderr: String::from_utf8_lossy(&output.stderr).trim().to_string(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ask::tests_support::edge;

    fn dot(claims: &[crate::ask::ClaimEdge]) -> String {
        let g = ClaimGraph::build(claims);
        let mut out = Vec::new();
        DotWriter::new(&mut out).write(&g, None).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn writes_sorted_styled_nodes_and_counted_edges() {
        let claims = vec![
            edge("Russia", "rejects", "plan", "2025-11-25T10:00:00Z", ""),
            edge("Russia", "rejects", "plan", "2025-11-25T11:00:00Z", ""),
            edge("EU", "supports", "plan", "", ""),
        ];
        let text = dot(&claims);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[4], "  \"x:actor/EU\" [label=\"EU\", shape=box, fillcolor=\"#d1e7dd\"];");
        assert_eq!(lines[6], "  \"x:position/plan\" [label=\"plan\", shape=note, fillcolor=\"#f1f3f5\"];");
        assert!(text.contains("\"x:actor/EU\" -> \"x:position/plan\" [label=\"supports\", color=\"#2ca02c\""));
        assert!(text.contains("\"x:actor/Russia\" -> \"x:position/plan\" [label=\"rejects (2)\", color=\"#d62728\""));
        assert_eq!(text, dot(&claims.iter().rev().cloned().collect::<Vec<_>>()), "order of claims does not matter");
    }

    #[test]
    fn escapes_quotes_and_backslashes() {
        assert_eq!(quoted("a \"b\" \\ c\nd"), "\"a \\\"b\\\" \\\\ c\\nd\"");
    }
}
