"""The temporal model and the in-memory actor graph.

Depends only on :mod:`ontology`. Partial dates and intervals are in :mod:`graph.time`, the domain
values in :mod:`graph.model`, the networkx-backed :class:`ActorGraph` in :mod:`graph.actorgraph`.

The names below are imported when first used (PEP 562), so ``import graph.time`` does not pay for
the graph class and its libraries: a command that only reads a cached store starts faster.
"""

from __future__ import annotations

import importlib

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


def __getattr__(name: str):
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'graph' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
