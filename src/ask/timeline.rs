//! Stance over time: the claims about an actor or position in time order, marking
//! changes of stance and contradictions between sources.
//!
//! A claim's stance is its [`Polarity`]: for (proposes, supports, demands) or against
//! (rejects, criticizes). Two claims are about the same stance when they share the
//! subject and the object, or when both objects are plans (labels naming a plan,
//! proposal, framework or deal) and one of them is a generic plan, named by nothing but
//! such words ("rejects the initial plan", later "supports the amended deal"; "peace
//! plan" and "American peace plan"). Two plans with their own names ("American peace
//! plan", "European counter-plan") are rivals, not versions of one another: rejecting
//! one while proposing the other is no change. A claim whose polarity differs from the
//! subject's previous stance is
//!
//! - a **contradiction** when the two claims come from different sources (reported by)
//!   within [`CONTRADICTION_WINDOW_HOURS`] of each other: sources disagree about what
//!   the actor holds at about the same time;
//! - a **change** of stance otherwise.

use super::{Answer, ClaimEdge, Entity, Polarity};

/// Claims this close in time (hours) are "about the same time".
pub const CONTRADICTION_WINDOW_HOURS: i64 = 6;

const PLAN_WORDS: [&str; 6] = ["plan", "proposal", "proposals", "framework", "deal", "counter-plan"];

/// Words that qualify a plan without naming it: a plan labelled with only these and
/// plan words is generic ("the amended peace deal").
const GENERIC_WORDS: [&str; 14] = [
    "the", "a", "peace", "initial", "original", "amended", "revised", "updated", "new", "draft", "final", "latest",
    "agreement", "of",
];

fn label_words(label: &str) -> Vec<String> {
    label
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn is_plan(label: &str) -> bool {
    label_words(label).iter().any(|w| PLAN_WORDS.contains(&w.as_str()))
}

fn is_generic_plan(label: &str) -> bool {
    is_plan(label)
        && label_words(label).iter().all(|w| PLAN_WORDS.contains(&w.as_str()) || GENERIC_WORDS.contains(&w.as_str()))
}

/// Whether two claims take a stance on the same thing (see the module docs).
fn same_topic(a: &ClaimEdge, b: &ClaimEdge) -> bool {
    if a.object.iri == b.object.iri {
        return true;
    }
    let (x, y) = (&a.object.label, &b.object.label);
    a.object_class.is_position()
        && b.object_class.is_position()
        && is_plan(x)
        && is_plan(y)
        && (is_generic_plan(x) || is_generic_plan(y))
}

/// The claims whose subject or object is one of `entities`, oldest first (undated
/// ones first), with a `mark` column: `change: <before> → <now> (since <time>)` or
/// `contradiction: <source> said <relation> at <time>`.
pub fn timeline(claims: &[ClaimEdge], entities: &[Entity]) -> Answer {
    let about = |e: &Entity| entities.iter().any(|x| x.iri == e.iri);
    let mut found: Vec<&ClaimEdge> = claims.iter().filter(|c| about(&c.subject) || about(&c.object)).collect();
    found.sort_by(|a, b| {
        (&a.time, &a.subject.label, &a.object.label, &a.claim)
            .cmp(&(&b.time, &b.subject.label, &b.object.label, &b.claim))
    });
    // The claim columns, time first and then the mark: a timeline reads down the clock.
    let claims = Answer::claims(found.iter().copied());
    let t = claims.header.iter().position(|h| *h == "time").expect("claim answers have a time column");
    let others = |row: &[serde_json::Value]| -> Vec<serde_json::Value> {
        row.iter().enumerate().filter(|(i, _)| *i != t).map(|(_, v)| v.clone()).collect()
    };
    let mut header = vec!["time", "mark"];
    header.extend(claims.header.iter().enumerate().filter(|(i, _)| *i != t).map(|(_, h)| *h));
    let rows = claims
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let mark = mark(&found[..i], found[i]).map_or(serde_json::Value::Null, serde_json::Value::from);
            [vec![row[t].clone(), mark], others(row)].concat()
        })
        .collect();
    Answer { header, rows }
}

