"""Place lineage: which places lie inside a place, and which places enclose it, following ``within``.

Questions about a place ("who is fighting in Idlib?") are about the place and everything inside
it: a claim that a group controls a town counts for the town's province and country too. The
loader refuses a place within itself, so the walks below always end.
"""

from __future__ import annotations

from collections import defaultdict

__all__ = ["enclosing", "places_within"]


def places_within(graph, place_id: str) -> frozenset[str]:
    """``place_id`` and every place inside it, following ``within`` at any depth.

    >>> from graph import ActorGraph, Place
    >>> g = ActorGraph()
    >>> g.add(places=[Place("c", "Country", "country", 0, 0), Place("p", "Province", "province", 0, 0, within="c"),
    ...               Place("t", "Town", "town", 0, 0, within="p"), Place("o", "Other", "town", 0, 0)])
    >>> sorted(places_within(g, "c")), sorted(places_within(g, "t"))
    (['c', 'p', 't'], ['t'])
    """
    children: dict[str, list[str]] = defaultdict(list)
    for p in graph.places:
        if p.within:
            children[p.within].append(p.id)
    out, stack = {place_id}, [place_id]
    while stack:
        for child in children[stack.pop()]:
            if child not in out:
                out.add(child)
                stack.append(child)
    return frozenset(out)


def enclosing(graph, place_id: str) -> tuple[str, ...]:
    """The places that enclose ``place_id``, nearest first (its province, then its country, ...).

    >>> from graph import ActorGraph, Place
    >>> g = ActorGraph()
    >>> g.add(places=[Place("c", "Country", "country", 0, 0), Place("p", "Province", "province", 0, 0, within="c"),
    ...               Place("t", "Town", "town", 0, 0, within="p")])
    >>> enclosing(g, "t")
    ('p', 'c')
    """
    out: list[str] = []
    current = graph.get(place_id).within
    while current and current not in out and current != place_id:
        out.append(current)
        current = graph.get(current).within
    return tuple(out)
