"""A columnar interval index over claims, for whole-graph time slices.

Per-actor questions walk the actor's own edges; questions about the whole graph at a date
(snapshots, changes) would otherwise scan every claim in Python. This index keeps each claim's
:class:`graph.time.DayBounds` in numpy arrays so one vectorised comparison answers them, and, for a
knowledge cut-off, the bounds each claim had at that day (built from the claims' knowledge epochs the
first time a cut-off is asked for).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from graph.knowledge import EVERYTHING, ClaimKnowledge
from graph.time import FAR_FUTURE, FAR_PAST, DayBounds

__all__ = ["DayColumns", "IntervalIndex"]

#: The bounds of a claim that is not known: it never holds, never begins, never ends.
_UNSEEN = DayBounds(FAR_FUTURE, FAR_PAST, FAR_FUTURE, FAR_PAST, FAR_FUTURE, FAR_PAST, FAR_FUTURE, FAR_PAST)


class DayColumns:
    """One numpy array per :class:`DayBounds` field, plus ``known``: whether each claim is seen at all."""

    def __init__(self, table: np.ndarray, known: np.ndarray) -> None:
        for i, name in enumerate(DayBounds._fields):
            setattr(self, name, np.ascontiguousarray(table[:, i]))
        self.known = known


class IntervalIndex:
    """Day bounds of every claim, in insertion order, as numpy arrays."""

    def __init__(self, claims, knowledge_of: Callable[[object], ClaimKnowledge]) -> None:
        """``knowledge_of(claim)`` gives the claim's :class:`graph.knowledge.ClaimKnowledge` (asked lazily)."""
        self.ids = [c.id for c in claims]
        self.position = {cid: i for i, cid in enumerate(self.ids)}
        self._claims = claims
        self._knowledge_of = knowledge_of
        rows = [DayBounds.of(c.valid) for c in claims]
        table = np.array(rows, dtype=np.int64).reshape(len(rows), len(DayBounds._fields))
        self.base = DayColumns(table, np.ones(len(rows), dtype=bool))
        self._epochs: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None
        self._cut: tuple[int, DayColumns] | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def columns(self, known_by: int = EVERYTHING) -> DayColumns:
        """The bounds each claim had as the record stood at the end of day ``known_by``."""
        if known_by >= EVERYTHING:
            return self.base
        if self._cut is not None and self._cut[0] == known_by:
            return self._cut[1]
        known_from, owner, since, until, bounds = self._epoch_table()
        known = known_from <= known_by
        table = np.stack([getattr(self.base, name) for name in DayBounds._fields], axis=1)
        rows = np.flatnonzero((since <= known_by) & (until > known_by))
        table[owner[rows]] = bounds[rows]
        table[~known] = _UNSEEN
        cut = DayColumns(table, known)
        self._cut = (known_by, cut)
        return cut

    def _epoch_table(self):
        """When each claim became known, and its earlier knowledge epochs (owner row, span, bounds).

        A claim's last epoch is the claim as the whole record states it, which ``base`` already
        holds; only the epochs before it (an end reported after the start, a lifetime reported late)
        need rows, so the table stays small.
        """
        if self._epochs is None:
            known_from = np.empty(len(self.ids), dtype=np.int64)
            owner, since, until, bounds = [], [], [], []
            for i, c in enumerate(self._claims):
                k = self._knowledge_of(c)
                known_from[i] = k.known_from
                for e in k.epochs[:-1]:
                    owner.append(i)
                    since.append(e.known_from)
                    until.append(e.known_to)
                    bounds.append(DayBounds.of(e.valid))
            self._epochs = (known_from, np.array(owner, dtype=np.int64), np.array(since, dtype=np.int64),
                            np.array(until, dtype=np.int64),
                            np.array(bounds, dtype=np.int64).reshape(len(bounds), len(DayBounds._fields)))
        return self._epochs
