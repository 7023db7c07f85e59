"""Partial dates and validity intervals: the temporal value types of the model.

A date in the record is often partial ("2015", "2016-12"). It stays partial: a :class:`PartialDate`
is the span of days it may stand for, never a fake first day. An :class:`Interval` is when a claim
held, from EDTF notation (``2015-09-30/2024-12-08``, ``2015/..``, ``2015/``); its ends are exclusive.

"Holds on day D" has two readings (:class:`ontology.Certainty`): ``possible`` (some choice of the
exact days behind the partial dates makes it hold) and ``certain`` (every choice does). Both are
precomputed as day numbers (``date.toordinal()``) so that queries compare integers.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

from ontology import Certainty, InvalidDate, InvalidInterval

__all__ = [
    "FAR_FUTURE",
    "FAR_PAST",
    "Bound",
    "DayBounds",
    "Interval",
    "PartialDate",
    "Precision",
    "day_span",
    "parse_day",
]

FAR_PAST = -(10**9)
FAR_FUTURE = 10**9

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([?~%])?$")


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True, slots=True, order=False)
class PartialDate:
    """A calendar date known to the year, the month or the day.

    >>> d = PartialDate.parse("2016-12")
    >>> d.earliest, d.latest
    (datetime.date(2016, 12, 1), datetime.date(2016, 12, 31))
    >>> str(d), d.precision.value
    ('2016-12', 'month')
    """

    year: int
    month: int | None = None
    day: int | None = None
    qualifier: str = ""  # EDTF '?' uncertain, '~' approximate, '%' both
    first_day: int = field(init=False, compare=False, repr=False)  # ordinal of the earliest day it may be
    last_day: int = field(init=False, compare=False, repr=False)  # ordinal of the latest day it may be

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise InvalidDate(f"a day needs a month: {self.year}-??-{self.day}")
        if self.qualifier not in ("", "?", "~", "%"):
            raise InvalidDate(f"unknown EDTF qualifier {self.qualifier!r}; expected ?, ~ or %")
        try:
            if self.month is None:
                lo, hi = date(self.year, 1, 1), date(self.year, 12, 31)
            elif self.day is None:
                lo = date(self.year, self.month, 1)
                hi = date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
            else:
                lo = hi = date(self.year, self.month, self.day)
        except ValueError as exc:
            raise InvalidDate(f"{self._text()} is not a real date ({exc})") from None
        object.__setattr__(self, "first_day", lo.toordinal())
        object.__setattr__(self, "last_day", hi.toordinal())

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read an EDTF date: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, optionally ending in ``?``, ``~`` or ``%``."""
        if isinstance(text, PartialDate):
            return text
        if isinstance(text, date):
            return cls(text.year, text.month, text.day)
        m = _DATE_RE.match(str(text).strip())
        if not m:
            raise InvalidDate(
                f"{text!r} is not an EDTF date; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2015, 2015-09, 2015-09-30)"
            )
        year, month, day, qual = m.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None, qual or "")

    @classmethod
    def from_date(cls, d: date) -> PartialDate:
        return cls(d.year, d.month, d.day)

    @property
    def precision(self) -> Precision:
        if self.month is None:
            return Precision.YEAR
        if self.day is None:
            return Precision.MONTH
        return Precision.DAY

    @property
    def earliest(self) -> date:
        return date.fromordinal(self.first_day)

    @property
    def latest(self) -> date:
        return date.fromordinal(self.last_day)

    def _text(self) -> str:
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
        if self.day is not None:
            out += f"-{self.day:02d}"
        return out + self.qualifier

    def __str__(self) -> str:
        return self._text()


class Bound(StrEnum):
    """An interval end that is not a date: ``..`` open (no end, still holds) or empty (unknown)."""

    OPEN = ".."
    UNKNOWN = ""


End = PartialDate | Bound


def _parse_end(text: str) -> End:
    text = text.strip()
    if text == "..":
        return Bound.OPEN
    if text == "":
        return Bound.UNKNOWN
    return PartialDate.parse(text)


