"""Node positions computed once over every claim of a subset, so actors keep their place as time moves.

Each connected part of the whole-history graph (all claims, any date) gets a seeded force-directed
layout sized by its number of nodes, and the parts are packed in rows, largest first, so a small
separate group sits next to the main network instead of being flung to a far corner. Same data,
same picture: the viewer never moves a node when the slider does.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

__all__ = ["positions", "subset_positions"]

#: Parts larger than this skip the overlap removal, whose cost grows with the square of the size.
_SPREAD_LIMIT = 1500
#: Parts larger than this are scattered instead of laid out by forces.
_FORCE_LIMIT = 3000


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
    if n < 500:  # networkx's dense Fruchterman-Reingold; from 500 nodes on it wants scipy, which we do not need
        pos = nx.spring_layout(part, k=1.0 / math.sqrt(n), pos=nx.circular_layout(nodes), iterations=500, seed=seed)
    elif n <= _FORCE_LIMIT:
        pos = nx.forceatlas2_layout(part, max_iter=100, seed=seed)
    else:  # too big for dense force layouts (memory grows with n squared): a seeded scatter, still stable
        pos = nx.random_layout(part, seed=seed)
    points = np.array([pos[k] for k in nodes], dtype=float)
    points -= points.min(axis=0)
    points /= max(float(points.max()), 1e-9)
    if n <= _SPREAD_LIMIT:
        # each round costs n squared: big parts get fewer rounds (all 300 up to 300 nodes)
        points = _spread(points, 0.75 / math.sqrt(n), rounds=min(300, max(30, int(300 * (300 / n) ** 2))))
    points -= (points.max(axis=0) + points.min(axis=0)) / 2
    points *= 1.6 * math.sqrt(n) / max(float(np.ptp(points, axis=0).max()), 1e-9)
    return {k: (float(x), float(y)) for k, (x, y) in zip(nodes, points, strict=True)}


def _spread(points: np.ndarray, min_dist: float, rounds: int = 300) -> np.ndarray:
    """Push apart nodes closer than ``min_dist`` (force layouts pile hubs' neighbours on top of each other)."""
    p = points.copy()
    for _ in range(rounds):
        delta = p[:, None, :] - p[None, :, :]
        dist = np.sqrt((delta ** 2).sum(axis=-1))
        np.fill_diagonal(dist, np.inf)
        close = dist < min_dist
        if not close.any():
            break
        # identical points get a fixed, deterministic nudge so they can separate
        direction = np.where(dist[..., None] > 1e-12, delta / np.maximum(dist, 1e-12)[..., None],
                             np.array([1.0, 0.0]))
        overlap = np.where(close, (min_dist - np.minimum(dist, min_dist)) / 2, 0.0)
        p += (direction * overlap[..., None]).sum(axis=1)
    return p


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
