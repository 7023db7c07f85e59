"""Short fights that ended just before a date: the strike of last night, the raid of last week.

A strike, a raid or a one-day battle is recorded on its day (``valid: 2022-08-23``), so on the next day it
no longer holds, while a question about it is often dated by the report published that day, or by the
local day of a strike announced the evening before in another time zone. The explainers
(``queries/explain/lately.py``) and ``actorgraph relations`` (``graph/scope.py``) therefore show, as
such, the fights of at most :data:`MAX_EPISODE_DAYS` days that ended in the :data:`LATELY_DAYS` days
before the date. Longer campaigns that just ended are not included: a week-long battle that is over is
no fight going on.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from graph.time import day_span
from ontology import RelationKind

__all__ = ["LATELY_DAYS", "MAX_EPISODE_DAYS", "short_fights_ended_before"]

#: How many days before the date a short fight may have ended and still be shown.
LATELY_DAYS = 7
#: The longest fight (in days, first to last possible day) that counts as a one-off episode.
MAX_EPISODE_DAYS = 3


def short_fights_ended_before(graph, pov, keep: Callable[[object], bool]) -> list:
    """The fights for which ``keep(claim)`` is true that lasted at most ``MAX_EPISODE_DAYS`` days, ended in
    the ``LATELY_DAYS`` days before the point of view's date (``pov.as_of``) and do not hold on it, in the
    graph's order."""
    first = day_span(str(pov.as_of))[0]
    # An end is exclusive: a strike of the day before the date ends on the date itself.
    opens = (date.fromordinal(first) - timedelta(days=LATELY_DAYS)).isoformat()
    closes = date.fromordinal(first).isoformat()
    holds = pov.holds_test()
    out = []
    for c in graph.changes(opens, closes, pov=pov).ended:
        if c.predicate is not RelationKind.FIGHTS or holds(c.valid):
            continue
        if c.valid.possible_to - c.valid.possible_from > MAX_EPISODE_DAYS:
            continue
        if c.valid.possible_to - 1 >= first or not keep(c):  # must have ended before the date
            continue
        out.append(c)
    return out
