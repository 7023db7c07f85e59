"""The property-graph shape, and the batched, idempotent Cypher writes shared by FalkorDB and Neo4j.

``(:Actor)``, ``(:Place)`` and ``(:Source)`` nodes keyed by ``id``; one relationship type per relation
kind (``SUPPORTS``, ``OPPOSES``...) keyed by ``claim_id``. A relationship carries the original EDTF
text (``valid``, ``valid_from``, ``valid_to``), the earliest/latest days of each end as native dates,
support types, status, notes, and ``source_ids`` (the claim's sources, reachable as
``MATCH (s:Source) WHERE s.id IN r.source_ids``). Time filters compare ``*_day`` properties, the
ordinal day numbers of :class:`graph.time.Interval`'s bounds, exactly (FalkorDB orders native dates
before 1970 wrongly, so dates are for reading, day numbers for comparing).

Every write is ``UNWIND $rows AS row MERGE ... SET ...``: running it again changes nothing, and a
load cut off half-way and run again ends with the same content. The statement texts are fixed; the
only part that varies is the relationship type, taken from the closed vocabulary, never from data.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

from graph.time import FAR_FUTURE, FAR_PAST
from ontology import RelationKind

__all__ = ["INDEXES_FALKORDB", "INDEXES_NEO4J", "NODE_WRITES", "claim_rows", "relation_write", "write_batches"]

NODE_WRITES = {
    "Actor": (
        "UNWIND $rows AS row MERGE (a:Actor {id: row.id}) "
        "SET a.name = row.name, a.kind = row.kind, a.aliases = row.aliases, a.country = row.country, "
        "a.founded = row.founded, a.dissolved = row.dissolved, a.wikidata = row.wikidata, "
        "a.external_ids = row.external_ids, a.description = row.description"),
    "Place": (
        "UNWIND $rows AS row MERGE (p:Place {id: row.id}) "
        "SET p.name = row.name, p.kind = row.kind, p.aliases = row.aliases, p.country = row.country, "
        "p.within = row.within, p.lat = row.lat, p.lon = row.lon, p.wikidata = row.wikidata, "
        "p.external_ids = row.external_ids, p.description = row.description"),
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
    "r.known_day = row.known_day, r.known_certain_day = row.known_certain_day, "
    "r.start_lo_day = row.start_lo_day, r.start_hi_day = row.start_hi_day, "
    "r.end_lo_day = row.end_lo_day, r.end_hi_day = row.end_hi_day, "
    "r.support_types = row.support_types, r.status = row.status, r.note = row.note, "
    "r.qualifiers = row.qualifiers, r.source_ids = row.source_ids, r.source_notes = row.source_notes, "
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


def _entity_row(e) -> dict:
    row = {"id": e.id, "name": e.name, "kind": e.kind.value, "aliases": list(e.aliases), "country": e.country,
           "wikidata": e.external_ids.get("wikidata"),
           "external_ids": [f"{k}={v}" for k, v in e.external_ids.items()], "description": e.description or None}
    if e.is_place:
        row.update(within=e.within, lat=e.lat, lon=e.lon)
    else:
        row.update(founded=str(e.founded) if e.founded else None, dissolved=str(e.dissolved) if e.dissolved else None)
    return row


def claim_rows(graph, claim) -> dict:
    """One claim as the parameter row of its relation kind's write statement."""
    v = claim.valid
    side = lambda s: str(s) if hasattr(s, "first_day") else (s.value or None)  # noqa: E731
    start_known, end_known = v.start_span[0] <= v.start_span[1], v.end_span[0] <= v.end_span[1]
    return {
        "claim_id": claim.id, "subject": claim.subject, "object": claim.object, "predicate": claim.predicate.value,
        "valid": v.edtf or None, "valid_from": side(v.start), "valid_to": None if v.single else side(v.end),
        "start_earliest": _iso(v.start_span[0]) if start_known else None,
        "start_latest": _iso(v.start_span[1]) if start_known else None,
        "end_earliest": _iso(v.end_span[0]) if end_known else None,
        "end_latest": _iso(v.end_span[1]) if end_known else None,
        "possible_from_day": v.possible_from, "possible_to_day": v.possible_to,
        "certain_from_day": v.certain_from, "certain_to_day": v.certain_to,
        "known_day": graph.known_from(claim, "possible"), "known_certain_day": graph.known_from(claim, "certain"),
        "start_lo_day": v.start_span[0] if start_known else None,
        "start_hi_day": v.start_span[1] if start_known else None,
        "end_lo_day": v.end_span[0] if end_known else None, "end_hi_day": v.end_span[1] if end_known else None,
        "support_types": [t.value for t in claim.support_types], "status": claim.status.value,
        "note": claim.note or None, "qualifiers": json.dumps(dict(claim.qualifiers), ensure_ascii=False),
        "source_ids": [c.source for c in claim.citations], "source_notes": [c.note for c in claim.citations],
        "source_quotes": [c.quote for c in claim.citations],
    }


def write_batches(graph, *, batch: int = 5000) -> Iterator[tuple[str, list[dict]]]:
    """(statement, rows) pairs that write the whole graph: nodes first, then claims by relation kind."""
    def chunks(statement, rows):
        for i in range(0, len(rows), batch):
            yield statement, rows[i:i + batch]

    yield from chunks(NODE_WRITES["Actor"], [_entity_row(a) for a in graph.actors])
    yield from chunks(NODE_WRITES["Place"], [_entity_row(p) for p in graph.places])
    yield from chunks(NODE_WRITES["Source"], [
        {"id": s.id, "title": s.title, "publisher": s.publisher, "url": s.url, "published": str(s.published),
         "published_earliest": s.published.earliest.isoformat(), "published_latest": s.published.latest.isoformat()}
        for s in graph.sources])
    by_kind: dict[RelationKind, list[dict]] = {}
    for c in graph.all_claims():
        by_kind.setdefault(c.predicate, []).append(claim_rows(graph, c))
    for kind in RelationKind:
        yield from chunks(relation_write(kind), by_kind.get(kind, []))
