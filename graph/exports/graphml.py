"""GraphML (yEd, Cytoscape desktop, igraph, networkx): one node per entity, one edge per claim keyed by claim id."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from graph.exports.fields import claim_fields, entity_fields

__all__ = ["to_networkx", "write"]


def to_networkx(subset) -> nx.MultiDiGraph:
    """The subset as a networkx multigraph with flat attributes (the shape GraphML and node-link JSON hold)."""
    g = nx.MultiDiGraph(name="actorgraph", description=subset.describe())
    for e in subset.entities:
        g.add_node(e.id, **entity_fields(e))
    for c in subset.claims:
        fields = claim_fields(subset.graph, c, known_as_of=subset.selection.known_as_of)
        fields.pop("source")
        fields.pop("target")
        g.add_edge(c.subject, c.object, key=c.id, **fields)
    return g


def write(subset, path: Path, *, fmt: str = "graphml", title: str = "actorgraph") -> list[Path]:
    g = to_networkx(subset)
    g.graph["name"] = title
    nx.write_graphml(g, path, encoding="utf-8", prettyprint=True)
    return [path]
