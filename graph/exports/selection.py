"""Which part of the graph an export writes: a date or a period, relation filters, and the nodes that go with them.

Every format writes a :class:`Subset`, so ``--as-of``, ``--from/--to`` and the relation filters mean
the same thing in all of them, and give exactly the claims the graph's own queries give.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any

from graph.model import Claim, Entity
from graph.pointofview import PointOfView
from graph.time import FAR_FUTURE, FAR_PAST, Bound, day_span, ordinal_to_iso
from ontology import Certainty

__all__ = ["FILTER_KEYS", "Selection", "Subset", "busy_span", "data_span", "last_event_day", "select"]

#: The relation filters of ``ActorGraph.claims`` that an export accepts (as in ``actorgraph relations``).
FILTER_KEYS = ("subject", "object", "actor", "predicate", "support_type", "status", "kind")


@dataclass(frozen=True, slots=True)
class Selection:
    """What to export: a point of view (a day or none, the reading, a knowledge cut-off), or a period, and filters.

    >>> Selection.of(as_of="2024-12-05", start="2024-01-01")
    Traceback (most recent call last):
    ...
    ValueError: give either a date (--as-of) or a period (--from/--to), not both
    """

    pov: PointOfView = field(default_factory=PointOfView)
    start: str | None = None
    end: str | None = None
    filters: Mapping[str, Any] = field(default_factory=dict)
    #: an ego network: only claims within ``hops`` links of this actor (id), on the selected days
    around: str | None = None
    hops: int = 1

    def __post_init__(self) -> None:
        if isinstance(self.hops, bool) or not isinstance(self.hops, int) or self.hops < 1:
            raise ValueError(f"--hops must be a whole number of at least 1, not {self.hops!r}")
        if self.pov.as_of is not None and (self.start is not None or self.end is not None):
            raise ValueError("give either a date (--as-of) or a period (--from/--to), not both")
        unknown = sorted(set(self.filters) - set(FILTER_KEYS))
        if unknown:
            raise ValueError(f"unknown export filter(s) {', '.join(unknown)}; valid: {', '.join(FILTER_KEYS)}")
        kept = {k: v for k, v in self.filters.items() if v not in (None, [], ())}
        object.__setattr__(self, "filters", MappingProxyType(kept))
        for name in ("start", "end"):
            value = getattr(self, name)
            if value is not None:
                day_span(value)  # raises InvalidDate with a hint on bad text

    @classmethod
    def of(cls, *, as_of=None, start=None, end=None, certainty=Certainty.POSSIBLE, known_as_of=None,
           filters: Mapping[str, Any] | None = None, around: str | None = None, hops: int = 1) -> Selection:
        """A selection from the command line's loose options."""
        return cls(PointOfView(as_of, certainty, known_as_of), start, end, filters or {}, around, hops)

    @property
    def as_of(self) -> str | None:
        return None if self.pov.as_of is None else str(self.pov.as_of)

    @property
    def certainty(self) -> Certainty:
        return self.pov.certainty

    @property
    def known_as_of(self) -> str | None:
        return None if self.pov.known_as_of is None else str(self.pov.known_as_of)

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
        if sel.around is not None:
            text += f", within {sel.hops} link{'s' if sel.hops > 1 else ''} of {self.graph.get(sel.around).name}"
        if sel.certainty is Certainty.CERTAIN:
            text += ", certain"
        if sel.known_as_of is not None:
            text += f", as known on {sel.known_as_of}"
        return text


def data_span(graph, pov: PointOfView | None = None) -> tuple[int, int]:
    """The first and last day (ordinals) any claim, actor or source of ``graph`` names (as known from ``pov``).

    When some claim is still ongoing (an open end, ``..``), the span runs on to today, since such a
    claim holds up to now; it also runs to today when the graph names no date at all.
    """
    pov = pov or PointOfView()
    days: list[int] = []
    today = date.today().toordinal()
    for c in graph.claims(pov=pov.at(None)):
        v = c.valid
        days += [v.possible_from, v.possible_to - 1, v.certain_from, v.certain_to - 1]
        if v.end is Bound.OPEN:
            days.append(today)
    for a in graph.known_actors(pov):
        days += [d.first_day for d in (a.founded, a.dissolved) if d is not None]
    days += [s.published.last_day for s in graph.sources if pov.cites(s)]
    days = [d for d in days if FAR_PAST + 1 < d < FAR_FUTURE - 1]
    if not days:
        return today, today
    return min(days), max(days)


