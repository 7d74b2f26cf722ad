//! Questions: the store's claims → answers to direct questions ("who rejects NATO
//! membership for Ukraine?", "where does Russia stand?", "who meets whom?", "which
//! positions are contested?") and an actor's or position's stance over time.
//!
//! ```text
//! Store ──claim-edges.rq──▶ ClaimEdge ──question──▶ Answer (rows) ──▶ table | JSON | CSV
//! what the user typed ──names.rq + resolve──▶ Entity (or the closest names, as suggestions)
//! ```
//!
//! What users type never reaches the SPARQL text: [`resolve`] reads every name from the
//! store and matches it in Rust, and the questions filter the loaded claims in Rust.
//!
//! This module reads the store; it never writes to it. It does not extract claims (that
//! is `claim`) and does not build graphs (that is `graph`).

mod answer;
mod questions;
mod resolve;
mod timeline;

use std::collections::HashMap;

use serde::Serialize;

pub use answer::{Answer, AnswerFormat};
pub use questions::{contested, meetings, positions, stances, who, who_summary, Polarity, Stance, STANCE_COLUMNS};
pub use resolve::{edit_distance, resolve, Want};
pub use timeline::{load_edits, timeline, Edits, Withdrawn, CONTRADICTION_WINDOW_HOURS, EDITED_QUERY, WITHDRAWN_QUERY};

use crate::claim::Relation;
use crate::store::{Solutions, Store, StoreError, Value};

/// Errors of the question stage.
#[derive(Debug, thiserror::Error)]
pub enum AskError {
    /// The store could not be read or queried.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Nothing in the store goes by the name the user gave.
    #[error("no {} matches '{name}'{}", .want.noun(), did_you_mean(.suggestions))]
    NoMatch {
        /// What kind of entity was wanted.
        want: Want,
        /// What the user typed.
        name: String,
        /// The closest labels, best first (at most three).
        suggestions: Vec<String>,
    },
    /// The user gave an empty name.
    #[error("empty {} name: give part of a label, such as 'NATO membership' or 'Zelensky'", .0.noun())]
    EmptyName(Want),
}

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean: {}?", suggestions.join(", "))
    }
}

/// "a, b or c" (or "a, b, c, d, e or 7 more"): the labels of matched entities, for messages.
pub fn labels(entities: &[Entity]) -> String {
    const SHOWN: usize = 5;
    let mut l: Vec<String> = entities.iter().take(SHOWN).map(|e| e.label.clone()).collect();
    if entities.len() > SHOWN {
        l.push(format!("{} more", entities.len() - SHOWN));
    }
    match l.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => l.join(""),
    }
}

/// The query behind [`resolve`]: every name of every actor and position.
pub const NAMES_QUERY: &str = include_str!("../../queries/names.rq");
/// The query behind [`load_claims`]: one row per claim with IRIs, labels and classes.
pub const CLAIM_EDGES_QUERY: &str = include_str!("../../queries/claim-edges.rq");

/// An actor or a position, as the store names it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Entity {
    /// Its IRI.
    pub iri: String,
    /// The label shown to users.
    pub label: String,
}

/// The class of an actor or position, from its `rdf:type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityClass {
    /// `kg:Person`.
    Person,
    /// `kg:State`: a state or its government.
    State,
    /// `kg:Organization`.
    Organization,
    /// `kg:Group`: a loose collective.
    Group,
    /// `kg:Position`.
    Position,
    /// Anything else (an entity typed otherwise, or untyped).
    Other,
}

impl EntityClass {
    fn from_local(s: Option<&str>) -> EntityClass {
        match s {
            Some("Person") => EntityClass::Person,
            Some("State") => EntityClass::State,
            Some("Organization") => EntityClass::Organization,
            Some("Group") => EntityClass::Group,
            Some("Position") => EntityClass::Position,
            _ => EntityClass::Other,
        }
    }

    /// Whether this is a position rather than an actor.
    pub fn is_position(self) -> bool {
        self == EntityClass::Position
    }
}

