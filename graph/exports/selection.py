"""Which part of the graph an export writes: a date or a period, relation filters, and the nodes that go with them.

Every format writes a :class:`Subset`, so ``--as-of``, ``--from/--to`` and the relation filters mean
the same thing in all of them, and give exactly the claims the graph's own queries give.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any

from graph.model import Claim, Entity
from graph.time import FAR_FUTURE, FAR_PAST, Bound, day_span, ordinal_to_iso
from ontology import Certainty, parse_term

__all__ = ["FILTER_KEYS", "Selection", "Subset", "data_span", "select"]

#: The relation filters of ``ActorGraph.claims`` that an export accepts (as in ``actorgraph relations``).
FILTER_KEYS = ("subject", "object", "actor", "predicate", "support_type", "status", "kind")


@dataclass(frozen=True, slots=True)
class Selection:
    """What to export: at most one of a day (``as_of``) or a period (``start``/``end``), and filters.

    >>> Selection(as_of="2024-12-05", start="2024-01-01")
    Traceback (most recent call last):
    ...
    ValueError: give either a date (--as-of) or a period (--from/--to), not both
    """

    as_of: str | None = None
    start: str | None = None
    end: str | None = None
    certainty: Certainty = Certainty.POSSIBLE
    known_as_of: str | None = None
    filters: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.as_of is not None and (self.start is not None or self.end is not None):
            raise ValueError("give either a date (--as-of) or a period (--from/--to), not both")
        unknown = sorted(set(self.filters) - set(FILTER_KEYS))
        if unknown:
            raise ValueError(f"unknown export filter(s) {', '.join(unknown)}; valid: {', '.join(FILTER_KEYS)}")
        object.__setattr__(self, "certainty", parse_term(Certainty, self.certainty))
        kept = {k: v for k, v in self.filters.items() if v not in (None, [], ())}
        object.__setattr__(self, "filters", MappingProxyType(kept))
        for name in ("as_of", "start", "end", "known_as_of"):
            value = getattr(self, name)
            if value is not None:
                day_span(value)  # raises InvalidDate with a hint on bad text

    @property
    def period(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True, slots=True)
class Subset:
    """The claims and entities an export writes, and the span of days it covers (inclusive ordinals)."""

    graph: Any
    selection: Selection
    claims: tuple[Claim, ...]
    entities: tuple[Entity, ...]
    first_day: int
    last_day: int

    @property
    def certainty(self) -> Certainty:
        return self.selection.certainty

    @property
    def day(self) -> int:
        """The day a static picture shows: the ``as_of`` date's first day, else the span's last day."""
        if self.selection.as_of is not None:
            return day_span(self.selection.as_of)[0]
        return self.last_day

    def describe(self) -> str:
        """A short human phrase for titles: ``as of 2024-12-05``, ``2024-11-26 to 2024-12-10``..."""
        sel = self.selection
        if sel.as_of is not None:
            text = f"as of {sel.as_of}"
        elif sel.period:
            text = f"{ordinal_to_iso(self.first_day)} to {ordinal_to_iso(self.last_day)}"
        else:
            text = f"{ordinal_to_iso(self.first_day)} to {ordinal_to_iso(self.last_day)} (all dates)"
        if sel.certainty is Certainty.CERTAIN:
            text += ", certain"
        if sel.known_as_of is not None:
            text += f", as known on {sel.known_as_of}"
        return text


def data_span(graph) -> tuple[int, int]:
    """The first and last day (ordinals) any claim, actor or source of ``graph`` names.

    When some claim is still ongoing (an open end, ``..``), the span runs on to today, since such a
    claim holds up to now; it also runs to today when the graph names no date at all.
    """
    days: list[int] = []
    today = date.today().toordinal()
    for c in graph.all_claims():
        v = c.valid
        days += [v.possible_from, v.possible_to - 1, v.certain_from, v.certain_to - 1]
        if v.end is Bound.OPEN:
            days.append(today)
    for a in graph.actors:
        days += [d.first_day for d in (a.founded, a.dissolved) if d is not None]
    days += [s.published.last_day for s in graph.sources]
    days = [d for d in days if FAR_PAST + 1 < d < FAR_FUTURE - 1]
    if not days:
        return today, today
    return min(days), max(days)


def select(graph, selection: Selection | None = None) -> Subset:
    """The claims matching ``selection`` (same answers as ``graph.claims``/``graph.between``) and their entities.

    Entities are those at either end of a chosen claim; without relation filters, every actor that
    existed in the chosen time (all actors when no time is given) is included too, as in ``graph.as_of``.
    """
    sel = selection or Selection()
    filters = dict(sel.filters)
    first, last = data_span(graph)
    if sel.as_of is not None:
        claims = graph.claims(**filters, as_of=sel.as_of, certainty=sel.certainty, known_as_of=sel.known_as_of)
        first, last = day_span(sel.as_of)
    elif sel.period:
        start = sel.start if sel.start is not None else first
        end = sel.end if sel.end is not None else last
        first, last = day_span(start)[0], day_span(end)[1]
        if last < first:
            raise ValueError(f"the period ends ({sel.end}) before it starts ({sel.start})")
        within = {c.id for c in graph.between(start, end, certainty=sel.certainty, known_as_of=sel.known_as_of)}
        claims = [c for c in graph.claims(**filters, known_as_of=sel.known_as_of) if c.id in within]
    else:
        claims = graph.claims(**filters, known_as_of=sel.known_as_of)
    ids = {e for c in claims for e in (c.subject, c.object)}
    if not filters:
        for actor in graph.actors:
            if sel.as_of is None and not sel.period or actor.existence.holds_during(first, last, sel.certainty):
                ids.add(actor.id)
    entities = [graph.get(i) for i in ids]
    entities.sort(key=lambda e: (e.is_place, e.id))
    return Subset(graph, sel, tuple(claims), tuple(entities), first, last)