def last_event_day(graph, pov: PointOfView | None = None) -> int:
    """The last day the record dates an event on: a claim's start or end, an actor's founding or dissolution.

    This is the day pictures show and the viewer opens on when no date is given. Unlike the end of
    :func:`data_span` it never runs on to today because a claim is still open: a picture of "today"
    would draw a group that dissolved before the record's last event, but whose end no source
    dated, as still there. Partial dates count from their first day (an end in "2025" may be on
    1 January). Publication days are not events and do not count. Never later than today.
    """
    pov = pov or PointOfView()
    today = date.today().toordinal()
    days: list[int] = []
    for c in graph.claims(pov=pov.at(None)):
        for lo, _hi in (c.valid.start_span, c.valid.end_span):
            days.append(lo)
    for a in graph.known_actors(pov):
        days += [d.first_day for d in (a.founded, a.dissolved) if d is not None]
    days = [d for d in days if FAR_PAST + 1 < d < FAR_FUTURE - 1]
    return min(max(days), today) if days else today


def busy_span(graph, pov: PointOfView | None = None, *, share_of_peak: float = 0.05) -> tuple[int, int]:
    """The days a time slider should cover: from where the record's dated events get going to its last one.

    Background facts (a state founded in 1945, an alliance of 1949) would otherwise stretch a slider
    over decades in which nothing of the conflict happens. The span covers whole years: from 1 January
    of the first year whose dated claim starts and ends number at least ``share_of_peak`` of the busiest
    year's, to 31 December of the year of :func:`last_event_day` (or the end of the data, if sooner);
    other days stay reachable by typing a date. A share of the busiest year, not a share of all events,
    so that a record growing in its later years does not push the slider past the war's first year. With
    fewer than 20 dated events, it starts where the data starts.
    """
    first, last = data_span(graph, pov)
    end = min(date(date.fromordinal(last_event_day(graph, pov)).year, 12, 31).toordinal(), last)
    years = Counter(date.fromordinal(lo).year for c in graph.claims(pov=(pov or PointOfView()).at(None))
                    for lo, _hi in (c.valid.start_span, c.valid.end_span) if FAR_PAST + 1 < lo < FAR_FUTURE - 1)
    if sum(years.values()) < 20:
        return first, max(first, end)
    peak = max(years.values())
    start = date(min(y for y, n in years.items() if n >= share_of_peak * peak), 1, 1).toordinal()
    return max(first, min(start, end)), max(first, end)


def _around(graph, claims, centre: str, hops: int):
    """The claims within ``hops`` links of ``centre``; places end a walk (two groups in one town are not linked)."""
    by_entity: dict[str, list] = {}
    for c in claims:
        by_entity.setdefault(c.subject, []).append(c)
        by_entity.setdefault(c.object, []).append(c)
    reached, frontier, kept = {centre}, [centre], {}
    for _ in range(hops):
        nxt = []
        for entity in frontier:
            if entity != centre and graph.get(entity).is_place:
                continue
            for c in by_entity.get(entity, ()):
                kept[c.id] = c
                other = c.object if c.subject == entity else c.subject
                if other not in reached:
                    reached.add(other)
                    nxt.append(other)
        frontier = nxt
    return [c for c in claims if c.id in kept]


def select(graph, selection: Selection | None = None) -> Subset:
    """The claims matching ``selection`` (same answers as ``graph.claims``/``graph.between``) and their entities.

    Entities are those at either end of a chosen claim; without relation filters, every actor that
    existed in the chosen time (all actors when no time is given) is included too, as in ``graph.as_of``.
    With a knowledge cut-off, claims and actors are as the record then stood, and actors it did not
    know yet are left out.
    """
    sel = selection or Selection()
    pov = sel.pov
    filters = dict(sel.filters)
    first, last = data_span(graph, pov)
    if sel.as_of is not None:
        claims = graph.claims(**filters, pov=pov)
        first, last = pov.first_day, pov.last_day
    elif sel.period:
        start = sel.start if sel.start is not None else first
        end = sel.end if sel.end is not None else last
        first, last = day_span(start)[0], day_span(end)[1]
        if last < first:
            raise ValueError(f"the period ends ({sel.end}) before it starts ({sel.start})")
        within = {c.id for c in graph.between(start, end, pov=pov)}
        claims = [c for c in graph.claims(**filters, pov=pov) if c.id in within]
    else:
        claims = graph.claims(**filters, pov=pov)
    if sel.around is not None:
        graph.get(sel.around)  # raises ActorNotFound with the closest names
        claims = _around(graph, claims, sel.around, sel.hops)
    ids = {e for c in claims for e in (c.subject, c.object)}
    if sel.around is not None:
        if graph.entity_as_known(sel.around, pov) is not None:
            ids.add(sel.around)
    elif not filters:
        for actor in graph.known_actors(pov):
            if sel.as_of is None and not sel.period or pov.holds_during(actor.existence, first, last):
                ids.add(actor.id)
    entities = [graph.entity_as_known(i, pov) for i in ids]
    entities.sort(key=lambda e: (e.is_place, e.id))
    return Subset(graph, sel, tuple(claims), tuple(entities), first, last)
