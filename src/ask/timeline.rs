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
//!
//! An entry its page edited (same URL or anchor, new text: `kg follow`) shows on the
//! clock too: each claim of the earlier version is a row marked `withdrawn: the entry
//! was edited at <when kg saw it>` (from `queries/withdrawn.rq`), and each claim of
//! the new version notes `edited at <time>: replaces an earlier version` (from
//! `queries/edited.rq`, so also when the earlier version had no claims). Both are
//! loaded by [`load_edits`]. Withdrawn claims are no stance: changes are marked between the claims that
//! stand.

use std::collections::HashMap;

use super::{claim_of_row, Answer, AskError, ClaimEdge, Entity, Polarity};
use crate::store::Store;

/// The query behind [`Edits::withdrawn`].
pub const WITHDRAWN_QUERY: &str = include_str!("../../queries/withdrawn.rq");
/// The query behind [`Edits::edited`].
pub const EDITED_QUERY: &str = include_str!("../../queries/edited.rq");

/// A claim that an edit of its entry withdrew.
#[derive(Debug, Clone, PartialEq)]
pub struct Withdrawn {
    /// The claim as it stood, its entry the retired version.
    pub claim: ClaimEdge,
    /// When kg saw the edit (`xsd:dateTime`, UTC).
    pub edited_at: String,
    /// The entry that replaced the claim's entry.
    pub replaced_by: Option<String>,
}

/// What edits of their pages did to the store's entries: few, since only entries a page
/// changed have any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Edits {
    /// The claims of earlier versions, oldest first.
    pub withdrawn: Vec<Withdrawn>,
    /// Each entry that replaced an earlier version, with when kg last saw it edited.
    pub edited: HashMap<String, String>,
}

/// Loads the store's [`Edits`]; the timeline keeps those about the entities asked for.
pub fn load_edits(store: &Store) -> Result<Edits, AskError> {
    let rows = store.select(EDITED_QUERY, &[])?;
    let edited = rows
        .rows
        .iter()
        .filter_map(|r| Some((rows.get(r, "entry")?.to_string(), rows.get(r, "editedAt")?.to_string())))
        .collect();
    Ok(Edits { withdrawn: load_withdrawn(store)?, edited })
}

fn load_withdrawn(store: &Store) -> Result<Vec<Withdrawn>, AskError> {
    let rows = store.select(WITHDRAWN_QUERY, &[])?;
    let mut out: Vec<Withdrawn> = Vec::new();
    for r in &rows.rows {
        let (Some(claim), Some(edited_at)) = (claim_of_row(&rows, r), rows.get(r, "editedAt")) else { continue };
        // One row per claim: the latest edit (the query sorts it first), one class.
        if out.last().is_some_and(|w| w.claim.claim == claim.claim) {
            continue;
        }
        let replaced_by = rows.get(r, "replacedBy").map(str::to_string);
        out.push(Withdrawn { claim, edited_at: edited_at.to_string(), replaced_by });
    }
    Ok(out)
}

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

