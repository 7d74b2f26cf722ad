//! `/api/…`: the questions as JSON, the same rows as the CLI's `--format json`
//! (`who-rejects`, `who-supports`, `who-proposes`, `who-demands`, `positions`,
//! `meetings`, `contested`, `timeline`, `path`, `clusters`, `central`), and what the
//! page needs besides (`search`, `claims`, `graph`).
//!
//! Names go through [`crate::ask::resolve`] as on the command line: what a client
//! sends never reaches SPARQL text. Errors are `{"error": "one line"}` with 400
//! (missing or bad parameter), 404 (no such name or endpoint) or 500 (the store).

use super::http::Response;
use crate::ask::{self, Answer, AnswerFormat, AskError, Entity, Want};
use crate::claim::Relation;
use crate::graph::{ClaimGraph, PathFound};
use crate::store::Store;

/// Deepest graph view around a focus.
const MAX_DEPTH: usize = 4;
/// Most nodes a graph view draws.
const MAX_NODES: usize = 400;
/// Most rows of `central`.
const MAX_LIMIT: usize = 10_000;

/// The answer of endpoint `name` (the path after `/api/`) with query `params`.
pub fn answer(store: &Store, name: &str, params: &[(String, String)]) -> Response {
    match dispatch(store, name, params) {
        Ok(r) => r,
        Err(Failure::Status(status, reason)) => error(status, &reason),
        Err(Failure::Ask(e)) => {
            let status = match &e {
                AskError::NoMatch { .. } => 404,
                AskError::EmptyName(_) => 400,
                AskError::Store(_) => 500,
            };
            error(status, &e.to_string())
        }
    }
}

/// A JSON error answer: `{"error": reason}`.
pub fn error(status: u16, reason: &str) -> Response {
    Response::new(status, "application/json", format!("{}\n", serde_json::json!({ "error": reason })))
}

enum Failure {
    Status(u16, String),
    Ask(AskError),
}

impl From<AskError> for Failure {
    fn from(e: AskError) -> Self {
        Failure::Ask(e)
    }
}

impl From<crate::store::StoreError> for Failure {
    fn from(e: crate::store::StoreError) -> Self {
        Failure::Ask(AskError::Store(e))
    }
}

/// The one value of parameter `key`, if given.
fn param<'a>(params: &'a [(String, String)], key: &str) -> Result<Option<&'a str>, Failure> {
    let mut values = params.iter().filter(|(k, _)| k == key).map(|(_, v)| v.as_str());
    match (values.next(), values.next()) {
        (v, None) => Ok(v),
        _ => Err(Failure::Status(400, format!("parameter '{key}' given more than once"))),
    }
}

fn required<'a>(params: &'a [(String, String)], key: &str) -> Result<&'a str, Failure> {
    param(params, key)?.ok_or_else(|| Failure::Status(400, format!("missing parameter '{key}'")))
}

fn flag(params: &[(String, String)], key: &str) -> Result<bool, Failure> {
    match param(params, key)? {
        None | Some("false") | Some("0") => Ok(false),
        Some("" | "true" | "1") => Ok(true),
        Some(v) => Err(Failure::Status(400, format!("invalid '{key}' value '{v}': use true or false"))),
    }
}

fn number(params: &[(String, String)], key: &str, default: usize, max: usize) -> Result<usize, Failure> {
    match param(params, key)? {
        None => Ok(default),
        Some(v) => match v.parse::<usize>() {
            Ok(n) if n <= max => Ok(n),
            _ => Err(Failure::Status(400, format!("invalid '{key}' value '{v}': give a number from 0 to {max}"))),
        },
    }
}

fn json(body: impl Into<Vec<u8>>) -> Response {
    Response::new(200, "application/json", body)
}

/// An answer as the CLI's `--format json` writes it.
fn rows(answer: &Answer) -> Result<Response, Failure> {
    let mut out = Vec::new();
    answer.write(AnswerFormat::Json, &mut out).map_err(|e| Failure::Status(500, e.to_string()))?;
    Ok(json(out))
}

