//! Coalitions: a signed graph of actors partitioned by greedy signed modularity.
//!
//! **The signed graph.** An actor's net stance on a position is the sign of its claims'
//! polarities summed (+1 for proposes, supports, demands; −1 for rejects, criticizes).
//! Two actors gain +1 of *agreement* for every position on which their net stances have
//! the same sign and +1 of *disagreement* for every position on which they differ. A
//! claim from one actor about another adds agreement (supports, proposes, demands) or
//! disagreement (rejects, criticizes); meets and sends add nothing: talking is not
//! agreeing.
//!
//! **The partition.** Signed modularity (Gómez, Jensen & Arenas, "Analysis of community
//! structure in networks of correlated data", Phys. Rev. E 80, 016114, 2009) rewards
//! agreement inside clusters and disagreement between them:
//!
//! ```text
//! Q = 1/(2w⁺ + 2w⁻) · Σᵢⱼ [ (w⁺ᵢⱼ − k⁺ᵢk⁺ⱼ/2w⁺) − (w⁻ᵢⱼ − k⁻ᵢk⁻ⱼ/2w⁻) ] · δ(cᵢ, cⱼ)
//! ```
//!
//! It is maximised greedily, as Newman's fast algorithm does for unsigned modularity
//! (Newman, "Fast algorithm for detecting community structure in networks", Phys. Rev.
//! E 69, 066133, 2004): every actor starts alone; the two clusters joined by agreement
//! whose merger raises Q most are merged, until no merger raises it. Ties go to the
//! clusters whose first members sort first, so the result is deterministic. Only clusters
//! linked by some agreement are merged, so every cluster is held together by agreement.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::ask::{ClaimEdge, Polarity};

/// A coalition: actors, and the positions on which at least two of them agree.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cluster {
    /// Member labels, sorted.
    pub members: Vec<String>,
    /// The positions binding the cluster, most shared first.
    pub positions: Vec<ClusterPosition>,
}

/// A position at least two members take the same side on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClusterPosition {
    /// The position's label.
    pub position: String,
    /// "for" or "against".
    pub stance: &'static str,
    /// The members on that side, sorted.
    pub members: Vec<String>,
}

/// Agreement and disagreement between two actors.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Sign {
    /// Weight of agreement (positive edges).
    pub agree: f64,
    /// Weight of disagreement (negative edges).
    pub disagree: f64,
}

/// Net stances: actor label → position label → +1 or −1.
type Stances = BTreeMap<String, BTreeMap<String, i32>>;

fn stances(claims: &[ClaimEdge]) -> Stances {
    let mut sum: Stances = BTreeMap::new();
    for c in claims.iter().filter(|c| c.object_class.is_position() && !c.subject_class.is_position()) {
        if let Some(p) = Polarity::of(c.relation) {
            let d = if p == Polarity::For { 1 } else { -1 };
            *sum.entry(c.subject.label.clone()).or_default().entry(c.object.label.clone()).or_default() += d;
        }
    }
    for m in sum.values_mut() {
        m.retain(|_, v| *v != 0);
        m.values_mut().for_each(|v| *v = v.signum());
    }
    sum.retain(|_, m| !m.is_empty());
    sum
}

/// The signed graph between actors (by label), each pair once with the smaller label first.
pub fn signed_edges(claims: &[ClaimEdge]) -> BTreeMap<(String, String), Sign> {
    let mut edges: BTreeMap<(String, String), Sign> = BTreeMap::new();
    let mut add = |a: &str, b: &str, agree: bool| {
        if a == b {
            return;
        }
        let key = if a < b { (a.to_string(), b.to_string()) } else { (b.to_string(), a.to_string()) };
        let e = edges.entry(key).or_default();
        if agree {
            e.agree += 1.0;
        } else {
            e.disagree += 1.0;
        }
    };
    let st = stances(claims);
    let actors: Vec<(&String, &BTreeMap<String, i32>)> = st.iter().collect();
    for (i, (a, sa)) in actors.iter().enumerate() {
        for (b, sb) in &actors[i + 1..] {
            for (position, x) in sa.iter() {
                if let Some(y) = sb.get(position) {
                    add(a, b, x == y);
                }
            }
        }
    }
    for c in claims.iter().filter(|c| !c.object_class.is_position() && !c.subject_class.is_position()) {
        if let Some(p) = Polarity::of(c.relation) {
            add(&c.subject.label, &c.object.label, p == Polarity::For);
        }
    }
    edges
}

