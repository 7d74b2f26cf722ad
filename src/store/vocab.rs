//! IRIs kg writes and reads, one submodule per namespace (as oxrdf's `vocab`).
//!
//! Architecture invariant: every `kg:` constant here is declared in `ontology/kg.ttl`;
//! a test checks it.

/// kg's own schema: `https://w3id.org/kg-news/ns#`.
pub mod kg {
    /// The namespace.
    pub const NS: &str = "https://w3id.org/kg-news/ns#";
    macro_rules! iris {
        ($($(#[$doc:meta])* $name:ident = $local:literal;)*) => {
            $($(#[$doc])* pub const $name: &str = concat!("https://w3id.org/kg-news/ns#", $local);)*
            /// Every constant of this module, for the ontology test.
            pub const ALL: &[&str] = &[$($name),*];
        };
    }
    iris! {
        /// Class: a source document (a live blog, an article, a JSON Lines source).
        DOCUMENT = "Document";
        /// Class: a timestamped entry of a document.
        ENTRY = "Entry";
        /// Class: anyone who can hold a position.
        ACTOR = "Actor";
        /// Class: a person.
        PERSON = "Person";
        /// Class: a state or its government.
        STATE = "State";
        /// Class: an organisation, bloc or alliance.
        ORGANIZATION = "Organization";
        /// Class: a loose collective ("the West").
        GROUP = "Group";
        /// Class: a position, plan, proposal or idea actors take stances on.
        POSITION = "Position";
        /// Class: an extracted claim, with its provenance.
        CLAIM = "Claim";
        /// Class: a news outlet, agency or platform that reports claims.
        SOURCE = "Source";
        /// Class: a place (venue or region): never an actor.
        PLACE = "Place";
        /// Class: one of the seven claim relations.
        RELATION = "Relation";
        /// Relation: puts forward a plan, proposal, condition or point.
        PROPOSES = "proposes";
        /// Relation: accepts, agrees to, backs, endorses.
        SUPPORTS = "supports";
        /// Relation: refuses, opposes, treats as a red line.
        REJECTS = "rejects";
        /// Relation: insists on, wants, calls for.
        DEMANDS = "demands";
        /// Relation: holds talks with (done or planned).
        MEETS = "meets";
        /// Relation: criticizes, accuses, condemns.
        CRITICIZES = "criticizes";
        /// Relation: dispatches an envoy or official.
        SENDS = "sends";
        /// Entry → its text.
        TEXT = "text";
        /// Entry → an actor or position it mentions.
        MENTIONS = "mentions";
        /// Entry → 1-based input line where it starts.
        LINE = "line";
        /// Entry or claim → kind of entry (lede, timed, article, line).
        KIND = "kind";
        /// Document → input format.
        FORMAT = "format";
        /// Document → file it was read from.
        ORIGIN = "origin";
        /// Claim → subject actor.
        SUBJECT = "subject";
        /// Claim → relation IRI.
        RELATION_PROP = "relation";
        /// Claim → object actor or position.
        OBJECT = "object";
        /// Claim → the stance it evidences: one IRI per subject, relation and object.
        STANCE = "stance";
        /// Claim → the time of its entry (xsd:dateTime).
        TIME = "time";
        /// Claim → the evidence sentence, verbatim.
        QUOTE = "quote";
        /// Claim → start of the evidence span, in characters from the start of the entry text.
        SPAN_START = "spanStart";
        /// Claim → end (exclusive) of the evidence span, in characters.
        SPAN_END = "spanEnd";
        /// Claim → the cue words that triggered it.
        CUE = "cue";
        /// Claim → who reported or is cited for it (a source or an actor).
        REPORTED_BY = "reportedBy";
        /// Claim → true when hedged (reportedly, claims, allegedly).
        HEDGED = "hedged";
        /// Claim → extractor confidence in [0, 1].
        CONFIDENCE = "confidence";
        /// Claim → asserted, planned, hoped, possible or reported.
        MODALITY = "modality";
        /// Actor or position → the words the text used for it.
        SURFACE = "surface";
        /// Actor → a metonym standing for its government ("Kremlin").
        METONYM = "metonym";
        /// State → demonym ("Ukrainian").
        DEMONYM = "demonym";
        /// State → capital city.
        CAPITAL = "capital";
        /// Person → role noun ("foreign minister").
        TITLE = "title";
        /// Person → the state or organisation they act for.
        AFFILIATION = "affiliation";
        /// Person → state or organisation they lead.
        LEADER_OF = "leaderOf";
        /// Person → person they serve (an aide's principal).
        WORKS_FOR = "worksFor";
        /// Source → outlet, agency or platform.
        SOURCE_KIND = "sourceKind";
        /// Position → a number it is about (an army cap of 600000).
        QUANTITY = "quantity";
        /// Relation → PLOVER event type it maps to.
        PLOVER = "plover";
        /// Relation → CAMEO event codes it maps to.
        CAMEO = "cameo";
        /// Relation → the relation with opposite stance (supports ↔ rejects).
        OPPOSITE = "opposite";
        /// Fetched URL → the `ETag` of its last stored response.
        ETAG = "etag";
        /// Fetched URL → the `Last-Modified` of its last stored response.
        LAST_MODIFIED = "lastModified";
    }
}

/// Where kg mints resource IRIs: `https://w3id.org/kg-news/id/`.
pub mod id {
    /// Base of resource IRIs.
    pub const BASE: &str = "https://w3id.org/kg-news/id/";
    /// Named graph holding the ontology (schema, gazetteer, cues).
    pub const ONTOLOGY_GRAPH: &str = "https://w3id.org/kg-news/id/graph/ontology";
    /// Named graph holding the HTTP validators of fetched URLs (not data).
    pub const FETCH_GRAPH: &str = "https://w3id.org/kg-news/id/graph/fetch";
    /// Named graph holding the data on a remote engine (the local store keeps it in
    /// its default graph; see `store::remote`).
    pub const DATA_GRAPH: &str = "https://w3id.org/kg-news/id/graph/data";
}

/// RDF, RDFS, OWL, XSD.
pub mod rdf {
    pub const TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    pub const LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
    pub const COMMENT: &str = "http://www.w3.org/2000/01/rdf-schema#comment";
    pub const SAME_AS: &str = "http://www.w3.org/2002/07/owl#sameAs";
}

/// SKOS labels.
pub mod skos {
    pub const PREF_LABEL: &str = "http://www.w3.org/2004/02/skos/core#prefLabel";
    pub const ALT_LABEL: &str = "http://www.w3.org/2004/02/skos/core#altLabel";
}

/// Dublin Core terms for documents and entries.
pub mod dcterms {
    pub const TITLE: &str = "http://purl.org/dc/terms/title";
    pub const DATE: &str = "http://purl.org/dc/terms/date";
    pub const ISSUED: &str = "http://purl.org/dc/terms/issued";
    pub const IS_PART_OF: &str = "http://purl.org/dc/terms/isPartOf";
    pub const SOURCE: &str = "http://purl.org/dc/terms/source";
    pub const PUBLISHER: &str = "http://purl.org/dc/terms/publisher";
    pub const IDENTIFIER: &str = "http://purl.org/dc/terms/identifier";
    /// Entry → the earlier version of it that an update of its page retired.
    pub const REPLACES: &str = "http://purl.org/dc/terms/replaces";
}

/// PROV-O provenance.
pub mod prov {
    pub const WAS_DERIVED_FROM: &str = "http://www.w3.org/ns/prov#wasDerivedFrom";
    pub const WAS_ATTRIBUTED_TO: &str = "http://www.w3.org/ns/prov#wasAttributedTo";
    pub const GENERATED_AT_TIME: &str = "http://www.w3.org/ns/prov#generatedAtTime";
    pub const ENTITY: &str = "http://www.w3.org/ns/prov#Entity";
}
