/* actorgraph viewer: the network on one day, with the library's own partial-date semantics.
 *
 * Every claim and actor carries the half-open day ranges [from, to) in which it holds under each
 * reading ("possible", "certain"), as computed by graph/time.py (days are proleptic Gregorian
 * ordinals, as Python's date.toordinal()). Showing day D means: an actor is drawn when its range
 * contains D (places always are), a claim when its range contains D and both its ends are drawn.
 * That is exactly ActorGraph.as_of(D); this file only compares integers.
 *
 * Knowledge time: the "known on" control shows the record as it stood on an earlier day. Each claim
 * carries its knowledge epochs [since, until, bounds, EDTF text] (graph/knowledge.py), each actor
 * the epochs of its lifetime and the day it became known, each source its publication day; on
 * knowledge day K the page uses the epoch holding K, cites the sources published by K, and leaves
 * out what no source had reported yet. That is ActorGraph.as_of(D, known_as_of=K).
 * Drawing, positions and interaction are vis-network's; positions come fixed from the export.
 */
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("actorgraph-data").textContent);
  const EPOCH = data.epoch; // the ordinal of 1970-01-01
  const MS_PER_DAY = 86400000;
  const $ = (id) => document.getElementById(id);

  const isoOf = (day) => new Date((day - EPOCH) * MS_PER_DAY).toISOString().slice(0, 10);
  const dayOf = (iso) => {
    const [y, m, d] = iso.split("-").map(Number);
    return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY) + EPOCH;
  };
  const fold = (s) => String(s).normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

  const kindInfo = {};
  for (const k of data.actorKinds.concat(data.placeKinds)) kindInfo[k.value] = k;
  const relationInfo = {};
  for (const k of data.relationKinds) relationInfo[k.value] = k;
  const nodeById = new Map(data.nodes.map((n) => [n.id, n]));
  const claimById = new Map(data.claims.map((c) => [c.id, c]));

  const ALL_KNOWN = data.knownMax === null ? 999999999 : data.knownMax;  // the whole record (of the export)
  const state = {
    day: data.start,
    known: ALL_KNOWN,
    certainty: data.certainty,
    relationKinds: new Set(data.relationKinds.map((k) => k.value)),
    nodeKinds: new Set(data.actorKinds.concat(data.placeKinds).map((k) => k.value)),
    hideIsolated: false,
    selected: null,
  };

  const holds = (bounds, day) => {
    const [lo, hi] = bounds[state.certainty];
    return lo <= day && day < hi;
  };
  // the epoch of a claim's or actor's record that holds on the knowledge day (null: not known yet)
  const epochAt = (epochs) => epochs.find((e) => e[0] <= state.known && state.known < e[1]) || null;
  const claimAt = (c) => epochAt(c.known);
  const nodeAt = (n) => (n.known_from <= state.known ? epochAt(n.known) : null);
  const claimHolds = (c, day) => { const e = claimAt(c); return e !== null && holds(e[2], day); };
  const nodeHolds = (n, day) => { const e = nodeAt(n); return e !== null && holds(e[2], day); };
  const knownText = () => (state.known >= ALL_KNOWN ? "" : `, as known on ${isoOf(state.known)}`);

  // ------------------------------------------------------------------ the network

  const nodes = new vis.DataSet(data.nodes.map((n) => ({
    id: n.id,
    label: n.name,
    x: n.x,
    y: n.y,
    fixed: true,
    shape: n.type === "place" ? "square" : "dot",
    // hubs get bigger dots and labels, so the overview stays readable when zoomed out
    size: (n.type === "place" ? 7 : 10) + 2.2 * Math.sqrt(n.degree),
    color: { background: n.colour, border: "#ffffff", highlight: { background: n.colour, border: "#212529" },
             hover: { background: n.colour, border: "#495057" } },
    borderWidth: 2,
    font: { size: Math.round(14 + 3.2 * Math.sqrt(n.degree)), color: "#212529", strokeWidth: 4,
            strokeColor: "#ffffff" },
    title: `${n.name} (${kindInfo[n.kind].label})`,
    hidden: true,
  })));

  const pairCount = new Map();
  const edges = new vis.DataSet(data.claims.map((c) => {
    const pair = [c.subject, c.object].sort().join("\u0000");
    const k = pairCount.get(pair) || 0;
    pairCount.set(pair, k + 1);
    const colour = relationInfo[c.predicate].colour;
    return {
      id: c.id,
      from: c.subject,
      to: c.object,
      arrows: c.symmetric ? "" : { to: { enabled: true, scaleFactor: 0.6 } },
      color: { color: colour, highlight: colour, hover: colour, opacity: 0.9 },
      width: 2,
      selectionWidth: 2,
      dashes: c.status === "alleged" || c.status === "disputed",
      smooth: { enabled: true, type: k % 2 ? "curvedCCW" : "curvedCW", roundness: 0.08 + 0.1 * Math.ceil(k / 2) },
      title: `${nodeById.get(c.subject).name} ${relationInfo[c.predicate].label} ${nodeById.get(c.object).name}` +
             ` (${c.valid || "undated"})`,
      hidden: true,
    };
  }));

  const network = new vis.Network($("network"), { nodes, edges }, {
    physics: { enabled: false },
    interaction: { hover: true, tooltipDelay: 150, multiselect: false, navigationButtons: false },
    edges: { font: { size: 0 } },
    nodes: { labelHighlightBold: false },
    layout: { randomSeed: 1, improvedLayout: false },
  });

  // ------------------------------------------------------------------ what holds on the day

  function visibleSets() {
    const shownNodes = new Set();
    for (const n of data.nodes) {
      if (state.nodeKinds.has(n.kind) && nodeHolds(n, state.day)) shownNodes.add(n.id);
    }
    const shownClaims = new Set();
    const touched = new Set();
    for (const c of data.claims) {
      if (state.relationKinds.has(c.predicate) && claimHolds(c, state.day) &&
          shownNodes.has(c.subject) && shownNodes.has(c.object)) {
        shownClaims.add(c.id);
        touched.add(c.subject);
        touched.add(c.object);
      }
    }
    if (state.hideIsolated) {
      for (const id of Array.from(shownNodes)) if (!touched.has(id)) shownNodes.delete(id);
    }
    return { shownNodes, shownClaims };
  }

  function refresh() {
    const { shownNodes, shownClaims } = visibleSets();
    const nodeUpdates = [];
    nodes.forEach((n) => {
      const hidden = !shownNodes.has(n.id);
      if (hidden !== n.hidden) nodeUpdates.push({ id: n.id, hidden });
    });
    const edgeUpdates = [];
    edges.forEach((e) => {
      const hidden = !shownClaims.has(e.id);
      if (hidden !== e.hidden) edgeUpdates.push({ id: e.id, hidden });
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    $("slider").value = String(state.day);
    $("date").value = isoOf(state.day);
    const actors = Array.from(shownNodes).filter((id) => nodeById.get(id).type === "actor").length;
    $("counts").textContent = `${shownClaims.size} relations, ${actors} actors on ${isoOf(state.day)}${knownText()}`;
    $("known-slider").value = String(Math.min(state.known, Number($("known-slider").max)));
    $("known").value = state.known >= ALL_KNOWN ? "" : isoOf(state.known);
    countKinds(shownNodes, shownClaims);
    if (state.selected) showSelected();
  }

  function countKinds(shownNodes, shownClaims) {
    const rel = {}, act = {};
    for (const id of shownClaims) { const p = claimById.get(id).predicate; rel[p] = (rel[p] || 0) + 1; }
    for (const id of shownNodes) { const k = nodeById.get(id).kind; act[k] = (act[k] || 0) + 1; }
    document.querySelectorAll("[data-count-relation]").forEach((el) => {
      el.textContent = rel[el.dataset.countRelation] || 0;
    });
    document.querySelectorAll("[data-count-kind]").forEach((el) => {
      el.textContent = act[el.dataset.countKind] || 0;
    });
  }

  function setDay(day) {
    state.day = Math.min(data.span[1], Math.max(data.span[0], Math.round(day)));
    refresh();
  }

  // ------------------------------------------------------------------ controls

  const slider = $("slider");  // over the record's events; the date box reaches the whole span
  slider.min = String(data.view[0]);
  slider.max = String(data.view[1]);
  slider.step = "1";
  slider.addEventListener("input", () => setDay(Number(slider.value)));
  const dateBox = $("date");
  dateBox.addEventListener("change", () => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(dateBox.value) && !Number.isNaN(dayOf(dateBox.value))) setDay(dayOf(dateBox.value));
    else dateBox.value = isoOf(state.day);
  });

  // the knowledge day: the right end of its slider (or an empty box) is the whole record
  const knownSlider = $("known-slider");
  knownSlider.min = String(data.view[0]);
  knownSlider.max = String(Math.min(ALL_KNOWN, data.span[1]) + (data.knownMax === null ? 1 : 0));
  knownSlider.step = "1";
  function setKnown(day) {
    const top = Number(knownSlider.max);
    state.known = data.knownMax === null && day >= top ? ALL_KNOWN : Math.min(ALL_KNOWN, Math.round(day));
    refresh();
  }
  knownSlider.addEventListener("input", () => setKnown(Number(knownSlider.value)));
  const knownBox = $("known");
  knownBox.addEventListener("change", () => {
    const text = knownBox.value.trim();
    if (!text) setKnown(ALL_KNOWN);
    else if (/^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(dayOf(text))) setKnown(dayOf(text));
    else knownBox.value = state.known >= ALL_KNOWN ? "" : isoOf(state.known);
  });

  let timer = null;
  const playButton = $("play");
  function stop() {
    clearInterval(timer);
    timer = null;
    playButton.classList.remove("playing");
    playButton.innerHTML = "&#9654;";
    playButton.setAttribute("aria-label", "play");
  }
  // play speed: the step per tick; the default crosses the slider in about 300 steps
  const speed = $("speed");
  const wanted = (data.view[1] - data.view[0]) / 300;
  speed.value = Array.from(speed.options).reduce((best, o) =>
    (Math.abs(Number(o.value) - wanted) < Math.abs(Number(best) - wanted) ? o.value : best), speed.options[0].value);
  playButton.addEventListener("click", () => {
    if (timer) { stop(); return; }
    if (state.day >= data.view[1]) setDay(data.view[0]);
    playButton.classList.add("playing");
    playButton.innerHTML = "&#10074;&#10074;";
    playButton.setAttribute("aria-label", "pause");
    timer = setInterval(() => {
      if (state.day >= data.view[1]) { stop(); return; }
      setDay(Math.min(data.view[1], state.day + Number(speed.value)));
    }, 120);
  });

  document.querySelectorAll("input[name=certainty]").forEach((radio) => {
    radio.checked = radio.value === state.certainty;
    radio.addEventListener("change", () => { if (radio.checked) { state.certainty = radio.value; refresh(); } });
  });

  $("hide-isolated").addEventListener("change", (ev) => { state.hideIsolated = ev.target.checked; refresh(); });

  function legendItem(list, kind, { line, square, countAttr, set }) {
    const li = document.createElement("li");
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = kind.value;
    box.addEventListener("change", () => {
      if (box.checked) set.add(kind.value); else set.delete(kind.value);
      refresh();
    });
    const swatch = document.createElement("span");
    swatch.className = "swatch" + (line ? " line" : "") + (square ? " square" : "");
    swatch.style.background = kind.colour;
    const text = document.createElement("span");
    text.textContent = kind.label;
    const n = document.createElement("span");
    n.className = "n";
    n.dataset[countAttr] = kind.value;
    label.append(box, swatch, text, n);
    li.append(label);
    list.append(li);
  }
  for (const k of data.relationKinds) {
    legendItem($("relation-kinds"), k, { line: true, countAttr: "countRelation", set: state.relationKinds });
  }
  for (const k of data.actorKinds) {
    legendItem($("actor-kinds"), k, { countAttr: "countKind", set: state.nodeKinds });
  }
  for (const k of data.placeKinds) {
    legendItem($("actor-kinds"), k, { square: true, countAttr: "countKind", set: state.nodeKinds });
  }

  // ------------------------------------------------------------------ search

  const searchIndex = data.nodes.map((n) => ({ node: n, names: [n.name].concat(n.aliases).map(fold) }));
  const search = $("search");
  const results = $("results");
  function runSearch() {
    const q = fold(search.value.trim());
    results.replaceChildren();
    if (!q) return;
    const scored = [];
    for (const { node, names } of searchIndex) {
      let best = 99;
      names.forEach((name, i) => {
        if (name === q) best = Math.min(best, i === 0 ? 0 : 1);
        else if (name.startsWith(q)) best = Math.min(best, 2);
        else if (name.includes(q)) best = Math.min(best, 3);
      });
      if (best < 99) scored.push([best, node.name.toLowerCase(), node]);
    }
    scored.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    for (const [, , node] of scored.slice(0, 20)) {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.id = node.id;
      button.append(node.name);
      const alias = node.aliases.find((a) => fold(a).includes(q) && fold(a) !== fold(node.name));
      if (alias) {
        const span = document.createElement("span");
        span.className = "alias";
        span.textContent = ` (${alias})`;
        button.append(span);
      }
      button.addEventListener("click", () => selectNode(node.id, true));
      li.append(button);
      results.append(li);
    }
    if (!scored.length) {
      const li = document.createElement("li");
      li.className = "note";
      li.textContent = "no actor or place has that name";
      results.append(li);
    }
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") {
      const first = results.querySelector("button");
      if (first) first.click();
    }
  });

  // ------------------------------------------------------------------ details

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function sourceList(claim) {
    const ul = el("ul", "sources");
    for (const s of claim.sources.filter((x) => x.day <= state.known)) {
      const li = el("li");
      const a = el("a", null, s.title);
      a.href = s.url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      li.append(a, el("span", "meta", `${s.publisher}, ${s.published}`));
      if (s.note) li.append(el("span", "says", s.note));
      if (s.quote) { const q = el("q", null, s.quote); const says = el("span", "says"); says.append(q); li.append(says); }
      ul.append(li);
    }
    return ul;
  }

  function validText(claim) {
    const epoch = claimAt(claim);
    const valid = epoch === null ? claim.valid : epoch[3];
    if (!valid) return "undated";
    if (!valid.includes("/")) return `on some day in ${valid}`;
    const [from, to] = valid.split("/");
    const start = from === ".." ? "open start" : from || "unknown start";
    const end = to === ".." ? "ongoing" : to ? `until ${to}` : "unknown end";
    return `${start} \u2192 ${end}`;
  }

  function claimBlock(claim, { active }) {
    const div = el("div", "claim" + (active ? "" : " inactive"));
    div.style.borderLeftColor = relationInfo[claim.predicate].colour;
    div.dataset.claim = claim.id;
    const what = `${nodeById.get(claim.subject).name} ${relationInfo[claim.predicate].label} ` +
                 `${nodeById.get(claim.object).name}`;
    div.append(el("div", "what", what));
    const bits = [validText(claim), claim.status];
    if (claim.support_types.length) bits.push(claim.support_types.join(", ").replaceAll("_", " "));
    div.append(el("div", "when", bits.join(" \u00b7 ")));
    for (const [k, v] of Object.entries(claim.qualifiers)) div.append(el("div", "when", `${k}: ${v}`));
    if (claim.note) div.append(el("div", "when", claim.note));
    div.append(sourceList(claim));
    return div;
  }

  function showNode(id) {
    const n = nodeById.get(id);
    const box = $("details");
    box.replaceChildren();
    box.dataset.showing = `node:${id}`;
    box.append(el("h2", null, n.name), el("div", "kind", kindInfo[n.kind].label));
    const dl = el("dl");
    const add = (k, v) => { if (v) dl.append(el("dt", null, k), el("dd", null, v)); };
    add("aliases", n.aliases.join(", "));
    add("country", n.country);
    const life = nodeAt(n);
    add("founded", life === null ? null : life[3]);
    add("dissolved", life === null ? null : life[4]);
    add("on the map", life === null ? `not known yet${knownText()}` : nodeHolds(n, state.day) ? null : `not on ${isoOf(state.day)}`);
    box.append(dl);
    if (n.description && n.description_known <= state.known) box.append(el("p", null, n.description));
    const mine = data.claims.filter((c) => (c.subject === id || c.object === id) && claimAt(c) !== null);
    const now = mine.filter((c) => claimHolds(c, state.day));
    box.append(el("h3", null, `Relations on ${isoOf(state.day)} (${now.length})`));
    for (const c of now) box.append(claimBlock(c, { active: true }));
    const other = mine.filter((c) => !claimHolds(c, state.day));
    if (other.length) {
      const more = el("details");
      more.append(el("summary", null, `Other times (${other.length})`));
      for (const c of other) more.append(claimBlock(c, { active: false }));
      box.append(more);
    }
  }

  function showClaim(id) {
    const c = claimById.get(id);
    const box = $("details");
    box.replaceChildren();
    box.dataset.showing = `claim:${id}`;
    if (claimAt(c) === null) {
      box.append(el("h2", null, relationInfo[c.predicate].label), el("p", "note", `not known yet${knownText()}`));
      return;
    }
    box.append(el("h2", null, relationInfo[c.predicate].label), claimBlock(c, { active: claimHolds(c, state.day) }));
  }

  function showSelected() {
    const [what, id] = state.selected;
    if (what === "node") showNode(id); else showClaim(id);
  }

  function selectNode(id, focus) {
    state.selected = ["node", id];
    if (!nodes.get(id).hidden) {
      network.selectNodes([id]);
      if (focus) network.focus(id, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 300 } });
    }
    showSelected();
  }

  network.on("click", (params) => {
    if (params.nodes.length) selectNode(params.nodes[0], false);
    else if (params.edges.length) { state.selected = ["claim", params.edges[0]]; showSelected(); }
  });

  $("about").textContent = `${data.nodes.length} actors and places, ${data.claims.length} relations, ` +
    `${isoOf(data.span[0])} to ${isoOf(data.span[1])} (the slider: ${isoOf(data.view[0])} to ` +
    `${isoOf(data.view[1])}; type a date for others). ${data.about}`;
  $("about").title = "A claim with partial dates may hold (possible) or must hold (certain) on a day.";

  refresh();
  network.fit({ nodes: nodes.getIds({ filter: (n) => !n.hidden }) });

  // for scripted checks (the browser tests) and the curious
  window.actorgraphViewer = {
    setDay: (iso) => setDay(dayOf(iso)),
    day: () => isoOf(state.day),
    sliderRange: () => [isoOf(Number(slider.min)), isoOf(Number(slider.max))],
    speed: () => Number(speed.value),
    setSpeed: (days) => { speed.value = String(days); },
    play: () => { if (!timer) playButton.click(); },
    pause: () => { if (timer) stop(); },
    setKnown: (iso) => setKnown(iso ? dayOf(iso) : ALL_KNOWN),
    known: () => (state.known >= ALL_KNOWN ? null : isoOf(state.known)),
    visibleClaims: () => edges.getIds({ filter: (e) => !e.hidden }).sort(),
    visibleNodes: () => nodes.getIds({ filter: (n) => !n.hidden }).sort(),
    nodePosition: (id) => network.canvasToDOM(network.getPosition(id)),
    edgeMidpoint: (id) => {
      const edge = network.body.edges[id];  // the drawn curve's middle, so a click there hits the edge
      return network.canvasToDOM(edge.edgeType.getPoint(0.5));
    },
    network,
  };
})();
