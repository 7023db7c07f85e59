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
        n = len(claims)
        self.ids = [c.id for c in claims]
        self.position = {cid: i for i, cid in enumerate(self.ids)}
        self.possible_from = np.empty(n, dtype=np.int64)
        self.possible_to = np.empty(n, dtype=np.int64)
        self.certain_from = np.empty(n, dtype=np.int64)
        self.certain_to = np.empty(n, dtype=np.int64)
        self.known_possible = np.empty(n, dtype=np.int64)
        self.known_certain = np.empty(n, dtype=np.int64)
        self.start_lo = np.empty(n, dtype=np.int64)
        self.start_hi = np.empty(n, dtype=np.int64)
        self.end_lo = np.empty(n, dtype=np.int64)
        self.end_hi = np.empty(n, dtype=np.int64)
        for i, c in enumerate(claims):
            v = c.valid
            self.possible_from[i] = v.possible_from
            self.possible_to[i] = v.possible_to
            self.certain_from[i] = v.certain_from
            self.certain_to[i] = v.certain_to
            self.start_lo[i], self.start_hi[i] = v.start_span
            self.end_lo[i], self.end_hi[i] = v.end_span
            kp, kc = known_from(c)
            self.known_possible[i] = kp
            self.known_certain[i] = kc

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