/// Partitions the actors of the signed graph into coalitions (see the module docs).
/// Clusters are sorted by size, then by first member; actors without any agreement or
/// disagreement are left out.
pub fn clusters(claims: &[ClaimEdge]) -> Vec<Cluster> {
    let edges = signed_edges(claims);
    let mut actors: Vec<&str> = edges.keys().flat_map(|(a, b)| [a.as_str(), b.as_str()]).collect();
    actors.sort();
    actors.dedup();
    let index: BTreeMap<&str, usize> = actors.iter().enumerate().map(|(i, a)| (*a, i)).collect();
    let n = actors.len();
    // Between-cluster weights and cluster strengths; cluster i starts as actor i.
    let mut between = vec![vec![Sign::default(); n]; n];
    let mut strength = vec![Sign::default(); n];
    let (mut w_pos, mut w_neg) = (0.0, 0.0);
    for ((a, b), s) in &edges {
        let (i, j) = (index[a.as_str()], index[b.as_str()]);
        for (x, y) in [(i, j), (j, i)] {
            between[x][y].agree += s.agree;
            between[x][y].disagree += s.disagree;
            strength[x].agree += s.agree;
            strength[x].disagree += s.disagree;
        }
        w_pos += s.agree;
        w_neg += s.disagree;
    }
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut alive = vec![true; n];
    let gain = |w: Sign, ka: Sign, kb: Sign| -> f64 {
        let expected_pos = if w_pos > 0.0 { ka.agree * kb.agree / (2.0 * w_pos) } else { 0.0 };
        let expected_neg = if w_neg > 0.0 { ka.disagree * kb.disagree / (2.0 * w_neg) } else { 0.0 };
        2.0 * ((w.agree - expected_pos) - (w.disagree - expected_neg)) / (2.0 * (w_pos + w_neg))
    };
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for i in (0..n).filter(|i| alive[*i]) {
            for j in (i + 1..n).filter(|j| alive[*j]) {
                if between[i][j].agree <= 0.0 {
                    continue;
                }
                let dq = gain(between[i][j], strength[i], strength[j]);
                if dq > 1e-12 && best.is_none_or(|(b, _, _)| dq > b + 1e-12) {
                    best = Some((dq, i, j));
                }
            }
        }
        let Some((_, i, j)) = best else { break };
        // Merge j into i.
        alive[j] = false;
        let moved = std::mem::take(&mut members[j]);
        members[i].extend(moved);
        strength[i].agree += strength[j].agree;
        strength[i].disagree += strength[j].disagree;
        for k in 0..n {
            let w = between[j][k];
            between[i][k].agree += w.agree;
            between[i][k].disagree += w.disagree;
            between[k][i] = between[i][k];
        }
        between[i][i] = Sign::default();
    }
    let st = stances(claims);
    let mut out: Vec<Cluster> = members
        .into_iter()
        .zip(alive)
        .filter(|(_, a)| *a)
        .map(|(m, _)| {
            let mut labels: Vec<String> = m.iter().map(|i| actors[*i].to_string()).collect();
            labels.sort();
            let positions = binding_positions(&labels, &st);
            Cluster { members: labels, positions }
        })
        .collect();
    out.sort_by(|a, b| b.members.len().cmp(&a.members.len()).then_with(|| a.members.cmp(&b.members)));
    out
}

fn binding_positions(members: &[String], st: &Stances) -> Vec<ClusterPosition> {
    let mut sides: BTreeMap<(&str, i32), Vec<String>> = BTreeMap::new();
    for m in members {
        for (p, s) in st.get(m).into_iter().flatten() {
            sides.entry((p.as_str(), *s)).or_default().push(m.clone());
        }
    }
    let mut out: Vec<ClusterPosition> = sides
        .into_iter()
        .filter(|(_, m)| m.len() >= 2)
        .map(|((p, s), members)| ClusterPosition {
            position: p.to_string(),
            stance: if s > 0 { "for" } else { "against" },
            members,
        })
        .collect();
    out.sort_by(|a, b| b.members.len().cmp(&a.members.len()).then_with(|| a.position.cmp(&b.position)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ask::tests_support::edge;

    #[test]
    fn signs_from_shared_and_opposite_stances() {
        let claims = vec![
            edge("Ukraine", "supports", "plan", "", ""),
            edge("US", "proposes", "plan", "", ""),
            edge("Russia", "rejects", "plan", "", ""),
            edge("Russia", "criticizes", "@EU", "", ""),
            edge("Russia", "meets", "@US", "", ""),
        ];
        let e = signed_edges(&claims);
        assert_eq!(e[&("US".into(), "Ukraine".into())], Sign { agree: 1.0, disagree: 0.0 });
        assert_eq!(e[&("Russia".into(), "Ukraine".into())], Sign { agree: 0.0, disagree: 1.0 });
        assert_eq!(e[&("EU".into(), "Russia".into())], Sign { agree: 0.0, disagree: 1.0 });
        assert_eq!(e[&("Russia".into(), "US".into())], Sign { agree: 0.0, disagree: 1.0 });
    }

    #[test]
    fn splits_opponents_and_groups_allies() {
        let claims = vec![
            edge("Ukraine", "supports", "plan", "", ""),
            edge("US", "proposes", "plan", "", ""),
            edge("EU", "supports", "plan", "", ""),
            edge("Russia", "rejects", "plan", "", ""),
            edge("Belarus", "rejects", "plan", "", ""),
            edge("Russia", "demands", "neutrality", "", ""),
            edge("Belarus", "supports", "neutrality", "", ""),
            edge("Ukraine", "rejects", "neutrality", "", ""),
        ];
        let c = clusters(&claims);
        let members: Vec<Vec<String>> = c.iter().map(|c| c.members.clone()).collect();
        assert_eq!(members, [vec!["EU", "US", "Ukraine"], vec!["Belarus", "Russia"]]);
        assert_eq!(c[1].positions.len(), 2);
        assert_eq!(
            c[0].positions[0],
            ClusterPosition {
                position: "plan".into(),
                stance: "for",
                members: vec!["EU".into(), "US".into(), "Ukraine".into()]
            }
        );
    }

    #[test]
    fn nothing_to_cluster() {
        assert!(clusters(&[]).is_empty());
        assert!(clusters(&[edge("A", "meets", "@B", "", "")]).is_empty());
    }
}
