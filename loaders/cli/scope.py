"""What ``actorgraph relations`` lists for a question, beyond the claims that match its filters word for word.

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

``--exact`` turns both off.
"""

from __future__ import annotations

from dataclasses import replace

from graph.time import PartialDate
from ontology import RelationKind

__all__ = ["lineage_formed_by", "parts_of", "relations_in_scope"]

_ENDS = ("subject", "object", "actor")


def relations_in_scope(graph, filters: dict, pov, *, parts: bool = True) -> list:
    """The claims matching ``filters`` at the point of view, with (``parts``) those of the named actors'
    parts and the lineage formed by the date; each claim once, in the graph's order."""
    claims = graph.claims(**filters, pov=pov)  # first: an unknown or ambiguous name fails here, as it always did
    if not parts:
        return claims
    found = {c.id: c for c in claims}
    for variant in _part_variants(graph, filters, pov):
        for c in graph.claims(**variant, pov=pov):
            found.setdefault(c.id, c)
    for c in lineage_formed_by(graph, filters, pov):
        found.setdefault(c.id, c)
    if len(found) == len(claims):
        return claims
    return sorted(found.values(), key=lambda c: (c.valid.possible_from, c.subject, c.predicate.value, c.object, c.id))


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
