"""Knowledge time: what the record said about a claim or an actor on a given day.

Valid time says when a relation held; knowledge time says when the record knew it. Each part of a
record has its own knowledge time, the publication of the first source that reports it:

- a claim is known once its start is reported (for a claim with an unknown or open start, once any
  source reports it); before that, the record did not know it at all;
- a claim's dated end is known once a source reports it; until then the record showed the relation as
  still holding, so the claim reads with an open end (``2013-04/..``): that is what a reader of the
  sources of that day was told, and it keeps the two readings of partial dates consistent (an open end
  never makes "certain" hold where "possible" does not);
- an actor's founding and dissolution are known once a source reports them; until then they are
  unknown, and the claims of the actor are not held to them.

A publication date is read at its last day (a source "published 2015" is known by 2015-12-31): a
partial publication date never lets a source count as published before it surely was.

Citations that do not say what they attest (``Citation.attests is None``, files written before this
rule) attest every bound of the claim that may have happened by their publication date. A bound that
no citation attests is known from the last day it may have happened (never before), so that with
every source published, every bound is known and a graph "known as of the far future" is the whole
graph.

The rule is applied once per claim by :func:`claim_knowledge`, which cuts knowledge time into epochs
during which the claim reads the same; everything else (the in-memory graph, its index, the RDF and
property-graph shapes) picks the epoch holding the day asked about.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from graph.model import Actor, Citation, Claim, Place, Source
from graph.time import FAR_FUTURE, FAR_PAST, Bound, Interval, PartialDate
from ontology import Attested

__all__ = [
    "ActorKnowledge",
    "ClaimKnowledge",
    "Epoch",
    "Lifetime",
    "actor_knowledge",
    "attested_parts",
    "claim_knowledge",
    "lifetime_epochs",
    "lifetime_window",
    "lifetimes_of",
    "raw_interval",
]

#: The knowledge day of "no cut-off": every source counts as published. Something known only then
#: (a description no source backs) is never shown under a real cut-off, and always without one.
EVERYTHING = FAR_FUTURE - 1


@dataclass(frozen=True, slots=True)
class Epoch:
    """A span of knowledge days ``[known_from, known_to)`` during which a claim reads ``valid``."""

    known_from: int
    known_to: int
    valid: Interval


@dataclass(frozen=True, slots=True)
class ClaimKnowledge:
    """When a claim became known, and how it read at each later day.

    ``known_from`` is the day its start was first reported; ``epochs`` cover ``[known_from,
    FAR_FUTURE)`` in order. The last epoch is the claim as the whole record states it.
    """

    known_from: int
    end_known_from: int
    epochs: tuple[Epoch, ...]

    def at(self, known_by: int) -> Interval | None:
        """The claim's validity as the record stood at the end of day ``known_by``; ``None`` if not yet known."""
        if known_by < self.known_from:
            return None
        for e in self.epochs:
            if known_by < e.known_to:
                return e.valid
        return self.epochs[-1].valid


@dataclass(frozen=True, slots=True)
class Lifetime:
    """One actor's bounds on the claims that involve it, with the day each bound became known.

    ``first``/``last`` are the days ``[first, last)`` the actor may have existed (its founding's first
    day, its dissolution's last day), infinite when the record has none.
    """

    first: int = FAR_PAST
    first_known: int = FAR_PAST
    last: int = FAR_FUTURE
    last_known: int = FAR_PAST


@dataclass(frozen=True, slots=True)
class ActorKnowledge:
    """When each part of an actor's record became known.

    :data:`EVERYTHING` means: under no knowledge cut-off (for want of a source), only when everything is.
    """

    founded: int
    dissolved: int
    description: int
    cited: int  # the first publication of any of its own sources


_ALWAYS = ActorKnowledge(FAR_PAST, FAR_PAST, FAR_PAST, FAR_PAST)


def _published_day(source: Source) -> int:
    return source.published.last_day


