//! Stage 4: mentions → [`Claim`]s: who proposes, supports, rejects, demands what, who
//! meets, criticizes or sends whom, with evidence, attribution, hedging and modality.
//!
//! [`ClaimExtractor`] applies the cue lexicon of `ontology/cues.tsv` to each sentence:
//! verb cues with subject on the left and object on the right, passives ("brought
//! forward by X"), noun patterns ("X's proposal", "a red line for X", "X's backers"),
//! copular adjectives ("… was unacceptable, Y said"), negation and modality. It does no
//! I/O and never fails: messy text yields fewer claims, not errors.

mod extract;

use std::fmt;

use serde::Serialize;

pub use extract::{ClaimExtractor, Prepared, Preparer};

/// The seven claim relations of `ontology/RELATIONS.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    Proposes,
    Supports,
    Rejects,
    Demands,
    Meets,
    Criticizes,
    Sends,
}

impl Relation {
    /// All relations, in the vocabulary's order.
    pub const ALL: [Relation; 7] = [
        Relation::Proposes,
        Relation::Supports,
        Relation::Rejects,
        Relation::Demands,
        Relation::Meets,
        Relation::Criticizes,
        Relation::Sends,
    ];

    /// The relation's name, which is also the local name of its IRI.
    pub fn name(self) -> &'static str {
        match self {
            Relation::Proposes => "proposes",
            Relation::Supports => "supports",
            Relation::Rejects => "rejects",
            Relation::Demands => "demands",
            Relation::Meets => "meets",
            Relation::Criticizes => "criticizes",
            Relation::Sends => "sends",
        }
    }

    /// Parses a relation name ("rejects"), case-insensitively.
    pub fn from_name(s: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.name().eq_ignore_ascii_case(s.trim()))
    }

    /// Whether the object is an actor (meets, sends) rather than a position.
    pub fn links_actors(self) -> bool {
        matches!(self, Relation::Meets | Relation::Sends)
    }

    /// The relation a negation turns this one into ("will not accept" → rejects, "does
    /// not want" → rejects, "did not oppose" → supports); not criticising or not
    /// proposing something takes no side on it ("never criticized X" is no support).
    pub fn negated(self) -> Option<Relation> {
        match self {
            Relation::Supports | Relation::Demands => Some(Relation::Rejects),
            Relation::Rejects => Some(Relation::Supports),
            Relation::Proposes | Relation::Criticizes | Relation::Meets | Relation::Sends => None,
        }
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    State,
    Organization,
    Group,
    Position,
    Source,
    Place,
}

impl EntityKind {
    /// Whether entities of this kind can hold positions.
    pub fn is_actor(self) -> bool {
        matches!(self, EntityKind::Person | EntityKind::State | EntityKind::Organization | EntityKind::Group)
    }

    /// The IRI path segment for this kind ("actor", "position", "source", "place").
    pub fn segment(self) -> &'static str {
        match self {
            k if k.is_actor() => "actor",
            EntityKind::Position => "position",
            EntityKind::Source => "source",
            _ => "place",
        }
    }
}

/// A resolved entity: a stable key (the IRI path under `kgid:`, e.g.
/// `actor/ukraine`), its preferred label and kind.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Entity {
    pub key: String,
    pub label: String,
    pub kind: EntityKind,
}

impl Entity {
    /// An entity whose key is derived from its kind and label ("position/30-day-ceasefire").
    pub fn from_label(kind: EntityKind, label: &str) -> Entity {
        Entity { key: format!("{}/{}", kind.segment(), slug(label)), label: label.to_string(), kind }
    }
}

/// Lower-case ASCII slug of a label: letters and digits, words joined by '-'.
/// Non-ASCII letters are kept (IRIs allow them); punctuation becomes a separator.
pub fn slug(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut dash = false;
    for c in label.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else if c != '\'' && c != '’' {
            dash = true;
        }
    }
    if out.is_empty() {
        out.push('_');
    }
    out
}

/// A byte range into an entry's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    /// The text this span covers.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Whether a claim reports something done or something intended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Said or done ("rejected", "supports").
    Asserted,
    /// Announced for the future ("will meet", "is to travel").
    Planned,
    /// Wished for ("hopes to", "wants to", "looks forward to").
    Hoped,
    /// Possible or conditional ("could", "may").
    Possible,
}

impl Modality {
    pub fn name(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Planned => "planned",
            Modality::Hoped => "hoped",
            Modality::Possible => "possible",
        }
    }
}

/// One extracted claim, with everything needed to trace it back to its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    pub subject: Entity,
    pub relation: Relation,
    pub object: Entity,
    /// The evidence: the sentence the claim was read from (byte span into the entry text).
    pub evidence: Span,
    /// The cue words ("rejected", "red line for").
    pub cue: String,
    /// Who reported it or is cited for it (a source such as Axios, or a speaker).
    pub reported_by: Vec<Entity>,
    /// Hedged by "reportedly", "claims", "allegedly" and the like.
    pub hedged: bool,
    pub modality: Modality,
    /// Extractor confidence in [0, 1].
    pub confidence: f32,
    /// The words used for the subject and object.
    pub subject_surface: String,
    pub object_surface: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("NATO membership for Ukraine"), "nato-membership-for-ukraine");
        assert_eq!(slug("army cap of 600,000"), "army-cap-of-600-000");
        assert_eq!(slug("Kiev's backers"), "kievs-backers");
        assert_eq!(slug("Erdoğan"), "erdoğan");
        assert_eq!(slug("!!"), "_");
    }

    #[test]
    fn relations_round_trip() {
        for r in Relation::ALL {
            assert_eq!(Relation::from_name(r.name()), Some(r));
        }
        assert_eq!(Relation::from_name("REJECTS"), Some(Relation::Rejects));
        assert_eq!(Relation::Supports.negated(), Some(Relation::Rejects));
        assert_eq!(Relation::Criticizes.negated(), None);
    }
}
