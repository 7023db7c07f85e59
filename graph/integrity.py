"""The rules a claim must obey against the entities it links, as plain functions.

Shared by the loader (which reports every broken rule with file and line) and by
:meth:`graph.ActorGraph.add` (which refuses a batch that breaks any), so the rules live in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import networkx as nx

from graph.model import Actor, Claim, Place
from graph.time import Bound, Interval, PartialDate
from ontology import RelationKind

__all__ = ["claim_problems", "lineage_cycles", "outside_existence", "place_cycles"]

Lookup = Callable[[str], "Actor | Place | None"]


def claim_problems(claim: Claim, entity: Lookup, source_exists: Callable[[str], bool]) -> list[tuple[str, str]]:
    """Every way ``claim`` breaks the ontology's rules, as (field, message) pairs; empty when it is sound.

    ``entity(id)`` returns the actor or place with that id, or ``None``.
    """
    problems: list[tuple[str, str]] = []
    spec = claim.predicate.spec
    subject, obj = entity(claim.subject), entity(claim.object)
    if subject is None:
        problems.append(("subject", f"unknown actor id {claim.subject!r}; define it under 'actors' first"))
    elif isinstance(subject, Place):
        problems.append(("subject", f"{claim.subject!r} is a place; the subject of a claim must be an actor"))
    elif subject.kind not in spec.subject_kinds:
        allowed = ", ".join(sorted(k.value for k in spec.subject_kinds))
        problems.append(("subject", f"{claim.predicate.value!r} does not take a {subject.kind.value} "
                                    f"({claim.subject}) as subject; expected one of: {allowed}"))
    if obj is None:
        what = "place" if spec.object_is_place else "actor"
        problems.append(("object", f"unknown {what} id {claim.object!r}; define it under '{what}s' first"))
    elif spec.object_is_place and not isinstance(obj, Place):
        problems.append(("object", f"{claim.predicate.value!r} links an actor to a place, "
                                   f"but {claim.object!r} is an actor"))
    elif not spec.object_is_place and isinstance(obj, Place):
        problems.append(("object", f"{claim.predicate.value!r} links two actors, but {claim.object!r} is a place"))
    elif obj.kind not in spec.object_kinds:
        allowed = ", ".join(sorted(k.value for k in spec.object_kinds))
        problems.append(("object", f"{claim.predicate.value!r} does not take a {obj.kind.value} "
                                   f"({claim.object}) as object; expected one of: {allowed}"))
    if claim.subject == claim.object:
        problems.append(("object", "a claim cannot link an entity to itself"))
    for citation in claim.citations:
        if not source_exists(citation.source):
            problems.append(("sources", f"unknown source id {citation.source!r}; define it under 'sources' first"))
    for side, actor in (("subject", subject), ("object", obj)):
        if side == "object" and spec.outlives_object and isinstance(actor, Actor):
            actor = Actor(actor.id, actor.name, actor.kind, founded=actor.founded)  # only the founding matters
        if isinstance(actor, Actor):
            problems.extend(("valid", msg) for msg in _outside_existence(claim, actor, side))
    return problems


def _outside_existence(claim: Claim, actor: Actor, side: str) -> list[str]:
    """Messages for a claim that certainly begins before its actor was founded or runs past its dissolution."""
    return outside_existence(claim.valid, actor, side)


def outside_existence(valid: Interval, actor: Actor, side: str = "actor") -> list[str]:
    """Why a relation valid during ``valid`` cannot involve ``actor`` (empty when it can), by its lifetime.

    Also used to match outside actors: a name or id that points at an actor not yet founded in the
    year of the row is a different actor (or the same one under an earlier name).
    """
    out = []
    start, end = valid.start, valid.end
    if actor.founded is not None and isinstance(start, PartialDate) and start.last_day < actor.founded.first_day:
        out.append(f"begins {start} but its {side} {actor.id!r} was only founded {actor.founded}")
    if actor.dissolved is not None:
        dissolved = actor.dissolved
        if valid.single:
            if start.first_day > dissolved.last_day:
                out.append(f"is dated {start}, after its {side} {actor.id!r} was dissolved {dissolved}")
        elif end is Bound.OPEN:
            out.append(f"is open-ended ('..') but its {side} {actor.id!r} was dissolved {dissolved}; "
                       f"give an end no later than {dissolved}")
        elif isinstance(end, PartialDate) and end.first_day > dissolved.last_day:
            out.append(f"ends {end}, after its {side} {actor.id!r} was dissolved {dissolved}")
        elif isinstance(start, PartialDate) and start.first_day > dissolved.last_day:
            out.append(f"begins {start}, after its {side} {actor.id!r} was dissolved {dissolved}")
    return out


def lineage_cycles(claims: Iterable[Claim]) -> list[list[Claim]]:
    """Lineage claims that make a group its own ancestor in a way no history allows; one cycle per knot.

    Splits and renamings (``offshoot_of``, ``successor_of``) each begin a group after its parent
    began, so a loop of them would have every group begin before itself; mergers (``merged_into``)
    each end a group while the one it joins lives on, so a loop of them would have every group end
    after itself. Such loops are returned. A loop that mixes both kinds is a group that split off
    and later merged back (the UCDP actor list has several), which is history, not an error.

    Each strongly connected knot is reported once, with one cycle through it, its claims in order.

    >>> from graph.model import Citation
    >>> def claim(i, s, p, o):
    ...     return Claim(i, s, p, o, Interval.parse("2013"), citations=(Citation("src"),))
    >>> [[c.id for c in cycle] for cycle in lineage_cycles([claim("c1", "a", "offshoot_of", "b"),
    ...                                                    claim("c2", "b", "offshoot_of", "a")])]
    [['c2', 'c1']]
    >>> lineage_cycles([claim("c1", "a", "offshoot_of", "b"), claim("c2", "a", "merged_into", "b")])
    []
    """
    begins, mergers = nx.MultiDiGraph(), nx.MultiDiGraph()  # parent -> child
    for c in claims:
        if c.predicate is RelationKind.MERGED_INTO:
            mergers.add_edge(c.subject, c.object, key=c.id, claim=c)
        elif c.predicate.spec.lineage:
            begins.add_edge(c.object, c.subject, key=c.id, claim=c)
    out = []
    for links in (begins, mergers):
        for knot in sorted(sorted(k) for k in nx.strongly_connected_components(links) if len(k) > 1):
            sub = links.subgraph(knot)
            out.append([sub.edges[u, v, k]["claim"] for u, v, k in nx.find_cycle(sub, source=knot[0])])
    return out


def place_cycles(within: Mapping[str, str | None]) -> list[list[str]]:
    """Places that end up inside themselves through ``within`` (``place -> containing place``).

    Each cycle is listed once, in ``within`` order, starting from its smallest id.

    >>> place_cycles({"syria": "hama", "aleppo": "syria", "hama": "aleppo", "idlib": "syria", "x": "x"})
    [['aleppo', 'syria', 'hama'], ['x']]
    """
    out, done = [], set()
    for start in sorted(within):
        path, seen, node = [], {}, start
        while node is not None and node not in done and node not in seen:
            seen[node] = len(path)
            path.append(node)
            node = within.get(node)
        if node is not None and node in seen:
            cycle = path[seen[node]:]
            first = cycle.index(min(cycle))
            out.append(cycle[first:] + cycle[:first])
        done.update(path)
    return out
