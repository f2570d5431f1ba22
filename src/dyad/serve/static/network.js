/* The actor network: a small force layout in plain JavaScript, drawn as SVG. Nodes are actor
   codes (size: events), edges run source → target, coloured by mean Goldstein value. */
"use strict";
(function () {
  const {svg, el, data} = dyad;
  const W = 960, H = 520;

  function graph(edges) {
    const nodes = new Map();
    edges.forEach((e) => [e.source, e.target].forEach((code) => {
      if (!nodes.has(code)) nodes.set(code, {code, events: 0});
      nodes.get(code).events += e.events;
    }));
    const list = Array.from(nodes.values());
    list.forEach((n, i) => {  // start on a circle: the same input always draws the same picture
      const angle = (2 * Math.PI * i) / list.length;
      n.x = W / 2 + (W / 3) * Math.cos(angle); n.y = H / 2 + (H / 3) * Math.sin(angle); n.vx = 0; n.vy = 0;
    });
    return {nodes: list, byCode: nodes};
  }

  /* Fruchterman-Reingold: pairs repel (k²/d), edges attract (d²/k), moves cool down; then the
     drawing is scaled to fill the frame. */
  function layout({nodes, byCode}, edges, rounds) {
    const k = Math.sqrt((W * H) / Math.max(nodes.length, 1)) * 0.5;
    for (let round = 0; round < rounds; round++) {
      const heat = (W / 8) * (1 - round / rounds) + 1;
      nodes.forEach((n) => { n.dx = 0; n.dy = 0; });
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i], b = nodes[j];
          const dx = a.x - b.x, dy = a.y - b.y, d = Math.max(Math.hypot(dx, dy), 0.5), f = (k * k) / d;
          a.dx += (dx / d) * f; a.dy += (dy / d) * f; b.dx -= (dx / d) * f; b.dy -= (dy / d) * f;
        }
      }
      for (const e of edges) {
        const a = byCode.get(e.source), b = byCode.get(e.target);
        const dx = a.x - b.x, dy = a.y - b.y, d = Math.max(Math.hypot(dx, dy), 0.5), f = (d * d) / k;
        a.dx -= (dx / d) * f; a.dy -= (dy / d) * f; b.dx += (dx / d) * f; b.dy += (dy / d) * f;
      }
      for (const n of nodes) {
        n.dx += (W / 2 - n.x) * 0.05; n.dy += (H / 2 - n.y) * 0.05;  // a little gravity keeps islands near
        const d = Math.max(Math.hypot(n.dx, n.dy), 0.01), step = Math.min(d, heat);
        n.x += (n.dx / d) * step; n.y += (n.dy / d) * step;
      }
    }
    fit(nodes);
  }

  function fit(nodes) {
    const pad = {x: 70, y: 50};
    const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const scale = Math.min((W - 2 * pad.x) / Math.max(x1 - x0, 1), (H - 2 * pad.y) / Math.max(y1 - y0, 1));
    nodes.forEach((n) => {
      n.x = W / 2 + (n.x - (x0 + x1) / 2) * scale;
      n.y = H / 2 + (n.y - (y0 + y1) / 2) * scale;
    });
  }

  function draw(figure, edges) {
    if (!edges.length) {
      figure.replaceChildren(el("p", {class: "muted empty"}, "No interactions between coded actors in this window."));
      return;
    }
    const g = graph(edges);
    layout(g, edges, 300);
    const most = Math.max(...edges.map((e) => e.events)), busiest = Math.max(...g.nodes.map((n) => n.events));
    const chart = svg("svg", {viewBox: `0 0 ${W} ${H}`, role: "img", class: "network-svg", "aria-label": `${g.nodes.length} actors, ${edges.length} edges`},
      svg("defs", {}, ["coop", "conflict", "neutral"].map((s) => svg("marker", {id: "arrow-" + s, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto"},
        svg("path", {d: "M 0 0 L 10 5 L 0 10 z", class: "arrow " + s})))));
    const radius = (n) => 6 + 14 * Math.sqrt(n.events / busiest);
    edges.forEach((e) => {
      const a = g.byCode.get(e.source), b = g.byCode.get(e.target);
      const sign = e.sign === "cooperation" ? "coop" : e.sign === "conflict" ? "conflict" : "neutral";
      const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(Math.hypot(dx, dy), 1), rb = radius(b) + 2;
      const bend = 0.12;  // a slight curve keeps A→B and B→A apart
      const mx = (a.x + b.x) / 2 - dy * bend, my = (a.y + b.y) / 2 + dx * bend;
      const ex = b.x - (dx / d) * rb, ey = b.y - (dy / d) * rb;
      chart.append(svg("path", {d: `M ${a.x} ${a.y} Q ${mx} ${my} ${ex} ${ey}`, class: "edge " + sign,
                                "stroke-width": 1 + 5 * Math.sqrt(e.events / most), "marker-end": `url(#arrow-${sign})`},
        svg("title", {}, `${e.source} → ${e.target}: ${e.events} events (${e.cooperation} cooperation, ${e.conflict} conflict), mean Goldstein ${e.mean_goldstein}`)));
    });
    g.nodes.forEach((n) => {
      const link = svg("a", {href: "/events?actor=" + encodeURIComponent(n.code), class: "node"},
        svg("title", {}, `${n.code}: ${n.events} events`),
        svg("circle", {cx: n.x, cy: n.y, r: radius(n)}),
        svg("text", {x: n.x, y: n.y - radius(n) - 4, "text-anchor": "middle"}, n.code));
      chart.append(link);
    });
    figure.replaceChildren(chart);
  }

  const figure = document.getElementById("network");
  if (figure) draw(figure, data("network-data") || []);
  window.dyad.drawNetwork = draw;
})();
