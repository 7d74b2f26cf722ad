//! The direct questions: who takes a stance on a position, where an actor stands, who
//! meets whom, which positions are contested. Each filters loaded claims.

use std::collections::{BTreeMap, BTreeSet};

use super::{Answer, ClaimEdge, Entity};
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