/// The claims whose subject or object is one of `entities`, with the ones about them
/// that `edits` withdrew, oldest first (undated ones first; at the same time, a withdrawn
/// claim before those that stand), with a `mark` column: `change: <before> → <now>
/// (since <time>)`, `contradiction: <source> said <relation> at <time>`, `withdrawn:
/// the entry was edited at <time>`; a claim of an edited entry adds `edited at <time>:
/// replaces an earlier version`.
pub fn timeline(claims: &[ClaimEdge], edits: &Edits, entities: &[Entity]) -> Answer {
    let withdrawn = &edits.withdrawn;
    let about = |c: &ClaimEdge| entities.iter().any(|x| x.iri == c.subject.iri || x.iri == c.object.iri);
    // (claim, when its entry was edited if it is withdrawn)
    let mut found: Vec<(&ClaimEdge, Option<&str>)> = claims.iter().filter(|c| about(c)).map(|c| (c, None)).collect();
    found.extend(withdrawn.iter().filter(|w| about(&w.claim)).map(|w| (&w.claim, Some(w.edited_at.as_str()))));
    found.sort_by(|(a, a_gone), (b, b_gone)| {
        (&a.time, a_gone.is_none(), &a.subject.label, &a.object.label, &a.claim).cmp(&(
            &b.time,
            b_gone.is_none(),
            &b.subject.label,
            &b.object.label,
            &b.claim,
        ))
    });
    // The claim columns, time first and then the mark: a timeline reads down the clock.
    let table = Answer::claims(found.iter().map(|(c, _)| *c));
    let t = table.header.iter().position(|h| *h == "time").expect("claim answers have a time column");
    let others = |row: &[serde_json::Value]| -> Vec<serde_json::Value> {
        row.iter().enumerate().filter(|(i, _)| *i != t).map(|(_, v)| v.clone()).collect()
    };
    let mut header = vec!["time", "mark"];
    header.extend(table.header.iter().enumerate().filter(|(i, _)| *i != t).map(|(_, h)| *h));
    // Changes are marked between the claims that stand.
    let mut standing: Vec<&ClaimEdge> = Vec::new();
    let mut rows = Vec::with_capacity(found.len());
    for (row, (c, gone)) in table.rows.iter().zip(&found) {
        let mark = match gone {
            Some(at) => Some(format!("withdrawn: the entry was edited at {at}")),
            None => {
                let change = mark(&standing, c);
                standing.push(c);
                let edit =
                    edits.edited.get(c.entry.as_str()).map(|at| format!("edited at {at}: replaces an earlier version"));
                match (change, edit) {
                    (Some(m), Some(e)) => Some(format!("{m}; {e}")),
                    (m, e) => m.or(e),
                }
            }
        };
        rows.push(
            [vec![row[t].clone(), mark.map_or(serde_json::Value::Null, serde_json::Value::from)], others(row)].concat(),
        );
    }
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
        let a = timeline(&claims, &Edits::default(), &[ukraine]);
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
        let a = timeline(&claims, &Edits::default(), &[plan]);
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
        let a = timeline(&claims, &Edits::default(), &[claims[0].subject.clone()]);
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
    fn an_edited_entry_shows_its_withdrawn_claims_and_no_change() {
        let old = edge("Zelensky", "rejects", "ceasefire", "2025-11-25T10:00:00Z", "Reuters");
        let mut new = edge("Zelensky", "supports", "ceasefire", "2025-11-25T10:00:00Z", "Reuters");
        new.entry = "x:entry/2".into();
        let other = edge("Russia", "rejects", "ceasefire", "2025-11-25T11:00:00Z", "");
        let gone =
            Withdrawn { claim: old, edited_at: "2025-11-25T12:30:00Z".into(), replaced_by: Some("x:entry/2".into()) };
        let claims = [new.clone(), other.clone()];
        let edits = Edits {
            withdrawn: vec![gone],
            edited: [("x:entry/2".to_string(), "2025-11-25T12:30:00Z".to_string())].into(),
        };
        let a = timeline(&claims, &edits, &[new.subject.clone()]);
        let relation = a.header.iter().position(|h| *h == "relation").unwrap();
        let rows: Vec<(String, String)> =
            a.rows.iter().zip(marks(&a)).map(|(r, m)| (r[relation].as_str().unwrap().to_string(), m)).collect();
        assert_eq!(
            rows,
            [
                ("rejects".to_string(), "withdrawn: the entry was edited at 2025-11-25T12:30:00Z".to_string()),
                ("supports".to_string(), "edited at 2025-11-25T12:30:00Z: replaces an earlier version".to_string()),
            ]
        );
        // Withdrawn claims about others stay out; one about the position is in.
        assert_eq!(marks(&timeline(&claims, &edits, &[other.subject.clone()])), [""]);
        assert_eq!(timeline(&claims, &edits, &[other.object.clone()]).rows.len(), 3);
        // An edit whose earlier version had no claims still marks the new claims.
        let added = Edits { withdrawn: vec![], edited: edits.edited.clone() };
        assert_eq!(
            marks(&timeline(&claims, &added, &[new.subject.clone()])),
            ["edited at 2025-11-25T12:30:00Z: replaces an earlier version"]
        );
    }

    #[test]
    fn same_source_later_is_a_change_not_a_contradiction() {
        let claims = vec![
            edge("Russia", "supports", "ceasefire", "2025-11-01T10:00:00Z", "TASS"),
            edge("Russia", "rejects", "ceasefire", "2025-11-01T12:00:00Z", "TASS"),
        ];
        let a = timeline(&claims, &Edits::default(), &[claims[0].subject.clone()]);
        assert!(marks(&a)[1].starts_with("change: supports ceasefire → rejects ceasefire"), "{:?}", marks(&a));
    }
}
