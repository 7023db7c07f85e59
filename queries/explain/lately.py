"""One-off fights of the days just before the date: the strike of last night, the raid of last week.

A strike, a raid or a one-day battle is recorded on its day (``valid: 2022-08-23``), so on the next day it
no longer holds and a "whom does X fight?" or "who is fighting in Y?" asked then, often from the report
published that day, would not mention it. These answers therefore add, in a section of their own titled
with the window, the short fights (at most :data:`MAX_EPISODE_DAYS` days long) that ended in the
:data:`LATELY_DAYS` days before the date, each with its own date. Longer campaigns that just ended are
left to the recent changes: a week-long battle over is no fight going on.
"""

from __future__ import annotations

from datetime import date, timedelta

from graph.time import day_span
from ontology import RelationKind
from queries.explain.model import Section

__all__ = ["LATELY_DAYS", "MAX_EPISODE_DAYS", "lately_section", "short_fights_before", "shown_in"]

#: How many days before the date a short fight may have ended and still be shown.
LATELY_DAYS = 7
#: The longest fight (in days, first to last possible day) that counts as a one-off episode.
MAX_EPISODE_DAYS = 3


def short_fights_before(ctx, keep) -> list:
    """The fights for which ``keep(claim)`` is true that lasted at most ``MAX_EPISODE_DAYS`` days, ended in
    the ``LATELY_DAYS`` days before the date and do not hold on it, in the graph's order."""
    first = day_span(ctx.as_of)[0]
    # An end is exclusive: a strike of the day before the date ends on the date itself.
    opens = (date.fromordinal(first) - timedelta(days=LATELY_DAYS)).isoformat()
    closes = date.fromordinal(first).isoformat()
    holds = ctx.pov.holds_test()
    out = []
    for c in ctx.graph.changes(opens, closes, pov=ctx.pov).ended:
        if c.predicate is not RelationKind.FIGHTS or holds(c.valid):
            continue
        if c.valid.possible_to - c.valid.possible_from > MAX_EPISODE_DAYS:
            continue
        if c.valid.possible_to - 1 >= first or not keep(c):  # must have ended before the date
            continue
        out.append(c)
    return out


def lately_section(ctx, keep) -> Section | None:
    """The section of :func:`short_fights_before`, or ``None`` when there is none."""
    claims = short_fights_before(ctx, keep)
    if not claims:
        return None
    return Section("lately", f"Short fights in the {LATELY_DAYS} days before {ctx.date_words()}",
                   tuple(ctx.sentence(c) for c in claims))


def shown_in(section: Section | None) -> frozenset[str]:
    """The ids of the claims a section cites: the recent changes leave out the fights already told here."""
    if section is None:
        return frozenset()
    return frozenset(cid for sentence in section.sentences for cid in sentence.claims)
