"""Flat, tool-friendly fields of entities and claims, shared by the tabular and graph-file exports.

Graph tools want scalar attributes: lists become ``;``-joined text, unknown values empty text, and
each validity interval becomes inclusive first and last days for both readings of partial dates
(``possible_first``/``possible_last``, ``certain_first``/``certain_last``; empty when open) plus
``ever_certain`` (false when no day is certain, so empty certain bounds are never read as "always").
"""

from __future__ import annotations

from typing import Any

from graph.exports.style import node_colour, relation_colour
from graph.records import side_text
from graph.time import FAR_FUTURE, FAR_PAST, DayBounds, Interval, ordinal_to_iso

__all__ = ["claim_fields", "day_bounds", "entity_fields", "interval_fields", "join"]

SEP = ";"


def join(values) -> str:
    """List values as ``;``-joined text (the array separator neo4j-admin also uses).

    >>> join(["troops", "diplomatic"])
    'troops;diplomatic'
    """
    return SEP.join(str(v) for v in values)


def day_bounds(lo: int, hi: int) -> tuple[str, str] | None:
    """The half-open ordinal range ``[lo, hi)`` as inclusive ISO first and last days.

    An open side is ``""``; ``None`` when the range is empty (it never holds).

    >>> from datetime import date
    >>> day_bounds(date(2015, 9, 30).toordinal(), date(2024, 12, 8).toordinal())
    ('2015-09-30', '2024-12-07')
    >>> day_bounds(FAR_PAST, FAR_FUTURE), day_bounds(5, 5)
    (('', ''), None)
    """
    if lo >= hi:
        return None
    first = "" if lo <= FAR_PAST else ordinal_to_iso(lo)
    last = "" if hi >= FAR_FUTURE else ordinal_to_iso(hi - 1)
    return first, last


def interval_fields(interval: Interval) -> dict[str, Any]:
    """The interval's :class:`graph.time.DayBounds` as inclusive first and last days of each reading."""
    bounds = DayBounds.of(interval)
    possible = day_bounds(bounds.possible_from, bounds.possible_to) or ("", "")
    certain = day_bounds(bounds.certain_from, bounds.certain_to)
    return {
        "possible_first": possible[0], "possible_last": possible[1],
        "certain_first": certain[0] if certain else "", "certain_last": certain[1] if certain else "",
        "ever_certain": certain is not None,
    }


def entity_fields(entity) -> dict[str, Any]:
    """An actor or place as flat fields (``label`` is the name; places have ``lat``/``lon``)."""
    out: dict[str, Any] = {
        "id": entity.id, "label": entity.name, "type": "place" if entity.is_place else "actor",
        "kind": entity.kind.value, "aliases": join(entity.aliases), "country": entity.country or "",
        "description": entity.description, "colour": node_colour(entity),
    }
    if entity.is_place:
        out.update(lat=entity.lat, lon=entity.lon, within=entity.within or "")
        out.update(possible_first="", possible_last="", certain_first="", certain_last="", ever_certain=True)
    else:
        out.update(founded=str(entity.founded) if entity.founded else "",
                   dissolved=str(entity.dissolved) if entity.dissolved else "")
        out.update(interval_fields(entity.existence))
    return out


def claim_fields(graph, claim, *, known_as_of=None) -> dict[str, Any]:
    """A claim as flat fields: ends, relation kind, validity (EDTF and day bounds), status, sources."""
    sources = graph.sources_of(claim, known_as_of)
    return {
        "id": claim.id, "source": claim.subject, "target": claim.object,
        "subject_name": graph.get(claim.subject).name, "object_name": graph.get(claim.object).name,
        "predicate": claim.predicate.value, "label": claim.predicate.spec.label,
        "symmetric": claim.symmetric, "valid": claim.valid.edtf,
        "valid_from": side_text(claim.valid.start) or "", "valid_to": side_text(claim.valid.end) or "",
        **interval_fields(claim.valid),
        "support_types": join(t.value for t in claim.support_types), "status": claim.status.value,
        "qualifiers": join(f"{k}={v}" for k, v in claim.qualifiers.items()), "note": claim.note,
        "source_ids": join(s.id for s in sources), "source_urls": join(s.url for s in sources),
        "source_titles": join(s.title for s in sources), "colour": relation_colour(claim.predicate),
    }

