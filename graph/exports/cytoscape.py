"""Cytoscape.js JSON (the ``elements`` shape that Cytoscape.js and Cytoscape desktop's ``.cyjs`` import read).

Nodes carry their positions from the shared layout and a ``classes`` list (``actor``/``place`` and
the kind), edges the claim's fields; every element id is unique across nodes and edges, as
Cytoscape.js requires (a claim id that equals an entity id is written ``claim:<id>``). The file
also carries ``directed``/``multigraph`` and each node's ``value``, so networkx's ``cytoscape_graph``
reads it back. ``cytoscape.schema.json`` next to this module is the JSON Schema of the shape.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from graph.exports.fields import claim_fields, entity_fields
from graph.exports.layout import subset_positions

__all__ = ["schema", "to_elements", "write"]


def to_elements(subset) -> dict:
    """The subset as a Cytoscape.js JSON document (a plain dict)."""
    pos = subset_positions(subset, scale=600.0)
    ids = {e.id for e in subset.entities}
    nodes = []
    for e in subset.entities:
        data = entity_fields(e)
        data["name"] = e.name
        data["value"] = e.id
        x, y = pos[e.id]
        nodes.append({"group": "nodes", "data": data, "position": {"x": round(x, 2), "y": round(y, 2)},
                      "classes": [data["type"], data["kind"]]})
    edges = []
    for c in subset.claims:
        data = claim_fields(subset.graph, c, known_as_of=subset.selection.known_as_of)
        data["claim"] = c.id
        data["key"] = c.id
        data["id"] = f"claim:{c.id}" if c.id in ids else c.id
        edges.append({"group": "edges", "data": data, "classes": [c.predicate.value, c.status.value]})
    return {
        "format_version": "1.0", "generated_by": "actorgraph", "target_cytoscapejs_version": "~3",
        "data": {"name": "actorgraph", "description": subset.describe()},
        "directed": True, "multigraph": True,
        "elements": {"nodes": nodes, "edges": edges},
    }


def schema() -> dict:
    """The JSON Schema (2020-12) this export is checked against."""
    text = resources.files("graph.exports").joinpath("cytoscape.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def write(subset, path: Path, *, fmt: str = "cytoscape", title: str = "actorgraph") -> list[Path]:
    doc = to_elements(subset)
    doc["data"]["name"] = title
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return [path]