def attested_parts(citation: Citation, valid: Interval, published: PartialDate) -> tuple[Attested, ...]:
    """The bounds of a claim valid ``valid`` that a citation reports.

    As the citation says, or, when it does not say, every bound that may have happened by its
    publication: the start when the source may have been published on or after the start's first
    day (always, for an unknown or open start), the dated end likewise.

    >>> from graph.time import Interval, PartialDate
    >>> v = Interval.parse("2013-04/2019-10-27")
    >>> attested_parts(Citation("s"), v, PartialDate.parse("2014-05-01"))
    (<Attested.START: 'start'>,)
    >>> attested_parts(Citation("s"), v, PartialDate.parse("2019-11"))
    (<Attested.START: 'start'>, <Attested.END: 'end'>)
    """
    if citation.attests is not None:
        return citation.attests
    out = []
    start = valid.start
    if not isinstance(start, PartialDate) or published.last_day >= start.first_day:
        out.append(Attested.START)
    end = valid.end
    if not valid.single and isinstance(end, PartialDate) and published.last_day >= end.first_day:
        out.append(Attested.END)
    return tuple(out)


def raw_interval(valid: Interval) -> Interval:
    """The interval as its EDTF text states it, without the lifetime window the graph adds."""
    return valid if valid.window is None else Interval(valid.start, valid.end, valid.single)


def lifetimes_of(claim: Claim, entity: Callable[[str], Actor | Place | None],
                 known: Callable[[Actor], ActorKnowledge] | None = None) -> tuple[Lifetime, ...]:
    """The lifetimes a claim is held to: of the actors it links, with when each bound became known.

    Lineage claims are held to none (splits, renamings and mergers happen at the edge of a
    lifetime), and a relation that outlives its object (a terrorist listing) is not held to the
    object's dissolution. Without ``known``, every bound counts as always known.
    """
    if claim.predicate.spec.lineage:
        return ()
    out = []
    for side in (claim.subject, claim.object):
        actor = entity(side)
        if not isinstance(actor, Actor) or (actor.founded is None and actor.dissolved is None):
            continue
        k = known(actor) if known is not None else _ALWAYS
        first, first_known = (actor.founded.first_day, k.founded) if actor.founded is not None else (FAR_PAST, FAR_PAST)
        last, last_known = FAR_FUTURE, FAR_PAST
        if actor.dissolved is not None and not (side == claim.object and claim.predicate.spec.outlives_object):
            last, last_known = actor.dissolved.last_day, k.dissolved
        if (first, last) != (FAR_PAST, FAR_FUTURE):
            out.append(Lifetime(first, first_known, last, last_known))
    return tuple(out)


def lifetime_window(lifetimes: Iterable[Lifetime], known_by: int = EVERYTHING) -> tuple[int, int]:
    """The days ``[first, last)`` the lifetimes known by ``known_by`` leave a claim."""
    first, last = FAR_PAST, FAR_FUTURE
    for life in lifetimes:
        if life.first_known <= known_by:
            first = max(first, life.first)
        if life.last_known <= known_by:
            last = min(last, life.last)
    return first, last


