/* The article view: the text with actors, event triggers, times and attributions highlighted.
   Pointing at a trigger shows its event and boxes its source and target; a click pins it.
   Every piece of the article goes into the page as text. */
"use strict";
(function () {
  const {el, QUADS} = dyad;
  const RANK = {trigger: 0, time: 1, actor: 2};  // where highlights overlap, the higher rank stays

  /* Highlight boxes, at most one over any character: triggers (events sharing one trigger
     together), times, actor mentions (actors sharing one span together). */
  function boxesOf(record) {
    const grouped = new Map();
    const add = (kind, start, end, item) => {
      const key = kind + ":" + start + ":" + end;
      if (!grouped.has(key)) grouped.set(key, {kind, start, end, items: []});
      grouped.get(key).items.push(item);
    };
    record.events.forEach((ev) => add("trigger", ev.trigger[0], ev.trigger[1], ev));
    record.times.forEach((t) => add("time", t.start, t.end, t));
    record.actors.forEach((a) => a.mentions.forEach(([s, e]) => add("actor", s, e, a)));
    const boxes = Array.from(grouped.values()).filter((b) => b.end > b.start);
    boxes.sort((x, y) => RANK[x.kind] - RANK[y.kind] || x.start - y.start);
    const kept = [];
    for (const box of boxes) {
      if (!kept.some((k) => k.start < box.end && box.start < k.end)) kept.push(box);
    }
    return kept.sort((x, y) => x.start - y.start);
  }

  /* Attribution spans: [start, end, class, quote]. */
  function attributionsOf(record) {
    const spans = [];
    record.quotes.forEach((q) => {
      q.source.forEach(([s, e]) => spans.push([s, e, "att-source", q]));
      q.cue.forEach(([s, e]) => spans.push([s, e, "att-cue", q]));
      q.content.forEach(([s, e]) => spans.push([s, e, "att-content", q]));
    });
    return spans;
  }

  function attributionAt(spans, pos) {
    const here = spans.filter(([s, e]) => s <= pos && pos < e);
    return {classes: here.map((h) => h[2]), quote: here.length ? here[here.length - 1][3] : null};
  }

  function quoteTitle(quote) {
    return quote ? "attributed to " + (quote.speaker || "an unnamed source") + (quote.direct ? " (direct quote)" : "") : null;
  }

  function boxElement(box, text, attribution) {
    const words = text.slice(box.start, box.end);
    const classes = ["hl", box.kind, ...attribution.classes];
    const at = {"data-start": box.start};
    if (box.kind === "trigger") {
      const ev = box.items[0];
      classes.push("m-" + ev.modality, "q" + (ev.quad_class || ""));
      const label = Array.from(new Set(box.items.map((e) => e.type))).join("/") + (box.items.length > 1 ? " ×" + box.items.length : "");
      return el("mark", {...at, class: classes.join(" "), tabindex: 0, id: ev.id, "data-events": box.items.map((e) => e.id).join(" "),
                          title: box.items.map((e) => e.type + " · " + e.modality).join("; ")},
                words, el("span", {class: "tag"}, label));
    }
    if (box.kind === "time") {
      const t = box.items[0];
      return el("mark", {...at, class: classes.join(" "), title: t.type + " " + (t.value || "unresolved")},
                words, el("span", {class: "tag"}, t.value || t.type));
    }
    const actors = box.items;
    const title = actors.map((a) => a.name + (a.code ? " (" + a.code + ")" : "") + (a.role ? " · " + a.role : "") + " · " + a.kind).join("; ");
    return el("mark", {...at, class: classes.join(" "), title, "data-actors": actors.map((a) => a.id).join(" ")},
              words, el("span", {class: "tag"}, actors.map((a) => a.code || a.kind).join("/")));
  }

  /* The text, cut at every highlight and attribution boundary. */
  function renderText(container, record) {
    const text = record.text;
    const boxes = boxesOf(record);
    const attributions = attributionsOf(record);
    const cuts = new Set([0, text.length]);
    boxes.forEach((b) => { cuts.add(b.start); cuts.add(b.end); });
    attributions.forEach(([s, e]) => { cuts.add(s); cuts.add(e); });
    const points = Array.from(cuts).filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
    const starts = new Map(boxes.map((b) => [b.start, b]));
    const fragment = document.createDocumentFragment();
    let pos = 0;
    for (const point of points) {
      if (point < pos) continue;
      while (pos < point) {
        const box = starts.get(pos);
        const attribution = attributionAt(attributions, pos);
        if (box) {
          const node = boxElement(box, text, attribution);
          if (attribution.quote) node.title += " — " + quoteTitle(attribution.quote);
          fragment.append(node);
          pos = box.end;
        } else {
          const next = Math.min(point, ...boxes.filter((b) => b.start > pos).map((b) => b.start));
          const piece = text.slice(pos, next);
          fragment.append(attribution.classes.length
            ? el("span", {class: attribution.classes.join(" "), title: quoteTitle(attribution.quote)}, piece)
            : document.createTextNode(piece));
          pos = next;
        }
      }
    }
    container.replaceChildren(fragment);
  }

  function names(ids, codes, record) {
    return ids.map((id, i) => {
      const actor = record.actors.find((a) => a.id === id);
      return (actor ? actor.name : id) + (codes[i] ? " (" + codes[i] + ")" : "");
    }).join("; ") || "—";
  }

  function eventCard(ev, record, clusters) {
    const [s, e] = ev.sentence, [ts, te] = ev.trigger;
    const date = ev.date ? ev.date + (ev.date_end ? " to " + ev.date_end : "") : "undated";
    const rows = [
      ["type", ev.type + (ev.mode ? " · " + ev.mode : "")],
      ["CAMEO", (ev.cameo || "—") + (ev.goldstein !== null && ev.goldstein !== undefined ? "  · Goldstein " + ev.goldstein : "")],
      ["quad class", ev.quad_class ? ev.quad_class + " " + QUADS[ev.quad_class] : "—"],
      ["source", names(ev.source, ev.source_codes, record)],
      ["target", names(ev.target, ev.target_codes, record)],
      ["date", date + " (" + ev.date_precision + ", from the " + (ev.date_source === "text" ? "text" : ev.date_source === "publication" ? "publication date" : "nowhere") + ")"],
      ["modality", ev.modality],
      ["according to", ev.attributed_to || "—"],
      ["confidence", String(ev.confidence)],
    ];
    const cluster = clusters && clusters[ev.id];
    return el("div", {class: "event-card", "data-event": ev.id},
      el("h3", {}, el("span", {class: "type q" + (ev.quad_class || "")}, ev.type), " ",
         el("span", {class: "modality m-" + ev.modality}, ev.modality)),
      el("dl", {}, rows.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])),
      el("blockquote", {}, record.text.slice(s, ts), el("mark", {}, record.text.slice(ts, te)), record.text.slice(te, e)),
      cluster ? el("p", {class: "small"}, el("a", {href: "/events?cluster=" + encodeURIComponent(cluster)}, "every report of this real-world event →")) : null);
  }

  function showArticle(payload, root) {
    root = root || document;
    const record = payload.record, clusters = payload.clusters || {};
    const textBox = root.querySelector("#article-text");
    const detail = root.querySelector("#event-detail");
    const list = root.querySelector("#event-list");
    renderText(textBox, record);
    const byTrigger = new Map();  // event id -> the trigger element that holds it
    textBox.querySelectorAll("mark.trigger").forEach((node) => node.dataset.events.split(" ").forEach((id) => byTrigger.set(id, node)));
    const eventsAt = (node) => record.events.filter((ev) => byTrigger.get(ev.id) === node);
    let pinned = null;
    const placeholder = detail.innerHTML;

    function mark(events, on) {
      textBox.querySelectorAll(".is-source, .is-target, .is-date, .active").forEach((n) => n.classList.remove("is-source", "is-target", "is-date", "active"));
      list.querySelectorAll(".active").forEach((n) => n.classList.remove("active"));
      if (!on) return;
      events.forEach((ev) => {
        roleMentions(textBox, ev.source, ev.sentence).forEach((n) => n.classList.add("is-source"));
        roleMentions(textBox, ev.target, ev.sentence).forEach((n) => n.classList.add("is-target"));
        if (ev.date_span) textBox.querySelectorAll('mark.time[data-start="' + ev.date_span[0] + '"]').forEach((n) => n.classList.add("is-date"));
        const trigger = byTrigger.get(ev.id);
        if (trigger) trigger.classList.add("active");
        const item = list.querySelector('[data-event="' + CSS.escape(ev.id) + '"]');
        if (item) item.classList.add("active");
      });
    }

    function show(events, pin) {
      if (pin !== undefined) pinned = pin ? events : null;
      const shown = pinned || events;
      mark(shown || [], Boolean(shown));
      if (!shown) { detail.innerHTML = placeholder; return; }
      detail.replaceChildren(el("h2", {}, shown.length > 1 ? shown.length + " events on this trigger" : "Event" + (pinned ? " (pinned)" : "")),
                             ...shown.map((ev) => eventCard(ev, record, clusters)));
    }

    textBox.addEventListener("mouseover", (e) => { const t = e.target.closest("mark.trigger"); if (t && !pinned) show(eventsAt(t)); });
    textBox.addEventListener("mouseout", (e) => { const t = e.target.closest("mark.trigger"); if (t && !pinned) show(null); });
    textBox.addEventListener("click", (e) => {
      const t = e.target.closest("mark.trigger");
      if (t) { show(eventsAt(t), true); history.replaceState(null, "", "#" + eventsAt(t)[0].id); }
      else if (pinned) show(null, false);
    });
    textBox.addEventListener("keydown", (e) => { const t = e.target.closest("mark.trigger"); if (t && e.key === "Enter") show(eventsAt(t), true); });

    const sorted = record.events.slice().sort((a, b) => a.trigger[0] - b.trigger[0]);
    root.querySelector("#event-count").textContent = String(sorted.length);
    list.replaceChildren(...sorted.map((ev) => el("li", {"data-event": ev.id, tabindex: 0,
      onclick: () => selectEvent(ev.id), onkeydown: (e) => { if (e.key === "Enter") selectEvent(ev.id); }},
      el("span", {class: "type q" + (ev.quad_class || "")}, ev.type), " ",
      el("code", {}, (ev.source_codes.join("+") || "—") + " → " + (ev.target_codes.join("+") || "—")), " ",
      el("span", {class: "muted"}, (ev.date || "undated") + " · "), el("span", {class: "modality m-" + ev.modality}, ev.modality),
      el("div", {class: "small muted"}, "“" + record.text.slice(ev.trigger[0], ev.trigger[1]) + "”"))));

    function selectEvent(id) {
      const ev = record.events.find((x) => x.id === id);
      if (!ev) return;
      show([ev], true);
      const trigger = byTrigger.get(id);
      if (trigger) trigger.scrollIntoView({block: "center", behavior: "smooth"});
      history.replaceState(null, "", "#" + id);
    }
    if (location.hash.length > 1) selectEvent(decodeURIComponent(location.hash.slice(1)));
    return {selectEvent};
  }

  /* Mentions of these actors inside the event's sentence (all their mentions when none is). */
  function roleMentions(textBox, ids, sentence) {
    const nodes = Array.from(textBox.querySelectorAll("mark.actor")).filter((n) => n.dataset.actors.split(" ").some((id) => ids.includes(id)));
    const inside = nodes.filter((n) => Number(n.dataset.start) >= sentence[0] && Number(n.dataset.start) < sentence[1]);
    return inside.length ? inside : nodes;
  }

  window.dyad.showArticle = showArticle;
  const embedded = dyad.data("record-data");
  if (embedded) showArticle(embedded);
})();
