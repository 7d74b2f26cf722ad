// kg's page: a search box, a position's page, an actor's page, the graph around an
// actor or position, and coalitions. Everything comes from this server's /api; every
// value is put into the page as text (never as HTML).
"use strict";

const view = document.getElementById("view");
const STANCES = ["proposes", "supports", "rejects", "demands"];

// el("a", {href: "#/"}, "text", child…): an element with attributes and children.
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === "class") e.className = v; else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

async function api(path, params) {
  const qs = new URLSearchParams(params || {}).toString();
  const r = await fetch("/api/" + path + (qs ? "?" + qs : ""), { headers: { Accept: "application/json" } });
  const body = await r.json().catch(() => ({ error: "invalid answer from the server" }));
  if (!r.ok) throw new Error(body.error || ("HTTP " + r.status));
  return body;
}

const enc = encodeURIComponent;
const link = (kind, label) => el("a", { href: "#/" + kind + "/" + enc(label), "data-kind": kind }, label);
const when = (t) => (t ? t.replace("T", " ").replace(/:00Z$/, "Z") : "");

function show(...nodes) {
  view.replaceChildren(...nodes);
}

function failed(e) {
  show(el("p", { class: "error", role: "alert" }, e.message));
}

// A table of answer rows; `cells` renders a column specially (by its name).
function table(rows, columns, cells) {
  if (!rows.length) return el("p", { class: "muted" }, "none");
  const head = el("tr", {}, ...columns.map((c) => el("th", {}, c.replace("_", " "))));
  const body = rows.map((r) => {
    const tr = el("tr", {}, ...columns.map((c) => el("td", { "data-col": c }, (cells[c] || ((v) => v ?? ""))(r[c], r))));
    if (r.mark) tr.className = r.mark.split(":")[0];
    return tr;
  });
  return el("table", {}, el("thead", {}, head), el("tbody", {}, ...body));
}

const quote = (q) => (q ? el("blockquote", {}, q) : "");
const common = {
  actor: (v) => link("actor", v),
  with: (v) => link("show", v),
  position: (v) => link("show", v),
  object: (v) => link("show", v),
  quote,
  hedged: (v) => (v ? "hedged" : ""),
  time: when, since: when, latest: when,
  mark: (v) => (v ? el("span", { class: "mark" }, v) : ""),
};

async function home() {
  show(el("p", { class: "muted" }, "Loading…"));
  const [contested, central] = await Promise.all([api("contested"), api("central", { limit: 10 })]);
  const positions = [...new Set(contested.map((r) => r.position))];
  show(
    el("h1", {}, "Who stands where, since when, says who"),
    el("p", {}, "Search an actor or a position above, or start from these."),
    el("h2", {}, "Contested positions"),
    positions.length ? el("ul", {}, ...positions.map((p) => el("li", {}, link("position", p)))) : el("p", { class: "muted" }, "none"),
    el("h2", {}, "Most connected actors"),
    table(central, ["actor", "degree", "claims", "betweenness"], common),
  );
}

async function search(q) {
  document.getElementById("q").value = q;
  show(el("p", { class: "muted" }, "Searching…"));
  const r = await api("search", { q });
  const list = (kind, items) =>
    items.length ? el("ul", { class: kind + "s" }, ...items.map((e) => el("li", {}, link(kind, e.label)))) : el("p", { class: "muted" }, "none");
  const parts = [el("h1", {}, "Search: " + q)];
  if (!r.actors.length && !r.positions.length) {
    parts.push(el("p", {}, "Nothing goes by that name."));
    if (r.suggestions.length) parts.push(el("p", {}, "Did you mean: ", ...r.suggestions.flatMap((s, i) => [i ? ", " : "", el("a", { href: "#/search/" + enc(s) }, s)])));
  } else {
    parts.push(el("h2", {}, "Positions"), list("position", r.positions), el("h2", {}, "Actors"), list("actor", r.actors));
  }
  show(...parts);
}

// A label seen in a table: a position's page when it names a position, else an actor's.
async function showAny(label) {
  const r = await api("search", { q: label });
  const exact = (l) => l.find((e) => e.label === label);
  location.replace(exact(r.positions) || (!exact(r.actors) && r.positions.length) ? "#/position/" + enc(label) : "#/actor/" + enc(label));
}

async function position(label) {
  show(el("p", { class: "muted" }, "Loading…"));
  const [stances, claims] = await Promise.all([
    Promise.all(STANCES.map((s) => api("who-" + s, { position: label }))),
    api("claims", { name: label }),
  ]);
  const parts = [
    el("h1", {}, label),
    el("p", {}, el("a", { href: "#/graph/" + enc(label), id: "graph-link" }, "Graph around it"), " · ", el("a", { href: "#/actor/" + enc(label) }, "Timeline")),
  ];
  STANCES.forEach((s, i) => {
    parts.push(el("h2", {}, "Who " + s + " it"));
    const section = table(stances[i], ["actor", "claims", "since", "latest", "source", "reported_by", "quote"], common);
    section.id = "who-" + s;
    parts.push(section);
  });
  parts.push(el("h2", {}, "Evidence"), evidence(claims.claims, claims.urls || {}));
  show(...parts);
}

