"""The interactive viewer: one self-contained HTML file with a time slider, filters, search and sources.

The page draws with vis-network, whose JavaScript ships inside the ``pyvis`` wheel (a dependency);
it is read from the installed package and inlined, so the file works offline with no server and
nothing is copied into this repository. Positions are computed once over all claims (stable
layout). Each claim and actor carries its day bounds under both readings of partial dates, taken
from :mod:`graph.time`, so the page shows on each day exactly what ``ActorGraph.as_of`` gives.

The slider covers the span of the record's events (:func:`graph.exports.selection.busy_span`: not
the decades of background facts before the war) and the page opens on the last dated event; a date
typed in the box may lie anywhere in the data. With ``--as-of``, the page opens on that day (the
file still holds the whole history); with ``--from/--to`` the file holds that period only. Play
steps through time at the speed chosen next to it.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from dataclasses import replace
from datetime import date
from importlib import resources
from pathlib import Path

from graph.exports.layout import subset_positions
from graph.exports.selection import busy_span, last_event_day, select
from graph.exports.style import ACTOR_COLOURS, PLACE_COLOUR, RELATION_COLOURS
from graph.knowledge import lifetime_epochs
from graph.records import claim_record
from graph.time import FAR_FUTURE, FAR_PAST, Bound, Interval, day_span
from ontology import ActorKind, PlaceKind, RelationKind

__all__ = ["payload", "render", "vis_network_assets", "write"]

_HINT = ("the html viewer inlines vis-network from the pyvis package, which is not installed: "
         "pip install pyvis (it is a dependency of actorgraph)")
_EPOCH = date(1970, 1, 1).toordinal()
_MARKER = re.compile(r"\{\{(TITLE|VIS_CSS|VIS_JS|VIEWER_CSS|VIEWER_JS|DATA)\}\}")


def vis_network_assets() -> tuple[str, str, str]:
    """vis-network's JavaScript, its CSS and its version, read from the installed pyvis package.

    Raises:
        ImportError: pyvis (or the vis-network files inside it) is missing, with how to install it.
    """
    spec = importlib.util.find_spec("pyvis")  # locates the package without importing it (no IPython)
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(_HINT)
    found = []
    for root in spec.submodule_search_locations:
        for js in Path(root, "lib").glob("vis-*/vis-network.min.js"):
            version = tuple(int(x) for x in re.findall(r"\d+", js.parent.name.removeprefix("vis-")))
            found.append((version, js))
    if not found:
        raise ImportError(_HINT)
    version, js = max(found)
    css = js.with_name("vis-network.css")
    return (js.read_text(encoding="utf-8"), css.read_text(encoding="utf-8") if css.exists() else "",
            ".".join(map(str, version)))


def payload(subset, *, start_day: int | None = None, about: str = "") -> dict:
    """The data the page runs on: nodes with fixed positions, claims with their day bounds, kinds, span.

    Knowledge time travels with the data so the page's "known on" control can show the record as it
    stood on an earlier day: each claim lists its knowledge epochs (``known``: since, until, day
    bounds under both readings, EDTF text), each source its publication day, each actor when it, its
    founding, dissolution and description became known. Nothing known only after the export's own
    ``--known-as-of`` is in the file.
    """
    graph = subset.graph
    pov = subset.selection.pov
    cut = pov.known_by
    n = max(len(subset.entities), 1)
    pos = subset_positions(subset, scale=110.0 * n ** 0.5 + 150.0)
    used_kinds = {e.kind for e in subset.entities}
    degree = Counter(x for c in subset.claims for x in (c.subject, c.object))
    nodes = []
    for e in subset.entities:
        x, y = pos[e.id]
        k = graph.entity_knowledge(e.id)
        node = {"id": e.id, "name": e.name, "type": "place" if e.is_place else "actor", "kind": e.kind.value,
                "aliases": list(e.aliases), "country": e.country or "", "description": e.description,
                "description_known": _day(k.description),
                "colour": PLACE_COLOUR if e.is_place else ACTOR_COLOURS[e.kind], "x": round(x, 1),
                "y": round(y, 1), "degree": degree[e.id]}
        if e.is_place:
            node["known_from"] = _day(FAR_PAST)
            node["exist"] = {"possible": [-(10**9), 10**9], "certain": [-(10**9), 10**9]}
            node["known"] = [[_day(FAR_PAST), _day(FAR_FUTURE), node["exist"], "", ""]]
            node.update(founded="", dissolved="")
        else:
            node["known_from"] = _day(graph.entity_known_from(e.id))
            node["exist"] = _bounds(e.existence)
            node["known"] = _actor_epochs(e, k, cut)
            node.update(founded=str(e.founded or ""), dissolved=str(e.dissolved or ""))
        nodes.append(node)
    claims = []
    for c in subset.claims:
        record = claim_record(graph, c, known_as_of=pov)
        epochs = [[_day(ep.known_from), _day(ep.known_to), _bounds(ep.valid), ep.valid.edtf]
                  for ep in graph.knowledge(c).epochs if ep.known_from <= cut]
        epochs[-1][1] = _day(FAR_FUTURE)  # what the export knew last holds on
        claims.append({
            "id": c.id, "subject": c.subject, "object": c.object, "predicate": c.predicate.value,
            "symmetric": c.symmetric, "valid": record["valid"] or "", "valid_days": _bounds(c.valid),
            "known": epochs,
            "support_types": record["support_types"], "status": record["status"],
            "qualifiers": record["qualifiers"], "note": record["note"] or "",
            "sources": [{**{k: s[k] or "" for k in ("title", "publisher", "url", "published", "note", "quote")},
                         "day": graph.source(s["id"]).published.last_day} for s in record["sources"]],
        })
    first, last = subset.first_day, subset.last_day
    if subset.selection.period:
        view = (first, last)
    else:  # the slider covers where the record's events are; typed dates reach the whole span
        busy = busy_span(graph, pov)
        view = (min(max(busy[0], first), last), min(max(busy[1], first), last))
    opening = min(max(last_event_day(graph, pov), first), last) if not subset.selection.period else last
    start = opening if start_day is None else min(max(start_day, first), last)
    return {
        "epoch": _EPOCH, "span": [first, last], "view": [min(view[0], start), max(view[1], start)], "start": start,
        "certainty": subset.certainty.value,
        "knownMax": None if pov.knows_everything else cut, "about": about,
        "actorKinds": [{"value": k.value, "label": k.label, "colour": ACTOR_COLOURS[k]}
                       for k in ActorKind if k in used_kinds],
        "placeKinds": [{"value": k.value, "label": k.label, "colour": PLACE_COLOUR}
                       for k in PlaceKind if k in used_kinds],
        "relationKinds": [{"value": k.value, "label": k.spec.label, "colour": RELATION_COLOURS[k]}
                          for k in RelationKind if any(c.predicate is k for c in subset.claims)],
        "nodes": nodes, "claims": claims,
    }


def _actor_epochs(actor, k, cut: int) -> list:
    """How an actor's lifetime read at each knowledge day: [since, until, bounds, founded, dissolved]."""
    out = []
    for since, until, founded, dissolved in lifetime_epochs(actor, k):
        if since > cut:
            break
        life = Interval(founded or Bound.OPEN, dissolved or Bound.OPEN)
        out.append([_day(since), _day(until), _bounds(life), str(founded or ""), str(dissolved or "")])
    out[-1][1] = _day(FAR_FUTURE)
    return out


