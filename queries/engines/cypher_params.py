"""Typed template parameters as Cypher ``$param`` values (the same for FalkorDB and Neo4j)."""

from __future__ import annotations

from graph.time import PartialDate
from ontology import Certainty, RelationKind, SupportType

__all__ = ["cypher_params"]


def cypher_params(params) -> dict:
    """Every declared parameter (``None`` when unset: Cypher needs each ``$name`` defined) and the derived days."""
    out: dict = {}
    for name, value in params.values.items():
        if isinstance(value, PartialDate):
            out[name] = str(value)
        elif isinstance(value, (RelationKind, SupportType, Certainty)):
            out[name] = value.value
        else:
            out[name] = value
    out.update(params.days())
    return out