// Every claim with its quote and where it was read; the entry links to its RDF.
function evidence(claims, urls) {
  if (!claims.length) return el("p", { class: "muted" }, "none");
  const rows = claims.map((c) => ({
    time: c.time, actor: c.subject.label, relation: c.relation, object: c.object.label,
    source: c.source, reported_by: c.reported_by, quote: c.quote, entry: c.entry,
  }));
  return table(rows, ["time", "actor", "relation", "object", "source", "reported_by", "quote", "entry"], {
    ...common,
    // The entry's page where the store knows it, and its RDF.
    entry: (v) => el("span", {},
      ...(urls[v] && /^https?:\/\//.test(urls[v]) ? [el("a", { href: urls[v], rel: "noopener noreferrer", class: "source-link" }, "source"), " · "] : []),
      el("a", { href: "/sparql?query=" + enc("DESCRIBE <" + v + ">"), title: v }, "entry")),
  });
}

async function actor(label) {
  show(el("p", { class: "muted" }, "Loading…"));
  const [stands, timeline] = await Promise.all([
    api("positions", { actor: label }).catch(() => []),
    api("timeline", { name: label }),
  ]);
  show(
    el("h1", {}, label),
    el("p", {}, el("a", { href: "#/graph/" + enc(label) }, "Graph around it")),
    el("h2", {}, "Stances"),
    table(stands, ["position", "relation", "time", "source", "modality", "hedged", "quote"], common),
    el("h2", {}, "Timeline"),
    el("p", { class: "muted" }, "Changes of stance and contradictions between sources are marked."),
    table(timeline, ["time", "mark", "actor", "relation", "position", "source", "quote"], common),
  );
}

async function graph(label, depth) {
  show(el("p", { class: "muted" }, "Loading…"));
  const params = { depth };
  if (label) params.focus = label;
  const g = await api("graph", params);
  const select = el("select", { id: "depth", "aria-label": "depth" }, ...[1, 2, 3, 4].map((d) => el("option", { value: d }, "depth " + d)));
  select.value = String(depth);
  select.addEventListener("change", () => { location.hash = "#/graph/" + enc(label || "") + "?depth=" + select.value; });
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.id = "graph";
  const legend = el("p", { class: "legend" }, ...Object.entries(g.relations).map(([r, c]) => {
    const s = el("span", {}, "— " + r);
    s.style.color = c;
    return s;
  }));
  show(
    el("h1", {}, label ? "Graph around " + label : "The whole graph"),
    el("div", { class: "toolbar" }, select, el("span", { class: "muted" }, g.nodes.length + " nodes, " + g.edges.length + " edges")),
    legend,
    svg,
  );
  drawGraph(svg, g, (node) => { location.hash = (node.class === "position" ? "#/position/" : "#/actor/") + enc(node.label); });
}

async function clusters() {
  show(el("p", { class: "muted" }, "Loading…"));
  const r = await api("clusters");
  show(
    el("h1", {}, "Coalitions"),
    el("p", { class: "muted" }, "Actors grouped by agreement and split by disagreement (signed modularity), with the positions that bind each group."),
    r.clusters.length
      ? el("div", { class: "cards" }, ...r.clusters.map((c, i) => el("div", { class: "card cluster" },
          el("h2", {}, "Cluster " + (i + 1)),
          el("ul", {}, ...c.members.map((m) => el("li", {}, link("actor", m)))),
          c.positions.length ? el("p", {}, "Binding positions:") : null,
          el("ul", {}, ...c.positions.map((p) => el("li", {}, p.stance + " ", link("position", p.position), " (" + p.members.join(", ") + ")"))))))
      : el("p", { class: "muted" }, "no clusters: no actors agree or disagree on anything"),
  );
}

async function route() {
  const hash = decodeURIComponent(location.hash.replace(/^#\/?/, ""));
  const [path, query] = hash.split("?");
  const [kind, ...rest] = path.split("/");
  const arg = rest.join("/");
  const depth = Math.min(4, Math.max(1, parseInt(new URLSearchParams(query || "").get("depth") || "1", 10) || 1));
  try {
    if (kind === "search" && arg) await search(arg);
    else if (kind === "position" && arg) await position(arg);
    else if (kind === "actor" && arg) await actor(arg);
    else if (kind === "show" && arg) await showAny(arg);
    else if (kind === "graph") await graph(arg, depth);
    else if (kind === "clusters") await clusters();
    else await home();
  } catch (e) {
    failed(e);
  }
}

document.getElementById("search").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = document.getElementById("q").value.trim();
  if (q) location.hash = "#/search/" + enc(q);
});
window.addEventListener("hashchange", route);
route();