/// One claim, flattened for answering questions: who, relation, what, when, evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimEdge {
    /// The claim's IRI (empty for the stance edges of [`load_stances`]).
    pub claim: String,
    /// Who: the claim's subject.
    pub subject: Entity,
    /// The subject's class.
    pub subject_class: EntityClass,
    /// The relation (rejects, supports …).
    pub relation: Relation,
    /// What or whom: a position, or an actor for meets, sends, criticizes.
    pub object: Entity,
    /// The object's class.
    pub object_class: EntityClass,
    /// The entry's time, `xsd:dateTime` lexical form (UTC), when known.
    pub time: Option<String>,
    /// The evidence sentence, verbatim.
    pub quote: String,
    /// Who reported or is cited for the claim, comma-separated; empty when unattributed.
    pub reported_by: String,
    /// Whether the text hedges it (reportedly, claims).
    pub hedged: bool,
    /// asserted, planned, hoped or possible.
    pub modality: String,
    /// The entry the claim comes from.
    pub entry: String,
    /// Where it was read: the outlet publishing the entry, else the input file's name.
    pub source: String,
}

impl ClaimEdge {
    /// The time parsed, for arithmetic; `None` when unknown or malformed.
    pub fn datetime(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        self.time.as_deref().and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok()).map(|t| t.to_utc())
    }
}

/// Loads every claim of the store, in time order (claims without time first).
pub fn load_claims(store: &Store) -> Result<Vec<ClaimEdge>, AskError> {
    claims_from_query(store, CLAIM_EDGES_QUERY)
}

/// Loads the claims whose subject or object is one of `entities`: what the questions
/// about given actors or positions need, without reading the whole store. The IRIs
/// come from the store (resolved names), never from what the user typed, and are
/// checked before they go into the query.
pub fn load_claims_about(store: &Store, entities: &[Entity]) -> Result<Vec<ClaimEdge>, AskError> {
    let Some(iris) = iri_list(entities.iter().map(|e| e.iri.as_str())) else {
        return Ok(Vec::new());
    };
    let focus = format!(
        "WHERE {{\n  VALUES ?focus {{ {iris} }}\n  {{ ?claim kg:subject ?focus }} UNION {{ ?claim kg:object ?focus }}\n  ?claim a kg:Claim ;"
    );
    claims_from_query(store, &focused(&focus))
}

/// Loads the claims with these IRIs (from the store, such as [`StanceClaim::claim`]).
pub fn load_claims_by_iri(store: &Store, claims: &[&str]) -> Result<Vec<ClaimEdge>, AskError> {
    let Some(iris) = iri_list(claims.iter().copied()) else {
        return Ok(Vec::new());
    };
    claims_from_query(store, &focused(&format!("WHERE {{\n  VALUES ?claim {{ {iris} }}\n  ?claim a kg:Claim ;")))
}

/// The web address of each entry (IRIs from the store) that has one: the entry's own
/// URL, else its document's (`dcterms:source`). Entries of local files have none.
pub fn entry_urls<'a>(
    store: &Store,
    entries: impl Iterator<Item = &'a str>,
) -> Result<Vec<(String, String)>, AskError> {
    let Some(iris) = iri_list(entries) else {
        return Ok(Vec::new());
    };
    let query = format!(
        "PREFIX dcterms: <http://purl.org/dc/terms/>\nSELECT ?entry (SAMPLE(?u) AS ?url) WHERE {{\n  VALUES ?entry {{ {iris} }}\n  \
         {{ ?entry dcterms:source ?u }} UNION {{ ?entry dcterms:isPartOf ?d . ?d dcterms:source ?u }}\n}} GROUP BY ?entry"
    );
    let rows = store.select(&query, &[])?;
    Ok(rows
        .rows
        .iter()
        .filter_map(|r| Some((rows.get(r, "entry")?.to_string(), rows.get(r, "url")?.to_string())))
        .collect())
}

/// Loads the claims linking each pair of entities (IRIs from the store), in either
/// direction: the evidence for the hops of a path found on [`load_stances`].
pub fn load_claims_between(store: &Store, pairs: &[(&str, &str)]) -> Result<Vec<ClaimEdge>, AskError> {
    let rows: Vec<String> = pairs
        .iter()
        .flat_map(|(a, b)| [(a, b), (b, a)])
        .filter_map(|(s, o)| Some(format!("({} {})", iri_list(std::iter::once(*s))?, iri_list(std::iter::once(*o))?)))
        .collect();
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let values = format!("WHERE {{\n  VALUES (?subject ?object) {{ {} }}\n  ?claim a kg:Claim ;", rows.join(" "));
    claims_from_query(store, &focused(&values))
}

