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

The rows themselves are built by :mod:`graph.exports.propertyshape`, which ``export neo4j-csv``
shares, so a graph pushed here and one imported from that export have the same properties.

Every write is ``UNWIND $rows AS row MERGE ... SET ...``: running it again changes nothing, and a
load cut off half-way and run again ends with the same content. The statement texts are fixed; the
only part that varies is the relationship type, taken from the closed vocabulary, never from data.
"""

from __future__ import annotations

from collections.abc import Iterator

from graph.exports.propertyshape import claim_row, entity_row, source_row
from ontology import RelationKind

__all__ = ["INDEXES_FALKORDB", "INDEXES_NEO4J", "NODE_WRITES", "claim_rows", "csv_batches", "relation_write",
           "write_batches"]

NODE_WRITES = {
    "Actor": (
        "UNWIND $rows AS row MERGE (a:Actor {id: row.id}) "
        "SET a.name = row.name, a.kind = row.kind, a.aliases = row.aliases, a.country = row.country, "
        "a.founded = row.founded, a.dissolved = row.dissolved, a.wikidata = row.wikidata, "
        "a.external_ids = row.external_ids, a.description = row.description, a.known_day = row.known_day, "
        "a.founded_known_day = row.founded_known_day, a.dissolved_known_day = row.dissolved_known_day, "
        "a.description_known_day = row.description_known_day, "
        "a.possible_first = date(row.possible_first), a.possible_last = date(row.possible_last), "
        "a.certain_first = date(row.certain_first), a.certain_last = date(row.certain_last), "
        "a.ever_certain = row.ever_certain"),
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
    "r.qualifiers = row.qualifiers, r.extent = row.extent, r.theatre = row.theatre, r.source_ids = row.source_ids, "
    "r.source_notes = row.source_notes, r.source_quotes = row.source_quotes, "
    "r.possible_first = date(row.possible_first), r.possible_last = date(row.possible_last), "
    "r.certain_first = date(row.certain_first), r.certain_last = date(row.certain_last), "
    "r.ever_certain = row.ever_certain")

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


#: One claim as the parameter row of its relation kind's write statement (see :mod:`graph.exports.propertyshape`).
claim_rows = claim_row


def write_batches(graph, *, batch: int = 5000) -> Iterator[tuple[str, list[dict]]]:
    """(statement, rows) pairs that write the whole graph: nodes first, then claims by relation kind."""
    def chunks(statement, rows):
        for i in range(0, len(rows), batch):
            yield statement, rows[i:i + batch]

    yield from chunks(NODE_WRITES["Actor"], [entity_row(graph, a) for a in graph.actors])
    yield from chunks(NODE_WRITES["Place"], [entity_row(graph, p) for p in graph.places])
    yield from chunks(NODE_WRITES["Source"], [source_row(s) for s in graph.sources])
    by_kind: dict[RelationKind, list[dict]] = {}
    for c in graph.all_claims():
        by_kind.setdefault(c.predicate, []).append(claim_row(graph, c))
    for kind in RelationKind:
        yield from chunks(relation_write(kind), by_kind.get(kind, []))


def csv_batches(tables: dict[str, list[dict]], *, batch: int = 5000) -> Iterator[tuple[str, list[dict]]]:
    """(statement, rows) pairs that write the rows of a ``neo4j-csv`` export (:func:`graph.exports.neo4j_csv.read`).

    The same statements as :func:`write_batches`: a graph loaded from the export is the graph a push writes.
    """
    def chunks(statement, rows):
        for i in range(0, len(rows), batch):
            yield statement, rows[i:i + batch]

    for label in ("Actor", "Place", "Source"):
        yield from chunks(NODE_WRITES[label], tables.get(label, []))
    by_kind: dict[RelationKind, list[dict]] = {}
    for row in tables.get("RELATION", []):
        by_kind.setdefault(RelationKind(row["type"].lower()), []).append(row)
    for kind in RelationKind:
        yield from chunks(relation_write(kind), by_kind.get(kind, []))
