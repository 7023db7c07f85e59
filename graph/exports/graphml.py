"""GraphML (yEd, Cytoscape desktop, igraph, networkx): one node per entity, one edge per claim keyed by claim id."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from graph.exports.escaping import xml_text
from graph.exports.fields import claim_fields, entity_fields

__all__ = ["to_networkx", "write"]


def to_networkx(subset) -> nx.MultiDiGraph:
    """The subset as a networkx multigraph with flat attributes (the shape GraphML and node-link JSON hold)."""
    g = nx.MultiDiGraph(name="actorgraph", description=xml_text(subset.describe()))
    for e in subset.entities:
        g.add_node(xml_text(e.id), **_xml_safe(entity_fields(e)))
    for c in subset.claims:
        fields = claim_fields(subset.graph, c, known_as_of=subset.selection.known_as_of)
        fields.pop("source")
        fields.pop("target")
        g.add_edge(xml_text(c.subject), xml_text(c.object), key=xml_text(c.id), **_xml_safe(fields))
    return g


def _xml_safe(fields: dict) -> dict:
    """Text values XML can hold (see :mod:`graph.exports.escaping`); numbers and booleans as they are."""
    return {k: xml_text(v) if isinstance(v, str) else v for k, v in fields.items()}


def write(subset, path: Path, *, fmt: str = "graphml", title: str = "actorgraph") -> list[Path]:
    g = to_networkx(subset)
    g.graph["name"] = xml_text(title)
    nx.write_graphml(g, path, encoding="utf-8", prettyprint=True)
    return [path]