def _day(day: int) -> int:
    """A day for the page: the infinities as +-10**9, which JSON and JavaScript hold exactly."""
    return max(min(day, FAR_FUTURE), FAR_PAST)


def render(subset, *, title: str = "actorgraph", start_day: int | None = None) -> str:
    """The whole page as text."""
    vis_js, vis_css, version = vis_network_assets()
    about = f"Drawn with vis-network {version} (from the pyvis package)."
    if subset.selection.period or subset.selection.filters or subset.selection.known_as_of:
        about = f"Selection: {subset.describe()}. " + about
    data = json.dumps(payload(subset, start_day=start_day, about=about), ensure_ascii=False, separators=(",", ":"))
    # inside <script>, "</script" or "<!--" would end or confuse the element: escape every "<"
    data = data.replace("<", "\\u003c")
    assets = resources.files("graph.exports")
    parts = {
        "TITLE": _html_text(title),
        "VIS_CSS": vis_css,
        "VIS_JS": re.sub(r"</(script)", r"<\\/\1", vis_js, flags=re.IGNORECASE),
        "VIEWER_CSS": assets.joinpath("viewer.css").read_text(encoding="utf-8"),
        "VIEWER_JS": assets.joinpath("viewer.js").read_text(encoding="utf-8"),
        "DATA": data,
    }
    template = assets.joinpath("viewer.html").read_text(encoding="utf-8")
    return _MARKER.sub(lambda m: parts[m.group(1)], template)  # one pass: inlined code is never rescanned


def write(subset, path: Path, *, fmt: str = "html", title: str = "actorgraph") -> list[Path]:
    start_day = None
    if subset.selection.as_of is not None:
        start_day = day_span(subset.selection.as_of)[0]
        subset = select(subset.graph, replace(subset.selection, pov=subset.selection.pov.at(None)))
    path.write_text(render(subset, title=title, start_day=start_day), encoding="utf-8")
    return [path]


def _bounds(interval) -> dict:
    return {"possible": list(interval.bounds("possible")), "certain": list(interval.bounds("certain"))}


def _html_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
