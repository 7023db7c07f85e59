"""A Kumu blueprint (JSON with ``elements`` and ``connections``), tagged with years for Kumu's filters.

Elements have unique ``id`` values (Kumu then matches connections by id, so two actors may share a
label); ``from``/``to`` name those ids. Each element and connection is tagged with every year in
which it may hold (``possible`` reading, or ``certain`` when asked), clipped to the export's span,
plus its kind, so "show 2015" in Kumu is a tag filter.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from graph.exports.fields import claim_fields, entity_fields

__all__ = ["year_tags", "write"]


def year_tags(lo: int, hi: int, first_day: int, last_day: int) -> list[str]:
    """The years touched by the half-open ordinal range ``[lo, hi)`` within ``[first_day, last_day]``.

    >>> d = lambda s: date.fromisoformat(s).toordinal()
    >>> year_tags(d("2015-09-30"), d("2018-01-01"), d("2011-01-01"), d("2024-12-31"))
    ['2015', '2016', '2017']
    >>> year_tags(d("2015-09-30"), d("2015-09-30"), d("2011-01-01"), d("2024-12-31"))
    []
    """
    lo, last = max(lo, first_day), min(hi - 1, last_day)
    if last < lo:
        return []
    return [str(y) for y in range(date.fromordinal(lo).year, date.fromordinal(last).year + 1)]


def write(subset, path: Path, *, fmt: str = "kumu", title: str = "actorgraph") -> list[Path]:
    span = (subset.first_day, subset.last_day)
    elements = []
    for e in subset.entities:
        f = entity_fields(e)
        lo, hi = (subset.first_day, subset.last_day + 1) if e.is_place else e.existence.bounds(subset.certainty)
        years = year_tags(lo, hi, *span)  # places exist throughout
        elements.append({
            "id": e.id, "label": e.name, "type": f["kind"].replace("_", " "), "description": f["description"],
            "tags": [f["type"], f["kind"], *years], "aliases": f["aliases"], "country": f["country"],
            "founded": f.get("founded", ""), "dissolved": f.get("dissolved", ""), "color": f["colour"],
        })
    connections = []
    for c in subset.claims:
        f = claim_fields(subset.graph, c, known_as_of=subset.selection.known_as_of)
        years = year_tags(*c.valid.bounds(subset.certainty), *span)
        connections.append({
            "id": c.id, "from": c.subject, "to": c.object, "type": f["label"],
            "direction": "mutual" if c.symmetric else "directed",
            "tags": [c.predicate.value, c.status.value, *years],
            "valid": f["valid"], "support types": f["support_types"], "status": f["status"],
            "sources": f["source_urls"], "description": f.get("note") or "", "color": f["colour"],
        })
    doc = {"elements": elements, "connections": connections}
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return [path]
