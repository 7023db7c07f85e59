"""The rules a claim must obey against the entities it links, as plain functions.

Shared by the loader (which reports every broken rule with file and line) and by
:meth:`graph.ActorGraph.add` (which refuses a batch that breaks any), so the rules live in one place.
"""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Actor, Claim, Place
from graph.time import Bound, Interval, PartialDate

__all__ = ["claim_problems", "outside_existence"]

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
