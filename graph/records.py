"""The stable, documented JSON shape of actors, places and claims.

One function per record kind, used by the command line, the exports and the explainer, so a
relation looks the same wherever it is written out. The shape is described in README.md.
"""

from __future__ import annotations

from typing import Any

from graph.model import Actor, Citation, Claim, Place
from graph.time import Bound, PartialDate

__all__ = ["citation_record", "claim_record", "entity_record", "side_text"]


def side_text(side: PartialDate | Bound) -> str | None:
    """EDTF text of an interval end: the date, ``..`` when open, ``None`` when unknown."""
    if isinstance(side, PartialDate):
        return str(side)
    return None if side is Bound.UNKNOWN else ".."


def citation_record(citation: Citation) -> dict[str, Any]:
    """A citation of an actor's or place's own record: source id, what it attests, note and quote."""
    return {"id": citation.source, "attests": [p.value for p in citation.attests or ()],
            "announced": citation.announced, "note": citation.note or None, "quote": citation.quote or None}


def entity_record(entity: Actor | Place) -> dict[str, Any]:
    """An actor or place as plain JSON-ready data (``sources``: the sources of its own record)."""
    if isinstance(entity, Place):
        return {
            "id": entity.id, "name": entity.name, "type": "place", "kind": entity.kind.value,
            "aliases": list(entity.aliases), "country": entity.country, "within": entity.within,
            "lat": entity.lat, "lon": entity.lon, "external_ids": dict(entity.external_ids),
            "description": entity.description, "sources": [citation_record(c) for c in entity.citations],
        }
    return {
        "id": entity.id, "name": entity.name, "type": "actor", "kind": entity.kind.value,
        "aliases": list(entity.aliases), "country": entity.country,
        "founded": str(entity.founded) if entity.founded else None,
        "dissolved": str(entity.dissolved) if entity.dissolved else None,
        "external_ids": dict(entity.external_ids), "description": entity.description,
        "sources": [citation_record(c) for c in entity.citations],
    }


def claim_record(graph, claim: Claim, *, known_as_of=None) -> dict[str, Any]:
    """A claim as plain JSON-ready data, with its sources (only those published by ``known_as_of``).

    Give the claim as the point of view sees it (``graph.as_known``): the record shows its validity
    as then known.
    """
    subject, obj = graph.get(claim.subject), graph.get(claim.object)
    notes = {c.source: c for c in claim.citations}
    sources = []
    for s in graph.sources_of(claim, known_as_of):
        cite = notes[s.id]
        sources.append({
            "id": s.id, "title": s.title, "publisher": s.publisher, "url": s.url,
            "published": str(s.published), "kind": s.kind.value if s.kind else None,
            "note": cite.note or None, "quote": cite.quote or None,
            "attests": [p.value for p in cite.attests] if cite.attests is not None else None,
            "announced": cite.announced,
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
