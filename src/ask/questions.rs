//! The direct questions: who takes a stance on a position, where an actor stands, who
//! meets whom, which positions are contested. Each filters loaded claims.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::{Answer, ClaimEdge, Entity, StanceClaim};
use crate::claim::Relation;

/// Which side of a position a claim puts its subject on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Polarity {
    /// proposes, supports, demands.
    For,
    /// rejects, criticizes.
    Against,
}

impl Polarity {
    /// The side a relation takes; `None` for meets and sends, which take no side.
    pub fn of(r: Relation) -> Option<Polarity> {
        match r {
            Relation::Proposes | Relation::Supports | Relation::Demands => Some(Polarity::For),
            Relation::Rejects | Relation::Criticizes => Some(Polarity::Against),
            Relation::Meets | Relation::Sends => None,
        }
    }

    /// "for" or "against".
    pub fn name(self) -> &'static str {
        match self {
            Polarity::For => "for",
            Polarity::Against => "against",
        }
    }
}

fn is_one_of(e: &Entity, set: &[Entity]) -> bool {
    set.iter().any(|s| s.iri == e.iri)
}

fn time_order(a: &&ClaimEdge, b: &&ClaimEdge) -> std::cmp::Ordering {
    (&a.time, &a.subject.label, &a.object.label, &a.claim).cmp(&(&b.time, &b.subject.label, &b.object.label, &b.claim))
}

/// Who `relation` any of `targets`: the matching claims, oldest first.
pub fn who(claims: &[ClaimEdge], relation: Relation, targets: &[Entity]) -> Answer {
    let mut found: Vec<&ClaimEdge> =
        claims.iter().filter(|c| c.relation == relation && is_one_of(&c.object, targets)).collect();
    found.sort_by(time_order);
    Answer::claims(found)
}

/// The columns of [`who_summary`].
pub const STANCE_COLUMNS: [&str; 11] = [
    "actor", "relation", "position", "claims", "since", "latest", "reported_by", "source", "modality", "hedged",
    "quote",
];

/// How one actor stands on one position: its claims, oldest and latest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stance<'a> {
    pub subject: &'a str,
    pub object: &'a str,
    /// How many claims say so.
    pub claims: usize,
    /// The time of the oldest (`None` when no claim has a time).
    pub since: Option<&'a str>,
    /// The latest claim: the one with the latest time, claims without time first.
    pub latest: &'a StanceClaim,
}

/// Groups stance claims by subject and object.
pub fn stances(claims: &[StanceClaim]) -> Vec<Stance<'_>> {
    let mut by: BTreeMap<(&str, &str), Stance<'_>> = BTreeMap::new();
    for c in claims {
        let s = by.entry((&c.subject, &c.object)).or_insert(Stance {
            subject: &c.subject,
            object: &c.object,
            claims: 0,
            since: None,
            latest: c,
        });
        s.claims += 1;
        if let Some(t) = c.time.as_deref() {
            s.since = Some(s.since.map_or(t, |x| x.min(t)));
        }
        if (&c.time, &c.claim) > (&s.latest.time, &s.latest.claim) {
            s.latest = c;
        }
    }
    by.into_values().collect()
}

