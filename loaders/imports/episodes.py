"""Events of one pair and relation, grouped into episodes that become one claim each.

Event datasets (ACLED, ICEWS) report days, not relations. A relation is read off a run of events:
events of the same pair and relation less than ``max_gap_days`` apart belong to one episode; the
claim is valid from the first event to the last (end exclusive: the day after it), and a lone event
gives a claim on that one date. Dates keep their precision: an event known only to the month starts
or ends its episode with that month. Episodes with fewer than ``min_events`` distinct events make no
claim (they are counted, so the report can say what was left out).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["Episode", "Event", "EventGroups", "day_event", "month_event", "take_pending"]


@dataclass(frozen=True, slots=True)
class Event:
    """One dated event: its first and last possible day (ordinals) and how to write its start and end."""

    first: int
    last: int
    start: str  # EDTF text of the day (or month) it happened
    end: str  # EDTF text of the exclusive end of a relation shown by it alone
    event_id: str
    source: str
    deaths: int = 0


def day_event(day: int, event_id: str, source: str, deaths: int = 0, *, approximate: bool = False) -> Event:
    """An event known to the day (``approximate``: within a few days, written with EDTF ``~``)."""
    mark = "~" if approximate else ""
    return Event(day, day, date.fromordinal(day).isoformat() + mark,
                 (date.fromordinal(day) + timedelta(days=1)).isoformat() + mark, event_id, source, deaths)


def month_event(day: int, event_id: str, source: str, deaths: int = 0) -> Event:
    """An event known only to the month of ``day``."""
    d = date.fromordinal(day)
    first = d.replace(day=1)
    nxt = (first + timedelta(days=32)).replace(day=1)
    return Event(first.toordinal(), nxt.toordinal() - 1, f"{d:%Y-%m}", f"{d:%Y-%m}", event_id, source, deaths)


@dataclass(frozen=True, slots=True)
class Episode:
    """A run of events of one pair and relation, and the valid time of the claim it makes."""

    predicate: str
    subject: str
    object: str
    events: tuple[Event, ...]

    @property
    def valid(self) -> str:
        first = min(self.events, key=lambda e: (e.first, e.last))
        last = max(self.events, key=lambda e: (e.last, e.first))
        if all(e.start == first.start for e in self.events):
            return first.start
        return f"{first.start}/{last.end}"

    @property
    def event_ids(self) -> list[str]:
        return sorted({e.event_id for e in self.events})

    @property
    def sources(self) -> list[str]:
        return sorted({e.source for e in self.events})

    @property
    def deaths(self) -> int:
        seen: dict[str, int] = {}
        for e in self.events:
            seen[e.event_id] = max(seen.get(e.event_id, 0), e.deaths)
        return sum(seen.values())

    @property
    def first_day(self) -> str:
        return date.fromordinal(min(e.first for e in self.events)).isoformat()

    def record(self, claim_id: str, cite, *, max_ids: int = 20) -> dict:
        """The claim record of this episode: ``reported``, a candidate, with its events as evidence.

        ``cite(n)`` writes the note of a source that reported ``n`` of the events.
        """
        ids = self.event_ids
        more = f";(+{len(ids) - max_ids} more)" if len(ids) > max_ids else ""
        counts = {src: len({e.event_id for e in self.events if e.source == src}) for src in self.sources}
        return {
            "id": claim_id,
            "subject": self.subject,
            "predicate": self.predicate,
            "object": self.object,
            "valid": self.valid,
            "status": "reported",
            "sources": [{"id": src, "note": cite(n)} for src, n in counts.items()],
            "qualifiers": {"candidate": "yes", "events": str(len(ids)), "event_ids": ";".join(ids[:max_ids]) + more},
        }


class EventGroups:
    """Collects events per (relation, subject, object) and cuts them into episodes."""

    def __init__(self, *, max_gap_days: int = 30, min_events: int = 1, symmetric=("fights", "allied_with")) -> None:
        if max_gap_days < 0 or min_events < 1:
            raise ValueError("max_gap_days must be >= 0 and min_events >= 1")
        self.max_gap_days, self.min_events, self.symmetric = max_gap_days, min_events, frozenset(symmetric)
        self._events: dict[tuple[str, str, str], list[Event]] = defaultdict(list)
        self.dropped = 0  # episodes with fewer than min_events events

    def add(self, predicate: str, subject: str, obj: str, event: Event) -> None:
        if subject == obj:
            return
        if predicate in self.symmetric and obj < subject:
            subject, obj = obj, subject
        self._events[(predicate, subject, obj)].append(event)

    def episodes(self):
        """Every episode with at least ``min_events`` distinct events, in a stable order."""
        for (predicate, subject, obj), events in sorted(self._events.items()):
            events.sort(key=lambda e: (e.first, e.last, e.event_id))
            run: list[Event] = [events[0]]
            reach = events[0].last
            for e in events[1:]:
                if e.first - reach > self.max_gap_days:
                    yield from self._keep(predicate, subject, obj, run)
                    run = []
                run.append(e)
                reach = max(reach, e.last)
            yield from self._keep(predicate, subject, obj, run)

    def _keep(self, predicate, subject, obj, run):
        if len({e.event_id for e in run}) >= self.min_events:
            yield Episode(predicate, subject, obj, tuple(run))
        else:
            self.dropped += 1


def take_pending(bundle, key: str) -> dict | None:
    """The state a reader kept for ``key`` across the files of an import, with its files' sources now added."""
    state = bundle.pending.pop(key, None)
    if state:
        for record in state["sources"].values():
            bundle.add_source(record)
    return state
