//! The claim graph as JSON for a drawing in the browser (`kg serve`'s graph view):
//! the same nodes, edges, shapes and colours as the DOT export ([`super::dot`]),
//! without a layout (the page lays it out itself).

use petgraph::graph::NodeIndex;
use serde::Serialize;

use super::dot::{edge_style, node_style, selection};
use crate::ask::EntityClass;
use crate::graph::ClaimGraph;

/// A node: an actor or a position, with the DOT export's shape and fill.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JsonNode {
    /// Its IRI.
    pub id: String,
    pub label: String,
    pub class: EntityClass,
    /// The DOT shape name (ellipse, box, hexagon, octagon, note).
    pub shape: &'static str,
    /// Fill colour, `#rrggbb`.
    pub fill: &'static str,
}

/// The claims of one relation from one node to another.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JsonEdge {
    /// Subject IRI.
    pub source: String,
    /// Object IRI.
    pub target: String,
    pub relation: &'static str,
    /// How many claims say it.
    pub claims: usize,
    /// Line colour, `#rrggbb`.
    pub color: &'static str,
    /// solid, dashed or dotted.
    pub style: &'static str,
}

/// Nodes sorted by IRI, edges by (source, target, relation).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct JsonGraph {
    pub nodes: Vec<JsonNode>,
    pub edges: Vec<JsonEdge>,
}

/// The nodes `only` (every node when `None`) and the claims between them.
pub fn graph_json(g: &ClaimGraph<'_>, only: Option<&[NodeIndex]>) -> JsonGraph {
    let (nodes, edges) = selection(g, only);
    let nodes = nodes
        .into_iter()
        .map(|n| {
            let (shape, fill) = node_style(n.class);
            JsonNode { id: n.entity.iri.clone(), label: n.entity.label.clone(), class: n.class, shape, fill }
        })
        .collect();
    let edges = edges
        .into_iter()
        .map(|((s, o, r), claims)| {
            let (color, style) = edge_style(r);
            JsonEdge { source: s.to_string(), target: o.to_string(), relation: r.name(), claims, color, style }
        })
        .collect();
    JsonGraph { nodes, edges }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ask::tests_support::edge;

    #[test]
    fn nodes_and_counted_edges_styled_as_dot() {
        let claims = vec![
            edge("Russia", "rejects", "plan", "2025-11-25T10:00:00Z", ""),
            edge("Russia", "rejects", "plan", "2025-11-25T11:00:00Z", ""),
            edge("EU", "supports", "plan", "", ""),
        ];
        let g = ClaimGraph::build(&claims);
        let j = graph_json(&g, None);
        let labels: Vec<&str> = j.nodes.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(labels, ["EU", "Russia", "plan"]);
        assert_eq!((j.nodes[2].shape, j.nodes[2].fill), ("note", "#f1f3f5"));
        let rejects = j.edges.iter().find(|e| e.relation == "rejects").unwrap();
        assert_eq!((rejects.claims, rejects.color), (2, "#d62728"));
        let only = g.neighbourhood(&[claims[2].subject.clone()], 0);
        assert_eq!(graph_json(&g, Some(&only)).edges.len(), 0);
    }
}