/// Who takes the stances: one row per actor and position with the number of claims,
/// since when and until when, and the evidence of the latest claim (`latest` holds
/// those claims, loaded with their evidence). Oldest stance first. This is what
/// `kg who-rejects` shows; [`who`] lists every claim instead.
pub fn who_summary(stances: &[Stance<'_>], latest: &[ClaimEdge]) -> Answer {
    let evidence: BTreeMap<&str, &ClaimEdge> = latest.iter().map(|c| (c.claim.as_str(), c)).collect();
    let mut rows: Vec<(&Stance<'_>, &ClaimEdge)> =
        stances.iter().filter_map(|s| Some((s, *evidence.get(s.latest.claim.as_str())?))).collect();
    rows.sort_by(|(a, ea), (b, eb)| {
        (a.since.is_none(), a.since, &ea.subject.label, &ea.object.label).cmp(&(
            b.since.is_none(),
            b.since,
            &eb.subject.label,
            &eb.object.label,
        ))
    });
    let or_null = |s: &str| if s.is_empty() { Value::Null } else { Value::from(s) };
    let rows = rows
        .into_iter()
        .map(|(s, c)| {
            vec![
                Value::from(c.subject.label.as_str()),
                Value::from(c.relation.name()),
                Value::from(c.object.label.as_str()),
                Value::from(s.claims),
                s.since.map_or(Value::Null, Value::from),
                c.time.as_deref().map_or(Value::Null, Value::from),
                or_null(&c.reported_by),
                or_null(&c.source),
                Value::from(c.modality.as_str()),
                Value::from(c.hedged),
                Value::from(c.quote.as_str()),
            ]
        })
        .collect();
    Answer { header: STANCE_COLUMNS.to_vec(), rows }
}

/// Where `actors` stand: their claims about positions (any relation), by position,
/// then oldest first.
pub fn positions(claims: &[ClaimEdge], actors: &[Entity]) -> Answer {
    let mut found: Vec<&ClaimEdge> =
        claims.iter().filter(|c| is_one_of(&c.subject, actors) && c.object_class.is_position()).collect();
    found.sort_by(|a, b| a.object.label.cmp(&b.object.label).then_with(|| time_order(a, b)));
    Answer::claims(found)
}

/// Who meets whom (held, planned or hoped for), oldest first; with `actors`, only the
/// meetings they take part in, on either side.
pub fn meetings(claims: &[ClaimEdge], actors: Option<&[Entity]>) -> Answer {
    let mut found: Vec<&ClaimEdge> = claims
        .iter()
        .filter(|c| c.relation == Relation::Meets)
        .filter(|c| actors.is_none_or(|a| is_one_of(&c.subject, a) || is_one_of(&c.object, a)))
        .collect();
    found.sort_by(time_order);
    let mut answer = Answer::claims(found);
    answer.header[2] = "with";
    answer
}

/// Positions some actor is for (proposes, supports, demands) while another is against
/// (rejects, criticizes): their claims, by position, "for" side first, then by actor.
/// One actor taking both sides does not make a position contested.
pub fn contested(claims: &[ClaimEdge]) -> Answer {
    let mut sides: BTreeMap<&str, BTreeMap<Polarity, BTreeSet<&str>>> = BTreeMap::new();
    for c in claims.iter().filter(|c| c.object_class.is_position()) {
        if let Some(p) = Polarity::of(c.relation) {
            sides.entry(&c.object.iri).or_default().entry(p).or_default().insert(&c.subject.iri);
        }
    }
    let is_contested = |iri: &str| {
        let Some(s) = sides.get(iri) else { return false };
        match (s.get(&Polarity::For), s.get(&Polarity::Against)) {
            // Distinct actors on the two sides.
            (Some(f), Some(a)) => f.iter().any(|x| a.iter().any(|y| x != y)),
            _ => false,
        }
    };
    let mut found: Vec<&ClaimEdge> =
        claims.iter().filter(|c| Polarity::of(c.relation).is_some() && is_contested(&c.object.iri)).collect();
    found.sort_by(|a, b| {
        (&a.object.label, Polarity::of(a.relation), &a.subject.label)
            .cmp(&(&b.object.label, Polarity::of(b.relation), &b.subject.label))
            .then_with(|| time_order(a, b))
    });
    Answer::claims(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ask::tests_support::edge;

    fn column(a: &Answer, i: usize) -> Vec<String> {
        a.rows.iter().map(|r| r[i].as_str().unwrap_or_default().to_string()).collect()
    }

    fn sample() -> Vec<ClaimEdge> {
        vec![
            edge("Ukraine", "supports", "plan", "2025-11-25T15:00:00Z", "Reuters"),
            edge("Russia", "rejects", "plan", "2025-11-25T12:00:00Z", ""),
            edge("Russia", "rejects", "ceasefire", "2025-11-25T13:00:00Z", ""),
            edge("Russia", "criticizes", "ceasefire", "2025-11-25T14:00:00Z", ""),
            edge("US", "meets", "Russia", "2025-11-25T16:00:00Z", ""),
        ]
    }

    #[test]
    fn who_filters_by_relation_and_target() {
        let claims = sample();
        let plan = claims[0].object.clone();
        let a = who(&claims, Relation::Rejects, std::slice::from_ref(&plan));
        assert_eq!(column(&a, 0), ["Russia"]);
        assert_eq!(column(&a, 3), ["2025-11-25T12:00:00Z"]);
        assert!(who(&claims, Relation::Demands, &[plan]).is_empty());
    }

    /// The stance claims of `edges`, as [`super::load_stance_claims`] gives them.
    fn stance_claims(edges: &[ClaimEdge]) -> Vec<StanceClaim> {
        let mut v: Vec<StanceClaim> = edges
            .iter()
            .map(|c| StanceClaim {
                subject: c.subject.iri.clone(),
                object: c.object.iri.clone(),
                time: c.time.clone(),
                claim: c.claim.clone(),
            })
            .collect();
        v.sort();
        v
    }

    #[test]
    fn who_summary_gives_one_row_per_actor_with_since_and_latest_evidence() {
        let edges = vec![
            edge("Russia", "rejects", "plan", "2025-11-25T12:00:00Z", ""),
            edge("Russia", "rejects", "plan", "2025-11-26T09:00:00Z", "TASS"),
            edge("Russia", "rejects", "plan", "2025-11-24T08:00:00Z", ""),
            edge("Hungary", "rejects", "plan", "2025-11-25T10:00:00Z", "Reuters"),
            edge("Belarus", "rejects", "plan", "", ""),
        ];
        let claims = stance_claims(&edges);
        let st = stances(&claims);
        assert_eq!(st.len(), 3);
        let a = who_summary(&st, &edges);
        assert_eq!(a.header, STANCE_COLUMNS);
        // Oldest stance first; one without any time last.
        assert_eq!(column(&a, 0), ["Russia", "Hungary", "Belarus"]);
        assert_eq!(a.rows[0][3], Value::from(3));
        assert_eq!(column(&a, 4), ["2025-11-24T08:00:00Z", "2025-11-25T10:00:00Z", ""]);
        // The evidence is the latest claim's.
        assert_eq!(column(&a, 5)[0], "2025-11-26T09:00:00Z");
        assert_eq!(column(&a, 6), ["TASS", "Reuters", ""]);
        // A latest claim that could not be loaded drops its row rather than show another's evidence.
        assert_eq!(who_summary(&st, &edges[3..]).rows.len(), 2);
    }

    #[test]
    fn positions_are_stances_on_positions_only() {
        let claims = sample();
        let russia = claims[1].subject.clone();
        let a = positions(&claims, &[russia]);
        assert_eq!(column(&a, 2), ["ceasefire", "ceasefire", "plan"]);
        assert_eq!(column(&a, 1), ["rejects", "criticizes", "rejects"]);
    }

    #[test]
    fn meetings_on_either_side() {
        let claims = sample();
        let russia = claims[1].subject.clone();
        let a = meetings(&claims, Some(&[russia]));
        assert_eq!(a.header[2], "with");
        assert_eq!(column(&a, 0), ["US"]);
        assert_eq!(meetings(&claims, None).rows.len(), 1);
    }

    #[test]
    fn contested_needs_two_actors_on_opposite_sides() {
        let mut claims = sample();
        assert_eq!(column(&contested(&claims), 2), ["plan", "plan"]);
        assert_eq!(column(&contested(&claims), 0), ["Ukraine", "Russia"]);
        // Russia both for and against a ceasefire does not make it contested.
        claims.push(edge("Russia", "supports", "ceasefire", "2025-11-25T17:00:00Z", ""));
        assert!(!column(&contested(&claims), 2).contains(&"ceasefire".to_string()));
    }
}