@dataclass(frozen=True, slots=True)
class Interval:
    """When a claim held: an EDTF interval whose partial ends are spans of uncertainty.

    ``end`` is exclusive: a claim valid ``2015-09-30/2024-12-08`` is false on 2024-12-08.
    A single date (``single=True``, EDTF ``2016-12``) means the claim held on some day within it.

    >>> i = Interval.parse("2015/2017")
    >>> i.holds_on(date(2015, 6, 1)), i.holds_on(date(2015, 6, 1), Certainty.CERTAIN)
    (True, False)
    >>> i.holds_on(date(2016, 6, 1), Certainty.CERTAIN), i.holds_on(date(2018, 1, 1))
    (True, False)
    >>> Interval.parse("2015-09-30/2024-12-08").holds_on(date(2024, 12, 8))
    False
    """

    start: End = Bound.UNKNOWN
    end: End = Bound.UNKNOWN
    single: bool = False
    #: days [first, last) outside which the claim cannot hold whatever its dates say: the lifetime of the
    #: actors it links. Not part of the EDTF text; the graph sets it so that an unknown end cannot run
    #: past a dissolution (nor an unknown start before a founding).
    window: tuple[int, int] | None = field(default=None, repr=False, compare=False)
    possible_from: int = field(init=False, repr=False, compare=False)
    possible_to: int = field(init=False, repr=False, compare=False)
    certain_from: int = field(init=False, repr=False, compare=False)
    certain_to: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        start, end = self.start, self.end
        if self.single:
            if not isinstance(start, PartialDate) or start != end:
                raise InvalidInterval("a single-date interval needs the same date at both ends")
            pf, pt = start.first_day, start.last_day + 1
            day_precise = start.precision is Precision.DAY
            cf, ct = (start.first_day, start.first_day + 1) if day_precise else (FAR_FUTURE, FAR_PAST)
        else:
            if isinstance(start, PartialDate) and isinstance(end, PartialDate):
                if end.last_day < start.first_day:
                    raise InvalidInterval(f"interval {self.edtf} ends before it starts")
                if end.last_day <= start.first_day:
                    raise InvalidInterval(
                        f"interval {self.edtf} ends the day it begins, and ends are exclusive, so it never holds; "
                        f"for something that held on that one day write the single date {start}")
            pf = start.first_day if isinstance(start, PartialDate) else FAR_PAST
            pt = end.last_day if isinstance(end, PartialDate) else FAR_FUTURE
            cf = start.last_day if isinstance(start, PartialDate) else (FAR_PAST if start is Bound.OPEN else None)
            ct = end.first_day if isinstance(end, PartialDate) else (FAR_FUTURE if end is Bound.OPEN else None)
            if cf is None and ct is None:  # nothing known: never certain
                cf, ct = FAR_FUTURE, FAR_PAST
            elif cf is None:  # unknown start: certain only just before a known end
                cf = ct - 1 if ct < FAR_FUTURE else FAR_FUTURE
            elif ct is None:  # unknown end: certain only on the last possible start day
                ct = cf + 1 if cf > FAR_PAST else FAR_PAST
        if self.window is not None:
            lo, hi = self.window
            pf, pt, cf, ct = max(pf, lo), min(pt, hi), max(cf, lo), min(ct, hi)
        object.__setattr__(self, "possible_from", pf)
        object.__setattr__(self, "possible_to", pt)
        object.__setattr__(self, "certain_from", cf)
        object.__setattr__(self, "certain_to", ct)

    def within(self, first: int, last_exclusive: int) -> Interval:
        """The same interval, held to the days ``[first, last_exclusive)`` (e.g. its actors' lifetime)."""
        lo, hi = (first, last_exclusive) if self.window is None else (
            max(first, self.window[0]), min(last_exclusive, self.window[1]))
        if (lo, hi) == (FAR_PAST, FAR_FUTURE):
            return self
        return Interval(self.start, self.end, self.single, window=(lo, hi))

    @property
    def start_span(self) -> tuple[int, int]:
        """Inclusive days within which the first day of holding lies; (FAR_FUTURE, FAR_PAST) if open or unknown."""
        start = self.start
        return (start.first_day, start.last_day) if isinstance(start, PartialDate) else (FAR_FUTURE, FAR_PAST)

    @property
    def end_span(self) -> tuple[int, int]:
        """Inclusive days within which the first day of no longer holding lies (same convention)."""
        if self.single:
            return self.start.first_day + 1, self.start.last_day + 1
        end = self.end
        return (end.first_day, end.last_day) if isinstance(end, PartialDate) else (FAR_FUTURE, FAR_PAST)

    @classmethod
    def parse(cls, text: str | None) -> Interval:
        """Read an EDTF interval (``A/B``, with ``..`` for open and an empty side for unknown) or a single date."""
        if text is None or str(text).strip() == "":
            return cls()
        text = str(text).strip()
        if "/" not in text:
            d = PartialDate.parse(text)
            return cls(d, d, single=True)
        left, _, right = text.partition("/")
        if "/" in right:
            raise InvalidInterval(f"{text!r} has more than one '/'; write START/END, e.g. 2015-09-30/2024-12-08")
        try:
            return cls(_parse_end(left), _parse_end(right))
        except InvalidDate as exc:
            raise InvalidInterval(f"{text!r}: {exc}") from None

    @classmethod
    def between(cls, start: str | PartialDate | None, end: str | PartialDate | None) -> Interval:
        """Build from two sides; ``None`` is an unknown side and ``".."`` an open one."""
        def side(v):
            if v is None:
                return Bound.UNKNOWN
            return v if isinstance(v, PartialDate) else _parse_end(str(v))
        return cls(side(start), side(end))

    @property
    def edtf(self) -> str:
        if self.single:
            return str(self.start)
        if self.start is Bound.UNKNOWN and self.end is Bound.UNKNOWN:
            return ""
        return f"{_side_text(self.start)}/{_side_text(self.end)}"

    def __str__(self) -> str:
        return self.edtf

    def bounds(self, certainty: Certainty = Certainty.POSSIBLE) -> tuple[int, int]:
        """The half-open day range ``[from, to)`` in which the claim holds under ``certainty``."""
        if certainty is Certainty.CERTAIN or certainty == "certain":
            return self.certain_from, self.certain_to
        return self.possible_from, self.possible_to

    def holds_on(self, day: date | int, certainty: Certainty = Certainty.POSSIBLE) -> bool:
        d = day if isinstance(day, int) else day.toordinal()
        lo, hi = self.bounds(certainty)
        return lo <= d < hi

    def holds_during(self, first: int, last: int, certainty: Certainty = Certainty.POSSIBLE) -> bool:
        """Whether it holds in the inclusive day span ``[first, last]``.

        ``possible``: on at least one day of the span; ``certain``: on every day of it.
        """
        lo, hi = self.bounds(certainty)
        if certainty is Certainty.CERTAIN or certainty == "certain":
            return lo <= first and last < hi
        return lo <= last and first < hi


