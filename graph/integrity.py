"""The rules a claim must obey against the entities it links, as plain functions.

Shared by the loader (which reports every broken rule with file and line) and by
:meth:`graph.ActorGraph.add` (which refuses a batch that breaks any), so the rules live in one place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from graph.knowledge import attested_parts
from graph.model import Actor, Claim, Place, Source
from graph.places import THEATRE, theatre_of
from graph.time import Bound, Interval, PartialDate
from ontology import Attested, RelationKind, Status

__all__ = ["EXTENTS", "citation_problems", "claim_problems", "dataset_warnings", "entity_citation_problems",
           "extent_of", "knowledge_warnings", "lineage_cycles", "outside_existence", "place_cycles",
           "shape_problems"]

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
    problems.extend(("qualifiers", msg) for msg in _theatre_problems(claim, entity))
    for citation in claim.citations:
        if not source_exists(citation.source):
            problems.append(("sources", f"unknown source id {citation.source!r}; define it under 'sources' first"))
    for side, actor in (("subject", subject), ("object", obj)):
        if side == "object" and spec.outlives_object and isinstance(actor, Actor):
            actor = Actor(actor.id, actor.name, actor.kind, founded=actor.founded)  # only the founding matters
        if isinstance(actor, Actor):
            problems.extend(("valid", msg) for msg in _outside_existence(claim, actor, side))
    return problems


def _theatre_problems(claim: Claim, entity: Lookup) -> list[str]:
    """Messages for a ``theatre`` that is empty or names something other than a place id."""
    if THEATRE not in claim.qualifiers:
        return []
    ids = theatre_of(claim)
    if not ids:
        return ["theatre is empty; give the id of the place where the fighting took place, or a list "
                "of ids (e.g. theatre: [tur, irq])"]
    out = []
    for pid in ids:
        found = entity(pid)
        if isinstance(found, Place):
            continue
        what = "an actor" if found is not None else "no place id"
        out.append(f"theatre {pid!r} is {what}; write the id of a place defined under 'places' "
                   "(e.g. theatre: [tur, irq])")
    return out


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
    import networkx as nx  # only checks of lineage need it; a query command never loads networkx

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
    for i, cite in enumerate(claim.citations):
        src = source(cite.source)
        if src is None or cite.attests is None:
            continue
        for part in cite.attests:
            date = _bound(claim.valid, part)
            if date is None:
                if part is Attested.END and not claim.valid.single:
                    what = "open ('..')" if claim.valid.end is Bound.OPEN else "unknown"
                    problems.append((f"sources[{i}]", f"source {cite.source!r} attests the end, but the claim's end is "
                                                f"{what}; date the end or drop 'end' from attests"))
                continue
            if not cite.announced and src.published.last_day < date.first_day:
                problems.append((f"sources[{i}]", f"source {cite.source!r} was published {src.published}, "
                                                  f"before the {part.value} it attests ({date}); a source cannot "
                                                  "report an event before it happens: cite a later source, or "
                                                  "mark an announcement or forecast with announced: true"))
    return problems


def knowledge_warnings(claim: Claim, source: SourceLookup) -> list[tuple[str, str]]:
    """Dated bounds no citation reports, and citations that report nothing (these do not stop a load).

    Such a bound is known, under ``--known-as-of``, only from the last day it may have happened.
    """
    pubs = [(cite, src.published) for cite in claim.citations if (src := source(cite.source)) is not None]
    if not pubs:
        return []
    out = []
    parts = [attested_parts(cite, claim.valid, published) for cite, published in pubs]
    for part in (Attested.START, Attested.END):
        date = _bound(claim.valid, part)
        if date is None or (part is Attested.END and claim.valid.single):
            continue
        if not any(part in p for p in parts):
            out.append(("sources", f"no source reports the {part.value} ({date}): every source of the claim "
                                   f"was published before it; cite one that reports it"))
    for i, ((cite, published), attested) in enumerate(zip(pubs, parts, strict=True)):
        if cite.attests is None and not attested:
            out.append((f"sources[{i}]", f"source {cite.source!r} (published {published}) reports neither bound of the "
                                   "claim, which had not begun yet; say what it attests, or cite it elsewhere"))
    return out


def entity_citation_problems(entity: Actor | Place, source: SourceLookup) -> list[tuple[str, str]]:
    """An actor's or place's sources: each must exist, and none may report a founding or dissolution before it."""
    problems = []
    for i, cite in enumerate(entity.citations):
        src = source(cite.source)
        if src is None:
            problems.append((f"sources[{i}]", f"unknown source id {cite.source!r}; define it under 'sources' first"))
            continue
        for part in cite.attests or ():
            date = getattr(entity, part.value, None) if part in (Attested.FOUNDED, Attested.DISSOLVED) else None
            if part in (Attested.FOUNDED, Attested.DISSOLVED) and date is None:
                problems.append((f"sources[{i}]", f"source {cite.source!r} attests the {part.value} date, but the "
                                                  f"record gives none; add '{part.value}' or drop it from attests"))
            elif date is not None and not cite.announced and src.published.last_day < date.first_day:
                problems.append((f"sources[{i}]", f"source {cite.source!r} was published {src.published}, before the "
                                            f"{part.value} date it attests ({date}); cite a later source, or mark "
                                            "an announcement with announced: true"))
    return problems


# ---------------------------------------------------------------------------------------------- whole-dataset

#: Values of a control claim's ``extent`` qualifier: the whole place, part of it (optionally which part,
#: ``part: eastern districts``), or contested (fought over, no one holds it).
EXTENTS = ("whole", "part", "contested")
_EXTENT = re.compile(r"^(whole|part|contested)(?:: *(\S.*))?$")


def extent_of(claim: Claim) -> tuple[str, str] | None:
    """A control claim's extent as (``whole``/``part``/``contested``, named districts or ""); None when not given.

    >>> from graph.model import Citation
    >>> extent_of(Claim("c", "a", "controls", "p", qualifiers={"extent": "part: eastern districts"},
    ...                 citations=(Citation("s"),)))
    ('part', 'eastern districts')
    """
    text = claim.qualifiers.get("extent")
    if text is None:
        return None
    m = _EXTENT.match(text.strip())
    return (m.group(1), m.group(2) or "") if m else None


def shape_problems(claim: Claim) -> list[tuple[str, str]]:
    """Qualifiers that say what a claim is, checked against its dates and relation kind.

    ``extent`` only goes with ``controls`` and must read ``whole``, ``part``, ``part: <districts>`` or
    ``contested``; ``theatre`` is read only on ``fights``; a claim marked ``episode`` (a one-off event: a
    strike, a raid, a battle of days) must be a single date or a closed interval, never open nor with an
    unknown end.
    """
    problems = []
    extent = claim.qualifiers.get("extent")
    if extent is not None:
        if claim.predicate is not RelationKind.CONTROLS:
            problems.append(("qualifiers", f"'extent' only goes with 'controls', not {claim.predicate.value!r}"))
        elif extent_of(claim) is None:
            problems.append(("qualifiers", f"extent {extent!r} is not valid; write whole, part, contested, "
                                           "or part: <named districts> (e.g. 'part: eastern districts')"))
    if THEATRE in claim.qualifiers and claim.predicate is not RelationKind.FIGHTS:
        problems.append(("qualifiers", f"'theatre' is read only on 'fights' (where the fighting took place), "
                                       f"not on {claim.predicate.value!r}; drop it or name the place otherwise"))
    if "episode" in claim.qualifiers and not claim.valid.single and not isinstance(claim.valid.end, PartialDate):
        problems.append(("valid", f"{claim.valid.edtf or 'no date'} leaves a one-off event "
                                  f"({claim.qualifiers['episode']!r}) open; give its date, or START/END"))
    return problems


def _certain_overlap(a: Claim, b: Claim) -> bool:
    """Whether both claims surely held on some common day (whatever their partial dates stand for)."""
    lo = max(a.valid.certain_from, b.valid.certain_from)
    hi = min(a.valid.certain_to, b.valid.certain_to)
    return lo < hi


def _possible_overlap(a: Claim, b: Claim) -> bool:
    lo = max(a.valid.possible_from, b.valid.possible_from)
    hi = min(a.valid.possible_to, b.valid.possible_to)
    return lo < hi


_CONTESTED = frozenset({Status.DISPUTED, Status.ALLEGED})
_HOSTILE = frozenset({RelationKind.FIGHTS, RelationKind.OPPOSES})
_FRIENDLY = frozenset({RelationKind.SUPPORTS, RelationKind.ALLIED_WITH})
_PARTNER = _FRIENDLY | {RelationKind.MEMBER_OF, RelationKind.PART_OF}


def _partners(a: Claim, b: Claim, ties: Mapping[frozenset[str], list[Claim]],
              parents: Mapping[str, list[Claim]]) -> bool:
    """Whether the holders of two control claims may be partners while both claims may hold.

    Partners are linked by membership, being part of, support or alliance, directly or through the body
    one of them is part of (Turkey backs the factions, so the Turkish army taking Afrin with them is one
    joint hold). The link must be able to hold on the days both claims do, so a handover between former
    partners, or partners holding a town in turn, still shows when the dates overlap without the link.
    """
    def during(link: Claim) -> bool:
        return _possible_overlap(link, a) and _possible_overlap(link, b)

    for one, other in ((a.subject, b.subject), (b.subject, a.subject)):
        sides = [one] + [p.object for p in parents.get(one, ()) if during(p)]
        if any(during(link) for side in sides for link in ties.get(frozenset((side, other)), ())):
            return True
    return False


def dataset_warnings(claims: list[Claim], entity: Lookup, *, new: set[str] | None = None) -> list[tuple[str, str, str]]:
    """Checks over the whole set of claims, as (claim id, field, message); ``new`` limits them to those claims.

    - a control claim without an ``extent``;
    - two actors controlling one place on a day that may be the same, unless both give a ``part`` or
      ``contested`` extent, one is disputed or alleged, or the two are partners then (see
      :func:`_partners`: a coalition and its faction, a backer's army and the force it backs, holding a
      town together is one joint hold, not two rival ones);
    - an actor that ceased (merged into another, or renamed or reorganised into a successor) whose
      record has no ``dissolved`` date, so its relations can run on;
    - one relation (same ends, kind, support types and qualifiers) stated by two claims that surely
      overlap in time: merge them, or mark the contested one ``disputed``;
    - a friendly and a hostile relation of one pair (supports or allied with, and fights or opposes)
      that surely held on the same day, unless one is disputed or alleged.
    """
    out: list[tuple[str, str, str]] = []

    def report(claim: Claim, field: str, message: str, *others: Claim) -> None:
        if new is None or claim.id in new or any(o.id in new for o in others):
            out.append((claim.id, field, message))

    by_place: dict[str, list[Claim]] = {}
    by_relation: dict[tuple, list[Claim]] = {}
    by_pair: dict[tuple[str, str], list[Claim]] = {}
    ties: dict[frozenset[str], list[Claim]] = {}
    parents: dict[str, list[Claim]] = {}
    for c in claims:
        if c.predicate in _PARTNER:
            ties.setdefault(frozenset((c.subject, c.object)), []).append(c)
        if c.predicate is RelationKind.PART_OF:
            parents.setdefault(c.subject, []).append(c)
        if c.predicate is RelationKind.CONTROLS:
            by_place.setdefault(c.object, []).append(c)
            if "extent" not in c.qualifiers:
                report(c, "qualifiers", f"control of {c.object!r} without an extent; add qualifiers: "
                                        "{extent: whole} (or part, part: <districts>, contested)")
        ends = tuple(sorted((c.subject, c.object))) if c.symmetric else (c.subject, c.object)
        key = (ends, c.predicate, c.support_types, tuple(sorted(c.qualifiers.items())))
        by_relation.setdefault(key, []).append(c)
        if c.predicate in _HOSTILE | _FRIENDLY:
            by_pair.setdefault(tuple(sorted((c.subject, c.object))), []).append(c)
        if c.predicate.spec.lineage:
            ceased = c.subject if c.predicate is RelationKind.MERGED_INTO else (
                c.object if c.predicate is RelationKind.SUCCESSOR_OF else None)
            actor = entity(ceased) if ceased else None
            if isinstance(actor, Actor) and actor.dissolved is None:
                verb = "merged" if c.predicate is RelationKind.MERGED_INTO else "was succeeded"
                report(c, "subject" if ceased == c.subject else "object",
                       f"{ceased!r} {verb} here ({c.valid.edtf or 'undated'}) but its record has no 'dissolved' "
                       "date, so its relations can run on past it; add dissolved: <the date it ceased>")
    for place, held in by_place.items():
        for i, a in enumerate(held):
            for b in held[i + 1:]:
                if a.subject == b.subject or not _possible_overlap(a, b):
                    continue
                shared = all((extent_of(x) or ("whole",))[0] in ("part", "contested") for x in (a, b))
                if shared or a.status in _CONTESTED or b.status in _CONTESTED:
                    continue
                if _partners(a, b, ties, parents):
                    continue
                report(b, "qualifiers", f"{b.subject!r} and {a.subject!r} (claim {a.id!r}) may both control "
                                        f"{place!r} on the same day; give both an extent (part: <districts>, "
                                        "contested), end one when the other begins, or mark one disputed", a)
    for group in by_relation.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if _certain_overlap(a, b) and Status.DISPUTED not in (a.status, b.status):
                    report(b, "id", f"states the same relation as {a.id!r} over overlapping times; merge them "
                                    "into one claim citing both sources, or mark the contested one disputed", a)
    for group in by_pair.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if (a.predicate in _HOSTILE) == (b.predicate in _HOSTILE) or not _certain_overlap(a, b):
                    continue
                if a.status in _CONTESTED or b.status in _CONTESTED:
                    continue
                report(b, "predicate", f"{b.predicate.value} contradicts {a.id!r} ({a.predicate.value}) on days both "
                                       "surely held; split their periods, or mark the contested one disputed", a)
    return out