/// The answer of `kg who-<relation>`: who `relation` any of `targets` (resolved names).
///
/// With `every_claim`, every matching claim with its evidence, oldest first ([`who`]);
/// else one row per actor ([`who_summary`]), counted and dated from the bare claims,
/// with only each stance's latest claim loaded with its evidence (on a 100 MB store:
/// 4,000 claims, 400 stances).
pub fn who_answer(
    store: &Store,
    relation: Relation,
    targets: &[Entity],
    every_claim: bool,
) -> Result<Answer, AskError> {
    if every_claim {
        return Ok(who(&load_claims_about(store, targets)?, relation, targets));
    }
    let claims = load_stance_claims(store, relation, targets)?;
    let stances = stances(&claims);
    let latest: Vec<&str> = stances.iter().map(|s| s.latest.claim.as_str()).collect();
    Ok(who_summary(&stances, &load_claims_by_iri(store, &latest)?))
}

/// `claim-edges.rq` with its first pattern preceded by `prefix` (a VALUES clause).
fn focused(prefix: &str) -> String {
    let query = CLAIM_EDGES_QUERY.replacen("WHERE {\n  ?claim a kg:Claim ;", prefix, 1);
    debug_assert_ne!(query, CLAIM_EDGES_QUERY, "claim-edges.rq keeps its WHERE clause shape");
    query
}

/// The reporters of `claim-edges.rq`'s `?reportedBy` (labels separated by tabs, in
/// the engine's order) sorted and joined by ", ": every store gives the same line.
fn reporters(labels: &str) -> String {
    let mut labels: Vec<&str> = labels.split('\t').filter(|l| !l.is_empty()).collect();
    labels.sort_unstable();
    labels.join(", ")
}

/// `<a> <b> …` for a VALUES clause, or `None` when there is none. The IRIs come from
/// the store, never from what users type; anything that could end the IRI is dropped.
fn iri_list<'a>(iris: impl Iterator<Item = &'a str>) -> Option<String> {
    let safe = |iri: &str| !iri.is_empty() && !iri.chars().any(|c| c.is_whitespace() || "<>\"{}|^`\\".contains(c));
    let list: Vec<String> = iris.filter(|i| safe(i)).map(|i| format!("<{i}>")).collect();
    (!list.is_empty()).then(|| list.join(" "))
}

/// One claim that `subject` takes a stance on `object`, without its evidence: what
/// counting and dating stances needs ([`who_summary`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct StanceClaim {
    /// The subject's IRI.
    pub subject: String,
    /// The object's IRI.
    pub object: String,
    /// The entry's time (`xsd:dateTime`, UTC), when known.
    pub time: Option<String>,
    /// The claim's IRI (empty for the stance edges of [`load_stances`]).
    pub claim: String,
}

/// The claims that someone `relation` one of `targets`, without their evidence.
///
/// Found through the stances: the direct triples name the actors, and each
/// `(actor, relation, position)` stance leads to its claims by `kg:stance`, a few
/// index lookups a claim. Reading every claim about the position and checking its
/// relation cost a lookup for each of them (13,000 for "NATO membership" on a 100 MB
/// store, a third of them rejections). A store written before claims had
/// `kg:stance` is read the slow way.
pub fn load_stance_claims(store: &Store, relation: Relation, targets: &[Entity]) -> Result<Vec<StanceClaim>, AskError> {
    let Some(iris) = iri_list(targets.iter().map(|e| e.iri.as_str())) else {
        return Ok(Vec::new());
    };
    let ns = crate::store::vocab::kg::NS;
    let rel = relation.name();
    let direct = store.select(
        &format!("PREFIX kg: <{ns}>\nSELECT ?subject ?object WHERE {{ VALUES ?object {{ {iris} }} ?subject kg:{rel} ?object }}"),
        &[],
    )?;
    let rel_iri = crate::store::model::relation_iri(relation);
    let mut stances = Vec::new();
    for r in &direct.rows {
        if let (Some(s), Some(o)) = (direct.get(r, "subject"), direct.get(r, "object")) {
            let stance = crate::store::model::stance_iri(s, &rel_iri, o);
            if let Some(row) = iri_list([stance.as_str(), s, o].into_iter()) {
                stances.push(format!("({row})"));
            }
        }
    }
    if stances.is_empty() {
        return Ok(Vec::new());
    }
    let wanted = stances.len();
    if wanted == 1 {
        // Virtuoso 7.2 cannot compile a one-row VALUES of several variables before an
        // OPTIONAL ("no SPART_VARR_FIXED"); a second row, naming nothing, matches no claim.
        let nothing = format!("<{}nothing>", crate::store::vocab::id::BASE);
        stances.push(format!("({nothing} {nothing} {nothing})"));
    }
    let claims = stance_claims(
        store,
        &format!(
            "PREFIX kg: <{ns}>\nSELECT ?claim ?subject ?object ?time WHERE {{\n  \
             VALUES (?stance ?subject ?object) {{ {} }}\n  \
             ?claim kg:stance ?stance .\n  OPTIONAL {{ ?claim kg:time ?time }}\n}}",
            stances.join(" ")
        ),
    )?;
    let found: std::collections::HashSet<(&str, &str)> =
        claims.iter().map(|c| (c.subject.as_str(), c.object.as_str())).collect();
    if found.len() < wanted {
        // A stance without claims: the store was written before kg:stance existed.
        // Every claim about the positions, checked for its relation.
        return stance_claims(
            store,
            &format!(
                "PREFIX kg: <{ns}>\nSELECT ?claim ?subject ?object ?time WHERE {{\n  VALUES ?object {{ {iris} }}\n  \
                 ?claim kg:object ?object ; kg:relation kg:{rel} ; kg:subject ?subject .\n  \
                 OPTIONAL {{ ?claim kg:time ?time }}\n}}"
            ),
        );
    }
    Ok(claims)
}

