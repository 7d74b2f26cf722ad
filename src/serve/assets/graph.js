// Draws a claim graph (nodes, edges with the DOT export's shapes and colours, from
// /api/graph) as SVG, laid out here by a small force simulation: no GraphViz, no
// library. The layout is deterministic: nodes start on a circle in IRI order.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";

function svgEl(tag, attrs) {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  return e;
}

// Positions for the nodes: repulsion between every pair, springs along edges, a pull
// to the centre; a fixed number of rounds with a cooling step.
function layout(nodes, edges, width, height) {
  const n = nodes.length;
  const pos = nodes.map((_, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, n);
    return { x: width / 2 + (width / 3) * Math.cos(a), y: height / 2 + (height / 3) * Math.sin(a) };
  });
  const index = new Map(nodes.map((d, i) => [d.id, i]));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target)]).filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
  const k = Math.sqrt((width * height) / Math.max(1, n)) * 0.6;
  let step = Math.min(width, height) / 10;
  for (let round = 0; round < 300; round++) {
    const force = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 0.01) { dx = 0.1 * (i - j); dy = 0.1; d2 = dx * dx + dy * dy; }
        const f = (k * k) / d2;
        force[i].x += dx * f; force[i].y += dy * f;
        force[j].x -= dx * f; force[j].y -= dy * f;
      }
    }
    for (const [a, b] of links) {
      const dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y;
      const d = Math.sqrt(dx * dx + dy * dy) || 0.1;
      const f = d / k;
      force[a].x -= dx * f; force[a].y -= dy * f;
      force[b].x += dx * f; force[b].y += dy * f;
    }
    for (let i = 0; i < n; i++) {
      force[i].x += (width / 2 - pos[i].x) * 0.05;
      force[i].y += (height / 2 - pos[i].y) * 0.05;
      const len = Math.sqrt(force[i].x ** 2 + force[i].y ** 2) || 1;
      const move = Math.min(len, step);
      pos[i].x += (force[i].x / len) * move;
      pos[i].y += (force[i].y / len) * move;
    }
    step *= 0.985;
  }
  return pos;
}

// The node's outline, by its DOT shape, centred on (0, 0) with half-size (w, h).
function shape(kind, w, h, fill) {
  const common = { fill, stroke: "#475467", "stroke-width": 1 };
  const poly = (pts) => svgEl("polygon", { ...common, points: pts.map((p) => p.join(",")).join(" ") });
  switch (kind) {
    case "ellipse": return svgEl("ellipse", { ...common, rx: w, ry: h });
    case "hexagon": return poly([[-w, 0], [-w + h, -h], [w - h, -h], [w, 0], [w - h, h], [-w + h, h]]);
    case "octagon": { const c = h * 0.45; return poly([[-w + c, -h], [w - c, -h], [w, -h + c], [w, h - c], [w - c, h], [-w + c, h], [-w, h - c], [-w, -h + c]]); }
    case "note": return poly([[-w, -h], [w - 6, -h], [w, -h + 6], [w, h], [-w, h]]);
    default: return svgEl("rect", { ...common, x: -w, y: -h, width: 2 * w, height: 2 * h });
  }
}

function drawGraph(svg, g, onClick) {
  const width = Math.max(600, svg.clientWidth || 900), height = Math.max(400, svg.clientHeight || 600);
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.replaceChildren();
  if (!g.nodes.length) {
    const t = svgEl("text", { x: 20, y: 30 });
    t.textContent = "No claims around it.";
    svg.append(t);
    return;
  }
  const pos = layout(g.nodes, g.edges, width, height);
  const index = new Map(g.nodes.map((d, i) => [d.id, i]));
  const defs = svgEl("defs");
  const colours = [...new Set(g.edges.map((e) => e.color))];
  colours.forEach((c, i) => {
    const m = svgEl("marker", { id: "arrow" + i, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" });
    m.append(svgEl("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: c }));
    defs.append(m);
  });
  svg.append(defs);
  const half = (d) => ({ w: Math.min(90, 8 + d.label.length * 3.3), h: 12 });
  const edgeLayer = svgEl("g", { class: "edges" }), nodeLayer = svgEl("g", { class: "nodes" });
  // Edges between the same two nodes are bent apart so that each stays visible.
  const seen = new Map();
  for (const e of g.edges) {
    const a = index.get(e.source), b = index.get(e.target);
    if (a === undefined || b === undefined) continue;
    const key = [Math.min(a, b), Math.max(a, b)].join("-");
    const nth = seen.get(key) || 0;
    seen.set(key, nth + 1);
    const p = pos[a], q = pos[b];
    const dx = q.x - p.x, dy = q.y - p.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
    // Stop short of the target's outline.
    const hb = half(g.nodes[b]);
    const cut = Math.min(d / 2, Math.abs(dx / d) * hb.w + Math.abs(dy / d) * hb.h + 2);
    const ex = q.x - (dx / d) * cut, ey = q.y - (dy / d) * cut;
    const bend = nth * 18 * (nth % 2 ? 1 : -1);
    const cx = (p.x + ex) / 2 - (dy / d) * bend, cy = (p.y + ey) / 2 + (dx / d) * bend;
    const path = svgEl("path", {
      d: `M ${p.x} ${p.y} Q ${cx} ${cy} ${ex} ${ey}`, fill: "none", stroke: e.color, "stroke-width": 1.4,
      "stroke-dasharray": e.style === "dashed" ? "6 4" : e.style === "dotted" ? "2 3" : "none",
      "marker-end": `url(#arrow${colours.indexOf(e.color)})`, class: "edge", "data-relation": e.relation,
    });
    const title = svgEl("title");
    title.textContent = `${g.nodes[a].label} ${e.relation} ${g.nodes[b].label}` + (e.claims > 1 ? ` (${e.claims} claims)` : "");
    path.append(title);
    const label = svgEl("text", { x: cx, y: cy - 3, fill: e.color, "text-anchor": "middle" });
    label.textContent = e.relation + (e.claims > 1 ? ` (${e.claims})` : "");
    edgeLayer.append(path, label);
  }
  g.nodes.forEach((d, i) => {
    const { w, h } = half(d);
    const node = svgEl("g", { class: "node", transform: `translate(${pos[i].x},${pos[i].y})`, "data-class": d.class, tabindex: 0, role: "link" });
    const focus = (g.focus || []).some((f) => f.iri === d.id);
    const outline = shape(d.shape, w, h, d.fill);
    if (focus) outline.setAttribute("stroke-width", 3);
    const text = svgEl("text", { "text-anchor": "middle", dy: 4 });
    text.textContent = d.label.length > 28 ? d.label.slice(0, 27) + "…" : d.label;
    const title = svgEl("title");
    title.textContent = d.label;
    node.append(outline, text, title);
    node.addEventListener("click", () => onClick(d));
    node.addEventListener("keydown", (ev) => { if (ev.key === "Enter") onClick(d); });
    nodeLayer.append(node);
  });
  svg.append(edgeLayer, nodeLayer);
}
