//! What following live sources needs from the store: the HTTP validators of each URL
//! (so that an unchanged page costs one `304 Not Modified`), which entries are stored
//! already, and retiring an entry's earlier version when the page updates it.
//!
//! Validators live in the named graph [`vocab::id::FETCH_GRAPH`], apart from the data:
//! exports of the default graph do not depend on how often a page was fetched. An
//! entry's earlier version leaves the data, but not the record: its quads and those of
//! its claims move to the named graph [`RETIRED_GRAPH`], with the time kg saw the edit
//! (`prov:invalidatedAtTime`), so that the timeline can show what an edit withdrew
//! (`queries/withdrawn.rq`). Nothing here builds SPARQL text: URLs come from the web,
//! so they are matched as terms.

use std::collections::{HashMap, HashSet};

use chrono::{SecondsFormat, Utc};

use oxigraph::model::{GraphNameRef, Literal, LiteralRef, NamedNode, NamedNodeRef, NamedOrBlankNodeRef, Quad, TermRef};

use super::model::{entry_iri, iri};
use super::vocab::{dcterms, id, kg, prov};
use super::{Store, StoreError};
use crate::entry::{Entry, Id};

/// The validators a server gave for a URL's last response that was stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// The `ETag` header, sent back as `If-None-Match`.
    pub etag: Option<String>,
    /// The `Last-Modified` header, sent back as `If-Modified-Since`.
    pub last_modified: Option<String>,
}

impl Validators {
    /// Whether there is anything to send back.
    pub fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }
}

/// Named graph holding the retired versions of updated entries, with their claims.
pub const RETIRED_GRAPH: &str = "https://w3id.org/kg-news/id/graph/retired";

/// When an entry's version stopped being current (PROV-O), in [`RETIRED_GRAPH`].
pub const INVALIDATED_AT_TIME: &str = "http://www.w3.org/ns/prov#invalidatedAtTime";

fn fetch_node(url: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}fetch/{}", id::BASE, Id::of(&["fetch", url])))
}

/// What a remote store cannot do yet, in its error message.
const LIVE: &str = "following live pages (validators, updated entries)";

fn graph() -> GraphNameRef<'static> {
    GraphNameRef::NamedNode(NamedNodeRef::new_unchecked(id::FETCH_GRAPH))
}

impl Store {
    /// The validators stored for `url`.
    pub fn validators(&self, url: &str) -> Result<Validators, StoreError> {
        let db = self.local(LIVE)?;
        let node = fetch_node(url);
        let get = |p: &str| -> Result<Option<String>, StoreError> {
            let mut it = db.quads_for_pattern(
                Some(NamedOrBlankNodeRef::from(node.as_ref())),
                Some(NamedNodeRef::new_unchecked(p)),
                None,
                Some(graph()),
            );
            Ok(match it.next().transpose()? {
                Some(q) => match q.object {
                    oxigraph::model::Term::Literal(l) => Some(l.value().to_string()),
                    _ => None,
                },
                None => None,
            })
        };
        Ok(Validators { etag: get(kg::ETAG)?, last_modified: get(kg::LAST_MODIFIED)? })
    }