/// The rows of a query selecting `?claim ?subject ?object ?time`, sorted, each once.
fn stance_claims(store: &Store, query: &str) -> Result<Vec<StanceClaim>, AskError> {
    let rows = store.select(query, &[])?;
    let mut claims: Vec<StanceClaim> = rows
        .rows
        .iter()
        .filter_map(|r| {
            Some(StanceClaim {
                subject: rows.get(r, "subject")?.to_string(),
                object: rows.get(r, "object")?.to_string(),
                time: rows.get(r, "time").map(str::to_string),
                claim: rows.get(r, "claim")?.to_string(),
            })
        })
        .collect();
    claims.sort();
    claims.dedup();
    Ok(claims)
}

/// The stances of the store: one edge per distinct direct triple, without evidence
/// (empty quote, time and source). Enough for clusters and centrality, and much
/// cheaper than [`load_claims`] on a large store. Sorted by subject, relation and
/// object label.
pub fn load_stances(store: &Store) -> Result<Vec<ClaimEdge>, AskError> {
    // Labels and classes once per entity, then the bare triples joined to them here:
    // per-row label and class lookups in SPARQL made the query five times slower.
    let rows = store.select(ENTITIES_QUERY, &[])?;
    let mut entities: HashMap<&str, (&str, EntityClass)> = HashMap::new();
    for r in &rows.rows {
        if let (Some(iri), Some(label)) = (rows.get(r, "entity"), rows.get(r, "label")) {
            let class = EntityClass::from_local(rows.get(r, "class"));
            // An entity typed twice keeps its first class in EntityClass order.
            let e = entities.entry(iri).or_insert((label, class));
            if class < e.1 {
                *e = (label, class);
            }
        }
    }
    let relations: HashMap<String, Relation> =
        Relation::ALL.iter().map(|r| (format!("{}{}", crate::store::vocab::kg::NS, r.name()), *r)).collect();
    let mut columns = None;
    let mut edges = Vec::new();
    // Rows are taken as they come and their IRIs moved into the edges: on a large
    // store these are hundreds of thousands of strings, not worth holding twice.
    store.select_each(STANCE_EDGES_QUERY, &[], |variables, mut row| {
        let &mut (s, r, o) = columns.get_or_insert_with(|| {
            let at = |name: &str| variables.iter().position(|v| v == name).unwrap_or(usize::MAX);
            (at("subject"), at("rel"), at("object"))
        });
        let mut take = |i: usize| row.get_mut(i).and_then(Option::take).map(Value::into_string);
        let (Some(subject), Some(rel), Some(object)) = (take(s), take(r), take(o)) else { return };
        let Some(relation) = relations.get(&rel) else { return };
        // Both ends must be labelled entities, as the claims' are.
        let (Some(&(subject_label, subject_class)), Some(&(object_label, object_class))) =
            (entities.get(subject.as_str()), entities.get(object.as_str()))
        else {
            return;
        };
        edges.push(ClaimEdge {
            // No claim node: stance edges are told apart by their ends and relation.
            claim: String::new(),
            subject: Entity { iri: subject, label: subject_label.to_string() },
            subject_class,
            relation: *relation,
            object: Entity { iri: object, label: object_label.to_string() },
            object_class,
            time: None,
            quote: String::new(),
            reported_by: String::new(),
            hedged: false,
            modality: String::new(),
            entry: String::new(),
            source: String::new(),
        });
    })?;
    edges.sort_by(|a, b| {
        (&a.subject.label, a.relation, &a.object.label, &a.subject.iri, &a.object.iri)
            .cmp(&(&b.subject.label, b.relation, &b.object.label, &b.subject.iri, &b.object.iri))
    });
    Ok(edges)
}

