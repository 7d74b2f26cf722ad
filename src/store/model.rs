//! The RDF model: how documents, entries, entities and claims become quads.
//!
//! ```text
//! kgid:doc/<hash>     a kg:Document ; dcterms:title ; dcterms:issued ; kg:format ; kg:origin
//! kgid:entry/<hash>   a kg:Entry ; dcterms:isPartOf doc ; dcterms:date ; kg:text ; kg:line
//! kgid:actor/<slug>   a kg:State|kg:Person|… , kg:Actor ; rdfs:label ; kg:surface
//! kgid:position/<slug> a kg:Position ; rdfs:label ; kg:surface ; kg:quantity
//! kgid:claim/<hash>   a kg:Claim ; kg:subject ; kg:relation kg:rejects ;
//!                     kg:object ; kg:stance ; prov:wasDerivedFrom entry ; kg:time ; kg:quote ;
//!                     kg:spanStart ; kg:spanEnd ; kg:cue ; kg:reportedBy ; kg:confidence ;
//!                     kg:hedged true (only when hedged) ;
//!                     kg:modality "planned" (only when not "asserted")
//! <subject> kg:rejects <object> .      # the direct triple, for simple queries
//! ```
//!
//! All in the default graph. Ids hash content, so the same input gives the same quads.

use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

use super::vocab::{dcterms, id, kg, prov, rdf, skos};
use crate::claim::{Claim, Entity, EntityKind, Modality};
use crate::entry::{Document, Entry, EntryKind, Id};

pub(crate) fn iri(s: &str) -> NamedNode {
    NamedNode::new_unchecked(s)
}

/// The IRI of a document.
pub fn document_iri(d: &Document) -> String {
    format!("{}doc/{}", id::BASE, d.id)
}

/// The IRI of an entry.
pub fn entry_iri(e: &Entry) -> String {
    format!("{}entry/{}", id::BASE, e.id)
}

/// The IRI of an entity (actor, position, source, place).
pub fn entity_iri(e: &Entity) -> String {
    format!("{}{}", id::BASE, e.key)
}

/// The IRI of a claim: a hash of its entry, subject, relation, object and evidence.
pub fn claim_iri(entry: &Entry, c: &Claim) -> String {
    let span = format!("{}-{}", c.evidence.start, c.evidence.end);
    let h = Id::of(&[&entry.id.to_string(), &c.subject.key, c.relation.name(), &c.object.key, &span]);
    format!("{}claim/{}", id::BASE, h)
}

/// The IRI of a stance: the subject, relation and object a claim links, whatever the
/// entry (all IRIs, as stored).
pub fn stance_iri(subject: &str, relation: &str, object: &str) -> String {
    format!("{}stance/{}", id::BASE, Id::of(&[subject, relation, object]))
}

/// The class IRI of an entity kind.
pub fn class_iri(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => kg::PERSON,
        EntityKind::State => kg::STATE,
        EntityKind::Organization => kg::ORGANIZATION,
        EntityKind::Group => kg::GROUP,
        EntityKind::Position => kg::POSITION,
        EntityKind::Source => kg::SOURCE,
        EntityKind::Place => kg::PLACE,
    }
}

/// The IRI of a relation.
pub fn relation_iri(r: crate::claim::Relation) -> String {
    format!("{}{}", kg::NS, r.name())
}

struct Out<'a>(&'a mut Vec<Quad>);

impl Out<'_> {
    fn add(&mut self, s: &str, p: &str, o: impl Into<Term>) {
        self.0.push(Quad::new(NamedOrBlankNode::from(iri(s)), iri(p), o.into(), GraphName::DefaultGraph));
    }
    fn link(&mut self, s: &str, p: &str, o: &str) {
        self.add(s, p, iri(o));
    }
    fn text(&mut self, s: &str, p: &str, o: &str) {
        self.add(s, p, Literal::new_simple_literal(o));
    }
    fn time(&mut self, s: &str, p: &str, t: &chrono::DateTime<chrono::Utc>) {
        let lex = t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
        self.add(s, p, Literal::new_typed_literal(lex, iri("http://www.w3.org/2001/XMLSchema#dateTime")));
    }
}

