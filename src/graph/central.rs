//! Centrality: which actors are most connected (degree) and which broker between others
//! (betweenness), over the claim graph of actors and positions.
//!
//! Betweenness is Brandes' algorithm for unweighted graphs (Brandes, "A faster algorithm
//! for betweenness centrality", J. Math. Sociol. 25(2), 2001): one breadth-first search
//! per node, then dependencies accumulated in reverse order; O(nm). Positions are nodes
//! too (an actor who links two others through a shared plan brokers), but only actors
//! are reported.

use std::collections::VecDeque;

use petgraph::graph::NodeIndex;
use serde::Serialize;

use super::ClaimGraph;

/// An actor's centrality.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Centrality {
    /// The actor's label.
    pub actor: String,
    /// Distinct actors and positions it shares a claim with.
    pub degree: usize,
    /// Claims it takes part in (as subject or object).
    pub claims: usize,
    /// Betweenness, normalised to [0, 1] by the number of pairs of other nodes.
    pub betweenness: f64,
}

/// Betweenness of every node (undirected, unnormalised: each pair counted once).
pub fn betweenness(g: &ClaimGraph<'_>) -> Vec<f64> {
    let n = g.graph.node_count();
    let neighbours: Vec<Vec<usize>> =
        (0..n).map(|v| g.neighbours(NodeIndex::new(v)).iter().map(|m| m.index()).collect()).collect();
    let mut cb = vec![0.0; n];
    for s in 0..n {
        let mut stack = Vec::with_capacity(n);
        let mut pred: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut sigma = vec![0.0_f64; n];
        let mut dist = vec![usize::MAX; n];
        sigma[s] = 1.0;
        dist[s] = 0;
        let mut queue = VecDeque::from([s]);
        while let Some(v) = queue.pop_front() {
            stack.push(v);
            for &w in &neighbours[v] {
                if dist[w] == usize::MAX {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                    pred[w].push(v);
                }
            }
        }
        let mut delta = vec![0.0; n];
        while let Some(w) = stack.pop() {
            for &v in &pred[w] {
                delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
            }
            if w != s {
                cb[w] += delta[w];
            }
        }
    }
    // Every undirected pair was counted from both ends.
    cb.iter_mut().for_each(|c| *c /= 2.0);
    cb
}

/// Actors by betweenness, then degree, then label; at most `limit`.
pub fn central(g: &ClaimGraph<'_>, limit: usize) -> Vec<Centrality> {
    let n = g.graph.node_count();
    let cb = betweenness(g);
    let pairs = if n > 2 { ((n - 1) * (n - 2)) as f64 / 2.0 } else { 1.0 };
    let mut out: Vec<Centrality> = g
        .graph
        .node_indices()
        .filter(|v| !g.graph[*v].class.is_position())
        .map(|v| Centrality {
            actor: g.graph[v].entity.label.clone(),
            degree: g.neighbours(v).len(),
            claims: g.graph.edges(v).map(|e| e.weight().len()).sum(),
            betweenness: cb[v.index()] / pairs,
        })
        .collect();
    out.sort_by(|a, b| {
        b.betweenness.total_cmp(&a.betweenness).then(b.degree.cmp(&a.degree)).then_with(|| a.actor.cmp(&b.actor))
    });
    out.truncate(limit);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ask::tests_support::edge;

    #[test]
    fn brandes_on_a_path_and_a_star() {
        // A - B - C - D: B and C each lie on two shortest paths between the others.
        let path =
            vec![edge("A", "meets", "@B", "", ""), edge("B", "meets", "@C", "", ""), edge("C", "meets", "@D", "", "")];
        let g = ClaimGraph::build(&path);
        assert_eq!(betweenness(&g), [0.0, 2.0, 2.0, 0.0]);
        // A star centred on Hub: it lies on all three pairs of leaves.
        let star = vec![
            edge("Hub", "meets", "@X", "", ""),
            edge("Hub", "meets", "@Y", "", ""),
            edge("Z", "meets", "@Hub", "", ""),
        ];
        let g = ClaimGraph::build(&star);
        let top = central(&g, 1);
        assert_eq!(top[0].actor, "Hub");
        assert_eq!(top[0].degree, 3);
        assert!((top[0].betweenness - 1.0).abs() < 1e-9);
    }

    #[test]
    fn empty_graph() {
        let g = ClaimGraph::build(&[]);
        assert!(central(&g, 10).is_empty());
    }
}
