"""The rules a claim must obey against the entities it links, as plain functions.

Shared by the loader (which reports every broken rule with file and line) and by
:meth:`graph.ActorGraph.add` (which refuses a batch that breaks any), so the rules live in one place.
"""

from __future__ import annotations

from collections.abc import Callable

from graph.knowledge import attested_parts
from graph.model import Actor, Claim, Place, Source
from graph.time import Bound, Interval, PartialDate
from ontology import Attested

__all__ = ["citation_problems", "claim_problems", "entity_citation_problems", "knowledge_warnings",
           "outside_existence"]

SourceLookup = Callable[[str], "Source | None"]

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


def _bound(valid: Interval, part: Attested) -> PartialDate | None:
    """The date of a claim's start or end, ``None`` when that end is open or unknown."""
    side = valid.start if part is Attested.START or valid.single else valid.end
    return side if isinstance(side, PartialDate) else None


def citation_problems(claim: Claim, source: SourceLookup) -> list[tuple[str, str]]:
    """Citations that say they report a bound the claim does not date, or one that had not happened yet.

    A source cannot report an event before it happened, unless it announced it (``announced: true``):
    a 2017 source cited for a start in 2024 would make the 2024 event known in 2017.
    """
    problems = []
    for cite in claim.citations:
        src = source(cite.source)
        if src is None or cite.attests is None:
            continue
        for part in cite.attests:
            date = _bound(claim.valid, part)
            if date is None:
                if part is Attested.END and not claim.valid.single:
                    what = "open ('..')" if claim.valid.end is Bound.OPEN else "unknown"
                    problems.append(("sources", f"source {cite.source!r} attests the end, but the claim's end is "
                                                f"{what}; date the end or drop 'end' from attests"))
                continue
            if not cite.announced and src.published.last_day < date.first_day:
                problems.append(("sources", f"source {cite.source!r} was published {src.published}, before the "
                                            f"{part.value} it attests ({date}); a source cannot report an event "
                                            "before it happens: cite a later source, or mark an announcement or "
                                            "forecast with announced: true"))
    return problems


def knowledge_warnings(claim: Claim, source: SourceLookup) -> list[tuple[str, str]]:
    """Dated bounds no citation reports, and citations that report nothing (these do not stop a load).

    Such a bound is known, under ``--known-as-of``, only from the last day it may have happened.
    """
    pubs = [(cite, src.published) for cite in claim.citations if (src := source(cite.source)) is not None]
    if not pubs:
        return []
    out = []
    parts = {cite.source: attested_parts(cite, claim.valid, published) for cite, published in pubs}
    for part in (Attested.START, Attested.END):
        date = _bound(claim.valid, part)
        if date is None or (part is Attested.END and claim.valid.single):
            continue
        if not any(part in p for p in parts.values()):
            out.append(("sources", f"no source reports the {part.value} ({date}): every source of the claim "
                                   f"was published before it; cite one that reports it"))
    for cite, published in pubs:
        if cite.attests is None and not parts[cite.source]:
            out.append(("sources", f"source {cite.source!r} (published {published}) reports neither bound of the "
                                   "claim, which had not begun yet; say what it attests, or cite it elsewhere"))
    return out


def entity_citation_problems(entity: Actor | Place, source: SourceLookup) -> list[tuple[str, str]]:
    """An actor's or place's sources: each must exist, and none may report a founding or dissolution before it."""
    problems = []
    for cite in entity.citations:
        src = source(cite.source)
        if src is None:
            problems.append(("sources", f"unknown source id {cite.source!r}; define it under 'sources' first"))
            continue
        for part in cite.attests or ():
            date = getattr(entity, part.value, None) if part in (Attested.FOUNDED, Attested.DISSOLVED) else None
            if part in (Attested.FOUNDED, Attested.DISSOLVED) and date is None:
                problems.append(("sources", f"source {cite.source!r} attests the {part.value} date, but the record "
                                            f"gives none; add '{part.value}' or drop it from attests"))
            elif date is not None and not cite.announced and src.published.last_day < date.first_day:
                problems.append(("sources", f"source {cite.source!r} was published {src.published}, before the "
                                            f"{part.value} date it attests ({date}); cite a later source, or mark "
                                            "an announcement with announced: true"))
    return problems
