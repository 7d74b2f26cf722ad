//! Graph views: claims → a petgraph graph of actors and positions → shortest evidence
//! paths, coalitions (clusters) and centrality.
//!
//! ```text
//! ClaimEdge rows ──ClaimGraph::build──▶ UnGraph<Node, Vec<claim>> ──▶ path | clusters | central
//! ```
//!
//! Architecture invariant: with `export`, this is the only module that touches petgraph.
//! It reads claims that `ask` loaded ([`find_path`] calls `ask`'s loaders); it never
//! queries or writes the store itself.
//!
//! - [`ClaimGraph::path`]: breadth-first search over claims, undirected (a claim links
//!   its subject and object whichever way it points); ties go to the alphabetically
//!   first neighbour, so the path is deterministic.
//! - [`clusters`]: coalitions by greedy agglomeration of signed modularity, see its docs.
//! - [`central`]: degree and betweenness (Brandes' algorithm, implemented here because
//!   petgraph has none).

mod answers;
mod central;
mod clusters;

use std::collections::{BTreeMap, HashMap, VecDeque};

use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;

pub use answers::{central_answer, chain, clusters_answer, clusters_json, path_answer};
pub use central::{betweenness, central, Centrality};
pub use clusters::{clusters, signed_edges, Cluster, ClusterPosition};

use crate::ask::{Answer, AskError, ClaimEdge, Entity, EntityClass};
use crate::store::Store;

/// A node: an actor or a position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The actor or position.
    pub entity: Entity,
    /// Its class, for shapes and for telling actors from positions.
    pub class: EntityClass,
}

/// Actors and positions linked by claims. Nodes are added in IRI order and each pair
/// of nodes has at most one edge, holding the indices (into `claims`) of every claim
/// between them, oldest first.
pub struct ClaimGraph<'a> {
    /// The claims the graph was built from.
    pub claims: &'a [ClaimEdge],
    /// Actors and positions; each edge holds indices into `claims`.
    pub graph: UnGraph<Node, Vec<usize>>,
    index: HashMap<String, NodeIndex>,
}

/// One hop of a path: a claim, and whether it is read from its subject to its object.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hop<'a> {
    /// The claim linking the two ends of the hop.
    pub claim: &'a ClaimEdge,
    /// True when the path walks from the claim's subject to its object.
    pub forward: bool,
}

impl<'a> ClaimGraph<'a> {
    /// Builds the graph of `claims`.
    pub fn build(claims: &'a [ClaimEdge]) -> ClaimGraph<'a> {
        let mut nodes: BTreeMap<&str, Node> = BTreeMap::new();
        for c in claims {
            nodes.entry(&c.subject.iri).or_insert_with(|| Node { entity: c.subject.clone(), class: c.subject_class });
            nodes.entry(&c.object.iri).or_insert_with(|| Node { entity: c.object.clone(), class: c.object_class });
        }
        let mut graph = UnGraph::with_capacity(nodes.len(), claims.len());
        let mut index = HashMap::new();
        for (iri, node) in nodes {
            index.insert(iri.to_string(), graph.add_node(node));
        }
        let mut pairs: BTreeMap<(NodeIndex, NodeIndex), Vec<usize>> = BTreeMap::new();
        for (i, c) in claims.iter().enumerate() {
            let (a, b) = (index[&c.subject.iri], index[&c.object.iri]);
            if a != b {
                pairs.entry((a.min(b), a.max(b))).or_default().push(i);
            }
        }
        for ((a, b), mut list) in pairs {
            list.sort_by(|x, y| (&claims[*x].time, &claims[*x].claim).cmp(&(&claims[*y].time, &claims[*y].claim)));
            graph.add_edge(a, b, list);
        }
        ClaimGraph { claims, graph, index }
    }

    /// The node of an entity, when it takes part in a claim.
    pub fn node(&self, iri: &str) -> Option<NodeIndex> {
        self.index.get(iri).copied()
    }

    /// Neighbours of `n`, sorted by label then IRI.
    pub fn neighbours(&self, n: NodeIndex) -> Vec<NodeIndex> {
        let mut v: Vec<NodeIndex> = self.graph.neighbors(n).collect();
        v.sort_by(|a, b| {
            let (x, y) = (&self.graph[*a].entity, &self.graph[*b].entity);
            (&x.label, &x.iri).cmp(&(&y.label, &y.iri))
        });
        v.dedup();
        v
    }

    /// The shortest chain of claims from any of `from` to any of `to`, one hop per
    /// claim (the earliest claim between two nodes stands for them). `None` when they
    /// are not connected; an empty chain when `from` and `to` share an entity.
    pub fn path(&self, from: &[Entity], to: &[Entity]) -> Option<Vec<Hop<'a>>> {
        let sources: Vec<NodeIndex> = from.iter().filter_map(|e| self.node(&e.iri)).collect();
        let targets: Vec<NodeIndex> = to.iter().filter_map(|e| self.node(&e.iri)).collect();
        let mut previous: HashMap<NodeIndex, Option<NodeIndex>> = sources.iter().map(|s| (*s, None)).collect();
        let mut queue: VecDeque<NodeIndex> = sources.iter().copied().collect();
        let mut reached = None;
        while let Some(n) = queue.pop_front() {
            if targets.contains(&n) {
                reached = Some(n);
                break;
            }
            for m in self.neighbours(n) {
                if let std::collections::hash_map::Entry::Vacant(v) = previous.entry(m) {
                    v.insert(Some(n));
                    queue.push_back(m);
                }
            }
        }
        let mut n = reached?;
        let mut hops = Vec::new();
        while let Some(Some(p)) = previous.get(&n).copied() {
            let edge = self.graph.find_edge(p, n).expect("BFS steps along edges");
            let claim = &self.claims[self.graph[edge][0]];
            let forward = claim.subject.iri == self.graph[p].entity.iri;
            hops.push(Hop { claim, forward });
            n = p;
        }
        hops.reverse();
        Some(hops)
    }