/// `queries/stance-edges.rq`: one row per direct triple, bare IRIs.
pub const STANCE_EDGES_QUERY: &str = include_str!("../../queries/stance-edges.rq");
/// `queries/entities.rq`: every actor and position with its label and class.
pub const ENTITIES_QUERY: &str = include_str!("../../queries/entities.rq");

fn claims_from_query(store: &Store, query: &str) -> Result<Vec<ClaimEdge>, AskError> {
    let rows = store.select(query, &[])?;
    let mut claims: Vec<ClaimEdge> = rows.rows.iter().filter_map(|r| claim_of_row(&rows, r)).collect();
    // An entity typed twice (say State and Organization) yields one row per class:
    // keep the first row of each claim.
    let mut seen = HashMap::new();
    claims.retain(|c| seen.insert(c.claim.clone(), ()).is_none());
    Ok(claims)
}

/// The claim of one row of `claim-edges.rq` (or a query with its columns); `None`
/// without a subject, object or known relation.
fn claim_of_row(rows: &Solutions, r: &[Option<Value>]) -> Option<ClaimEdge> {
    let get = |name: &str| rows.get(r, name);
    let (subject, object, relation) = (get("subject")?, get("object")?, get("relation").and_then(Relation::from_name)?);
    // Stance edges have no claim node: the triple itself is the key.
    let claim = get("claim").map(str::to_string).unwrap_or_else(|| format!("{subject} {relation} {object}"));
    Some(ClaimEdge {
        claim,
        subject: Entity { iri: subject.to_string(), label: get("subjectLabel").unwrap_or(subject).to_string() },
        subject_class: EntityClass::from_local(get("subjectClass")),
        relation,
        object: Entity { iri: object.to_string(), label: get("objectLabel").unwrap_or(object).to_string() },
        object_class: EntityClass::from_local(get("objectClass")),
        time: get("time").map(str::to_string),
        quote: get("quote").unwrap_or_default().to_string(),
        reported_by: reporters(get("reportedBy").unwrap_or_default()),
        hedged: get("hedged") == Some("true"),
        // Stores write no modality for asserted claims.
        modality: get("modality").unwrap_or("asserted").to_string(),
        entry: get("entry").unwrap_or_default().to_string(),
        source: get("source").unwrap_or_default().to_string(),
    })
}

