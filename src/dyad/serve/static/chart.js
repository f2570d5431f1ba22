/* The dyad chart, hand-written SVG: stacked bars of events per quad class for each period, and
   the mean Goldstein value as a line on its own axis (−10 … +10). */
"use strict";
(function () {
  const {svg, el, data, QUADS} = dyad;
  const KEYS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"};
  const W = 960, H = 340, M = {top: 20, right: 56, bottom: 46, left: 48};

  function niceMax(value) {
    const step = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1))));
    return Math.ceil(value / step) * step;
  }

  function label(period, count) {  // thin the period labels so they never overlap
    return (index) => (count <= 16 || index % Math.ceil(count / 16) === 0) ? period.slice(0, 10) : "";
  }

  function draw(figure, rows) {
    if (!rows.length) {
      figure.replaceChildren(el("p", {class: "muted empty"}, "No real-world events dated precisely enough for this pair and period."));
      return;
    }
    const inner = {w: W - M.left - M.right, h: H - M.top - M.bottom};
    const top = niceMax(Math.max(...rows.map((r) => r.events)));
    const band = inner.w / rows.length, bar = Math.max(2, Math.min(48, band * 0.7));
    const y = (v) => M.top + inner.h - (v / top) * inner.h;
    const g = (v) => M.top + inner.h / 2 - (v / 10) * (inner.h / 2);
    const x = (i) => M.left + band * i + band / 2;
    const chart = svg("svg", {viewBox: `0 0 ${W} ${H}`, role: "img", class: "dyad-svg",
                              "aria-label": `events per period, ${rows.length} periods`});
    for (let t = 0; t <= 4; t++) {  // count grid and axis
      const v = (top * t) / 4;
      chart.append(svg("line", {x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), class: "grid"}),
                   svg("text", {x: M.left - 6, y: y(v) + 4, class: "axis", "text-anchor": "end"}, Number.isInteger(v) ? v : v.toFixed(1)));
    }
    [-10, 0, 10].forEach((v) => chart.append(svg("text", {x: W - M.right + 6, y: g(v) + 4, class: "axis"}, (v > 0 ? "+" : "") + v)));
    chart.append(svg("line", {x1: M.left, x2: W - M.right, y1: g(0), y2: g(0), class: "zero"}));
    chart.append(svg("text", {x: 12, y: M.top + inner.h / 2, class: "axis-title", transform: `rotate(-90 12 ${M.top + inner.h / 2})`, "text-anchor": "middle"}, "events"),
                 svg("text", {x: W - 10, y: M.top + inner.h / 2, class: "axis-title", transform: `rotate(90 ${W - 10} ${M.top + inner.h / 2})`, "text-anchor": "middle"}, "mean Goldstein"));
    rows.forEach((row, i) => {
      let base = 0;
      const group = svg("g", {class: "bar"}, svg("title", {}, `${row.period}: ${row.events} events, mean Goldstein ${row.mean_goldstein}`));
      [1, 2, 3, 4].forEach((q) => {
        const n = row[KEYS[q]];
        if (!n) return;
        group.append(svg("rect", {x: x(i) - bar / 2, width: bar, y: y(base + n), height: y(base) - y(base + n), class: "q" + q}));
        base += n;
      });
      chart.append(group);
      const text = label(String(row.period), rows.length)(i);
      if (text) chart.append(svg("text", {x: x(i), y: H - M.bottom + 16, class: "axis", "text-anchor": "middle"}, text));
    });
    const points = rows.map((r, i) => r.mean_goldstein === null ? null : [x(i), g(r.mean_goldstein)]).filter(Boolean);
    chart.append(svg("polyline", {points: points.map((p) => p.join(",")).join(" "), class: "goldstein"}));
    points.forEach(([px, py]) => chart.append(svg("circle", {cx: px, cy: py, r: 3.5, class: "goldstein-dot"})));
    const legend = el("div", {class: "chart-legend"},
      [1, 2, 3, 4].map((q) => el("span", {}, el("span", {class: "swatch q" + q}), QUADS[q])),
      el("span", {}, el("span", {class: "swatch line"}), "mean Goldstein"));
    figure.replaceChildren(chart, legend);
  }

  const figure = document.getElementById("dyad-chart");
  if (figure) draw(figure, data("series-data") || []);
  window.dyad.drawSeries = draw;
})();