    /// The nodes within `depth` hops of any of `centre`, the centre included.
    pub fn neighbourhood(&self, centre: &[Entity], depth: usize) -> Vec<NodeIndex> {
        let mut seen: HashMap<NodeIndex, usize> = HashMap::new();
        let mut queue = VecDeque::new();
        for n in centre.iter().filter_map(|e| self.node(&e.iri)) {
            seen.insert(n, 0);
            queue.push_back(n);
        }
        while let Some(n) = queue.pop_front() {
            let d = seen[&n];
            if d == depth {
                continue;
            }
            for e in self.graph.edges(n) {
                let m = if e.source() == n { e.target() } else { e.source() };
                if !seen.contains_key(&m) {
                    seen.insert(m, d + 1);
                    queue.push_back(m);
                }
            }
        }
        let mut nodes: Vec<NodeIndex> = seen.into_keys().collect();
        nodes.sort();
        nodes
    }
}

/// What [`find_path`] found.
#[derive(Debug, Clone, PartialEq)]
pub enum PathFound {
    /// A chain: on one line ([`chain`]) and hop by hop with evidence ([`path_answer`]).
    Linked { chain: String, answer: Answer },
    /// No chain of claims links them.
    NotLinked,
    /// The chain found on the stances was gone when its claims were read: the store
    /// changed in between.
    Changed,
}

/// The shortest chain of claims in `store` from any of `from` to any of `to` (resolved
/// entities), as `kg path` shows it.
///
/// The chain is found on the stances (one edge per linked pair, no evidence), then its
/// hops are found again among the claims of those pairs only, so that each shows its
/// earliest claim; loading every claim with its evidence took 78 s on a 100 MB store.
pub fn find_path(store: &Store, from: &[Entity], to: &[Entity]) -> Result<PathFound, AskError> {
    let stances = crate::ask::load_stances(store)?;
    let Some(hops) = ClaimGraph::build(&stances).path(from, to) else {
        return Ok(PathFound::NotLinked);
    };
    let pairs: Vec<(&str, &str)> =
        hops.iter().map(|h| (h.claim.subject.iri.as_str(), h.claim.object.iri.as_str())).collect();
    let claims = crate::ask::load_claims_between(store, &pairs)?;
    let graph = ClaimGraph::build(&claims);
    Ok(match graph.path(from, to) {
        Some(hops) => PathFound::Linked { chain: chain(&hops, from), answer: path_answer(&hops) },
        None => PathFound::Changed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ask::tests_support::edge;

    #[test]
    fn shortest_path_is_undirected_and_deterministic() {
        let claims = vec![
            edge("Trump", "sends", "@Witkoff", "2025-11-25T10:00:00Z", ""),
            edge("Witkoff", "meets", "@Putin", "2025-11-25T11:00:00Z", ""),
            edge("Putin", "meets", "@Zelensky", "2025-11-25T12:00:00Z", ""),
            edge("Zelensky", "meets", "@Trump", "2025-11-25T13:00:00Z", ""),
            edge("Russia", "rejects", "plan", "2025-11-25T13:00:00Z", ""),
        ];
        let g = ClaimGraph::build(&claims);
        let witkoff = [claims[1].subject.clone()];
        let zelensky = [claims[3].subject.clone()];
        let hops = g.path(&witkoff, &zelensky).unwrap();
        // Two hops either way (via Putin or via Trump): Putin sorts first.
        let text: Vec<String> = hops
            .iter()
            .map(|h| format!("{} {} {} {}", h.claim.subject.label, h.claim.relation, h.claim.object.label, h.forward))
            .collect();
        assert_eq!(text, ["Witkoff meets Putin true", "Putin meets Zelensky true"]);
        assert_eq!(g.path(&witkoff, &witkoff).unwrap().len(), 0);
        assert!(g.path(&witkoff, &[claims[4].subject.clone()]).is_none());
        let backwards = g.path(&witkoff, &[claims[0].subject.clone()]).unwrap();
        assert_eq!(backwards.len(), 1);
        assert!(!backwards[0].forward);
    }

    #[test]
    fn neighbourhood_respects_depth() {
        let claims =
            vec![edge("A", "meets", "@B", "", ""), edge("B", "meets", "@C", "", ""), edge("C", "meets", "@D", "", "")];
        let g = ClaimGraph::build(&claims);
        let a = [claims[0].subject.clone()];
        assert_eq!(g.neighbourhood(&a, 0).len(), 1);
        assert_eq!(g.neighbourhood(&a, 2).len(), 3);
    }
}