/// Quads describing a document.
pub fn document_quads(d: &Document, out: &mut Vec<Quad>) {
    let s = document_iri(d);
    let mut o = Out(out);
    o.link(&s, rdf::TYPE, kg::DOCUMENT);
    o.text(&s, kg::FORMAT, d.format.name());
    o.text(&s, kg::ORIGIN, &d.origin);
    if let Some(t) = &d.title {
        o.text(&s, dcterms::TITLE, t);
    }
    if let Some(src) = &d.source {
        o.text(&s, dcterms::PUBLISHER, src);
    }
    if let Some(u) = &d.url {
        o.text(&s, dcterms::SOURCE, u);
    }
    if let Some(t) = &d.published {
        o.time(&s, dcterms::ISSUED, t);
    }
}

/// Quads describing an entry.
pub fn entry_quads(e: &Entry, out: &mut Vec<Quad>) {
    let s = entry_iri(e);
    let mut o = Out(out);
    o.link(&s, rdf::TYPE, kg::ENTRY);
    o.link(&s, dcterms::IS_PART_OF, &format!("{}doc/{}", id::BASE, e.document));
    o.text(&s, kg::TEXT, &e.text);
    o.add(&s, kg::LINE, Literal::from(e.line as i64));
    o.text(
        &s,
        kg::KIND,
        match e.kind {
            EntryKind::Lede => "lede",
            EntryKind::Timed => "timed",
            EntryKind::Article => "article",
            EntryKind::Line => "line",
        },
    );
    if let Some(t) = &e.time {
        o.time(&s, dcterms::DATE, t);
    }
    if let Some(t) = &e.title {
        o.text(&s, dcterms::TITLE, t);
    }
    if let Some(src) = &e.source {
        o.text(&s, dcterms::PUBLISHER, src);
    }
    if let Some(u) = &e.url {
        o.text(&s, dcterms::SOURCE, u);
    }
}

/// The entity descriptions (type and label, or surface form) already given out, so
/// that each is written once per write, not once per claim and mention: a claim
/// repeats its entities' types and labels, which otherwise doubled the quads a bulk
/// load encodes and sorts. Kept as 128-bit hashes of what the quads say.
#[derive(Debug, Default)]
pub struct Described(std::collections::HashSet<u128>);

impl Described {
    /// True the first time these parts are seen.
    fn first(&mut self, parts: &[&str]) -> bool {
        self.0.insert(Id::of(parts).0)
    }
}

/// Quads naming and typing an entity, and the surface form the text used for it; only
/// what `described` has not seen yet.
pub fn entity_quads(e: &Entity, surface: Option<&str>, described: &mut Described, out: &mut Vec<Quad>) {
    let s = entity_iri(e);
    let mut o = Out(out);
    let class = class_iri(e.kind);
    if described.first(&[&e.key, class, &e.label]) {
        o.link(&s, rdf::TYPE, class);
        if e.kind.is_actor() {
            o.link(&s, rdf::TYPE, kg::ACTOR);
        }
        o.text(&s, rdf::LABEL, &e.label);
        o.text(&s, skos::PREF_LABEL, &e.label);
    }
    if let Some(surf) = surface.filter(|x| !x.is_empty() && *x != e.label) {
        if described.first(&[&e.key, kg::SURFACE, surf]) {
            o.text(&s, kg::SURFACE, surf);
        }
    }
}

/// Quads recording what an entry mentions: `entry kg:mentions x`, with x's label and type.
pub fn mention_quads(e: &Entry, mentions: &[Entity], described: &mut Described, out: &mut Vec<Quad>) {
    let s = entry_iri(e);
    for m in mentions {
        entity_quads(m, None, described, out);
        Out(out).link(&s, kg::MENTIONS, &entity_iri(m));
    }
}

