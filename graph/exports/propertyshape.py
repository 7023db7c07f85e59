"""The property-graph shape (Neo4j, FalkorDB): one row per actor, place, source and claim.

``actorgraph push neo4j|falkordb`` writes these rows with MERGE statements
(:mod:`queries.engines.propertygraph`) and ``actorgraph export neo4j-csv`` writes the same rows as
CSV files for ``neo4j-admin database import`` (:mod:`graph.exports.neo4j_csv`), so a graph imported
either way has the same nodes, relationships and properties, and every template runs on both.

``(:Actor)``, ``(:Place)`` and ``(:Source)`` nodes keyed by ``id``; one relationship type per relation
kind (``SUPPORTS``...) keyed by ``claim_id``. A relationship carries the original EDTF text (``valid``,
``valid_from``, ``valid_to``), the earliest/latest days of each end as native dates, the ordinal day
bounds templates compare (``possible_from_day``...), knowledge time as parallel lists (one entry per
epoch of :mod:`graph.knowledge`: ``known_since_days``, ``known_until_days``, ``known_<bound>_days``,
``known_valid``), support types, status, notes, a fight's ``theatre`` (place ids), the ids, notes and
quotes of its sources, and, for reading in tools that slice by date (Bloom), inclusive first and last
days of both readings (``possible_first``...) and ``ever_certain``.
Actors carry the same reading days for their lifetime.

:data:`PROPERTIES` lists every property with its type; a test holds the write statements to it.
"""

from __future__ import annotations

import json
from datetime import date

from graph.exports.fields import interval_fields
from graph.places import theatre_of
from graph.time import FAR_FUTURE, FAR_PAST, DayBounds
from ontology import RelationKind

__all__ = ["PROPERTIES", "claim_row", "entity_row", "source_row"]

_READING = [("possible_first", "date"), ("possible_last", "date"), ("certain_first", "date"),
            ("certain_last", "date"), ("ever_certain", "boolean")]

#: Node label or ``RELATION`` -> (property, neo4j-admin type) in the order the CSV files hold them.
PROPERTIES: dict[str, list[tuple[str, str]]] = {
    "Actor": [("id", "string"), ("name", "string"), ("kind", "string"), ("aliases", "string[]"),
              ("country", "string"), ("founded", "string"), ("dissolved", "string"), ("wikidata", "string"),
              ("external_ids", "string[]"), ("description", "string"), ("known_day", "long"),
              ("founded_known_day", "long"), ("dissolved_known_day", "long"), ("description_known_day", "long"),
              *_READING],
    "Place": [("id", "string"), ("name", "string"), ("kind", "string"), ("aliases", "string[]"),
              ("country", "string"), ("within", "string"), ("lat", "float"), ("lon", "float"),
              ("wikidata", "string"), ("external_ids", "string[]"), ("description", "string"),
              ("description_known_day", "long")],
    "Source": [("id", "string"), ("title", "string"), ("publisher", "string"), ("url", "string"),
               ("published", "string"), ("published_earliest", "date"), ("published_latest", "date")],
    "RELATION": [("claim_id", "string"), ("predicate", "string"), ("valid", "string"), ("valid_from", "string"),
                 ("valid_to", "string"), ("start_earliest", "date"), ("start_latest", "date"),
                 ("end_earliest", "date"), ("end_latest", "date"),
                 *[(f"{name}_day", "long") for name in DayBounds._fields], ("known_day", "long"),
                 ("known_since_days", "long[]"), ("known_until_days", "long[]"),
                 *[(f"known_{name}_days", "long[]") for name in DayBounds._fields], ("known_valid", "string[]"),
                 ("support_types", "string[]"), ("status", "string"), ("note", "string"), ("qualifiers", "string"),
                 ("extent", "string"), ("theatre", "string[]"), ("source_ids", "string[]"),
                 ("source_notes", "string[]"), ("source_quotes", "string[]"),
                 *_READING],
}


def _texts(values) -> list[str] | None:
    """A list of text, or ``None`` (a missing property) when it is empty or holds only empty text.

    neo4j-admin cannot tell an empty array cell from a missing property, so neither shape has empty
    arrays: templates read a missing list as none (``UNWIND null`` gives no rows, ``null[k]`` is null).

    >>> _texts([]), _texts([""]), _texts(["", "x"])
    (None, None, ['', 'x'])
    """
    values = [str(v) for v in values]
    return values if any(values) else None


def _iso(day: int) -> str | None:
    if day <= FAR_PAST or day >= FAR_FUTURE:
        return None
    return date.fromordinal(day).isoformat()