fn dispatch(store: &Store, name: &str, params: &[(String, String)]) -> Result<Response, Failure> {
    if let Some(relation) = name.strip_prefix("who-") {
        let relation = match relation {
            "rejects" => Relation::Rejects,
            "supports" => Relation::Supports,
            "proposes" => Relation::Proposes,
            "demands" => Relation::Demands,
            _ => return Err(Failure::Status(404, format!("no such endpoint: /api/{name}"))),
        };
        let targets = ask::resolve(store, Want::Position, required(params, "position")?)?;
        return rows(&ask::who_answer(store, relation, &targets, flag(params, "claims")?)?);
    }
    match name {
        "positions" => {
            let actors = ask::resolve(store, Want::Actor, required(params, "actor")?)?;
            rows(&ask::positions(&ask::load_claims_about(store, &actors)?, &actors))
        }
        "meetings" => {
            let actors = param(params, "actor")?.map(|a| ask::resolve(store, Want::Actor, a)).transpose()?;
            let claims = match actors.as_deref() {
                Some(a) => ask::load_claims_about(store, a)?,
                None => ask::load_claims(store)?,
            };
            rows(&ask::meetings(&claims, actors.as_deref()))
        }
        "contested" => rows(&ask::contested(&ask::load_claims(store)?)),
        "timeline" => {
            let found = ask::resolve(store, Want::Any, required(params, "name")?)?;
            rows(&ask::timeline(&ask::load_claims_about(store, &found)?, &ask::load_edits(store)?, &found))
        }
        "path" => {
            let from = ask::resolve(store, Want::Any, required(params, "from")?)?;
            let to = ask::resolve(store, Want::Any, required(params, "to")?)?;
            match crate::graph::find_path(store, &from, &to)? {
                PathFound::Linked { answer, .. } => rows(&answer),
                PathFound::NotLinked => Err(Failure::Status(
                    404,
                    format!("no chain of claims links {} and {}", ask::labels(&from), ask::labels(&to)),
                )),
                PathFound::Changed => Err(Failure::Status(503, "the store changed while reading it: ask again".into())),
            }
        }
        "clusters" => {
            let clusters = crate::graph::clusters(&ask::load_stances(store)?);
            Ok(json(crate::graph::clusters_json(&clusters) + "\n"))
        }
        "central" => {
            let limit = number(params, "limit", 10, MAX_LIMIT)?;
            let claims = ask::load_stances(store)?;
            rows(&crate::graph::central_answer(&crate::graph::central(&ClaimGraph::build(&claims), limit)))
        }
        "search" => search(store, required(params, "q")?),
        "claims" => {
            let found = ask::resolve(store, Want::Any, required(params, "name")?)?;
            let claims = ask::load_claims_about(store, &found)?;
            // Each entry's web address, for the page's source links.
            let urls: serde_json::Map<String, serde_json::Value> = ask::entry_urls(
                store,
                claims.iter().map(|c| c.entry.as_str()).collect::<std::collections::BTreeSet<_>>().into_iter(),
            )?
            .into_iter()
            .map(|(entry, url)| (entry, serde_json::Value::String(url)))
            .collect();
            let body = serde_json::json!({ "entities": found, "claims": claims, "urls": urls });
            Ok(json(body.to_string() + "\n"))
        }
        "graph" => {
            let depth = number(params, "depth", 1, MAX_DEPTH)?;
            let stances = ask::load_stances(store)?;
            let graph = ClaimGraph::build(&stances);
            let (focus, only) = match param(params, "focus")? {
                Some(f) => {
                    let focus = ask::resolve(store, Want::Any, f)?;
                    let only = graph.neighbourhood(&focus, depth);
                    (focus, Some(only))
                }
                None => (Vec::new(), None),
            };
            let drawn = crate::export::graph_json(&graph, only.as_deref());
            if drawn.nodes.len() > MAX_NODES {
                return Err(Failure::Status(
                    400,
                    format!(
                        "the graph has {} nodes, more than {MAX_NODES}: choose a focus or a lower depth",
                        drawn.nodes.len()
                    ),
                ));
            }
            // The colours of every relation, for the page's legend.
            let relations: serde_json::Map<String, serde_json::Value> = Relation::ALL
                .iter()
                .map(|r| (r.name().to_string(), crate::export::dot::edge_style(*r).0.into()))
                .collect();
            let body = serde_json::json!({
                "focus": focus, "depth": depth, "nodes": drawn.nodes, "edges": drawn.edges, "relations": relations,
            });
            Ok(json(body.to_string() + "\n"))
        }
        _ => Err(Failure::Status(404, format!("no such endpoint: /api/{name}"))),
    }
}

/// Actors and positions matching `q`, as `ask::resolve` matches names; when neither
/// does, the closest names as suggestions.
fn search(store: &Store, q: &str) -> Result<Response, Failure> {
    let mut suggestions: Vec<String> = Vec::new();
    let mut found = |want: Want| -> Result<Vec<Entity>, Failure> {
        match ask::resolve(store, want, q) {
            Ok(e) => Ok(e),
            Err(AskError::NoMatch { suggestions: s, .. }) => {
                suggestions.extend(s);
                Ok(Vec::new())
            }
            Err(e) => Err(e.into()),
        }
    };
    let actors = found(Want::Actor)?;
    let positions = found(Want::Position)?;
    if !actors.is_empty() || !positions.is_empty() {
        suggestions.clear();
    }
    suggestions.sort();
    suggestions.dedup();
    let body = serde_json::json!({ "query": q, "actors": actors, "positions": positions, "suggestions": suggestions });
    Ok(json(body.to_string() + "\n"))
}