def _side_text(side: End) -> str:
    return str(side) if isinstance(side, PartialDate) else side.value


def parse_day(value: str | date | PartialDate) -> PartialDate:
    """Read a query date: a ``date``, or EDTF text at any precision (``2016`` means the whole year)."""
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, date):
        return PartialDate.from_date(value)
    return PartialDate.parse(value)


def day_span(value: str | date | PartialDate | int) -> tuple[int, int]:
    """The inclusive ordinal day span a query date stands for (``2016`` is the whole year)."""
    if isinstance(value, int):
        return value, value
    if isinstance(value, date):
        day = value.toordinal()
        return day, day
    if isinstance(value, PartialDate):
        return value.first_day, value.last_day
    return _text_span(value)


@lru_cache(maxsize=4096)
def _text_span(text: str) -> tuple[int, int]:
    d = PartialDate.parse(text)
    return d.first_day, d.last_day


def ordinal_to_iso(day: int) -> str | None:
    """ISO text of an ordinal day, or ``None`` for the infinities."""
    if day <= FAR_PAST or day >= FAR_FUTURE:
        return None
    return date.fromordinal(day).isoformat()


class DayBounds(NamedTuple):
    """The day numbers derived from an interval that every query compares, declared once.

    The index's columns, the store's arrays, the RDF properties (``possibleFrom``...) and the
    property-graph properties (``possible_from_day``...) are named after these fields. Ranges are
    half-open ``[from, to)`` for each reading; ``start_*``/``end_*`` are the inclusive spans of days in
    which the first day of holding, and the first day of no longer holding, lie. Infinite or missing
    bounds are :data:`FAR_PAST`/:data:`FAR_FUTURE` (a missing span is ``(FAR_FUTURE, FAR_PAST)``);
    each output writes them its own way (see ``graph/rdf.py`` and ``graph/exports/fields.py``).
    """

    possible_from: int
    possible_to: int
    certain_from: int
    certain_to: int
    start_earliest: int
    start_latest: int
    end_earliest: int
    end_latest: int

    @classmethod
    def of(cls, interval: Interval) -> DayBounds:
        """The bounds of ``interval``.

        >>> DayBounds.of(Interval.parse("2015/..")).start_earliest == date(2015, 1, 1).toordinal()
        True
        """
        return cls(interval.possible_from, interval.possible_to, interval.certain_from, interval.certain_to,
                   *interval.start_span, *interval.end_span)
