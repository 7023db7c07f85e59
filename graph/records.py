"""The stable, documented JSON shape of actors, places and claims.

One function per record kind, used by the command line, the exports and the explainer, so a
relation looks the same wherever it is written out. The shape is described in README.md.
"""

from __future__ import annotations

from typing import Any

from graph.model import Actor, Claim, Place
from graph.time import Bound, PartialDate

__all__ = ["claim_record", "entity_record", "side_text"]


def side_text(side: PartialDate | Bound) -> str | None:
    """EDTF text of an interval end: the date, ``..`` when open, ``None`` when unknown."""
    if isinstance(side, PartialDate):
        return str(side)
    return None if side is Bound.UNKNOWN else ".."


def entity_record(entity: Actor | Place) -> dict[str, Any]:
    """An actor or place as plain JSON-ready data."""
    if isinstance(entity, Place):
        return {
            "id": entity.id, "name": entity.name, "type": "place", "kind": entity.kind.value,
            "aliases": list(entity.aliases), "country": entity.country, "within": entity.within,
            "lat": entity.lat, "lon": entity.lon, "external_ids": dict(entity.external_ids),
            "description": entity.description,
        }
    return {
        "id": entity.id, "name": entity.name, "type": "actor", "kind": entity.kind.value,
        "aliases": list(entity.aliases), "country": entity.country,
        "founded": str(entity.founded) if entity.founded else None,
        "dissolved": str(entity.dissolved) if entity.dissolved else None,
        "external_ids": dict(entity.external_ids), "description": entity.description,
    }


def claim_record(graph, claim: Claim, *, known_as_of=None) -> dict[str, Any]:
    """A claim as plain JSON-ready data, with its sources (only those published by ``known_as_of``)."""
    subject, obj = graph.get(claim.subject), graph.get(claim.object)
    notes = {c.source: c for c in claim.citations}
    sources = []
    for s in graph.sources_of(claim, known_as_of):
        cite = notes[s.id]
        sources.append({
            "id": s.id, "title": s.title, "publisher": s.publisher, "url": s.url,
            "published": str(s.published), "note": cite.note or None, "quote": cite.quote or None,
        })
    valid = claim.valid
    return {
        "id": claim.id,
        "subject": {"id": subject.id, "name": subject.name},
        "predicate": claim.predicate.value,
        "object": {"id": obj.id, "name": obj.name},
        "valid": valid.edtf or None,
        "valid_from": side_text(valid.start),
        "valid_to": side_text(valid.end),
        "support_types": [t.value for t in claim.support_types],
        "status": claim.status.value,
        "qualifiers": dict(claim.qualifiers),
        "note": claim.note or None,
        "sources": sources,
    }
