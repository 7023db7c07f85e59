"""The point of view of a question: the day it asks about, how partial dates are read, and what was known.

Every question to the graph stands somewhere: "as of 2016-06-01" (valid time), under the ``possible``
or ``certain`` reading of partial dates, "as the record stood on 2017-01-01" (knowledge time). A
:class:`PointOfView` is those three as one value, built once (by the command line, the explainer,
an export) and passed down, and the one place that decides what "holds, and was known" means:

- a claim is seen when the record knew it by ``known_as_of`` (:mod:`graph.knowledge` says when that
  was, and how the claim read then);
- it holds when its validity *as then known* covers the date under the reading: ``possible``, on at
  least one day of the date's span; ``certain``, on every day of it;
- a source is cited only when it was surely published by ``known_as_of``.

>>> pov = PointOfView(as_of="2016", certainty="certain", known_as_of="2017-01-01")
>>> pov.first_day < pov.last_day, pov.known_by == PartialDate.parse("2017-01-01").last_day
(True, True)
>>> PointOfView().knows_everything
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np

from graph.knowledge import EVERYTHING
from graph.time import Interval, PartialDate, parse_day
from ontology import Certainty, parse_term

__all__ = ["PointOfView", "point_of_view"]

DateLike = str | date | PartialDate

@dataclass(frozen=True, slots=True)
class PointOfView:
    """Where a question stands: ``as_of`` (None: any time), ``certainty``, ``known_as_of`` (None: all known)."""

    as_of: PartialDate | None = None
    certainty: Certainty = Certainty.POSSIBLE
    known_as_of: PartialDate | None = None
    first_day: int | None = field(init=False, repr=False, compare=False)
    last_day: int | None = field(init=False, repr=False, compare=False)
    known_by: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        as_of = None if self.as_of is None else parse_day(self.as_of)
        known = None if self.known_as_of is None else parse_day(self.known_as_of)
        object.__setattr__(self, "as_of", as_of)
        object.__setattr__(self, "known_as_of", known)
        object.__setattr__(self, "certainty", parse_term(Certainty, self.certainty))
        object.__setattr__(self, "first_day", None if as_of is None else as_of.first_day)
        object.__setattr__(self, "last_day", None if as_of is None else as_of.last_day)
        object.__setattr__(self, "known_by", EVERYTHING if known is None else known.last_day)

    # ------------------------------------------------------------------ building

    def at(self, as_of: DateLike | None) -> PointOfView:
        """The same reading and knowledge, at another date."""
        return replace(self, as_of=as_of)

    @property
    def certain(self) -> bool:
        return self.certainty is Certainty.CERTAIN

    @property
    def knows_everything(self) -> bool:
        """No knowledge cut-off: every source of the record counts."""
        return self.known_as_of is None

    # ------------------------------------------------------------------ the rules

    def knows(self, day: int) -> bool:
        """Whether something first reported on ``day`` was known from this point of view."""
        return day <= self.known_by

    def cites(self, source: Any) -> bool:
        """Whether a source was surely published by ``known_as_of`` (its partial date read at its last day)."""
        return source.published.last_day <= self.known_by

    def holds(self, interval: Interval) -> bool:
        """Whether a claim valid ``interval`` (as known) holds at ``as_of`` under the reading; always, with no date."""
        if self.first_day is None:
            return True
        return self.holds_during(interval, self.first_day, self.last_day)

    def holds_test(self) -> Callable[[Interval], bool]:
        """:meth:`holds` as one function to call on each claim of a hot loop.

        The same rule with its branches (no date, the reading) taken once here rather than per claim:
        a point query calls it on every candidate claim, and three nested calls per claim made the
        query twice as slow as comparing the day bounds directly.
        """
        first, last = self.first_day, self.last_day
        if first is None:
            return _always
        if self.certain:
            return lambda v: v.certain_from <= first and last < v.certain_to
        return lambda v: v.possible_from <= last and first < v.possible_to

    def holding_claims(self, claims: Iterable[Any]) -> list[Any]:
        """The claims (anything with ``valid``) that :meth:`holds` keeps, in their order: the rule run
        over a whole candidate list, without a call per claim."""
        first, last = self.first_day, self.last_day
        if first is None:
            return list(claims)
        if self.certain:
            return [c for c in claims if c.valid.certain_from <= first and last < c.valid.certain_to]
        return [c for c in claims if c.valid.possible_from <= last and first < c.valid.possible_to]

    def holds_during(self, interval: Interval, first: int, last: int) -> bool:
        """Whether it holds in the inclusive day span: on some day (``possible``) or on every day (``certain``)."""
        return interval.holds_during(first, last, self.certainty)

    def holding(self, columns: Any) -> np.ndarray:
        """The vectorised :meth:`holds` over columns of day bounds (``possible_from``... arrays) and ``known``."""
        mask = np.asarray(columns.known, dtype=bool).copy()
        if self.first_day is not None:
            mask &= self.span_mask(columns, self.first_day, self.last_day)
        return mask

    def span_mask(self, columns: Any, first: int, last: int) -> np.ndarray:
        """Claims of ``columns`` that hold in ``[first, last]`` under the reading (knowledge not applied)."""
        if self.certain:
            return (columns.certain_from <= first) & (columns.certain_to > last)
        return (columns.possible_from <= last) & (columns.possible_to > first)

    def overlap_mask(self, columns: Any, first: int, last: int) -> np.ndarray:
        """Claims of ``columns`` that hold on at least one day of ``[first, last]`` under the reading."""
        lo, hi = (columns.certain_from, columns.certain_to) if self.certain else (
            columns.possible_from, columns.possible_to)
        return (lo <= last) & (hi > first) & (lo < hi) & columns.known

    def began_mask(self, columns: Any, first: int, last: int) -> np.ndarray:
        """Claims that began in ``[first, last]``: possibly (the start's span meets it) or certainly (lies inside)."""
        return _span_within(columns.start_earliest, columns.start_latest, first, last, self.certain) & columns.known

    def ended_mask(self, columns: Any, first: int, last: int) -> np.ndarray:
        """Claims that stopped holding in ``[first, last]``, read as for :meth:`began_mask`."""
        return _span_within(columns.end_earliest, columns.end_latest, first, last, self.certain) & columns.known

    def describe(self) -> str:
        """A short phrase for titles: ``as of 2016-06-01, certain, as known on 2017-01-01``."""
        parts = [f"as of {self.as_of}"] if self.as_of is not None else []
        if self.certain:
            parts.append("certain")
        if self.known_as_of is not None:
            parts.append(f"as known on {self.known_as_of}")
        return ", ".join(parts)


@lru_cache(maxsize=1024)
def _point_of_view(as_of: DateLike | None, certainty: Certainty | str, known_as_of: DateLike | None) -> PointOfView:
    """Points of view are immutable and point queries repeat a few dates: parsing them once saves
    about a fifth of a point query."""
    return PointOfView(as_of, certainty, known_as_of)


def _always(_interval: Interval) -> bool:
    return True


def point_of_view(pov: PointOfView | None = None, *, as_of: DateLike | None = None,
                  certainty: Certainty | str | None = None, known_as_of: DateLike | None = None) -> PointOfView:
    """A point of view from one value or from the three loose arguments older calls pass.

    Loose arguments given alongside ``pov`` replace its fields (``certainty=None`` keeps it).

    >>> point_of_view(as_of="2016-06-01").as_of
    PartialDate(year=2016, month=6, day=1, qualifier='')
    >>> point_of_view(PointOfView(known_as_of="2015"), as_of="2016").describe()
    'as of 2016, as known on 2015'
    """
    if pov is None:
        certainty = certainty if certainty is not None else Certainty.POSSIBLE
        try:
            return _point_of_view(as_of, certainty, known_as_of)
        except TypeError:  # an unhashable argument: PointOfView says what is wrong with it
            return PointOfView(as_of, certainty, known_as_of)
    if as_of is None and certainty is None and known_as_of is None:
        return pov
    return PointOfView(as_of if as_of is not None else pov.as_of,
                       certainty if certainty is not None else pov.certainty,
                       known_as_of if known_as_of is not None else pov.known_as_of)


def _span_within(lo: np.ndarray, hi: np.ndarray, first: int, last: int, certain: bool) -> np.ndarray:
    dated = lo <= hi  # open and unknown ends have no span and never fall anywhere
    if certain:
        return dated & (lo >= first) & (hi <= last)
    return dated & (lo <= last) & (hi >= first)
