"""Node positions computed once over every claim of a subset, so actors keep their place as time moves.

A seeded force-directed layout of the whole-history graph (all claims, any date) is deterministic:
the same data gives the same picture, and the viewer never moves a node when the slider does.
"""

from __future__ import annotations

import math

import networkx as nx

__all__ = ["positions"]


def positions(entity_ids, pairs, *, scale: float = 1.0, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions for ``entity_ids`` from the links ``pairs`` (two ids each), within about ``[-scale, scale]``.

    Isolated entities are placed on a ring around the rest instead of being thrown to random corners.

    >>> pos = positions(["a", "b", "c", "d"], [("a", "b"), ("b", "c")])
    >>> sorted(pos), positions(["a", "b", "c", "d"], [("a", "b"), ("b", "c")]) == pos
    (['a', 'b', 'c', 'd'], True)
    """
    ids = sorted(set(entity_ids))
    g = nx.Graph()
    g.add_nodes_from(ids)
    for u, v in pairs:
        if u != v and u in g and v in g:
            w = g.edges[u, v]["weight"] + 1 if g.has_edge(u, v) else 1
            g.add_edge(u, v, weight=w)
    connected = [n for n in ids if g.degree(n) > 0]
    isolated = [n for n in ids if g.degree(n) == 0]
    out: dict[str, tuple[float, float]] = {}
    if connected:
        sub = g.subgraph(connected)
        k = 2.2 / math.sqrt(max(len(connected), 1))
        start = nx.circular_layout(sorted(connected))
        pos = nx.spring_layout(sub, k=k, pos=start, iterations=300, seed=seed, weight=None)
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9) / 2
        for n, (x, y) in pos.items():
            out[n] = (float((x - cx) / span) * scale, float((y - cy) / span) * scale)
    radius = 1.25 * scale if connected else scale
    for i, n in enumerate(isolated):
        angle = 2 * math.pi * i / max(len(isolated), 1)
        out[n] = (radius * math.cos(angle), radius * math.sin(angle))
    return out


def subset_positions(subset, *, scale: float = 1.0) -> dict[str, tuple[float, float]]:
    """Positions of a subset's entities, laid out over all of its claims."""
    return positions([e.id for e in subset.entities], [(c.subject, c.object) for c in subset.claims], scale=scale)