def _reading(interval) -> dict:
    """Inclusive first/last days of both readings (``None`` when open or never certain), and ``ever_certain``."""
    f = interval_fields(interval)
    return {**{k: f[k] or None for k in ("possible_first", "possible_last", "certain_first", "certain_last")},
            "ever_certain": f["ever_certain"]}


def entity_row(graph, e) -> dict:
    """An actor or place as the parameter row of its node's write statement (``e`` as the reader knows it)."""
    row = {"id": e.id, "name": e.name, "kind": e.kind.value, "aliases": _texts(e.aliases), "country": e.country,
           "wikidata": e.external_ids.get("wikidata"),
           "external_ids": _texts(f"{k}={v}" for k, v in e.external_ids.items()),
           "description": e.description or None}
    k = graph.entity_knowledge(e.id)
    row["description_known_day"] = k.description if e.description else None
    if e.is_place:
        row.update(within=e.within, lat=e.lat, lon=e.lon)
    else:
        row.update(founded=str(e.founded) if e.founded else None, dissolved=str(e.dissolved) if e.dissolved else None,
                   known_day=graph.entity_known_from(e.id),
                   founded_known_day=k.founded if e.founded else None,
                   dissolved_known_day=k.dissolved if e.dissolved else None, **_reading(e.existence))
    return row


def source_row(s) -> dict:
    """A source as the parameter row of its node's write statement."""
    return {"id": s.id, "title": s.title, "publisher": s.publisher, "url": s.url, "published": str(s.published),
            "published_earliest": s.published.earliest.isoformat(),
            "published_latest": s.published.latest.isoformat()}


def claim_row(graph, claim, known_by: int | None = None) -> dict:
    """One claim as the parameter row of its relation kind's write statement.

    Args:
        claim: the claim as the reader knows it (as of a knowledge cut-off, its validity then).
        known_by: a knowledge cut-off (ordinal day): epochs first known after it are left out, the
            last kept one runs on, and only sources cited by then are listed.
    """
    v = claim.valid
    side = lambda s: str(s) if hasattr(s, "first_day") else (s.value or None)  # noqa: E731
    bounds = DayBounds.of(v)
    start_known, end_known = bounds.start_earliest <= bounds.start_latest, bounds.end_earliest <= bounds.end_latest
    knowledge = graph.knowledge(claim.id)
    epochs = [(e, DayBounds.of(e.valid)) for e in knowledge.epochs if known_by is None or e.known_from <= known_by]
    until = [e.known_to for e, _ in epochs]
    if known_by is not None and until:
        until[-1] = knowledge.epochs[-1].known_to  # what the cut-off knew last holds on
    citations = claim.citations
    row = {
        "claim_id": claim.id, "subject": claim.subject, "object": claim.object, "predicate": claim.predicate.value,
        "valid": v.edtf or None, "valid_from": side(v.start), "valid_to": None if v.single else side(v.end),
        "start_earliest": _iso(bounds.start_earliest) if start_known else None,
        "start_latest": _iso(bounds.start_latest) if start_known else None,
        "end_earliest": _iso(bounds.end_earliest) if end_known else None,
        "end_latest": _iso(bounds.end_latest) if end_known else None,
        "known_day": knowledge.known_from,
        "known_since_days": [e.known_from for e, _ in epochs], "known_until_days": until,
        "known_valid": _texts(e.valid.edtf or "" for e, _ in epochs),
        "support_types": _texts(t.value for t in claim.support_types), "status": claim.status.value,
        "note": claim.note or None, "qualifiers": json.dumps(dict(claim.qualifiers), ensure_ascii=False),
        "extent": claim.qualifiers.get("extent"),
        "theatre": _texts(theatre_of(claim)) if claim.predicate is RelationKind.FIGHTS else None,
        "source_ids": _texts(c.source for c in citations), "source_notes": _texts(c.note for c in citations),
        "source_quotes": _texts(c.quote for c in citations), **_reading(v),
    }
    for i, name in enumerate(DayBounds._fields):
        row[f"{name}_day"] = _span_day(bounds, i)
        row[f"known_{name}_days"] = [b[i] for _, b in epochs]  # lists hold no nulls: a missing span has lo > hi
    return row


def _span_day(bounds: DayBounds, i: int) -> int | None:
    """Field ``i`` of ``bounds``; ``None`` for the span of a start or end that is open or unknown."""
    name = DayBounds._fields[i]
    if name.startswith(("start_", "end_")):
        lo, hi = (bounds.start_earliest, bounds.start_latest) if name.startswith("start") else (
            bounds.end_earliest, bounds.end_latest)
        if lo > hi:
            return None
    return bounds[i]
