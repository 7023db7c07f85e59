"""Graphviz DOT: actors as filled ellipses coloured by kind, places as boxes, claims as coloured edges.

Symmetric relations have no arrowhead (``dir=none``); alleged and disputed claims are dashed.
Extra attributes (``kind``, ``predicate``, ``valid``, ``status``...) ride along: Graphviz ignores
attributes it does not know, and other DOT readers keep them. ``pos`` holds the shared layout
(in points) so ``neato -n`` can draw the same picture as the other exports.
"""

from __future__ import annotations

from pathlib import Path

from graph.exports.escaping import dot_string
from graph.exports.fields import claim_fields, entity_fields
from graph.exports.layout import subset_positions

__all__ = ["quote", "write"]


def quote(text) -> str:
    """A DOT double-quoted string (the rule is :func:`graph.exports.escaping.dot_string`).

    >>> print(quote('the "regime"\\\\ 2'))
    "the \\"regime\\"\\\\ 2"
    """
    return dot_string(text)


def _attrs(items: dict) -> str:
    return ", ".join(f"{k}={quote(v)}" for k, v in items.items() if v not in (None, ""))


def write(subset, path: Path, *, fmt: str = "dot", title: str = "actorgraph") -> list[Path]:
    pos = subset_positions(subset, scale=400.0)
    graph_attrs = {"label": f"{title}: {subset.describe()}", "layout": "neato", "overlap": "false",
                   "splines": "true", "fontname": "Helvetica"}
    lines = [f"digraph {quote(title)} {{",
             f"  graph [{_attrs(graph_attrs)}];",
             '  node [style="filled", fontname="Helvetica", fontsize="10"];',
             '  edge [fontname="Helvetica", fontsize="8"];']
    for e in subset.entities:
        f = entity_fields(e)
        x, y = pos[e.id]
        attrs = {"label": e.name, "type": f["type"], "kind": f["kind"], "aliases": f["aliases"],
                 "shape": "box" if e.is_place else "ellipse", "fillcolor": f["colour"],
                 "fontcolor": "white" if not e.is_place else "black", "pos": f"{x:.1f},{y:.1f}",
                 "founded": f.get("founded"), "dissolved": f.get("dissolved"), "tooltip": f["description"]}
        lines.append(f"  {quote(e.id)} [{_attrs(attrs)}];")
    for c in subset.claims:
        f = claim_fields(subset.graph, c, known_as_of=subset.selection.known_as_of)
        attrs = {"id": c.id, "key": c.id, "label": f["label"], "predicate": f["predicate"], "color": f["colour"],
                 "fontcolor": f["colour"], "valid": f["valid"], "status": f["status"],
                 "support_types": f["support_types"], "sources": f["source_urls"],
                 "dir": "none" if c.symmetric else None,
                 "style": "dashed" if c.status.value in ("alleged", "disputed") else None,
                 "tooltip": f"{f['subject_name']} {f['label']} {f['object_name']} ({f['valid'] or 'undated'})"}
        lines.append(f"  {quote(c.subject)} -> {quote(c.object)} [{_attrs(attrs)}];")
    lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [path]
