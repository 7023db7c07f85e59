"""What ``actorgraph relations`` and :meth:`ActorGraph.relations` list for a question, beyond the claims that
match its filters word for word.

Two things a reader asking about an actor at a date expects and the exact filters miss:

- **the bodies that are part of it.** The corpus records a state's war through its organs: Russia's air
  campaign is ``russian-armed-forces fights fsa``, the Quds Force's backing of a militia is the Quds Force's.
  "Whom does Russia fight?" (``--subject russia --predicate fights``) finds nothing on Russia itself, so the
  claims of every body recorded as ``part_of`` the named actor on the date (and of their parts in turn) are
  listed too, each row naming its own subject. Coalition membership (``member_of``) does not count: a
  faction is not its coalition.
- **lineage formed by the date.** A lineage link (``offshoot_of``, ``successor_of``, ``merged_into``) is
  dated by its event, often one day (JFS succeeded the Nusra Front on 28 July 2016), but the descent stays
  true afterwards; at a date, every lineage link whose event began by then is listed with its own dates
  (``certain``: every reading of its start falls by the date's first day).
- **the strike of last night.** A one-off strike or raid is recorded on its day, so it no longer holds on
  the next, while questions are often dated by the report (the day after) or by the local day of a strike
  announced the evening before elsewhere. At a date, the fights matching the question (its actors' parts
  included) that lasted at most a few days and ended in the week before are listed with their own dates,
  the same fights the explainers show in their "short fights" section (``queries/explain/lately.py``).

Each row says why it is listed (``listed_as``: ``match``, ``part``, ``lineage`` or ``episode``).
``--exact`` (``exact=True``) lists the matches only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from graph.episodes import short_fights_ended_before
from graph.model import Claim, claim_order
from graph.time import PartialDate
from ontology import RelationKind

__all__ = ["Listed", "episodes_ended_before", "lineage_formed_by", "parts_of", "relations_in_scope"]

_ENDS = ("subject", "object", "actor")


@dataclass(frozen=True)
class Listed:
    """A claim ``relations`` lists, and why: ``match`` (it matches the filters word for word), ``part`` (a
    relation of a body that is part of a named actor), ``lineage`` (a lineage link formed by the date) or
    ``episode`` (a short fight that ended in the days before the date)."""

    claim: Claim
    why: str


def relations_in_scope(graph, filters: dict, pov, *, parts: bool = True) -> list[Listed]:
    """The claims matching ``filters`` at the point of view, with (``parts``) those of the named actors'
    parts, the lineage formed by the date and the short fights just before it; each claim once (under its
    first reason in that order), in the graph's order."""
    filters = {**filters, "predicate": _predicates(filters.get("predicate"))}
    claims = graph.claims(**filters, pov=pov)  # first: an unknown or ambiguous name fails here, as it always did
    found = {c.id: Listed(c, "match") for c in claims}
    if not parts:
        return list(found.values())
    variants = list(_part_variants(graph, filters, pov))
    for variant in variants:
        for c in graph.claims(**variant, pov=pov):
            found.setdefault(c.id, Listed(c, "part"))
    for c in lineage_formed_by(graph, filters, pov):
        found.setdefault(c.id, Listed(c, "lineage"))
    for c in episodes_ended_before(graph, [filters, *variants], pov):
        found.setdefault(c.id, Listed(c, "episode"))
    if len(found) == len(claims):
        return list(found.values())
    return sorted(found.values(), key=lambda item: claim_order(item.claim))


def _predicates(asked) -> list[str] | None:
    """The relation kinds asked for as a list of their values (one kind, several, or none: every kind)."""
    if asked is None:
        return None
    if isinstance(asked, (str, RelationKind)):
        asked = [asked]
    return [RelationKind(p).value for p in asked]


def parts_of(graph, actor: str, pov) -> list[str]:
    """The ids of the bodies recorded as part of ``actor`` at the point of view, and of their parts in turn."""
    seen, todo, out = {actor}, [actor], []
    while todo:
        whole = todo.pop()
        for c in graph.claims(object=whole, predicate=RelationKind.PART_OF, pov=pov):
            if c.subject not in seen:
                seen.add(c.subject)
                out.append(c.subject)
                todo.append(c.subject)
    return sorted(out)


def _part_variants(graph, filters: dict, pov):
    """``filters`` with each named actor replaced, in turn, by one of its parts."""
    for end in _ENDS:
        name = filters.get(end)
        if name is None:
            continue
        actor = graph.resolve(name, on=pov.as_of)
        for part in parts_of(graph, actor, pov):
            yield {**filters, end: part}


def lineage_formed_by(graph, filters: dict, pov) -> list:
    """The lineage links matching ``filters`` whose event began by the point of view's date (none undated)."""
    if pov.as_of is None:
        return []
    asked = [RelationKind(p) for p in filters.get("predicate") or [k.value for k in RelationKind]]
    wanted = [k.value for k in asked if k.spec.lineage]
    if not wanted:
        return []
    found = graph.claims(**{**filters, "predicate": wanted}, pov=replace(pov, as_of=None))
    if pov.certain:  # every reading of the start falls by the date's first day; an unknown start never does
        return [c for c in found if isinstance(c.valid.start, PartialDate) and c.valid.start.last_day <= pov.first_day]
    return [c for c in found if c.valid.possible_from <= pov.last_day]


def episodes_ended_before(graph, variants: list[dict], pov) -> list:
    """The short fights matching any of ``variants`` (filters) that ended in the days before the date."""
    if pov.as_of is None:
        return []
    asked = variants[0].get("predicate")
    if asked and RelationKind.FIGHTS.value not in [RelationKind(p).value for p in asked]:
        return []
    undated = replace(pov, as_of=None)
    ids = {c.id for v in variants for c in graph.claims(**{**v, "predicate": [RelationKind.FIGHTS.value]},
                                                        pov=undated)}
    return short_fights_ended_before(graph, pov, lambda c: c.id in ids) if ids else []
