"""Node positions computed once over every claim of a subset, so actors keep their place as time moves.

Each connected part of the whole-history graph (all claims, any date) gets a seeded force-directed
layout sized by its number of nodes, and the parts are packed in rows, largest first, so a small
separate group sits next to the main network instead of being flung to a far corner. Same data,
same picture: the viewer never moves a node when the slider does.
"""

from __future__ import annotations

import math

import networkx as nx

__all__ = ["positions", "subset_positions"]


def positions(entity_ids, pairs, *, scale: float = 1.0, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions for ``entity_ids`` from the links ``pairs`` (two ids each), within ``[-scale, scale]``.

    >>> pos = positions(["a", "b", "c", "d"], [("a", "b"), ("b", "c")])
    >>> sorted(pos), positions(["a", "b", "c", "d"], [("a", "b"), ("b", "c")]) == pos
    (['a', 'b', 'c', 'd'], True)
    >>> all(-1 <= v <= 1 for p in pos.values() for v in p)
    True
    """
    ids = sorted(set(entity_ids))
    g = nx.Graph()
    g.add_nodes_from(ids)
    g.add_edges_from((u, v) for u, v in pairs if u != v and u in g and v in g)
    parts = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    boxes = [_part_layout(g.subgraph(part), seed) for part in parts]
    placed = _pack(boxes)
    if not placed:
        return {}
    xs = [p[0] for p in placed.values()]
    ys = [p[1] for p in placed.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9) / 2
    return {n: ((x - cx) / half * scale, (y - cy) / half * scale) for n, (x, y) in placed.items()}


def subset_positions(subset, *, scale: float = 1.0) -> dict[str, tuple[float, float]]:
    """Positions of a subset's entities, laid out over all of its claims."""
    return positions([e.id for e in subset.entities], [(c.subject, c.object) for c in subset.claims], scale=scale)


def _part_layout(part: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """One connected part laid out in a box whose side grows with the square root of its size (unit spacing)."""
    nodes = sorted(part)
    n = len(nodes)
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    if n == 2:
        return {nodes[0]: (0.0, 0.0), nodes[1]: (1.0, 0.0)}
    start = nx.circular_layout(nodes)
    pos = nx.spring_layout(part, k=1.0 / math.sqrt(n), pos=start, iterations=500, seed=seed)
    side = 1.6 * math.sqrt(n)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    half = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9) / 2
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {k: (float((x - cx) / half * side / 2), float((y - cy) / half * side / 2)) for k, (x, y) in pos.items()}


def _pack(boxes: list[dict[str, tuple[float, float]]]) -> dict[str, tuple[float, float]]:
    """Place the parts in rows under the first (largest) one, each row as wide as the first part."""
    out: dict[str, tuple[float, float]] = {}
    gap = 1.2
    width = None
    x = y = row_height = 0.0
    for box in boxes:
        xs = [p[0] for p in box.values()]
        ys = [p[1] for p in box.values()]
        w, h = max(xs) - min(xs), max(ys) - min(ys)
        if width is None:
            width = max(w, 4.0)
        elif x > 0 and x + w > width:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        for n, (px, py) in box.items():
            out[n] = (x + px - min(xs), -(y + py - min(ys)))
        x += w + gap
        row_height = max(row_height, h)
    return out