    /// Replaces the validators stored for `url`, in one transaction.
    pub fn set_validators(&self, url: &str, v: &Validators) -> Result<(), StoreError> {
        let db = self.local(LIVE)?;
        let node = fetch_node(url);
        let subject = NamedOrBlankNodeRef::from(node.as_ref());
        let old: Vec<Quad> =
            db.quads_for_pattern(Some(subject), None, None, Some(graph())).collect::<Result<_, _>>()?;
        let mut t = db.start_transaction()?;
        for q in &old {
            t.remove(q);
        }
        let g = oxigraph::model::GraphName::NamedNode(NamedNode::new_unchecked(id::FETCH_GRAPH));
        let add = |t: &mut oxigraph::store::Transaction<'_>, p: &str, value: &str| {
            t.insert(&Quad::new(node.clone(), iri(p), Literal::new_simple_literal(value), g.clone()));
        };
        if !v.is_empty() {
            add(&mut t, dcterms::SOURCE, url);
        }
        if let Some(e) = &v.etag {
            add(&mut t, kg::ETAG, e);
        }
        if let Some(l) = &v.last_modified {
            add(&mut t, kg::LAST_MODIFIED, l);
        }
        t.commit()?;
        Ok(())
    }

    /// How many of `entries` the store holds already.
    pub fn stored_entries(&self, entries: &[Entry]) -> Result<usize, StoreError> {
        let db = self.local(LIVE)?;
        let mut n = 0;
        for e in entries {
            let s = iri(&entry_iri(e));
            let q =
                Quad::new(s, iri(super::vocab::rdf::TYPE), iri(kg::ENTRY), oxigraph::model::GraphName::DefaultGraph);
            n += usize::from(db.contains(&q)?);
        }
        Ok(n)
    }

    /// Retires the earlier versions of updated entries: for each of `entries` whose URL
    /// (or anchor) names no other entry of the input, a stored entry of the same
    /// document with that URL and other text leaves the data with its claims and
    /// mentions, and the new entry records `dcterms:replaces` it. The change stays on
    /// record: the retired quads move to [`RETIRED_GRAPH`], the old entry marked
    /// `prov:invalidatedAtTime` the time of the call. A direct triple goes with its stance's last
    /// claim. An entry the page now holds at another place (a new entry above it) keeps
    /// only its new `kg:line`, as a fresh ingest of the page would give it. One
    /// transaction; returns how many entries were retired.
    pub fn retire_replaced(&self, entries: &[Entry]) -> Result<usize, StoreError> {
        let db = self.local(LIVE)?;
        let default = GraphNameRef::DefaultGraph;
        let mut remove: Vec<Quad> = Vec::new();
        for e in entries {
            let s = iri(&entry_iri(e));
            let line = Literal::from(e.line as i64);
            for q in db.quads_for_pattern(Some(s.as_ref().into()), Some(iri_ref(kg::LINE)), None, Some(default)) {
                let q = q?;
                if q.object != oxigraph::model::Term::Literal(line.clone()) {
                    remove.push(q);
                }
            }
        }
        let mut by_url: HashMap<(&str, String), Vec<&Entry>> = HashMap::new();
        for e in entries {
            if let Some(u) = e.url.as_deref() {
                by_url.entry((u, e.document.to_string())).or_default().push(e);
            }
        }
        let current: HashSet<String> = entries.iter().map(entry_iri).collect();
        let moved = remove.len();
        let mut replaces: Vec<Quad> = Vec::new();
        let mut stances: HashSet<(String, String, String, String)> = HashSet::new();
        let mut retired_claims: HashSet<String> = HashSet::new();
        let mut invalidated: Vec<NamedNode> = Vec::new();
        let mut retired = 0;
        for ((url, doc), group) in &by_url {
            let [entry] = group.as_slice() else { continue };
            let doc_iri = format!("{}doc/{}", id::BASE, doc);
            let url_term = LiteralRef::new_simple_literal(url);
            for q in
                db.quads_for_pattern(None, Some(iri_ref(dcterms::SOURCE)), Some(TermRef::from(url_term)), Some(default))
            {
                let q = q?;
                let old = q.subject.to_string();
                let old = old.trim_start_matches('<').trim_end_matches('>').to_string();
                if current.contains(&old) {
                    continue;
                }
                let old_node = NamedNode::new_unchecked(old.clone());
                let in_doc = db.contains(&Quad::new(
                    old_node.clone(),
                    iri(dcterms::IS_PART_OF),
                    iri(&doc_iri),
                    oxigraph::model::GraphName::DefaultGraph,
                ))?;
                let is_entry = db.contains(&Quad::new(
                    old_node.clone(),
                    iri(super::vocab::rdf::TYPE),
                    iri(kg::ENTRY),
                    oxigraph::model::GraphName::DefaultGraph,
                ))?;
                if !in_doc || !is_entry {
                    continue;
                }
                retired += 1;
                for q in db.quads_for_pattern(Some(old_node.as_ref().into()), None, None, Some(default)) {
                    remove.push(q?);
                }
                let claims = db.quads_for_pattern(
                    None,
                    Some(iri_ref(prov::WAS_DERIVED_FROM)),
                    Some(old_node.as_ref().into()),
                    Some(default),
                );
                for c in claims {
                    let claim = c?.subject;
                    retired_claims.insert(claim.to_string());
                    let mut parts: HashMap<String, String> = HashMap::new();
                    for q in db.quads_for_pattern(Some(claim.as_ref()), None, None, Some(default)) {
                        let q = q?;
                        if let oxigraph::model::Term::NamedNode(n) = &q.object {
                            parts.insert(q.predicate.as_str().to_string(), n.as_str().to_string());
                        }
                        remove.push(q);
                    }
                    if let (Some(s), Some(r), Some(o), Some(st)) = (
                        parts.get(kg::SUBJECT),
                        parts.get(kg::RELATION_PROP),
                        parts.get(kg::OBJECT),
                        parts.get(kg::STANCE),
                    ) {
                        stances.insert((s.clone(), r.clone(), o.clone(), st.clone()));
                    }
                }
                invalidated.push(old_node.clone());
                replaces.push(Quad::new(
                    iri(&entry_iri(entry)),
                    iri(dcterms::REPLACES),
                    old_node,
                    oxigraph::model::GraphName::DefaultGraph,
                ));
            }
        }
        if retired == 0 {
            if moved > 0 {
                let mut t = db.start_transaction()?;
                for q in &remove {
                    t.remove(q);
                }
                t.commit()?;
            }
            return Ok(0);
        }
        let retired_graph = oxigraph::model::GraphName::NamedNode(NamedNode::new_unchecked(RETIRED_GRAPH));
        // The moved entries' old lines are no version of anything: not recorded.
        let mut record: Vec<Quad> = remove[moved..]
            .iter()
            .map(|q| Quad::new(q.subject.clone(), q.predicate.clone(), q.object.clone(), retired_graph.clone()))
            .collect();
        let at = Literal::new_typed_literal(
            Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true),
            NamedNode::new_unchecked("http://www.w3.org/2001/XMLSchema#dateTime"),
        );
        for old in invalidated {
            record.push(Quad::new(old, iri(INVALIDATED_AT_TIME), at.clone(), retired_graph.clone()));
        }
        // A stance keeps its direct triple while a claim not retired here still has it.
        for (s, r, o, st) in &stances {
            let mut others = db.quads_for_pattern(
                None,
                Some(iri_ref(kg::STANCE)),
                Some(TermRef::from(NamedNodeRef::new_unchecked(st))),
                Some(default),
            );
            let mut kept = false;
            for q in others.by_ref() {
                if !retired_claims.contains(&q?.subject.to_string()) {
                    kept = true;
                    break;
                }
            }
            if !kept {
                remove.push(Quad::new(iri(s), iri(r), iri(o), oxigraph::model::GraphName::DefaultGraph));
            }
        }
        let mut t = db.start_transaction()?;
        for q in &remove {
            t.remove(q);
        }
        for q in replaces.iter().chain(&record) {
            t.insert(q);
        }
        t.commit()?;
        Ok(retired)
    }
}

fn iri_ref(s: &str) -> NamedNodeRef<'_> {
    NamedNodeRef::new_unchecked(s)
}
