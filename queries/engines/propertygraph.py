"""The property-graph shape, and the batched, idempotent Cypher writes shared by FalkorDB and Neo4j.

``(:Actor)``, ``(:Place)`` and ``(:Source)`` nodes keyed by ``id``; one relationship type per relation
kind (``SUPPORTS``, ``OPPOSES``...) keyed by ``claim_id``. A relationship carries the original EDTF
text (``valid``, ``valid_from``, ``valid_to``), the earliest/latest days of each end as native dates,
support types, status, notes, and ``source_ids`` (the claim's sources, reachable as
``MATCH (s:Source) WHERE s.id IN r.source_ids``). Time filters compare ``*_day`` properties, the
ordinal day numbers of :class:`graph.time.DayBounds`, exactly (FalkorDB orders native dates before
1970 wrongly, so dates are for reading, day numbers for comparing).

Knowledge time: ``known_day`` is the first day the record knew the claim; its knowledge epochs
(:mod:`graph.knowledge`) are parallel lists, ``known_since_days``/``known_until_days`` and one
``known_<field>_days`` list per :class:`DayBounds` field, plus ``known_valid``. A template picks the
epoch ``i`` with ``known_since_days[i] <= $known_at < known_until_days[i]``; in those lists the span
of an open or unknown start or end has its earliest day after its latest, since a list cannot hold
nulls. The scalar ``*_day`` properties are the last epoch (everything known), null for such a span.
Actors carry ``known_day``, ``founded_known_day``, ``dissolved_known_day``, ``description_known_day``.

Every write is ``UNWIND $rows AS row MERGE ... SET ...``: running it again changes nothing, and a
load cut off half-way and run again ends with the same content. The statement texts are fixed; the
only part that varies is the relationship type, taken from the closed vocabulary, never from data.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

from graph.time import FAR_FUTURE, FAR_PAST, DayBounds
from ontology import RelationKind

__all__ = ["INDEXES_FALKORDB", "INDEXES_NEO4J", "NODE_WRITES", "claim_rows", "relation_write", "write_batches"]

NODE_WRITES = {
    "Actor": (
        "UNWIND $rows AS row MERGE (a:Actor {id: row.id}) "
        "SET a.name = row.name, a.kind = row.kind, a.aliases = row.aliases, a.country = row.country, "
        "a.founded = row.founded, a.dissolved = row.dissolved, a.wikidata = row.wikidata, "
        "a.external_ids = row.external_ids, a.description = row.description, a.known_day = row.known_day, "
        "a.founded_known_day = row.founded_known_day, a.dissolved_known_day = row.dissolved_known_day, "
        "a.description_known_day = row.description_known_day"),
    "Place": (
        "UNWIND $rows AS row MERGE (p:Place {id: row.id}) "
        "SET p.name = row.name, p.kind = row.kind, p.aliases = row.aliases, p.country = row.country, "
        "p.within = row.within, p.lat = row.lat, p.lon = row.lon, p.wikidata = row.wikidata, "
        "p.external_ids = row.external_ids, p.description = row.description, "
        "p.description_known_day = row.description_known_day"),
    "Source": (
        "UNWIND $rows AS row MERGE (s:Source {id: row.id}) "
        "SET s.title = row.title, s.publisher = row.publisher, s.url = row.url, s.published = row.published, "
        "s.published_earliest = date(row.published_earliest), s.published_latest = date(row.published_latest)"),
}

_REL_SET = (
    "SET r.predicate = row.predicate, r.valid = row.valid, r.valid_from = row.valid_from, r.valid_to = row.valid_to, "
    "r.start_earliest = date(row.start_earliest), r.start_latest = date(row.start_latest), "
    "r.end_earliest = date(row.end_earliest), r.end_latest = date(row.end_latest), "
    "r.possible_from_day = row.possible_from_day, r.possible_to_day = row.possible_to_day, "
    "r.certain_from_day = row.certain_from_day, r.certain_to_day = row.certain_to_day, "
    "r.known_day = row.known_day, "
    "r.start_earliest_day = row.start_earliest_day, r.start_latest_day = row.start_latest_day, "
    "r.end_earliest_day = row.end_earliest_day, r.end_latest_day = row.end_latest_day, "
    "r.known_since_days = row.known_since_days, r.known_until_days = row.known_until_days, "
    "r.known_possible_from_days = row.known_possible_from_days, r.known_possible_to_days = row.known_possible_to_days, "
    "r.known_certain_from_days = row.known_certain_from_days, r.known_certain_to_days = row.known_certain_to_days, "
    "r.known_start_earliest_days = row.known_start_earliest_days, "
    "r.known_start_latest_days = row.known_start_latest_days, "
    "r.known_end_earliest_days = row.known_end_earliest_days, r.known_end_latest_days = row.known_end_latest_days, "
    "r.known_valid = row.known_valid, "
    "r.support_types = row.support_types, r.status = row.status, r.note = row.note, "
    "r.qualifiers = row.qualifiers, r.extent = row.extent, r.source_ids = row.source_ids, "
    "r.source_notes = row.source_notes, "
    "r.source_quotes = row.source_quotes")

INDEXES_FALKORDB = [
    "CREATE INDEX FOR (a:Actor) ON (a.id)",
    "CREATE INDEX FOR (p:Place) ON (p.id)",
    "CREATE INDEX FOR (s:Source) ON (s.id)",
]
INDEXES_NEO4J = [
    "CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE",
    "CREATE CONSTRAINT place_id IF NOT EXISTS FOR (p:Place) REQUIRE p.id IS UNIQUE",
    "CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE",
] + [f"CREATE INDEX {k.value}_claim IF NOT EXISTS FOR ()-[r:{k.value.upper()}]-() ON (r.claim_id)"
     for k in RelationKind]


def relation_write(kind: RelationKind) -> str:
    """The MERGE statement for claims of one relation kind (object label from the vocabulary)."""
    target = "Place" if kind.spec.object_is_place else "Actor"
    return (f"UNWIND $rows AS row MATCH (s:Actor {{id: row.subject}}) MATCH (o:{target} {{id: row.object}}) "
            f"MERGE (s)-[r:{kind.value.upper()} {{claim_id: row.claim_id}}]->(o) " + _REL_SET)


def _iso(day: int) -> str | None:
    if day <= FAR_PAST or day >= FAR_FUTURE:
        return None
    return date.fromordinal(day).isoformat()


def _entity_row(graph, e) -> dict:
    row = {"id": e.id, "name": e.name, "kind": e.kind.value, "aliases": list(e.aliases), "country": e.country,
           "wikidata": e.external_ids.get("wikidata"),
           "external_ids": [f"{k}={v}" for k, v in e.external_ids.items()], "description": e.description or None}
    k = graph.entity_knowledge(e)
    row["description_known_day"] = k.description if e.description else None
    if e.is_place:
        row.update(within=e.within, lat=e.lat, lon=e.lon)
    else:
        row.update(founded=str(e.founded) if e.founded else None, dissolved=str(e.dissolved) if e.dissolved else None,
                   known_day=graph.entity_known_from(e.id),
                   founded_known_day=k.founded if e.founded else None,
                   dissolved_known_day=k.dissolved if e.dissolved else None)
    return row


def claim_rows(graph, claim) -> dict:
    """One claim as the parameter row of its relation kind's write statement."""
    v = claim.valid
    side = lambda s: str(s) if hasattr(s, "first_day") else (s.value or None)  # noqa: E731
    bounds = DayBounds.of(v)
    start_known, end_known = bounds.start_earliest <= bounds.start_latest, bounds.end_earliest <= bounds.end_latest
    knowledge = graph.knowledge(claim)
    epochs = [(e, DayBounds.of(e.valid)) for e in knowledge.epochs]
    row = {
        "claim_id": claim.id, "subject": claim.subject, "object": claim.object, "predicate": claim.predicate.value,
        "valid": v.edtf or None, "valid_from": side(v.start), "valid_to": None if v.single else side(v.end),
        "start_earliest": _iso(bounds.start_earliest) if start_known else None,
        "start_latest": _iso(bounds.start_latest) if start_known else None,
        "end_earliest": _iso(bounds.end_earliest) if end_known else None,
        "end_latest": _iso(bounds.end_latest) if end_known else None,
        "known_day": knowledge.known_from,
        "known_since_days": [e.known_from for e, _ in epochs], "known_until_days": [e.known_to for e, _ in epochs],
        "known_valid": [e.valid.edtf or "" for e, _ in epochs],
        "support_types": [t.value for t in claim.support_types], "status": claim.status.value,
        "note": claim.note or None, "qualifiers": json.dumps(dict(claim.qualifiers), ensure_ascii=False),
        "extent": claim.qualifiers.get("extent"),
        "source_ids": [c.source for c in claim.citations], "source_notes": [c.note for c in claim.citations],
        "source_quotes": [c.quote for c in claim.citations],
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


def write_batches(graph, *, batch: int = 5000) -> Iterator[tuple[str, list[dict]]]:
    """(statement, rows) pairs that write the whole graph: nodes first, then claims by relation kind."""
    def chunks(statement, rows):
        for i in range(0, len(rows), batch):
            yield statement, rows[i:i + batch]

    yield from chunks(NODE_WRITES["Actor"], [_entity_row(graph, a) for a in graph.actors])
    yield from chunks(NODE_WRITES["Place"], [_entity_row(graph, p) for p in graph.places])
    yield from chunks(NODE_WRITES["Source"], [
        {"id": s.id, "title": s.title, "publisher": s.publisher, "url": s.url, "published": str(s.published),
         "published_earliest": s.published.earliest.isoformat(), "published_latest": s.published.latest.isoformat()}
        for s in graph.sources])
    by_kind: dict[RelationKind, list[dict]] = {}
    for c in graph.all_claims():
        by_kind.setdefault(c.predicate, []).append(claim_rows(graph, c))
    for kind in RelationKind:
        yield from chunks(relation_write(kind), by_kind.get(kind, []))
