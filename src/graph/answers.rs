//! The graph views as [`Answer`] rows, for the table, JSON and CSV writers.

use serde_json::Value;

use super::{Centrality, Cluster, Hop};
use crate::ask::{Answer, Entity};

/// The chain a path walks, on one line: `A —meets→ B ←rejects— C`.
pub fn chain(hops: &[Hop<'_>], from: &[Entity]) -> String {
    let Some(first) = hops.first() else {
        return from.first().map(|e| e.label.clone()).unwrap_or_default();
    };
    let start = if first.forward { &first.claim.subject.label } else { &first.claim.object.label };
    let mut s = start.clone();
    for h in hops {
        let (arrow, next) = if h.forward {
            (format!(" —{}→ ", h.claim.relation), &h.claim.object.label)
        } else {
            (format!(" ←{}— ", h.claim.relation), &h.claim.subject.label)
        };
        s.push_str(&arrow);
        s.push_str(next);
    }
    s
}

/// One row per hop: the claim as stated (subject, relation, object) and its evidence.
pub fn path_answer(hops: &[Hop<'_>]) -> Answer {
    let rows = hops
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let c = h.claim;
            vec![
                Value::from(i + 1),
                Value::from(c.subject.label.as_str()),
                Value::from(c.relation.name()),
                Value::from(c.object.label.as_str()),
                c.time.as_deref().map_or(Value::Null, Value::from),
                if c.reported_by.is_empty() { Value::Null } else { Value::from(c.reported_by.as_str()) },
                Value::from(c.quote.as_str()),
            ]
        })
        .collect();
    Answer { header: vec!["hop", "actor", "relation", "object", "time", "reported_by", "quote"], rows }
}

/// One row per cluster: its number, members and binding positions.
pub fn clusters_answer(clusters: &[Cluster]) -> Answer {
    let rows = clusters
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let positions: Vec<String> =
                c.positions.iter().map(|p| format!("{} {} ({})", p.stance, p.position, p.members.join(", "))).collect();
            vec![Value::from(i + 1), Value::from(c.members.join(", ")), Value::from(positions.join("; "))]
        })
        .collect();
    Answer { header: vec!["cluster", "members", "binding_positions"], rows }
}

/// One row per actor: degree, claims, betweenness (3 decimals).
pub fn central_answer(central: &[Centrality]) -> Answer {
    let rows = central
        .iter()
        .map(|c| {
            vec![
                Value::from(c.actor.as_str()),
                Value::from(c.degree),
                Value::from(c.claims),
                Value::from(format!("{:.3}", c.betweenness)),
            ]
        })
        .collect();
    Answer { header: vec!["actor", "degree", "claims", "betweenness"], rows }
}

/// `{"clusters": [{"members": [...], "positions": [{"position", "stance", "members"}]}]}`,
/// pretty-printed, keys in that order.
pub fn clusters_json(clusters: &[Cluster]) -> String {
    #[derive(serde::Serialize)]
    struct Report<'a> {
        clusters: &'a [Cluster],
    }
    serde_json::to_string_pretty(&Report { clusters }).expect("clusters serialise: strings and lists only")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ask::tests_support::edge;
    use crate::graph::{clusters, ClaimGraph};

    #[test]
    fn chain_shows_each_claim_the_way_it_points() {
        let claims = vec![edge("Trump", "sends", "@Witkoff", "", ""), edge("Zelensky", "meets", "@Trump", "", "")];
        let g = ClaimGraph::build(&claims);
        let witkoff = [claims[0].object.clone()];
        let hops = g.path(&witkoff, &[claims[1].subject.clone()]).unwrap();
        assert_eq!(chain(&hops, &witkoff), "Witkoff ←sends— Trump ←meets— Zelensky");
        assert_eq!(chain(&[], &witkoff), "Witkoff");
        let a = path_answer(&hops);
        assert_eq!(
            a.rows[0][..4],
            [Value::from(1), Value::from("Trump"), Value::from("sends"), Value::from("Witkoff")]
        );
    }

    #[test]
    fn clusters_as_rows_and_json() {
        let claims = vec![
            edge("A", "supports", "plan", "", ""),
            edge("B", "supports", "plan", "", ""),
            edge("C", "rejects", "plan", "", ""),
        ];
        let c = clusters(&claims);
        let a = clusters_answer(&c);
        assert_eq!(a.rows[0], [Value::from(1), Value::from("A, B"), Value::from("for plan (A, B)")]);
        let json: Value = serde_json::from_str(&clusters_json(&c)).unwrap();
        assert_eq!(json["clusters"][1]["members"], serde_json::json!(["C"]));
        assert_eq!(json["clusters"][0]["positions"][0]["stance"], "for");
    }
}
