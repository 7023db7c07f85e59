"""The temporal model and the in-memory actor graph.

Depends only on :mod:`ontology`. Partial dates and intervals are in :mod:`graph.time`, the domain
values in :mod:`graph.model`, the networkx-backed :class:`ActorGraph` in :mod:`graph.actorgraph`.

The names below are imported when first used (PEP 562), so ``import graph.time`` does not pay for
the graph class and its libraries: a command that only reads a cached store starts faster.
"""

from __future__ import annotations

from graph.lazy import lazy_exports

__all__ = [
    "Actor",
    "ActorGraph",
    "Bound",
    "Changes",
    "Citation",
    "Claim",
    "Entity",
    "Interval",
    "Lineage",
    "LineageStep",
    "PartialDate",
    "Place",
    "Precision",
    "Source",
    "fold_name",
]

_HOME = {
    "ActorGraph": "graph.actorgraph", "Changes": "graph.actorgraph", "Lineage": "graph.actorgraph",
    "LineageStep": "graph.actorgraph",
    "Actor": "graph.model", "Citation": "graph.model", "Claim": "graph.model", "Entity": "graph.model",
    "Place": "graph.model", "Source": "graph.model",
    "fold_name": "graph.names",
    "Bound": "graph.time", "Interval": "graph.time", "PartialDate": "graph.time", "Precision": "graph.time",
}


__getattr__, __dir__ = lazy_exports(__name__, _HOME)
