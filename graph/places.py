"""Place lineage: which places lie inside a place, and which places enclose it, following ``within``.

Questions about a place ("who is fighting in Idlib?") are about the place and everything inside
it: a claim that a group controls a town counts for the town's province and country too. The
loader refuses a place within itself, so the walks below always end.

A fight can say where it was fought with a ``theatre`` qualifier (a place id, or several): Turkey's
war with the PKK was fought in Turkey and Iraq, and without the theatre it would make the PKK a
party to the war in Syria, since Turkey is one. :func:`theatre_of` reads it and
:func:`overlaps` says whether it touches an area.
"""

from __future__ import annotations

from collections import defaultdict

__all__ = ["THEATRE", "enclosing", "overlaps", "places_within", "theatre_of"]

#: The qualifier naming where a fight took place: place ids, separated by commas.
THEATRE = "theatre"


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


def theatre_of(qualifiers) -> tuple[str, ...]:
    """The place ids of a claim's ``theatre`` qualifier (a claim or its qualifiers), in order; empty when none.

    The loader stores a YAML list ``[tur, irq]`` as the text ``"tur, irq"``; both forms are read.

    >>> theatre_of({"theatre": "tur, irq"}), theatre_of({"theatre": ["syr"]}), theatre_of({})
    (('tur', 'irq'), ('syr',), ())
    """
    qualifiers = getattr(qualifiers, "qualifiers", qualifiers)
    value = qualifiers.get(THEATRE)
    if value is None:
        return ()
    parts = value if isinstance(value, (list, tuple)) else str(value).split(",")
    return tuple(dict.fromkeys(p.strip() for p in map(str, parts) if p.strip()))


def overlaps(graph, place_ids, area) -> bool:
    """Whether one of ``place_ids`` shares ground with ``area`` (a set of place ids): it lies inside the area
    or encloses part of it. A theatre of Syria overlaps a question about Idlib; a theatre of Iraq does not.

    >>> from graph import ActorGraph, Place
    >>> g = ActorGraph()
    >>> g.add(places=[Place("c", "Country", "country", 0, 0), Place("p", "Province", "province", 0, 0, within="c"),
    ...               Place("o", "Other", "country", 0, 0)])
    >>> overlaps(g, ["c"], {"p"}), overlaps(g, ["p"], {"c", "p"}), overlaps(g, ["o"], {"c", "p"})
    (True, True, False)
    """
    area = set(area)
    return any(area & places_within(graph, pid) for pid in place_ids)
