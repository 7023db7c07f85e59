"""Counts that describe a graph at a glance."""

from __future__ import annotations

from collections import Counter
from typing import Any

from graph.time import FAR_FUTURE, FAR_PAST, ordinal_to_iso

__all__ = ["summarize"]


def summarize(graph) -> dict[str, Any]:
    """Numbers of actors by kind, places, sources and claims by relation kind and status, and the span of dates.

    The span runs from the earliest to the latest day any claim's dates name (open ends excluded).
    """
    claims = list(graph.all_claims())
    days = [d for c in claims for d in (c.valid.possible_from, c.valid.possible_to - 1)
            if FAR_PAST < d < FAR_FUTURE - 1]
    return {
        "actors": len(graph.actors),
        "actors_by_kind": dict(sorted(Counter(a.kind.value for a in graph.actors).items())),
        "places": len(graph.places),
        "sources": len(graph.sources),
        "claims": len(claims),
        "claims_by_predicate": dict(sorted(Counter(c.predicate.value for c in claims).items())),
        "claims_by_status": dict(sorted(Counter(c.status.value for c in claims).items())),
        "first_date": ordinal_to_iso(min(days)) if days else None,
        "last_date": ordinal_to_iso(max(days)) if days else None,
    }
