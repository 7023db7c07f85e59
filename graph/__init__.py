"""The temporal model and the in-memory actor graph.

Depends only on :mod:`ontology`. Partial dates and intervals are in :mod:`graph.time`, the domain
values in :mod:`graph.model`, the networkx-backed :class:`ActorGraph` in :mod:`graph.actorgraph`.
"""

from graph.actorgraph import ActorGraph, Changes, Lineage, LineageStep
from graph.model import Actor, Citation, Claim, Entity, Place, Source
from graph.names import fold_name
from graph.time import Bound, Interval, PartialDate, Precision

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