/// Tiny fixtures shared by the unit tests of `ask`, `graph` and `export`.
#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    /// A claim for tests: `("Russia", "rejects", "plan", "2025-11-25T10:00:00Z", "TASS")`.
    /// The object is a position unless the relation links actors or it starts with `@`.
    pub(crate) fn edge(s: &str, r: &str, o: &str, time: &str, by: &str) -> ClaimEdge {
        let relation = Relation::from_name(r).expect("test relation");
        let entity = |l: &str, kind: &str| Entity { iri: format!("x:{kind}/{l}"), label: l.into() };
        let object_is_position = !relation.links_actors() && !o.starts_with('@');
        let o = o.trim_start_matches('@');
        ClaimEdge {
            claim: format!("x:claim/{s}-{r}-{o}-{time}-{by}"),
            subject: entity(s, "actor"),
            subject_class: EntityClass::State,
            relation,
            object: entity(o, if object_is_position { "position" } else { "actor" }),
            object_class: if object_is_position { EntityClass::Position } else { EntityClass::State },
            time: (!time.is_empty()).then(|| time.to_string()),
            quote: format!("{s} {r} {o}."),
            reported_by: by.into(),
            hedged: false,
            modality: "asserted".into(),
            entry: "x:entry/1".into(),
            source: "test.txt".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reporters_read_the_same_in_any_engine_order() {
        assert_eq!(reporters("Truth Social\tDonald Trump"), "Donald Trump, Truth Social");
        assert_eq!(reporters("Donald Trump\tTruth Social"), "Donald Trump, Truth Social");
        assert_eq!(reporters("Reuters, London"), "Reuters, London");
        assert_eq!(reporters(""), "");
    }

    /// A store with one claim (Kyiv rejects the plan, reported by Reuters) and an
    /// ontology graph naming Russia (metonym "Kremlin") and the plan's alias.
    fn fixture() -> Store {
        let store = Store::memory().unwrap();
        store
            .load_ontology(&[(
                "o.ttl".into(),
                r#"@prefix kg: <https://w3id.org/kg-news/ns#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
                <https://w3id.org/kg-news/id/actor/russia> a kg:State ; skos:prefLabel "Russia" ; kg:metonym "Kremlin" .
                <https://w3id.org/kg-news/id/position/plan> a kg:Position ; skos:prefLabel "peace plan" ; skos:altLabel "the 28 points" ."#
                    .into(),
            )])
            .unwrap();
        store
            .update(
                r#"PREFIX kg: <https://w3id.org/kg-news/ns#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
                INSERT DATA {
                  <https://w3id.org/kg-news/id/actor/ukraine> a kg:State, kg:Actor ; rdfs:label "Ukraine" ; kg:surface "Kyiv" .
                  <https://w3id.org/kg-news/id/position/plan> a kg:Position ; rdfs:label "peace plan" .
                  <https://w3id.org/kg-news/id/source/reuters> rdfs:label "Reuters" .
                  <https://w3id.org/kg-news/id/claim/1> a kg:Claim ; kg:subject <https://w3id.org/kg-news/id/actor/ukraine> ;
                    kg:relation kg:rejects ; kg:object <https://w3id.org/kg-news/id/position/plan> ;
                    prov:wasDerivedFrom <https://w3id.org/kg-news/id/entry/1> ; kg:quote "Kyiv rejected the plan." ;
                    kg:time "2025-11-25T10:00:00Z"^^xsd:dateTime ; kg:hedged false ; kg:modality "asserted" ;
                    kg:reportedBy <https://w3id.org/kg-news/id/source/reuters> .
                }"#,
            )
            .unwrap();
        store
    }

    #[test]
    fn loads_claims_with_labels_classes_and_sources() {
        let claims = load_claims(&fixture()).unwrap();
        assert_eq!(claims.len(), 1);
        let c = &claims[0];
        assert_eq!(
            (c.subject.label.as_str(), c.relation, c.object.label.as_str()),
            ("Ukraine", Relation::Rejects, "peace plan")
        );
        assert_eq!((c.subject_class, c.object_class), (EntityClass::State, EntityClass::Position));
        assert_eq!(c.reported_by, "Reuters");
        assert_eq!(c.time.as_deref(), Some("2025-11-25T10:00:00Z"));
        assert!(c.datetime().is_some());
    }

    #[test]
    fn resolves_labels_surfaces_aliases_and_metonyms() {
        let store = fixture();
        let iri = |want, q| resolve(&store, want, q).unwrap().into_iter().map(|e| e.label).collect::<Vec<_>>();
        assert_eq!(iri(Want::Actor, "kyiv"), ["Ukraine"]);
        assert_eq!(iri(Want::Actor, "KREMLIN"), ["Russia"]);
        assert_eq!(iri(Want::Position, "28 points"), ["peace plan"]);
        assert_eq!(iri(Want::Any, "plan peace"), ["peace plan"]);
        match resolve(&store, Want::Position, "pease plan") {
            Err(AskError::NoMatch { suggestions, .. }) => assert_eq!(suggestions, ["peace plan"]),
            other => panic!("{other:?}"),
        }
        assert!(matches!(resolve(&store, Want::Actor, "peace plan"), Err(AskError::NoMatch { .. })));
        assert!(matches!(resolve(&store, Want::Actor, "} ; DROP ALL ; {"), Err(AskError::NoMatch { .. })));
        assert_eq!(load_claims(&store).unwrap().len(), 1);
    }
}