def claim_knowledge(claim: Claim, published: Callable[[str], Source],
                    lifetimes: tuple[Lifetime, ...] = ()) -> ClaimKnowledge:
    """When ``claim`` became known, and how it read in each epoch of knowledge time after that.

    ``published(source_id)`` gives the source; ``lifetimes`` those of :func:`lifetimes_of`.
    """
    raw = raw_interval(claim.valid)
    pubs = [(cite, published(cite.source).published) for cite in claim.citations]
    earliest = min(p.last_day for _, p in pubs)
    start, end = raw.start, raw.end
    if isinstance(start, PartialDate):
        reported = [p.last_day for cite, p in pubs if Attested.START in attested_parts(cite, raw, p)]
        known_from = min(reported) if reported else max(start.last_day, earliest)
    else:  # an unknown or open start: any source that reports the relation makes it known
        known_from = earliest
    dated_end = isinstance(end, PartialDate) and not raw.single
    if dated_end:
        reported = [p.last_day for cite, p in pubs if Attested.END in attested_parts(cite, raw, p)]
        end_known = max(known_from, min(reported) if reported else end.last_day)
    else:
        end_known = known_from
    if not lifetimes:  # the common case, without building what the general one does
        if not dated_end or end_known == known_from:
            return ClaimKnowledge(known_from, end_known, (Epoch(known_from, FAR_FUTURE, claim.valid),))
        return ClaimKnowledge(known_from, end_known, (Epoch(known_from, end_known, Interval(start, Bound.OPEN)),
                                                      Epoch(end_known, FAR_FUTURE, claim.valid)))
    breaks = sorted({known_from, end_known, *(k for life in lifetimes for k in (life.first_known, life.last_known)
                                              if known_from < k < FAR_FUTURE)})
    epochs: list[Epoch] = []
    for i, day in enumerate(breaks):
        until = breaks[i + 1] if i + 1 < len(breaks) else FAR_FUTURE
        shown = Interval(start, Bound.OPEN) if dated_end and end_known > day else raw
        valid = shown.within(*lifetime_window(lifetimes, day))
        if epochs and _same_bounds(epochs[-1].valid, valid):
            epochs[-1] = Epoch(epochs[-1].known_from, until, epochs[-1].valid)
        else:
            epochs.append(Epoch(day, until, valid))
    return ClaimKnowledge(known_from, end_known, tuple(epochs))


def _same_bounds(a: Interval, b: Interval) -> bool:
    return (a.start == b.start and a.end == b.end and a.single == b.single and a.possible_from == b.possible_from
            and a.possible_to == b.possible_to and a.certain_from == b.certain_from and a.certain_to == b.certain_to)


def actor_knowledge(entity: Actor | Place, published: Callable[[str], Source]) -> ActorKnowledge:
    """When the founding, dissolution and description of an actor (or a place's description) became known.

    A founding or dissolution no source reports is known from the last day it may have happened; a
    description no source backs is never known under a knowledge cut-off (it may tell of anything).
    """
    days: dict[Attested, list[int]] = {p: [] for p in Attested}
    cited = EVERYTHING
    for cite in entity.citations:
        day = _published_day(published(cite.source))
        cited = min(cited, day)
        for part in cite.attests or ():
            days[part].append(day)
    founded = getattr(entity, "founded", None)
    dissolved = getattr(entity, "dissolved", None)

    def bound(part: Attested, date: PartialDate | None) -> int:
        if date is None:
            return FAR_PAST
        return min(days[part]) if days[part] else date.last_day

    description = max(days[Attested.DESCRIPTION]) if days[Attested.DESCRIPTION] else EVERYTHING
    return ActorKnowledge(bound(Attested.FOUNDED, founded), bound(Attested.DISSOLVED, dissolved), description,
                          min(cited, EVERYTHING))


LifetimeEpoch = tuple[int, int, PartialDate | None, PartialDate | None]


def lifetime_epochs(actor: Actor, known: ActorKnowledge) -> list[LifetimeEpoch]:
    """How an actor's lifetime read over knowledge time: (since, until, founded, dissolved) spans.

    Its founding and dissolution show from the day a source reported them (until then, unknown).
    """
    events = sorted({FAR_PAST, *(day for day, date in ((known.founded, actor.founded),
                                                        (known.dissolved, actor.dissolved)) if date is not None)})
    out = []
    for i, since in enumerate(events):
        until = events[i + 1] if i + 1 < len(events) else FAR_FUTURE
        founded = actor.founded if actor.founded is not None and known.founded <= since else None
        dissolved = actor.dissolved if actor.dissolved is not None and known.dissolved <= since else None
        out.append((since, until, founded, dissolved))
    return out