fn char_offset(text: &str, byte: usize) -> i64 {
    text.get(..byte).map(|p| p.chars().count()).unwrap_or(0) as i64
}

/// Quads for a claim: the claim node with its provenance, the direct triple, and the
/// labels of the entities it links.
pub fn claim_quads(entry: &Entry, c: &Claim, described: &mut Described, out: &mut Vec<Quad>) {
    entity_quads(&c.subject, Some(&c.subject_surface), described, out);
    entity_quads(&c.object, Some(&c.object_surface), described, out);
    for r in &c.reported_by {
        entity_quads(r, None, described, out);
    }
    let s = claim_iri(entry, c);
    let subj = entity_iri(&c.subject);
    let obj = entity_iri(&c.object);
    let rel = relation_iri(c.relation);
    let stance = stance_iri(&subj, &rel, &obj);
    let mut o = Out(out);
    // The direct triple is the same for every claim of a stance: given once per write.
    if described.first(&[kg::STANCE, &stance]) {
        o.link(&subj, &rel, &obj);
    }
    // Only kg:Claim: the ontology makes it a subclass of prov:Entity, and one quad less
    // per claim is 5 % less to store.
    o.link(&s, rdf::TYPE, kg::CLAIM);
    o.link(&s, kg::SUBJECT, &subj);
    o.link(&s, kg::RELATION_PROP, &rel);
    o.link(&s, kg::OBJECT, &obj);
    o.link(&s, kg::STANCE, &stance);
    o.link(&s, prov::WAS_DERIVED_FROM, &entry_iri(entry));
    if let Some(t) = &entry.time {
        o.time(&s, kg::TIME, t);
    }
    o.text(&s, kg::QUOTE, c.evidence.of(&entry.text));
    o.add(&s, kg::SPAN_START, Literal::from(char_offset(&entry.text, c.evidence.start)));
    o.add(&s, kg::SPAN_END, Literal::from(char_offset(&entry.text, c.evidence.end)));
    o.text(&s, kg::CUE, &c.cue);
    for r in &c.reported_by {
        o.link(&s, kg::REPORTED_BY, &entity_iri(r));
    }
    // Flags are written when set: most claims are neither hedged nor anything but
    // asserted, and two quads less per claim is an eighth less to store. The ontology
    // says what their absence means.
    if c.hedged {
        o.add(&s, kg::HEDGED, Literal::from(true));
    }
    // Rounded so that the lexical form is stable across platforms.
    let conf = (c.confidence.clamp(0.0, 1.0) * 100.0).round() / 100.0;
    o.add(
        &s,
        kg::CONFIDENCE,
        Literal::new_typed_literal(format!("{conf:.2}"), iri("http://www.w3.org/2001/XMLSchema#decimal")),
    );
    if c.modality != Modality::Asserted {
        o.text(&s, kg::MODALITY, c.modality.name());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Relation, Span};
    use crate::entry::{DocumentId, EntryKind};

    fn entry() -> Entry {
        Entry::new(
            DocumentId(Id::of(&["d"])),
            EntryKind::Timed,
            None,
            None,
            "Kyiv rejected the plan.".into(),
            None,
            None,
            3,
        )
    }

    fn claim() -> Claim {
        Claim {
            subject: Entity { key: "actor/ukraine".into(), label: "Ukraine".into(), kind: EntityKind::State },
            relation: Relation::Rejects,
            object: Entity::from_label(EntityKind::Position, "peace plan"),
            evidence: Span::new(0, 23),
            cue: "rejected".into(),
            reported_by: vec![],
            hedged: false,
            modality: Modality::Asserted,
            confidence: 0.9,
            subject_surface: "Kyiv".into(),
            object_surface: "the plan".into(),
        }
    }

    #[test]
    fn entities_are_described_once_per_write() {
        let (e, c) = (entry(), claim());
        let mut other = claim();
        other.relation = Relation::Supports;
        other.object_surface = "the peace plan".into();
        let alone = |c: &Claim| {
            let mut q = Vec::new();
            claim_quads(&e, c, &mut Described::default(), &mut q);
            q
        };
        let (mut described, mut shared) = (Described::default(), Vec::new());
        claim_quads(&e, &c, &mut described, &mut shared);
        let first = shared.len();
        claim_quads(&e, &other, &mut described, &mut shared);
        // The second claim repeats neither Ukraine's types, labels and surface "Kyiv"
        // (5 quads) nor the plan's type and labels (3): only the plan's new surface.
        assert_eq!(shared.len() - first, alone(&other).len() - 8, "{shared:#?}");
        let mut union: Vec<Quad> = alone(&c).into_iter().chain(alone(&other)).collect();
        union.sort_by_key(|q| q.to_string());
        union.dedup();
        shared.sort_by_key(|q| q.to_string());
        assert_eq!(shared, union, "the same quads, each once");
        // The same key under another label is described again.
        let mut renamed = claim();
        renamed.subject.label = "Ukraine (state)".into();
        let mut more = Vec::new();
        claim_quads(&e, &renamed, &mut described, &mut more);
        assert!(more.iter().any(|q| q.to_string().contains("\"Ukraine (state)\"")));
    }

    #[test]
    fn claim_has_direct_triple_and_provenance() {
        let (e, c) = (entry(), claim());
        let mut q = Vec::new();
        claim_quads(&e, &c, &mut Described::default(), &mut q);
        let lines: Vec<String> = q.iter().map(|q| q.to_string()).collect();
        let direct = format!("<{}actor/ukraine> <{}rejects> <{}position/peace-plan>", id::BASE, kg::NS, id::BASE);
        assert!(lines.iter().any(|l| l.starts_with(&direct)), "{lines:#?}");
        assert!(lines.iter().any(|l| l.contains(prov::WAS_DERIVED_FROM) && l.contains(&entry_iri(&e))));
        assert!(lines.iter().any(|l| l.contains(kg::QUOTE) && l.contains("\"Kyiv rejected the plan.\"")));
        assert!(lines.iter().any(|l| l.contains(kg::SURFACE) && l.contains("\"Kyiv\"")));
        assert_eq!(claim_iri(&e, &c), claim_iri(&e, &c.clone()));
        // A plain, asserted claim carries neither flag.
        assert!(!lines.iter().any(|l| l.contains(kg::HEDGED) || l.contains(kg::MODALITY)), "{lines:#?}");
        let mut flagged = claim();
        flagged.hedged = true;
        flagged.modality = Modality::Planned;
        let mut q = Vec::new();
        claim_quads(&e, &flagged, &mut Described::default(), &mut q);
        let lines: Vec<String> = q.iter().map(|q| q.to_string()).collect();
        assert!(lines.iter().any(|l| l.contains(kg::HEDGED) && l.contains("true")), "{lines:#?}");
        assert!(lines.iter().any(|l| l.contains(kg::MODALITY) && l.contains("\"planned\"")), "{lines:#?}");
    }

    #[test]
    fn the_direct_triple_is_written_once_per_stance() {
        let e = entry();
        let mut again = claim();
        again.evidence = Span::new(0, 5);
        let (mut described, mut q) = (Described::default(), Vec::new());
        claim_quads(&e, &claim(), &mut described, &mut q);
        claim_quads(&e, &again, &mut described, &mut q);
        let direct = format!("<{}actor/ukraine> <{}rejects> ", id::BASE, kg::NS);
        assert_eq!(q.iter().filter(|q| q.to_string().starts_with(&direct)).count(), 1);
        let claims = q.iter().filter(|q| q.predicate.as_str() == kg::STANCE).count();
        assert_eq!(claims, 2, "both claims point to their stance");
    }
}