fn mark(before: &[&ClaimEdge], c: &ClaimEdge) -> Option<String> {
    let now = Polarity::of(c.relation)?;
    let prev = before
        .iter()
        .rev()
        .find(|p| p.subject.iri == c.subject.iri && same_topic(p, c) && Polarity::of(p.relation).is_some())?;
    if Polarity::of(prev.relation) == Some(now) {
        return None;
    }
    let when = prev.time.as_deref().unwrap_or("an unknown time");
    let close = match (prev.datetime(), c.datetime()) {
        (Some(a), Some(b)) => (b - a).num_minutes().abs() <= CONTRADICTION_WINDOW_HOURS * 60,
        _ => false,
    };
    if close && prev.reported_by != c.reported_by {
        let source = if prev.reported_by.is_empty() { "the outlet" } else { prev.reported_by.as_str() };
        Some(format!("contradiction: {source} said {} {} at {when}", prev.relation, prev.object.label))
    } else {
        Some(format!(
            "change: {} {} → {} {} (since {when})",
            prev.relation, prev.object.label, c.relation, c.object.label
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ask::tests_support::edge;

    fn marks(a: &Answer) -> Vec<String> {
        let i = a.header.iter().position(|h| *h == "mark").unwrap();
        a.rows.iter().map(|r| r[i].as_str().unwrap_or("").to_string()).collect()
    }

    #[test]
    fn marks_changes_across_plans() {
        let claims = vec![
            edge("Ukraine", "rejects", "initial plan", "2025-11-20T10:00:00Z", "Axios"),
            edge("Ukraine", "supports", "amended peace deal", "2025-11-25T10:00:00Z", "Axios"),
            edge("Ukraine", "supports", "amended peace deal", "2025-11-25T11:00:00Z", "Axios"),
        ];
        let ukraine = claims[0].subject.clone();
        let a = timeline(&claims, &[ukraine]);
        assert_eq!(a.header[..2], ["time", "mark"]);
        assert_eq!(
            marks(&a),
            ["", "change: rejects initial plan → supports amended peace deal (since 2025-11-20T10:00:00Z)", ""]
        );
    }

    #[test]
    fn marks_contradictions_between_sources() {
        let claims = vec![
            edge("Ukraine", "supports", "plan", "2025-11-25T15:49:00Z", "Reuters"),
            edge("Ukraine", "rejects", "plan", "2025-11-25T16:22:00Z", "Financial Times"),
            edge("Russia", "rejects", "ceasefire", "2025-11-25T16:30:00Z", ""),
        ];
        let plan = claims[0].object.clone();
        let a = timeline(&claims, &[plan]);
        assert_eq!(a.rows.len(), 2);
        assert_eq!(marks(&a), ["", "contradiction: Reuters said supports plan at 2025-11-25T15:49:00Z"]);
    }

    #[test]
    fn rival_plans_are_not_a_change() {
        let claims = vec![
            edge("EU", "proposes", "European peace plan", "2025-11-25T10:00:00Z", ""),
            edge("EU", "rejects", "American peace plan", "2025-11-25T11:00:00Z", ""),
            edge("EU", "supports", "peace plan", "2025-11-25T12:00:00Z", ""),
        ];
        let a = timeline(&claims, &[claims[0].subject.clone()]);
        assert_eq!(marks(&a)[1], "");
        // A generic plan is the same as any named one: the latest stance on a plan was
        // against the American plan.
        assert!(
            marks(&a)[2].starts_with("change: rejects American peace plan → supports peace plan"),
            "{:?}",
            marks(&a)
        );
        assert!(is_generic_plan("the amended peace deal") && !is_generic_plan("American peace plan"));
    }

    #[test]
    fn same_source_later_is_a_change_not_a_contradiction() {
        let claims = vec![
            edge("Russia", "supports", "ceasefire", "2025-11-01T10:00:00Z", "TASS"),
            edge("Russia", "rejects", "ceasefire", "2025-11-01T12:00:00Z", "TASS"),
        ];
        let a = timeline(&claims, &[claims[0].subject.clone()]);
        assert!(marks(&a)[1].starts_with("change: supports ceasefire → rejects ceasefire"), "{:?}", marks(&a));
    }
}
