//! Stage 3: tokens → [`Mention`]s of actors, positions, sources and places.
//!
//! - [`Gazetteer`] matches the ontology's names, aliases, metonyms and demonyms on
//!   token sequences (a hash lookup on the first token, longest match wins);
//! - [`names`] finds people and organisations the gazetteer lacks ("Foreign Minister
//!   Jane Doe", "the Acme Council") and types them;
//! - [`resolve`] merges "Russian officials", "the Ukrainian leader", "his chief of
//!   staff" and pronouns into the entities they stand for (coreference within an entry).
//!
//! Outlets and platforms become [`Role::Source`] mentions, venues [`Role::Place`]:
//! never actors. No I/O; every mention keeps its byte span.

mod gazetteer;
pub mod names;
mod resolve;
pub mod words;

use serde::Serialize;

pub use gazetteer::Gazetteer;
pub use resolve::{find_mentions, People};

use crate::claim::{Entity, Span};

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// A proper name or alias ("Volodymyr Zelensky", "Zelensky", "EU").
    Name,
    /// A metonym ("Moscow", "the Kremlin").
    Metonym,
    /// A demonym used alone ("Russian" in "a Russian peace demand").
    Demonym,
    /// A demonym or state with a group noun ("Russian officials", "Kiev's backers").
    Group,
    /// A role description ("the Ukrainian leader", "his chief of staff").
    Description,
    /// A pronoun resolved to an earlier mention.
    Pronoun,
    /// First-person pronoun inside a quote: the speaker, resolved by the claim stage.
    Speaker,
    /// A known position ("NATO membership").
    Position,
    /// A news outlet or platform.
    Source,
    /// A place.
    Place,
}

/// One mention: the entity, where it is, and how it sits in the sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    pub entity: Entity,
    pub role: Role,
    /// Byte span in the entry text.
    pub span: Span,
    /// First and last token (inclusive), indices into the entry's token list.
    pub first: usize,
    pub last: usize,
    /// Followed by "'s".
    pub possessive: bool,
    /// Used as a place ("talks in Abu Dhabi", "travel to Moscow").
    pub locative: bool,
    /// Inside a prepositional phrase ("talks with Russian officials").
    pub in_pp: bool,
    /// Modifies a following noun ("the US plan", "US-drafted").
    pub modifier: bool,
    /// The noun after a group mention ("backers" in "Kiev's European backers").
    pub group_noun: Option<String>,
    /// For a plan: the key of the actor who owns it ("Trump's peace plan").
    pub owner: Option<String>,
}

impl Mention {
    /// A mention with no flags set: not possessive, locative, inside a phrase or a modifier.
    pub fn at(entity: Entity, role: Role, span: Span, first: usize, last: usize) -> Mention {
        Mention {
            entity,
            role,
            span,
            first,
            last,
            possessive: false,
            locative: false,
            in_pp: false,
            modifier: false,
            group_noun: None,
            owner: None,
        }
    }

    /// Whether the entity can hold positions.
    pub fn is_actor(&self) -> bool {
        self.entity.kind.is_actor() && !self.locative
    }
}
