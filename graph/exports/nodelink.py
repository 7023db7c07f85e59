"""Node-link JSON (networkx's ``node_link_data`` shape, which D3 and many web tools read).

Nodes carry the stable actor/place record of :mod:`graph.records`, edges the stable claim record
with its sources, plus the day bounds of both readings, so the file is complete on its own.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from graph.exports.fields import interval_fields
from graph.records import claim_record, entity_record

__all__ = ["write"]


def write(subset, path: Path, *, fmt: str = "json", title: str = "actorgraph") -> list[Path]:
    g = nx.MultiDiGraph(name=title, description=subset.describe())
    for e in subset.entities:
        extra = {} if e.is_place else interval_fields(e.existence)
        g.add_node(e.id, **entity_record(e), **extra)
    for c in subset.claims:
        record = claim_record(subset.graph, c, known_as_of=subset.selection.known_as_of)
        record["subject"], record["object"] = c.subject, c.object
        g.add_edge(c.subject, c.object, key=c.id, **record, **interval_fields(c.valid))
    data = nx.node_link_data(g, edges="edges")
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return [path]
