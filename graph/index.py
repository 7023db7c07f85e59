"""A columnar interval index over claims, for whole-graph time slices.

Per-actor questions walk the actor's own edges; questions about the whole graph at a date
(snapshots, changes) would otherwise scan every claim in Python. This index keeps each claim's
day bounds in numpy arrays so one vectorised comparison answers them.
"""

from __future__ import annotations

import numpy as np

from graph.time import FAR_FUTURE

__all__ = ["IntervalIndex"]


class IntervalIndex:
    """Day bounds of every claim, in insertion order, as numpy arrays."""

    def __init__(self, claims, known_from) -> None:
        """``known_from(claim)`` gives the (possible, certain) first days on which a claim was published."""
        self.ids = [c.id for c in claims]
        self.position = {cid: i for i, cid in enumerate(self.ids)}
        rows = [(v.possible_from, v.possible_to, v.certain_from, v.certain_to, *known_from(c),
                 *v.start_span, *v.end_span) for c in claims for v in (c.valid,)]
        table = np.array(rows, dtype=np.int64).reshape(len(rows), 10)
        (self.possible_from, self.possible_to, self.certain_from, self.certain_to, self.known_possible,
         self.known_certain, self.start_lo, self.start_hi, self.end_lo, self.end_hi) = (
            np.ascontiguousarray(table[:, i]) for i in range(10))

    def __len__(self) -> int:
        return len(self.ids)

    def holding(self, first: int, last: int, *, certain: bool, known_by: int = FAR_FUTURE) -> np.ndarray:
        """Boolean mask of claims that hold in the inclusive day span [first, last] and were known by ``known_by``.

        The possible reading asks for overlap with the span, the certain reading for cover of it.
        """
        if certain:
            mask = (self.certain_from <= first) & (self.certain_to > last)
            if known_by < FAR_FUTURE:
                mask &= self.known_certain <= known_by
        else:
            mask = (self.possible_from <= last) & (self.possible_to > first)
            if known_by < FAR_FUTURE:
                mask &= self.known_possible <= known_by
        return mask

    def starts_within(self, first: int, last: int, *, certain: bool) -> np.ndarray:
        """Claims that began in [first, last]: possibly (the start's span overlaps) or certainly (lies inside)."""
        return _span_within(self.start_lo, self.start_hi, first, last, certain)

    def ends_within(self, first: int, last: int, *, certain: bool) -> np.ndarray:
        """Claims that stopped holding in [first, last], read as for :meth:`starts_within`."""
        return _span_within(self.end_lo, self.end_hi, first, last, certain)


def _span_within(lo: np.ndarray, hi: np.ndarray, first: int, last: int, certain: bool) -> np.ndarray:
    known = lo <= hi  # open and unknown ends have no span and never fall anywhere
    if certain:
        return known & (lo >= first) & (hi <= last)
    return known & (lo <= last) & (hi >= first)
